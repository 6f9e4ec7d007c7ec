import { SchemaGroup } from "../../../constructs/event-hubs";
import { analytics, namespace, onlyResource, synth, validationErrors } from "./synth";

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

  it("is counted by its namespace, which refuses it on Basic (no schema registry)", () => {
    expect(
      validationErrors(
        (s) =>
          new SchemaGroup(s, "sg", {
            namespace: namespace(s, { sku: "Basic" }),
            name: "schemas",
            compatibility: "None",
          }),
      ),
    ).toEqual([
      "Event Hubs namespace telemetry: schemaGroups: Basic has no schema registry, got 1 schema group; use Standard for up to 1 schema group",
    ]);
  });

  it("refuses names longer than Azure's 50 characters", () => {
    expect(
      validationErrors(
        (s) =>
          new SchemaGroup(s, "sg", { namespace: namespace(s), name: "s".repeat(51), compatibility: "None" }),
      ),
    ).toEqual([
      `schema group telemetry/${"s".repeat(51)}: name: schema group name "${"s".repeat(51)}" must be at most 50 characters (it is 51)`,
    ]);
  });

  it("gives writers Schema Registry Contributor on the group itself", () => {
    const json = synth((s) =>
      new SchemaGroup(s, "sg", {
        namespace: namespace(s),
        name: "schemas",
        compatibility: "None",
      }).grantWrite(analytics),
    );
    const [[address, assignment]] = Object.entries(json.resource.azurerm_role_assignment);
    expect(address).toMatch(/^sg_write-schemas-analytics_/);
    expect(assignment).toMatchObject({
      role_definition_name: "Schema Registry Contributor (Preview)",
      scope: expect.stringMatching(/azurerm_eventhub_namespace_schema_group\.sg_schema-group/),
    });
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
