import { Token } from "cdktf";
import { ServiceBusNamespace } from "../../../constructs/service-bus";
import {
  namespace,
  namespaceProps,
  onlyResource,
  ordersApi,
  resourcesOf,
  synth,
  validationErrors,
} from "./synth";

const NAMESPACE = "azurerm_servicebus_namespace";

describe("ServiceBusNamespace", () => {
  it("requires TLS 1.2 and turns SAS keys off by default", () => {
    const ns = onlyResource(
      synth((s) => namespace(s)),
      NAMESPACE,
    );
    expect(ns).toMatchObject({ minimum_tls_version: "1.2", local_auth_enabled: false, sku: "Standard" });
  });

  it("gives the namespace a system-assigned identity, plus user-assigned ones when given", () => {
    const plain = onlyResource(
      synth((s) => namespace(s)),
      NAMESPACE,
    );
    const withUser = onlyResource(
      synth((s) => namespace(s, { userAssignedIdentityIds: ["/id/b", "/id/a"] })),
      NAMESPACE,
    );
    expect(plain.identity).toEqual({ type: "SystemAssigned" });
    expect(withUser.identity).toEqual({
      type: "SystemAssigned, UserAssigned",
      identity_ids: ["/id/a", "/id/b"],
    });
  });

  it("leaves capacity and partitions out below Premium", () => {
    const ns = onlyResource(
      synth((s) => namespace(s)),
      NAMESPACE,
    );
    expect(ns.capacity).toBeUndefined();
    expect(ns.premium_messaging_partitions).toBeUndefined();
  });

  it("sets capacity and premium partitions on Premium", () => {
    const ns = onlyResource(
      synth((s) => namespace(s, { sku: "Premium", capacity: 4, partitions: 2 })),
      NAMESPACE,
    );
    expect(ns).toMatchObject({ sku: "Premium", capacity: 4, premium_messaging_partitions: 2 });
  });

  it("defaults a Premium namespace to one messaging unit and one partition", () => {
    const ns = onlyResource(
      synth((s) => namespace(s, { sku: "Premium" })),
      NAMESPACE,
    );
    expect(ns).toMatchObject({ capacity: 1, premium_messaging_partitions: 1 });
  });

  it.each([
    [
      { capacity: 2 },
      'capacity: capacity (messaging units, got 2) needs the Premium SKU; namespace "orders" is Standard',
    ],
    [
      { partitions: 2 },
      'partitions: partitions (got 2) needs the Premium SKU; namespace "orders" is Standard',
    ],
    [
      { customerManagedKey: { keyVaultKeyId: "k", identityId: "i" } },
      "customerManagedKey: a customer-managed key needs the Premium SKU; this Service Bus namespace (Standard) has none",
    ],
    [
      { privateEndpoint: { subnetId: "s" } },
      "privateEndpoint: a private endpoint needs the Premium SKU; this Service Bus namespace (Standard) has none",
    ],
  ])("refuses Premium-only option %j on Standard", (overrides, message) => {
    expect(validationErrors((s) => namespace(s, overrides))).toEqual([
      `Service Bus namespace sbns-contoso-orders-test: ${message}`,
    ]);
  });

  it("reports every Premium-only option at once", () => {
    expect(validationErrors((s) => namespace(s, { capacity: 2, partitions: 2 }))).toHaveLength(2);
  });

  it.each([
    [{ capacity: 3 }, "capacity: capacity must be one of 1, 2, 4, 8, 16 messaging units on Premium, got 3"],
    [{ partitions: 3 }, "partitions: partitions must be one of 1, 2, 4, got 3"],
    [
      { capacity: 2, partitions: 4 },
      "capacity: capacity must be a multiple of partitions (4) on Premium, got 2",
    ],
  ])("refuses Premium sizing %j", (overrides, message) => {
    expect(validationErrors((s) => namespace(s, { sku: "Premium", ...overrides }))).toEqual([
      `Service Bus namespace sbns-contoso-orders-test: ${message}`,
    ]);
  });

  it("accepts Premium sizing it does not know until apply", () => {
    expect(
      validationErrors((s) => namespace(s, { sku: "Premium", capacity: Token.asNumber("${var.units}") })),
    ).toEqual([]);
  });

  it("keeps the network rule set's public access in step with the namespace's", () => {
    const ns = onlyResource(
      synth((s) => namespace(s, { publicNetworkAccess: false })),
      NAMESPACE,
    );
    expect(ns.public_network_access_enabled).toBe(false);
    expect(ns.network_rule_set).toMatchObject({
      public_network_access_enabled: false,
      default_action: "Allow",
    });
  });

  it("denies by default and admits only the given IP ranges", () => {
    const ns = onlyResource(
      synth((s) => namespace(s, { allowedIpRanges: ["203.0.113.0/24"] })),
      NAMESPACE,
    );
    expect(ns.network_rule_set).toMatchObject({
      default_action: "Deny",
      ip_rules: ["203.0.113.0/24"],
      public_network_access_enabled: true,
    });
  });

  it("lets trusted Microsoft services through by default and can refuse them", () => {
    const allowed = onlyResource(
      synth((s) => namespace(s)),
      NAMESPACE,
    );
    const refused = onlyResource(
      synth((s) => namespace(s, { trustedServicesAllowed: false })),
      NAMESPACE,
    );
    expect(allowed.network_rule_set).toMatchObject({ trusted_services_allowed: true });
    expect(refused.network_rule_set).toMatchObject({ trusted_services_allowed: false });
  });

  it("refuses IP ranges while public access is off", () => {
    expect(
      validationErrors((s) =>
        namespace(s, { publicNetworkAccess: false, allowedIpRanges: ["203.0.113.0/24"] }),
      ),
    ).toEqual([
      "Service Bus namespace sbns-contoso-orders-test: allowedIpRanges: allowedIpRanges admit nothing while publicNetworkAccess is false; remove them or allow public access",
    ]);
  });

  it("closes the public endpoint by default when a private endpoint is given", () => {
    const json = synth((s) =>
      namespace(s, {
        sku: "Premium",
        privateEndpoint: { subnetId: "/subnets/pe", privateDnsZoneId: "/zones/sb" },
      }),
    );
    expect(onlyResource(json, NAMESPACE).public_network_access_enabled).toBe(false);
    expect(onlyResource(json, "azurerm_private_endpoint")).toMatchObject({
      name: "sbns-contoso-orders-test-pep",
      location: "westeurope",
      subnet_id: "/subnets/pe",
      private_service_connection: { subresource_names: ["namespace"] },
      private_dns_zone_group: { private_dns_zone_ids: ["/zones/sb"] },
    });
  });

  it("names the private endpoint as told, in the region told", () => {
    const json = synth((s) =>
      namespace(s, {
        sku: "Premium",
        privateEndpoint: {
          subnetId: "/subnets/pe",
          name: "pep-sbns-contoso-orders-test",
          location: "northeurope",
        },
      }),
    );
    expect(onlyResource(json, "azurerm_private_endpoint")).toMatchObject({
      name: "pep-sbns-contoso-orders-test",
      location: "northeurope",
    });
  });

  it("encrypts with the customer-managed key and infrastructure encryption", () => {
    const ns = onlyResource(
      synth((s) =>
        namespace(s, {
          sku: "Premium",
          customerManagedKey: {
            keyVaultKeyId: "https://kv.vault.azure.net/keys/k",
            identityId: "/id/cmk",
            infrastructureEncryption: true,
          },
        }),
      ),
      NAMESPACE,
    );
    expect(ns.customer_managed_key).toEqual({
      key_vault_key_id: "https://kv.vault.azure.net/keys/k",
      identity_id: "/id/cmk",
      infrastructure_encryption_enabled: true,
    });
  });

  it("attaches the customer-managed key's identity once, beside the other user-assigned ones", () => {
    const ns = onlyResource(
      synth((s) =>
        namespace(s, {
          sku: "Premium",
          userAssignedIdentityIds: ["/id/cmk", "/id/app"],
          customerManagedKey: { keyVaultKeyId: "k", identityId: "/id/cmk" },
        }),
      ),
      NAMESPACE,
    );
    expect(ns.identity).toEqual({
      type: "SystemAssigned, UserAssigned",
      identity_ids: ["/id/app", "/id/cmk"],
    });
  });

  it("sends all logs and metrics to the workspace when one is given", () => {
    const json = synth((s) => namespace(s, { logAnalyticsWorkspaceId: "/workspaces/log" }));
    expect(onlyResource(json, "azurerm_monitor_diagnostic_setting")).toMatchObject({
      log_analytics_workspace_id: "/workspaces/log",
      enabled_log: [{ category_group: "allLogs" }],
      enabled_metric: [{ category: "AllMetrics" }],
    });
  });

  it("adds no diagnostic setting, lock or private endpoint unless asked", () => {
    const json = synth((s) => namespace(s));
    expect(resourcesOf(json, "azurerm_monitor_diagnostic_setting")).toHaveLength(0);
    expect(resourcesOf(json, "azurerm_management_lock")).toHaveLength(0);
    expect(resourcesOf(json, "azurerm_private_endpoint")).toHaveLength(0);
  });

  it("locks the namespace against deletion and prevents its destruction when asked", () => {
    const json = synth((s) => namespace(s, { lock: true, preventDestroy: true }));
    expect(onlyResource(json, "azurerm_management_lock")).toMatchObject({ lock_level: "CanNotDelete" });
    expect(onlyResource(json, NAMESPACE).lifecycle).toEqual({ prevent_destroy: true });
  });

  it("outputs the default connection string only when local auth is on, and then as sensitive", () => {
    const off = synth((s) => namespace(s));
    const on = synth((s) => namespace(s, { localAuth: true }));
    expect(off.output ?? {}).toEqual({});
    expect(on.output?.sbns_contoso_orders_test_default_connection_string).toMatchObject({
      sensitive: true,
      value: expect.stringContaining("default_primary_connection_string"),
    });
  });

  it("tags the namespace", () => {
    const ns = onlyResource(
      synth((s) => namespace(s, { tags: { owner: "platform" } })),
      NAMESPACE,
    );
    expect(ns.tags).toEqual({ owner: "platform" });
  });

  it.each([
    ["grantSend", "Azure Service Bus Data Sender"],
    ["grantReceive", "Azure Service Bus Data Receiver"],
    ["grantManage", "Azure Service Bus Data Owner"],
  ] as const)("%s assigns %s at the namespace scope", (method, role) => {
    const json = synth((s) => namespace(s)[method](ordersApi));
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: role,
      principal_id: ordersApi.principalId,
      principal_type: "ServicePrincipal",
      scope: expect.stringMatching(/^\$\{azurerm_servicebus_namespace\.[^.]+\.id\}$/),
    });
  });

  it("exposes the AMQP endpoint URI built from the Azure name", () => {
    let uri = "";
    synth((s) => {
      uri = new ServiceBusNamespace(s, "ns", namespaceProps).endpointUri;
    });
    expect(uri).toBe("sb://sbns-contoso-orders-test.servicebus.windows.net");
  });
});
