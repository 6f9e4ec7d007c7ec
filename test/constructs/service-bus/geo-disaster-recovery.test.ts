import { ServiceBusGeoDisasterRecovery } from "../../../constructs/service-bus";
import { namespace, onlyResource, resourcesOf, synth } from "./synth";

const premium = {
  sku: "Premium",
  capacity: 2,
  partitions: 2,
  privateEndpoint: { subnetId: "/subnets/pe" },
  lock: true,
  preventDestroy: true,
} as const;

function paired(overrides: { secondaryLocation?: string; aliasName?: string } = {}) {
  return synth((s) => {
    new ServiceBusGeoDisasterRecovery(s, "dr", {
      primary: namespace(s, premium),
      secondaryName: "sbns-contoso-orders-test-secondary",
      secondaryLocation: overrides.secondaryLocation ?? "northeurope",
      aliasName: overrides.aliasName ?? "sbns-contoso-orders-test-alias",
    });
  });
}

describe("ServiceBusGeoDisasterRecovery", () => {
  it("pairs a secondary Premium namespace in the other region, sized like the primary", () => {
    const secondary = resourcesOf(paired(), "azurerm_servicebus_namespace").find(
      (n) => n.location === "northeurope",
    );
    expect(secondary).toMatchObject({
      name: "sbns-contoso-orders-test-secondary",
      sku: "Premium",
      capacity: 2,
      premium_messaging_partitions: 2,
      local_auth_enabled: false,
      public_network_access_enabled: false,
      lifecycle: { prevent_destroy: true },
    });
  });

  it("creates the alias from the primary to the secondary", () => {
    const alias = onlyResource(paired(), "azurerm_servicebus_namespace_disaster_recovery_config");
    expect(alias.name).toBe("sbns-contoso-orders-test-alias");
    expect(alias.primary_namespace_id).not.toEqual(alias.partner_namespace_id);
    expect(alias.primary_namespace_id).toMatch(/^\$\{azurerm_servicebus_namespace\.[^.]+\.id\}$/);
    expect(alias.partner_namespace_id).toMatch(/^\$\{azurerm_servicebus_namespace\.[^.]+\.id\}$/);
  });

  it("keeps the secondary's private endpoint in the primary's network region", () => {
    const endpoints = resourcesOf(paired(), "azurerm_private_endpoint");
    expect(endpoints).toHaveLength(2);
    expect(endpoints.map((e) => e.location)).toEqual(["westeurope", "westeurope"]);
  });

  it("locks the secondary like the primary", () => {
    expect(resourcesOf(paired(), "azurerm_management_lock")).toHaveLength(2);
  });

  it("refuses a non-Premium primary", () => {
    expect(() =>
      synth((s) => {
        new ServiceBusGeoDisasterRecovery(s, "dr", {
          primary: namespace(s),
          secondaryName: "b",
          secondaryLocation: "northeurope",
          aliasName: "c",
        });
      }),
    ).toThrow(/needs the Premium SKU, got Standard/);
  });

  it("refuses a secondary in the primary's region", () => {
    expect(() => paired({ secondaryLocation: "westeurope" })).toThrow(
      /secondaryLocation must differ from the primary's location, got westeurope/,
    );
  });

  it("refuses an alias named like one of the namespaces", () => {
    expect(() => paired({ aliasName: "sbns-contoso-orders-test" })).toThrow(
      /aliasName must differ from both namespace names/,
    );
  });
});
