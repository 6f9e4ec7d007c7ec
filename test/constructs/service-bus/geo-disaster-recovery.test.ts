import type { Construct } from "constructs";
import {
  ServiceBusGeoDisasterRecovery,
  type ServiceBusGeoDisasterRecoveryProps,
} from "../../../constructs/service-bus";
import { namespace, onlyResource, resourcesOf, synth, validationErrors } from "./synth";

const premium = {
  sku: "Premium",
  capacity: 2,
  partitions: 2,
  privateEndpoint: { subnetId: "/subnets/pe" },
  lock: true,
  preventDestroy: true,
} as const;

type Overrides = Partial<Omit<ServiceBusGeoDisasterRecoveryProps, "primary">>;

function build(overrides: Overrides): (scope: Construct) => void {
  return (s) => {
    new ServiceBusGeoDisasterRecovery(s, "dr", {
      primary: namespace(s, premium),
      secondaryName: "sbns-contoso-orders-test-secondary",
      secondaryLocation: "northeurope",
      aliasName: "sbns-contoso-orders-test-alias",
      ...overrides,
    });
  };
}

const paired = (overrides: Overrides = {}) => synth(build(overrides));
const pairErrors = (overrides: Overrides = {}) => validationErrors(build(overrides));
const where = "Service Bus geo-disaster recovery for sbns-contoso-orders-test";

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

  it("names the secondary's private endpoint after the secondary, or as told", () => {
    const names = (overrides: Overrides) =>
      resourcesOf(paired(overrides), "azurerm_private_endpoint")
        .map((e) => String(e.name))
        .sort();
    expect(names({})).toEqual(["sbns-contoso-orders-test-pep", "sbns-contoso-orders-test-secondary-pep"]);
    expect(names({ secondaryPrivateEndpointName: "pep-secondary" })).toEqual([
      "pep-secondary",
      "sbns-contoso-orders-test-pep",
    ]);
  });

  it("locks the secondary like the primary", () => {
    expect(resourcesOf(paired(), "azurerm_management_lock")).toHaveLength(2);
  });

  it("refuses a non-Premium primary", () => {
    const errors = validationErrors((s) => {
      new ServiceBusGeoDisasterRecovery(s, "dr", {
        primary: namespace(s),
        secondaryName: "b",
        secondaryLocation: "northeurope",
        aliasName: "c",
      });
    });
    expect(errors).toEqual([
      `${where}: geoDisasterRecovery: geo-disaster recovery needs the Premium SKU; namespace "orders" is Standard`,
    ]);
  });

  it.each(["westeurope", "West Europe"])(
    "refuses a secondary in the primary's region, written %s",
    (region) => {
      expect(pairErrors({ secondaryLocation: region })).toEqual([
        `${where}: geoDisasterRecovery: geoDisasterRecovery pairs with another region, but secondaryLocation is the same as location (westeurope)`,
      ]);
    },
  );

  it("refuses an alias named like one of the namespaces, whatever its case", () => {
    expect(pairErrors({ aliasName: "SBNS-contoso-orders-test" })).toEqual([
      `${where}: aliasName: aliasName must differ from both namespace names, got SBNS-contoso-orders-test`,
    ]);
  });
});
