import type { Construct } from "constructs";
import { GeoDisasterRecovery, type EventHubsNamespaceProps } from "../../../constructs/event-hubs";
import { EventHubsNamespace } from "../../../constructs/event-hubs";
import { namespace, namespaceProps, onlyResource, resourcesOf, synth, validationErrors } from "./synth";

const WHAT = "geo-disaster recovery alias";

function secondary(scope: Construct, overrides: Partial<EventHubsNamespaceProps> = {}): EventHubsNamespace {
  return new EventHubsNamespace(scope, "secondary", {
    ...namespaceProps,
    name: "evhns-contoso-telemetry-test-geo",
    location: "northeurope",
    ...overrides,
  });
}

describe("GeoDisasterRecovery", () => {
  it("pairs the primary with the secondary under an alias", () => {
    const json = synth((s) => {
      const dr = new GeoDisasterRecovery(s, "dr", {
        primary: namespace(s),
        secondary: secondary(s),
        aliasName: "evhns-telemetry-alias",
      });
      expect(dr.aliasFqdn).toBe("evhns-telemetry-alias.servicebus.windows.net");
    });
    expect(onlyResource(json, "azurerm_eventhub_namespace_disaster_recovery_config")).toMatchObject({
      name: "evhns-telemetry-alias",
      namespace_name: "evhns-contoso-telemetry-test",
      resource_group_name: "rg-test",
      partner_namespace_id: expect.stringMatching(
        /^\$\{azurerm_eventhub_namespace\.secondary_namespace_[^.]+\.id\}$/,
      ),
      depends_on: [expect.stringMatching(/^azurerm_eventhub_namespace\.ns_namespace_/)],
    });
    expect(resourcesOf(json, "azurerm_eventhub_namespace").map((n) => n.location)).toEqual([
      "westeurope",
      "northeurope",
    ]);
  });

  it("refuses Basic, which has no geo-disaster recovery", () => {
    expect(
      validationErrors(
        (s) =>
          new GeoDisasterRecovery(s, "dr", {
            primary: namespace(s, { sku: "Basic" }),
            secondary: secondary(s, { sku: "Basic" }),
            aliasName: "alias",
          }),
      ),
    ).toEqual([
      `${WHAT}: geoDisasterRecovery: Basic has no geo-disaster recovery, got geoDisasterRecovery: true; use Standard or above`,
    ]);
  });

  it("refuses a secondary of another tier", () => {
    expect(
      validationErrors(
        (s) =>
          new GeoDisasterRecovery(s, "dr", {
            primary: namespace(s),
            secondary: secondary(s, { sku: "Premium" }),
            aliasName: "alias",
          }),
      ),
    ).toEqual([`${WHAT}: secondary: the secondary must be Standard like the primary, got Premium`]);
  });

  it("refuses a secondary in the primary's region", () => {
    expect(
      validationErrors(
        (s) =>
          new GeoDisasterRecovery(s, "dr", {
            primary: namespace(s),
            secondary: secondary(s, { location: "West Europe" }),
            aliasName: "alias",
          }),
      ),
    ).toEqual([
      `${WHAT}: geoDisasterRecovery: geo-disaster recovery pairs the namespace with one in another region, but secondaryLocation is the same region as location (westeurope); set secondaryLocation to another region, or remove geoDisasterRecovery`,
    ]);
  });

  it("refuses an alias named like one of the namespaces", () => {
    expect(
      validationErrors(
        (s) =>
          new GeoDisasterRecovery(s, "dr", {
            primary: namespace(s),
            secondary: secondary(s),
            aliasName: "evhns-contoso-telemetry-test",
          }),
      ),
    ).toEqual([
      "geo-disaster recovery evhns-contoso-telemetry-test: aliasName: the alias name must differ from both namespace names, got evhns-contoso-telemetry-test",
    ]);
  });
});
