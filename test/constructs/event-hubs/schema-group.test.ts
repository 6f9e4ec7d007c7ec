import { SchemaGroup } from "../../../constructs/event-hubs";
import { analytics, namespace, onlyResource, synth } from "./synth";

describe("SchemaGroup", () => {
  it("registers an Avro schema group with the given compatibility in the namespace", () => {
    const json = synth(
      (s) =>
        new SchemaGroup(s, "sg", {
          namespace: namespace(s),
          name: "telemetry-schemas",
          compatibility: "Backward",
        }),
    );
    expect(onlyResource(json, "azurerm_eventhub_namespace_schema_group")).toMatchObject({
      name: "telemetry-schemas",
      schema_compatibility: "Backward",
      schema_type: "Avro",
      namespace_id: expect.stringMatching(/azurerm_eventhub_namespace\.ns_namespace_/),
    });
  });

  it.each(["None", "Forward"] as const)("accepts %s compatibility", (compatibility) => {
    const json = synth(
      (s) => new SchemaGroup(s, "sg", { namespace: namespace(s), name: "schemas", compatibility }),
    );
    expect(onlyResource(json, "azurerm_eventhub_namespace_schema_group").schema_compatibility).toBe(
      compatibility,
    );
  });

  it("refuses a schema group on Basic, which has no schema registry", () => {
    expect(() =>
      synth(
        (s) =>
          new SchemaGroup(s, "sg", {
            namespace: namespace(s, { sku: "Basic" }),
            name: "schemas",
            compatibility: "None",
          }),
      ),
    ).toThrow(/the schema registry needs Standard or above, got Basic/);
  });

  it("refuses names longer than 50 characters", () => {
    expect(() =>
      synth(
        (s) =>
          new SchemaGroup(s, "sg", { namespace: namespace(s), name: "s".repeat(51), compatibility: "None" }),
      ),
    ).toThrow(/name must be 1-50 characters, got 51/);
  });

  it("grants Schema Registry Reader on the group itself", () => {
    const json = synth((s) =>
      new SchemaGroup(s, "sg", { namespace: namespace(s), name: "schemas", compatibility: "None" }).grantRead(
        analytics,
      ),
    );
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Schema Registry Reader (Preview)",
      scope: expect.stringMatching(/azurerm_eventhub_namespace_schema_group\.sg_schema-group_/),
    });
  });
});
