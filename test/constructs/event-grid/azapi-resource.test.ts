import { AzapiResource, AZAPI_PROVIDER_VERSION } from "../../../constructs/shared/azapi-resource";
import { validationErrors } from "../synthesized";
import { onlyResource, resourcesOf, synth } from "./synth";

const TYPE = "Microsoft.EventGrid/namespaces/topicSpaces@2025-02-15";
const PARENT = "/subscriptions/0/resourceGroups/rg-test/providers/Microsoft.EventGrid/namespaces/ns";

describe("AzapiResource", () => {
  it("synthesizes type, name, parent_id and body as an object, not a JSON string", () => {
    const json = synth((s) => {
      new AzapiResource(s, "space", {
        type: TYPE,
        name: "telemetry",
        parentId: PARENT,
        body: { properties: { topicTemplates: ["a/#"] } },
      });
    });
    expect(onlyResource(json, "azapi_resource")).toMatchObject({
      type: TYPE,
      name: "telemetry",
      parent_id: PARENT,
      body: { properties: { topicTemplates: ["a/#"] } },
    });
  });

  it("keeps the body's keys exactly as Azure spells them", () => {
    const json = synth((s) => {
      new AzapiResource(s, "space", {
        type: TYPE,
        name: "telemetry",
        parentId: PARENT,
        body: { properties: { topicTemplates: ["a/#"] } },
      });
    });
    expect(onlyResource(json, "azapi_resource").body).toEqual({
      properties: { topicTemplates: ["a/#"] },
    });
  });

  it("pins the azure/azapi provider to one exact version", () => {
    const json = synth((s) => {
      new AzapiResource(s, "space", { type: TYPE, name: "telemetry", parentId: PARENT, body: {} });
    });
    expect(json.terraform?.required_providers?.azapi).toEqual({
      source: "azure/azapi",
      version: AZAPI_PROVIDER_VERSION,
    });
    expect(AZAPI_PROVIDER_VERSION).toMatch(/^2\.\d+\.\d+$/);
  });

  it("declares the azapi provider once however many resources use it", () => {
    const json = synth((s) => {
      new AzapiResource(s, "a", { type: TYPE, name: "alpha", parentId: PARENT, body: {} });
      new AzapiResource(s, "b", { type: TYPE, name: "bravo", parentId: PARENT, body: {} });
    });
    expect(resourcesOf(json, "azapi_resource")).toHaveLength(2);
    expect(json.provider?.azapi).toHaveLength(1);
  });

  it("passes location, identity and exported response values through, with schema validation on", () => {
    const json = synth((s) => {
      new AzapiResource(s, "ns", {
        type: "Microsoft.EventGrid/namespaces@2025-02-15",
        name: "namespace-one",
        parentId: "/subscriptions/0/resourceGroups/rg-test",
        body: {},
        location: "westeurope",
        identity: { type: "SystemAssigned, UserAssigned", identityIds: ["/ids/one"] },
        responseExportValues: ["properties.topicSpacesConfiguration.hostname"],
      });
    });
    expect(onlyResource(json, "azapi_resource")).toMatchObject({
      location: "westeurope",
      identity: { type: "SystemAssigned, UserAssigned", identity_ids: ["/ids/one"] },
      response_export_values: ["properties.topicSpacesConfiguration.hostname"],
      schema_validation_enabled: true,
    });
  });

  it("keeps schema validation on, but for a type whose documented body azapi's schema lacks", () => {
    const json = synth((s) => {
      new AzapiResource(s, "a", { type: TYPE, name: "alpha", parentId: PARENT, body: {} });
      new AzapiResource(s, "b", {
        type: "Microsoft.Web/connections@2016-06-01",
        name: "bravo",
        parentId: "/subscriptions/0/resourceGroups/rg-test",
        location: "westeurope",
        body: { properties: { parameterValueSet: { name: "managedIdentityAuth", values: {} } } },
      });
    });
    expect(resourcesOf(json, "azapi_resource").map((r) => r.schema_validation_enabled)).toEqual([
      true,
      false,
    ]);
  });

  it("refuses at synthesis a body azapi's schema would refuse at plan time", () => {
    expect(
      validationErrors((s) => {
        new AzapiResource(s, "space", {
          type: TYPE,
          name: "telemetry",
          parentId: PARENT,
          body: { properties: { topicTemplate: ["a/#"] } },
        });
      }),
    ).toEqual([
      "test/space: Microsoft.EventGrid/namespaces/topicSpaces@2025-02-15 body, by azapi 2.12.0's schema: .properties.topicTemplate is not expected here; the schema defines .properties.description, .properties.topicTemplates",
    ]);
  });

  it("leaves optional arguments out when they are not given", () => {
    const json = synth((s) => {
      new AzapiResource(s, "space", { type: TYPE, name: "telemetry", parentId: PARENT, body: {} });
    });
    const resource = onlyResource(json, "azapi_resource");
    expect(resource).not.toHaveProperty("location");
    expect(resource).not.toHaveProperty("identity");
    expect(resource).not.toHaveProperty("response_export_values");
  });

  it("exposes id and output values as Terraform references other resources can use", () => {
    const json = synth((s) => {
      const parent = new AzapiResource(s, "parent", {
        type: TYPE,
        name: "parent",
        parentId: PARENT,
        body: {},
      });
      new AzapiResource(s, "child", {
        type: TYPE,
        name: "child",
        parentId: parent.id,
        body: { properties: { topicTemplates: [parent.outputString("properties.provisioningState")] } },
      });
    });
    expect(json.resource.azapi_resource.child).toMatchObject({
      parent_id: "${azapi_resource.parent.id}",
      body: {
        properties: { topicTemplates: ["${azapi_resource.parent.output.properties.provisioningState}"] },
      },
    });
  });

  it("rejects a type without an API version", () => {
    expect(() =>
      synth((s) => {
        new AzapiResource(s, "space", {
          type: "Microsoft.EventGrid/namespaces/topicSpaces",
          name: "telemetry",
          parentId: PARENT,
          body: {},
        });
      }),
    ).toThrow(/<Provider>\/<type>@<yyyy-mm-dd>.*Microsoft.EventGrid\/namespaces\/topicSpaces/);
  });
});
