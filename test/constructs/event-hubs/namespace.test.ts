import { EventHubsCluster } from "../../../constructs/event-hubs";
import { TerraformVariable } from "cdktf";
import { EventHub, SchemaGroup } from "../../../constructs/event-hubs";
import { namespace, onlyResource, plantGateway, resourcesOf, synth, validationErrors } from "./synth";

const NAMESPACE = "azurerm_eventhub_namespace";
const WHAT = "Event Hubs namespace telemetry";

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
      synth((s) => namespace(s, { localAuth: true })),
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
    expect(validationErrors((s) => namespace(s, { kafka: false }))).toEqual([
      `${WHAT}: kafka: Standard always has the Kafka endpoint and azurerm 4.x has no switch to turn it off, got kafka: false; remove kafka, or use Basic for a namespace without Kafka`,
    ]);
  });

  it("refuses kafka: true on Basic, which has no Kafka endpoint", () => {
    expect(validationErrors((s) => namespace(s, { sku: "Basic", kafka: true }))).toEqual([
      `${WHAT}: kafka: Basic has no Kafka endpoint, got kafka: true; use Standard or above for Kafka clients`,
    ]);
  });

  it("has the Kafka endpoint of its dedicated cluster whatever its SKU", () => {
    synth((s) => {
      const ns = namespace(s, { sku: "Basic", dedicatedClusterId: "/clusters/c" });
      expect(ns.kafkaBootstrapServer).toBe("evhns-contoso-telemetry-test.servicebus.windows.net:9093");
    });
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
      "auto-inflate exists only on Standard (it scales throughput units), got autoInflateMaxCapacity 5 on Basic; use sku: Standard, or remove autoInflateMaxCapacity",
    ],
    [
      { sku: "Premium" as const, autoInflateMaxCapacity: 5 },
      "auto-inflate exists only on Standard (it scales throughput units), got autoInflateMaxCapacity 5 on Premium; remove autoInflateMaxCapacity and set capacity",
    ],
    [
      { capacity: 4, autoInflateMaxCapacity: 2 },
      "Standard auto-inflates between capacity (4) and 40 throughput units, got 2; set autoInflateMaxCapacity within that range",
    ],
    [
      { autoInflateMaxCapacity: 41 },
      "Standard auto-inflates between capacity (1) and 40 throughput units, got 41; set autoInflateMaxCapacity within that range",
    ],
  ])("refuses auto-inflate settings %j", (overrides, message) => {
    expect(validationErrors((s) => namespace(s, overrides))).toEqual([
      `${WHAT}: autoInflateMaxCapacity: ${message}`,
    ]);
  });

  it.each([0, 41, 1.5])("refuses %p throughput units on Standard", (capacity) => {
    expect(validationErrors((s) => namespace(s, { capacity }))).toEqual([
      `${WHAT}: capacity: Standard takes 1-40 throughput units, got ${capacity}; use Premium or a dedicated cluster for more throughput`,
    ]);
  });

  it.each([3, 6, 32])("refuses %p processing units on Premium", (capacity) => {
    expect(validationErrors((s) => namespace(s, { sku: "Premium", capacity }))).toEqual([
      `${WHAT}: capacity: Premium takes 1, 2, 4, 8, 16 processing units, got ${capacity}; pick one of those values`,
    ]);
  });

  it("judges no capacity it cannot know before apply", () => {
    expect(
      validationErrors((s) => {
        const capacity = new TerraformVariable(s, "capacity", { type: "number" }).numberValue;
        namespace(s, { sku: "Premium", capacity });
      }),
    ).toEqual([]);
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
    expect(
      validationErrors((s) => namespace(s, { sku: "Basic", allowedIpRanges: ["203.0.113.0/24"] })),
    ).toEqual([
      `${WHAT}: allowedIpRanges: IP rules needs Standard or above; this Event Hubs namespace (Basic) has none`,
    ]);
  });

  it("refuses a private endpoint on Basic", () => {
    expect(
      validationErrors((s) => namespace(s, { sku: "Basic", privateEndpoint: { subnetId: "/subnet" } })),
    ).toEqual([
      `${WHAT}: privateEndpoint: a private endpoint needs Standard or above; this Event Hubs namespace (Basic) has none`,
    ]);
  });

  it("adds a private endpoint for the namespace sub-resource", () => {
    const pe = onlyResource(
      synth((s) => namespace(s, { privateEndpoint: { subnetId: "/subnet", privateDnsZoneId: "/zone" } })),
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
        customerManagedKey: {
          keyVaultKeyId: "https://kv.vault.azure.net/keys/k",
          identityId: "/id/cmk",
          infrastructureEncryption: true,
        },
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
    expect(
      validationErrors((s) => namespace(s, { customerManagedKey: { keyVaultKeyId: "k", identityId: "i" } })),
    ).toEqual([
      `${WHAT}: customerManagedKey: a customer-managed key needs Premium or a dedicated cluster; this Event Hubs namespace (Standard) has none`,
    ]);
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
        customerManagedKey: { keyVaultKeyId: "k", identityId: "i" },
      });
      expect(ns.tier).toBe("Dedicated");
    });
    expect(onlyResource(json, NAMESPACE).dedicated_cluster_id).toMatch(
      /^\$\{azurerm_eventhub_cluster\.cluster_[^.]+\.id\}$/,
    );
  });

  it("refuses both a dedicated cluster and a dedicated cluster ID", () => {
    expect(
      validationErrors((s) => {
        const cluster = new EventHubsCluster(s, "cluster", {
          name: "evhcl-test",
          location: "westeurope",
          resourceGroupName: "rg",
        });
        namespace(s, { dedicatedCluster: cluster, dedicatedClusterId: "/clusters/other" });
      }),
    ).toEqual([
      `${WHAT}: dedicatedClusterId: give dedicatedCluster (a cluster this file creates) or dedicatedClusterId (an existing one), not both`,
    ]);
  });

  it("counts the event hubs built on it against its tier", () => {
    expect(
      validationErrors((s) => {
        const ns = namespace(s);
        for (let n = 0; n < 11; n += 1) new EventHub(s, `hub-${n}`, { namespace: ns, name: `h${n}` });
      }),
    ).toEqual([
      `${WHAT}: hubs: Standard allows 10 event hubs per namespace, got 11; use Premium for up to 100 event hubs`,
    ]);
  });

  it("counts the partitions of its hubs against Premium's 200 per processing unit", () => {
    expect(
      validationErrors((s) => {
        const ns = namespace(s, { sku: "Premium" });
        for (let n = 0; n < 3; n += 1)
          new EventHub(s, `hub-${n}`, { namespace: ns, name: `h${n}`, partitions: 100 });
      }),
    ).toEqual([
      expect.stringMatching(new RegExp(`^${WHAT}: hubs: Premium allows 200 partitions per processing unit`)),
    ]);
  });

  it("refuses a schema group on Basic, which has no schema registry", () => {
    expect(
      validationErrors((s) => {
        const ns = namespace(s, { sku: "Basic" });
        new SchemaGroup(s, "sg", { namespace: ns, name: "telemetry", compatibility: "Backward" });
      }),
    ).toEqual([
      `${WHAT}: schemaGroups: Basic has no schema registry, got 1 schema group; use Standard for up to 1 schema group`,
    ]);
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

  it("gives managers Azure Event Hubs Data Owner at namespace scope, under the construct ID prefix `own`", () => {
    const json = synth((s) => namespace(s).grantManage(plantGateway));
    const [[address, assignment]] = Object.entries(json.resource.azurerm_role_assignment);
    expect(address).toMatch(/^ns_own-plant-gateway_/);
    expect(assignment).toMatchObject({ role_definition_name: "Azure Event Hubs Data Owner" });
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
