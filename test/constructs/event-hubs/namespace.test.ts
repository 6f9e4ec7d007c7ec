import { EventHubsCluster } from "../../../constructs/event-hubs";
import { namespace, onlyResource, plantGateway, resourcesOf, synth } from "./synth";

const NAMESPACE = "azurerm_eventhub_namespace";

describe("EventHubsNamespace", () => {
  it("requires TLS 1.2 and turns SAS keys off by default", () => {
    const ns = onlyResource(
      synth((s) => namespace(s)),
      NAMESPACE,
    );
    expect(ns).toMatchObject({
      minimum_tls_version: "1.2",
      local_authentication_enabled: false,
      sku: "Standard",
      capacity: 1,
    });
  });

  it("turns SAS keys on only when asked", () => {
    const ns = onlyResource(
      synth((s) => namespace(s, { localAuthentication: true })),
      NAMESPACE,
    );
    expect(ns.local_authentication_enabled).toBe(true);
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

  it("exposes the FQDN and the Kafka bootstrap server on Standard", () => {
    synth((s) => {
      const ns = namespace(s);
      expect(ns.fqdn).toBe("evhns-contoso-telemetry-test.servicebus.windows.net");
      expect(ns.kafkaBootstrapServer).toBe("evhns-contoso-telemetry-test.servicebus.windows.net:9093");
    });
  });

  it("has no Kafka bootstrap server on Basic", () => {
    synth((s) => expect(namespace(s, { sku: "Basic" }).kafkaBootstrapServer).toBeUndefined());
  });

  it("refuses kafka: false on Standard, where Azure cannot switch Kafka off", () => {
    expect(() => synth((s) => namespace(s, { kafka: false }))).toThrow(/kafka cannot be false on Standard/);
  });

  it("refuses kafka: true on Basic, which has no Kafka endpoint", () => {
    expect(() => synth((s) => namespace(s, { sku: "Basic", kafka: true }))).toThrow(
      /kafka cannot be true on Basic/,
    );
  });

  it("turns auto-inflate on with its maximum on Standard", () => {
    const ns = onlyResource(
      synth((s) => namespace(s, { capacity: 2, autoInflateMaxCapacity: 10 })),
      NAMESPACE,
    );
    expect(ns).toMatchObject({ capacity: 2, auto_inflate_enabled: true, maximum_throughput_units: 10 });
  });

  it("leaves auto-inflate off when no maximum is given", () => {
    const ns = onlyResource(
      synth((s) => namespace(s)),
      NAMESPACE,
    );
    expect(ns.auto_inflate_enabled).toBeUndefined();
    expect(ns.maximum_throughput_units).toBeUndefined();
  });

  it.each([
    [
      { sku: "Basic" as const, autoInflateMaxCapacity: 5 },
      /autoInflateMaxCapacity applies only to Standard namespaces .* got 5 on Basic/,
    ],
    [{ sku: "Premium" as const, autoInflateMaxCapacity: 5 }, /got 5 on Premium/],
    [
      { capacity: 4, autoInflateMaxCapacity: 2 },
      /autoInflateMaxCapacity must be between capacity \(4\) and 40, got 2/,
    ],
    [{ autoInflateMaxCapacity: 41 }, /between capacity \(1\) and 40, got 41/],
  ])("refuses auto-inflate settings %j", (overrides, message) => {
    expect(() => synth((s) => namespace(s, overrides))).toThrow(message);
  });

  it.each([0, 41, 1.5])("refuses %p throughput units on Standard", (capacity) => {
    expect(() => synth((s) => namespace(s, { capacity }))).toThrow(
      `capacity on Standard must be 1-40 throughput units, got ${capacity}`,
    );
  });

  it.each([3, 6, 32])("refuses %p processing units on Premium", (capacity) => {
    expect(() => synth((s) => namespace(s, { sku: "Premium", capacity }))).toThrow(
      `capacity on Premium must be one of 1, 2, 4, 8, 16 processing units, got ${capacity}`,
    );
  });

  it("accepts 16 processing units on Premium", () => {
    const ns = onlyResource(
      synth((s) => namespace(s, { sku: "Premium", capacity: 16 })),
      NAMESPACE,
    );
    expect(ns).toMatchObject({ sku: "Premium", capacity: 16 });
  });

  it("denies everything but the allowed ranges and trusted services when ranges are given", () => {
    const ns = onlyResource(
      synth((s) => namespace(s, { allowedIpRanges: ["203.0.113.0/24"] })),
      NAMESPACE,
    );
    expect(ns.network_rulesets).toEqual([
      {
        default_action: "Deny",
        public_network_access_enabled: true,
        trusted_service_access_enabled: true,
        ip_rule: [{ ip_mask: "203.0.113.0/24", action: "Allow" }],
        virtual_network_rule: [],
      },
    ]);
  });

  it("keeps an open public endpoint open when no ranges are given", () => {
    const ns = onlyResource(
      synth((s) => namespace(s)),
      NAMESPACE,
    );
    expect(ns.network_rulesets).toEqual([
      expect.objectContaining({ default_action: "Allow", public_network_access_enabled: true }),
    ]);
  });

  it("closes the public endpoint in the namespace and its rule set alike", () => {
    const ns = onlyResource(
      synth((s) => namespace(s, { publicNetworkAccess: false, trustedServicesAllowed: false })),
      NAMESPACE,
    );
    expect(ns.public_network_access_enabled).toBe(false);
    expect(ns.network_rulesets).toEqual([
      expect.objectContaining({
        default_action: "Deny",
        public_network_access_enabled: false,
        trusted_service_access_enabled: false,
      }),
    ]);
  });

  it("writes no network rule set on Basic, which azurerm refuses there", () => {
    const ns = onlyResource(
      synth((s) => namespace(s, { sku: "Basic" })),
      NAMESPACE,
    );
    expect(ns.network_rulesets).toBeUndefined();
  });

  it("refuses an IP allow-list on Basic", () => {
    expect(() => synth((s) => namespace(s, { sku: "Basic", allowedIpRanges: ["203.0.113.0/24"] }))).toThrow(
      /allowedIpRanges needs Standard or above .* got 203.0.113.0\/24/,
    );
  });

  it("refuses a private endpoint on Basic", () => {
    expect(() => synth((s) => namespace(s, { sku: "Basic", privateEndpointSubnetId: "/subnet" }))).toThrow(
      /privateEndpointSubnetId needs Standard or above/,
    );
  });

  it("adds a private endpoint for the namespace sub-resource", () => {
    const pe = onlyResource(
      synth((s) => namespace(s, { privateEndpointSubnetId: "/subnet", privateDnsZoneId: "/zone" })),
      "azurerm_private_endpoint",
    );
    expect(pe).toMatchObject({
      name: "evhns-contoso-telemetry-test-pep",
      subnet_id: "/subnet",
      private_service_connection: { subresource_names: ["namespace"] },
      private_dns_zone_group: { private_dns_zone_ids: ["/zone"] },
    });
  });

  it("encrypts with a customer-managed key on Premium, reading it with the given identity", () => {
    const json = synth((s) =>
      namespace(s, {
        sku: "Premium",
        customerManagedKeyId: "https://kv.vault.azure.net/keys/k",
        customerManagedKeyIdentityId: "/id/cmk",
        infrastructureEncryption: true,
      }),
    );
    expect(onlyResource(json, "azurerm_eventhub_namespace_customer_managed_key")).toMatchObject({
      key_vault_key_ids: ["https://kv.vault.azure.net/keys/k"],
      user_assigned_identity_id: "/id/cmk",
      infrastructure_encryption_enabled: true,
    });
    expect(onlyResource(json, NAMESPACE).identity).toEqual({
      type: "SystemAssigned, UserAssigned",
      identity_ids: ["/id/cmk"],
    });
  });

  it("refuses a customer-managed key on Standard", () => {
    expect(() =>
      synth((s) => namespace(s, { customerManagedKeyId: "k", customerManagedKeyIdentityId: "i" })),
    ).toThrow(/customer-managed keys need Premium or a dedicated cluster, got Standard/);
  });

  it("refuses a customer-managed key without the identity that reads it", () => {
    expect(() => synth((s) => namespace(s, { sku: "Premium", customerManagedKeyId: "k" }))).toThrow(
      /customerManagedKeyId and customerManagedKeyIdentityId must be given together/,
    );
  });

  it("places the namespace on a dedicated cluster and applies the dedicated tier's limits", () => {
    const json = synth((s) => {
      const cluster = new EventHubsCluster(s, "cluster", {
        name: "evhcl-test",
        location: "westeurope",
        resourceGroupName: "rg",
      });
      const ns = namespace(s, {
        dedicatedCluster: cluster,
        customerManagedKeyId: "k",
        customerManagedKeyIdentityId: "i",
      });
      expect(ns.tier).toBe("Dedicated");
    });
    expect(onlyResource(json, NAMESPACE).dedicated_cluster_id).toMatch(
      /^\$\{azurerm_eventhub_cluster\.cluster_[^.]+\.id\}$/,
    );
  });

  it("sends logs and metrics to Log Analytics when a workspace is given", () => {
    const diag = onlyResource(
      synth((s) => namespace(s, { logAnalyticsWorkspaceId: "/workspace" })),
      "azurerm_monitor_diagnostic_setting",
    );
    expect(diag).toMatchObject({
      log_analytics_workspace_id: "/workspace",
      enabled_log: [{ category_group: "allLogs" }],
    });
  });

  it("locks the namespace and prevents its destruction when asked", () => {
    const json = synth((s) => namespace(s, { lock: true, preventDestroy: true }));
    expect(onlyResource(json, "azurerm_management_lock")).toMatchObject({ lock_level: "CanNotDelete" });
    expect(onlyResource(json, NAMESPACE).lifecycle).toEqual({ prevent_destroy: true });
  });

  it("creates no role assignment unless a grant is asked for", () => {
    expect(
      resourcesOf(
        synth((s) => namespace(s)),
        "azurerm_role_assignment",
      ),
    ).toEqual([]);
  });

  it("grants Azure Event Hubs Data Sender at namespace scope when asked", () => {
    const json = synth((s) => namespace(s).grantSend(plantGateway));
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Azure Event Hubs Data Sender",
      principal_id: plantGateway.principalId,
      scope: expect.stringMatching(/^\$\{azurerm_eventhub_namespace\.ns_namespace_[^.]+\.id\}$/),
    });
  });

  it("tags the namespace", () => {
    const ns = onlyResource(
      synth((s) => namespace(s, { tags: { owner: "platform" } })),
      NAMESPACE,
    );
    expect(ns.tags).toEqual({ owner: "platform" });
  });
});
