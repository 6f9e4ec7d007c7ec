import { Fn } from "cdktf";
import {
  azapiBodyProblems,
  documentedAdditions,
  embeddedSchemaRelease,
} from "../../../constructs/shared/azapi-body-check";
import { AZAPI_PROVIDER_VERSION } from "../../../constructs/shared/azapi-resource";

const TOPIC_SPACE = "Microsoft.EventGrid/namespaces/topicSpaces@2025-02-15";
const CONNECTION = "Microsoft.Web/connections@2016-06-01";

describe("the synthesis-time check of azapi bodies", () => {
  it("uses the schemas of the release the stacks pin", () => {
    expect(embeddedSchemaRelease).toBe(AZAPI_PROVIDER_VERSION);
  });

  it("accepts a body that fits", () => {
    expect(
      azapiBodyProblems(TOPIC_SPACE, {
        name: "telemetry",
        body: { properties: { topicTemplates: ["a/#"] } },
      }),
    ).toEqual([]);
  });

  it("refuses a property the schema does not define, naming those it does", () => {
    expect(
      azapiBodyProblems(TOPIC_SPACE, { name: "telemetry", body: { properties: { topicTemplate: [] } } }),
    ).toEqual([
      ".properties.topicTemplate is not expected here; the schema defines .properties.description, .properties.topicTemplates",
    ]);
  });

  it("refuses a read-only property", () => {
    expect(
      azapiBodyProblems(TOPIC_SPACE, {
        name: "telemetry",
        body: { properties: { provisioningState: "Succeeded" } },
      }),
    ).toEqual([".properties.provisioningState is read-only and must not be set"]);
  });

  it("requires what the schema requires, but the name, location and tags azapi fills in or skips", () => {
    expect(
      azapiBodyProblems("Microsoft.Devices/provisioningServices@2026-03-01-preview", { body: {} }),
    ).toEqual([".properties is required", ".sku is required"]);
  });

  it("requires nothing of a partial body that changes a resource that exists", () => {
    expect(
      azapiBodyProblems("Microsoft.Devices/provisioningServices@2026-03-01-preview", {
        body: {},
        partial: true,
      }),
    ).toEqual([]);
  });

  it("checks string literals and unions, and names the allowed values", () => {
    expect(
      azapiBodyProblems("Microsoft.Relay/namespaces/wcfRelays@2021-11-01", {
        name: "erp",
        body: { properties: { relayType: "BasicHttp" } },
      }),
    ).toEqual(['.properties.relayType: "BasicHttp" is not one of NetTcp, Http']);
  });

  it("checks string lengths and patterns", () => {
    expect(azapiBodyProblems(TOPIC_SPACE, { name: "ts", body: {} })).toEqual([
      '.name: "ts" is shorter than 3',
    ]);
    expect(azapiBodyProblems(TOPIC_SPACE, { name: "a b c", body: {} })).toEqual([
      '.name: "a b c" does not match ^[a-zA-Z0-9-]*$',
    ]);
  });

  it("checks types: an object where the schema wants an array", () => {
    expect(
      azapiBodyProblems(TOPIC_SPACE, { name: "telemetry", body: { properties: { topicTemplates: "a/#" } } }),
    ).toEqual([".properties.topicTemplates: expected an array, got string"]);
  });

  it("leaves values known only at apply to Azure", () => {
    expect(
      azapiBodyProblems(TOPIC_SPACE, {
        name: Fn.lower("X"),
        body: { properties: { topicTemplates: Fn.split(",", "a,b") } },
      }),
    ).toEqual([]);
  });

  it("checks a discriminated object's own properties by its discriminator", () => {
    const withEnrichment = (enrichment: Record<string, unknown>): string[] =>
      azapiBodyProblems("Microsoft.EventGrid/namespaces@2025-02-15", {
        name: "plant",
        location: "westeurope",
        body: { properties: { topicSpacesConfiguration: { routingEnrichments: { static: [enrichment] } } } },
      });
    expect(withEnrichment({ key: "site", valueType: "String", value: "munich" })).toEqual([]);
    expect(withEnrichment({ key: "site", valueType: "Number", value: "munich" })).toEqual([
      '.properties.topicSpacesConfiguration.routingEnrichments.static.0.valueType: "Number" is not one of String',
    ]);
    expect(withEnrichment({ key: "site", valueType: "String", vale: "munich" })).toEqual([
      expect.stringMatching(
        /^\.properties\.topicSpacesConfiguration\.routingEnrichments\.static\.0\.vale is not expected here/,
      ),
    ]);
  });

  describe("for a type azapi cannot check", () => {
    const connection = (properties: Record<string, unknown>): string[] =>
      azapiBodyProblems(CONNECTION, { name: "sb-orders", location: "westeurope", body: { properties } });

    it("is there only with a documented source", () => {
      expect(Object.keys(documentedAdditions)).toEqual([CONNECTION]);
      expect(documentedAdditions[CONNECTION]?.source).toMatch(/managed identities in Azure Logic Apps/);
    });

    it("accepts the documented managed-identity parameter value set", () => {
      expect(
        connection({
          displayName: "Service Bus orders",
          api: { id: "/subscriptions/0/providers/Microsoft.Web/locations/westeurope/managedApis/servicebus" },
          parameterValueSet: {
            name: "managedIdentityAuth",
            values: { namespaceEndpoint: { value: "sb://orders.servicebus.windows.net/" } },
          },
        }),
      ).toEqual([]);
    });

    it("still refuses what neither the schema nor the documentation has", () => {
      expect(connection({ parameterValueSet: { nmae: "managedIdentityAuth" } })).toEqual([
        ".properties.parameterValueSet.nmae is not expected here; the schema defines .properties.parameterValueSet.name, .properties.parameterValueSet.values",
        ".properties.parameterValueSet.name is required",
      ]);
      expect(
        connection({
          parameterValueSet: { name: "managedIdentityAuth", values: { namespaceEndpoint: { vaule: "x" } } },
        }),
      ).toEqual([
        ".properties.parameterValueSet.values.namespaceEndpoint.vaule is not expected here; the schema defines .properties.parameterValueSet.values.namespaceEndpoint.value",
      ]);
      expect(connection({ displayNmae: "x" })).toEqual([
        expect.stringMatching(/^\.properties\.displayNmae is not expected here/),
      ]);
    });
  });

  it("refuses a type it has no schema for, saying how to add it", () => {
    expect(() => azapiBodyProblems("Microsoft.Relay/namespaces@2021-11-01", { body: {} })).toThrow(
      "constructs/shared/azapi-schemas/2.12.0.json has no schema for Microsoft.Relay/namespaces@2021-11-01: add it with scripts/azapi-schemas.ts",
    );
  });
});
