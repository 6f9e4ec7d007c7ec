import {
  describeAbsent,
  describeReach,
  describeRefusals,
  encryption,
  environment,
  ids,
  principalId,
  referenceTo,
  waiver,
  type Json,
  type ReachRow,
  type Tier,
} from "./helpers";

/*
 * Every Event Hubs option an environment file can state, each with one definite outcome: the
 * attribute it becomes, or the error that refuses it. Namespaces on every SKU and on dedicated
 * clusters, hubs, capture, retention, consumer groups and schema groups.
 */

const azureName = (namespace: string): string => `evhns-contoso-${namespace}-reach`;
const namespaceRef = (namespace: string) =>
  referenceTo("azurerm_eventhub_namespace", `event-hubs-${namespace}_namespace`);
const hubRef = (hub: string) => referenceTo("azurerm_eventhub", `hub-${hub}_event-hub`);

interface Entry {
  readonly item: Json;
  readonly row: ReachRow;
}

const roles = {
  senders: "Azure Event Hubs Data Sender",
  receivers: "Azure Event Hubs Data Receiver",
  owners: "Azure Event Hubs Data Owner",
} as const;

// Hubs -----------------------------------------------------------------------------------------

function hub(
  option: string,
  name: string,
  fields: Json,
  attributes: Json,
  absent?: readonly string[],
): Entry {
  return {
    item: { name, ...fields },
    row: { option, type: "azurerm_eventhub", select: { name }, attributes, absent },
  };
}

function hubGrant(role: keyof typeof roles): Entry {
  const name = `h-${role}`;
  return {
    item: { name, [role]: ["app"] },
    row: {
      option: `hub ${role}: [app]`,
      type: "azurerm_role_assignment",
      select: { scope: hubRef(name) },
      attributes: { role_definition_name: roles[role], principal_id: principalId },
    },
  };
}

const archiveNameFormat = "{Namespace}/{EventHub}/{PartitionId}/{Year}-{Month}-{Day}/{Hour}{Minute}{Second}";

const hubEntries: Entry[] = [
  hub("hub partitions: 8", "h-partitions", { partitions: 8 }, { partition_count: 8 }),
  hub("hub retentionDays: 7", "h-days", { retentionDays: 7 }, { message_retention: 7 }),
  hub(
    "hub retention: Delete after 12 hours",
    "h-delete",
    { retention: { cleanupPolicy: "Delete", retentionHours: 12 } },
    { retention_description: { cleanup_policy: "Delete", retention_time_in_hours: 12 } },
    ["message_retention"],
  ),
  hub(
    "hub retention: Compact, tombstones for 12 hours",
    "h-compact",
    { retention: { cleanupPolicy: "Compact", tombstoneRetentionHours: 12 } },
    { retention_description: { cleanup_policy: "Compact", tombstone_retention_time_in_hours: 12 } },
    ["message_retention"],
  ),
  hub(
    "hub capture: {} (into the storage account the project creates)",
    "h-capture",
    { capture: {} },
    {
      capture_description: expect.objectContaining({
        enabled: true,
        destination: expect.objectContaining({
          blob_container_name: "capture",
          storage_account_id: referenceTo("azurerm_storage_account", "event-hubs-capture-storage_account"),
        }),
      }),
    },
  ),
  hub(
    "hub capture into a given account and container",
    "h-capture-given",
    { capture: { storageAccountId: ids.storage, container: "archive" } },
    {
      capture_description: expect.objectContaining({
        destination: expect.objectContaining({
          storage_account_id: ids.storage,
          blob_container_name: "archive",
        }),
      }),
    },
  ),
  hub(
    "hub capture with interval, size, archive name format and empty archives",
    "h-capture-tuned",
    {
      capture: {
        intervalSeconds: 120,
        sizeLimitBytes: 104857600,
        archiveNameFormat,
        skipEmptyArchives: false,
      },
    },
    {
      capture_description: expect.objectContaining({
        interval_in_seconds: 120,
        size_limit_in_bytes: 104857600,
        skip_empty_archives: false,
        destination: expect.objectContaining({ archive_name_format: archiveNameFormat }),
      }),
    },
  ),
  hub("hub status: Disabled", "h-disabled", { status: "Disabled" }, { status: "Disabled" }),
  hub(
    "hub eventSourced: true protects it from destroy",
    "h-sourced",
    { eventSourced: true },
    { lifecycle: { prevent_destroy: true } },
  ),
  hub(
    "hub eventSourced: true with allowDestroy leaves it destroyable",
    "h-sourced-allowed",
    { eventSourced: true },
    { name: "h-sourced-allowed" },
    ["lifecycle"],
  ),
  {
    item: { name: "h-groups", consumerGroups: ["cg1"] },
    row: {
      option: "hub consumerGroups: [cg1]",
      type: "azurerm_eventhub_consumer_group",
      select: { name: "cg1" },
      attributes: { eventhub_name: "h-groups", namespace_name: azureName("telemetry-b") },
    },
  },
  {
    item: { name: "h-group-metadata", consumerGroups: [{ name: "cg-meta", userMetadata: "team=reach" }] },
    row: {
      option: "consumer group userMetadata",
      type: "azurerm_eventhub_consumer_group",
      select: { name: "cg-meta" },
      attributes: { user_metadata: "team=reach" },
    },
  },
  {
    item: { name: "h-group-readers", consumerGroups: [{ name: "cg-readers", receivers: ["app"] }] },
    row: {
      option: "consumer group receivers: the receiver role on the hub (Azure has no narrower scope)",
      type: "azurerm_role_assignment",
      select: { scope: hubRef("h-group-readers") },
      attributes: { role_definition_name: roles.receivers, principal_id: principalId },
    },
  },
  hubGrant("senders"),
  hubGrant("receivers"),
  hubGrant("owners"),
];

// Standard holds ten event hubs per namespace: the rows spread over two.
describeReach(
  "Event Hubs hub options (Standard, development)",
  environment(
    "development",
    {
      eventHubs: [
        { name: "telemetry", sku: "Standard", hubs: hubEntries.slice(0, 10).map((e) => e.item) },
        { name: "telemetry-b", sku: "Standard", hubs: hubEntries.slice(10).map((e) => e.item) },
      ],
    },
    {
      allowDestroy: [
        { resource: "eventHubs/telemetry/h-sourced-allowed", reason: "replayed from the source" },
      ],
    },
  ),
  hubEntries.map((e) => e.row),
);

describeReach(
  "Event Hubs capture retention (Standard, development)",
  environment("development", {
    eventHubs: [
      { name: "telemetry", sku: "Standard", hubs: [{ name: "h1", capture: { retentionDays: 60 } }] },
    ],
  }),
  [
    {
      option: "capture retentionDays: 60 deletes captured blobs after 60 days",
      type: "azurerm_storage_management_policy",
      select: {
        storage_account_id: referenceTo("azurerm_storage_account", "event-hubs-capture-storage_account"),
      },
      attributes: {
        rule: [
          expect.objectContaining({
            actions: { base_blob: { delete_after_days_since_modification_greater_than: 60 } },
          }),
        ],
      },
    },
  ],
);

/** A development file with one Event Hubs namespace holding `namespace`'s fields. */
function single(namespace: Json, tier: Tier = "development", extra: Json = {}): Json {
  return environment(tier, { eventHubs: [{ name: "telemetry", sku: "Standard", ...namespace }] }, extra);
}

describeRefusals("Event Hubs hub options a tier does not have, or that contradict each other", [
  {
    option: "hub capture on Basic",
    doc: single({ sku: "Basic", hubs: [{ name: "h1", capture: {} }] }),
    path: "eventHubs[0].hubs[0].capture",
    message: "Basic has no capture, got a capture block",
  },
  {
    option: "hub retentionDays: 7 on Basic",
    doc: single({ sku: "Basic", hubs: [{ name: "h1", retentionDays: 7 }] }),
    path: "eventHubs[0].hubs[0].retentionDays",
    message: "Basic keeps events at most 1 day, got 7",
  },
  {
    option: "hub retention Compact on Basic",
    doc: single({
      sku: "Basic",
      hubs: [{ name: "h1", retention: { cleanupPolicy: "Compact", tombstoneRetentionHours: 12 } }],
    }),
    path: "eventHubs[0].hubs[0].retention.cleanupPolicy",
    message: "Basic has no log compaction, got cleanupPolicy: Compact",
  },
  {
    option: "hub retentionDays and retention together",
    doc: single({
      hubs: [{ name: "h1", retentionDays: 1, retention: { cleanupPolicy: "Delete", retentionHours: 12 } }],
    }),
    path: "eventHubs[0].hubs[0].retention",
    message: "give retentionDays (1) or retention (cleanup policy Delete), not both",
  },
  {
    option: "hub consumerGroups on Basic (which has only $Default)",
    doc: single({ sku: "Basic", hubs: [{ name: "h1", consumerGroups: ["cg1"] }] }),
    path: "eventHubs[0].hubs[0].consumerGroups",
    message: "Basic allows 1 consumer group per event hub including $Default, so 0 more, got 1",
  },
  {
    option: "hub capture archiveNameFormat without every placeholder",
    doc: single({ hubs: [{ name: "h1", capture: { archiveNameFormat: "{Namespace}/{EventHub}" } }] }),
    path: "eventHubs[0].hubs[0].capture.archiveNameFormat",
    message: "archiveNameFormat must contain every one of",
  },
]);

// Namespaces -----------------------------------------------------------------------------------

function namespaceEntry(option: string, name: string, fields: Json, row: Omit<ReachRow, "option">): Entry {
  return { item: { name, sku: "Standard", ...fields }, row: { option, ...row } };
}

function onNamespace(
  option: string,
  name: string,
  fields: Json,
  attributes: Json,
  absent?: readonly string[],
): Entry {
  return namespaceEntry(option, name, fields, {
    type: "azurerm_eventhub_namespace",
    select: { name: azureName(name) },
    attributes,
    absent,
  });
}

function namespaceGrant(role: keyof typeof roles): Entry {
  const name = `ns-${role}`;
  return namespaceEntry(
    `namespace ${role}: [app]`,
    name,
    { [role]: ["app"] },
    {
      type: "azurerm_role_assignment",
      select: { scope: namespaceRef(name) },
      attributes: { role_definition_name: roles[role], principal_id: principalId },
    },
  );
}

const ruleset = (fields: Json) => [expect.objectContaining(fields)];

const developmentNamespaces: Entry[] = [
  onNamespace("namespace capacity: 2", "ns-capacity", { capacity: 2 }, { capacity: 2 }),
  onNamespace(
    "namespace autoInflateMaxCapacity: 10",
    "ns-inflate",
    { autoInflateMaxCapacity: 10 },
    { auto_inflate_enabled: true, maximum_throughput_units: 10 },
  ),
  onNamespace(
    "namespace kafka: true (Standard always has it; azurerm 4.x has no switch)",
    "ns-kafka",
    { kafka: true },
    {},
    ["kafka_enabled"],
  ),
  onNamespace(
    "namespace kafka: false on Basic (which has no Kafka endpoint)",
    "ns-basic-kafka",
    { sku: "Basic", kafka: false },
    { sku: "Basic" },
    ["kafka_enabled"],
  ),
  onNamespace(
    "namespace zoneRedundant: true (Azure's own behaviour; azurerm 4.x has no setting)",
    "ns-zones",
    { zoneRedundant: true },
    {},
    ["zone_redundant"],
  ),
  onNamespace(
    "namespace publicNetworkAccess: false",
    "ns-private",
    { publicNetworkAccess: false },
    { public_network_access_enabled: false },
  ),
  onNamespace(
    "namespace allowedIpRanges",
    "ns-firewall",
    { allowedIpRanges: ["203.0.113.0/24"] },
    {
      network_rulesets: ruleset({
        default_action: "Deny",
        ip_rule: [{ ip_mask: "203.0.113.0/24", action: "Allow" }],
      }),
    },
  ),
  onNamespace(
    "namespace trustedServicesAllowed: false",
    "ns-untrusted",
    { trustedServicesAllowed: false },
    { network_rulesets: ruleset({ trusted_service_access_enabled: false }) },
  ),
  onNamespace(
    "namespace userAssignedIdentityIds",
    "ns-identities",
    { userAssignedIdentityIds: [ids.identity] },
    {
      identity: expect.objectContaining({
        type: "SystemAssigned, UserAssigned",
        identity_ids: [ids.identity],
      }),
    },
  ),
  onNamespace(
    "namespace tags",
    "ns-tags",
    { tags: { team: "reach" } },
    { tags: expect.objectContaining({ team: "reach" }) },
  ),
  onNamespace(
    "namespace localAuth: true",
    "ns-keys",
    { localAuth: true },
    { local_authentication_enabled: true },
  ),
  namespaceEntry(
    "namespace resourceName",
    "ns-renamed",
    { resourceName: "evh-reach-custom" },
    {
      type: "azurerm_eventhub_namespace",
      select: { name: "evh-reach-custom" },
      attributes: { sku: "Standard" },
    },
  ),
  namespaceEntry(
    "namespace schemaGroups",
    "ns-schemas",
    { schemaGroups: [{ name: "schemas", compatibility: "Backward", type: "Avro" }] },
    {
      type: "azurerm_eventhub_namespace_schema_group",
      select: { name: "schemas" },
      attributes: {
        namespace_id: namespaceRef("ns-schemas"),
        schema_compatibility: "Backward",
        schema_type: "Avro",
      },
    },
  ),
  namespaceEntry(
    "namespace lock: true",
    "ns-locked",
    { lock: true },
    {
      type: "azurerm_management_lock",
      select: { scope: namespaceRef("ns-locked") },
      attributes: { lock_level: "CanNotDelete" },
    },
  ),
  namespaceEntry(
    "namespace privateEndpoint: true",
    "ns-endpoint",
    { privateEndpoint: true },
    {
      type: "azurerm_private_endpoint",
      select: {
        private_service_connection: expect.objectContaining({
          private_connection_resource_id: namespaceRef("ns-endpoint"),
        }),
      },
      attributes: { subnet_id: ids.subnet },
    },
  ),
  namespaceEntry(
    "namespace on a new dedicated cluster",
    "ns-dedicated",
    { sku: "Standard", dedicatedCluster: { name: "big" } },
    {
      type: "azurerm_eventhub_namespace",
      select: { name: azureName("ns-dedicated") },
      attributes: {
        dedicated_cluster_id: referenceTo("azurerm_eventhub_cluster", "event-hubs-ns-dedicated_cluster"),
      },
    },
  ),
  namespaceEntry(
    "dedicatedCluster capacity: 2",
    "ns-cluster-2",
    { sku: "Standard", dedicatedCluster: { name: "bigger", capacity: 2 } },
    {
      type: "azurerm_eventhub_cluster",
      select: { name: "evhcl-contoso-bigger-reach" },
      attributes: { sku_name: "Dedicated_2" },
    },
  ),
  onNamespace(
    "namespace on an existing dedicated cluster",
    "ns-existing-cluster",
    { dedicatedClusterId: ids.cluster },
    {
      dedicated_cluster_id: ids.cluster,
    },
  ),
  namespaceEntry(
    "namespace customerManagedKey: true (Premium)",
    "ns-cmk",
    { sku: "Premium", customerManagedKey: true },
    {
      type: "azurerm_eventhub_namespace_customer_managed_key",
      select: { eventhub_namespace_id: namespaceRef("ns-cmk") },
      attributes: { key_vault_key_ids: [encryption.keyVaultKeyId] },
    },
  ),
  namespaceEntry(
    "namespace geoDisasterRecovery: true with secondaryLocation",
    "ns-geo",
    { geoDisasterRecovery: true },
    {
      type: "azurerm_eventhub_namespace_disaster_recovery_config",
      select: { name: `${azureName("ns-geo")}-alias` },
      attributes: { namespace_name: azureName("ns-geo") },
    },
  ),
  namespaceGrant("senders"),
  namespaceGrant("receivers"),
  namespaceGrant("owners"),
];

describeReach(
  "Event Hubs namespace options (development)",
  environment(
    "development",
    { eventHubs: developmentNamespaces.map((e) => e.item) },
    { secondaryLocation: "northeurope", network: { privateEndpointSubnetId: ids.subnet }, encryption },
  ),
  developmentNamespaces.map((e) => e.row),
);

describeReach(
  "Event Hubs namespace options that production waives (production)",
  environment(
    "production",
    {
      eventHubs: [
        { name: "ns-open", sku: "Standard", publicNetworkAccess: true, allowedIpRanges: ["203.0.113.0/24"] },
        { name: "ns-keys", sku: "Standard", localAuth: true },
        { name: "ns-cluster", sku: "Standard", dedicatedCluster: { name: "big" } },
      ],
    },
    {
      secondaryLocation: "northeurope",
      waivers: [
        waiver("EH-PUBLIC-NETWORK", "eventHubs/ns-open"),
        waiver("EH-LOCAL-AUTH", "eventHubs/ns-keys"),
      ],
    },
  ),
  [
    {
      option: "namespace publicNetworkAccess: true with allowedIpRanges, waived",
      type: "azurerm_eventhub_namespace",
      select: { name: azureName("ns-open") },
      attributes: { public_network_access_enabled: true },
    },
    {
      option: "namespace localAuth: true, waived",
      type: "azurerm_eventhub_namespace",
      select: { name: azureName("ns-keys") },
      attributes: { local_authentication_enabled: true },
    },
    {
      option: "a namespace on a dedicated cluster gets the production customer-managed key",
      type: "azurerm_eventhub_namespace_customer_managed_key",
      select: { eventhub_namespace_id: namespaceRef("ns-cluster") },
      attributes: { key_vault_key_ids: [encryption.keyVaultKeyId] },
    },
  ],
);

describeAbsent(
  "Event Hubs options that leave a resource out (production)",
  environment(
    "production",
    {
      eventHubs: [
        { name: "ns-paired", sku: "Standard" },
        { name: "ns-no-geo", sku: "Standard", geoDisasterRecovery: false },
        { name: "ns-cluster", sku: "Standard", dedicatedCluster: { name: "big" } },
        { name: "ns-no-diagnostics", sku: "Standard", diagnostics: false },
        { name: "ns-unlocked", sku: "Standard", lock: false },
        { name: "ns-no-endpoint", sku: "Standard", privateEndpoint: false },
        { name: "ns-ms-keys", sku: "Premium", customerManagedKey: false },
      ],
    },
    {
      secondaryLocation: "northeurope",
      waivers: [
        waiver("EH-DIAGNOSTICS", "eventHubs/ns-no-diagnostics"),
        waiver("EH-LOCK", "eventHubs/ns-unlocked"),
        waiver("EH-PRIVATE-ENDPOINT", "eventHubs/ns-no-endpoint"),
      ],
    },
  ),
  [
    {
      option: "namespace geoDisasterRecovery: false: no pairing, although production pairs by default",
      type: "azurerm_eventhub_namespace_disaster_recovery_config",
      select: { namespace_name: azureName("ns-no-geo") },
      control: { namespace_name: azureName("ns-paired") },
    },
    {
      option: "a namespace on a dedicated cluster is not paired by the production default",
      type: "azurerm_eventhub_namespace_disaster_recovery_config",
      select: { namespace_name: azureName("ns-cluster") },
      control: { namespace_name: azureName("ns-paired") },
    },
    {
      option: "namespace diagnostics: false, waived: no diagnostic setting",
      type: "azurerm_monitor_diagnostic_setting",
      select: { target_resource_id: namespaceRef("ns-no-diagnostics") },
      control: { target_resource_id: namespaceRef("ns-unlocked") },
    },
    {
      option: "namespace lock: false, waived: no lock",
      type: "azurerm_management_lock",
      select: { scope: namespaceRef("ns-unlocked") },
      control: { scope: namespaceRef("ns-no-diagnostics") },
    },
    {
      option: "namespace privateEndpoint: false, waived: no private endpoint",
      type: "azurerm_private_endpoint",
      select: {
        private_service_connection: expect.objectContaining({
          private_connection_resource_id: namespaceRef("ns-no-endpoint"),
        }),
      },
      control: {
        private_service_connection: expect.objectContaining({
          private_connection_resource_id: namespaceRef("ns-unlocked"),
        }),
      },
    },
    {
      option: "namespace customerManagedKey: false: no key, although production encrypts by default",
      type: "azurerm_eventhub_namespace_customer_managed_key",
      select: { eventhub_namespace_id: namespaceRef("ns-ms-keys") },
      control: { eventhub_namespace_id: namespaceRef("ns-cluster") },
    },
  ],
);

describeRefusals("Event Hubs namespace options refused in their tier", [
  {
    option: "namespace kafka: false on Standard",
    doc: single({ kafka: false }),
    path: "eventHubs[0].kafka",
    message:
      "Standard always has the Kafka endpoint and azurerm 4.x has no switch to turn it off, got kafka: false",
  },
  {
    option: "namespace kafka: true on Basic",
    doc: single({ sku: "Basic", kafka: true }),
    path: "eventHubs[0].kafka",
    message: "Basic has no Kafka endpoint, got kafka: true",
  },
  {
    option: "namespace zoneRedundant: false",
    doc: single({ zoneRedundant: false }),
    path: "eventHubs[0].zoneRedundant",
    message: "Azure makes every Event Hubs namespace zone redundant",
  },
  {
    option: "namespace autoInflateMaxCapacity on Premium",
    doc: single({ sku: "Premium", autoInflateMaxCapacity: 10 }),
    path: "eventHubs[0].autoInflateMaxCapacity",
    message: "auto-inflate exists only on Standard",
  },
  {
    option: "namespace capacity 3 on Premium",
    doc: single({ sku: "Premium", capacity: 3 }),
    path: "eventHubs[0].capacity",
    message: "Premium takes 1, 2, 4, 8, 16 processing units, got 3",
  },
  {
    option: "namespace schemaGroups on Basic",
    doc: single({
      sku: "Basic",
      schemaGroups: [{ name: "schemas", compatibility: "Backward", type: "Avro" }],
    }),
    path: "eventHubs[0].schemaGroups",
    message: "Basic has no schema registry, got 1 schema group",
  },
  {
    option: "namespace allowedIpRanges on Basic",
    doc: single({ sku: "Basic", allowedIpRanges: ["203.0.113.0/24"] }),
    path: "eventHubs[0].allowedIpRanges",
    message: "IP rules needs Standard or above; this Event Hubs namespace (Basic) has none",
  },
  {
    option: "namespace trustedServicesAllowed on Basic",
    doc: single({ sku: "Basic", trustedServicesAllowed: false }),
    path: "eventHubs[0].trustedServicesAllowed",
    message:
      "letting trusted Microsoft services through needs Standard or above; this Event Hubs namespace (Basic) has none",
  },
  {
    option: "namespace privateEndpoint on Basic",
    doc: single({ sku: "Basic", privateEndpoint: true }, "development", {
      network: { privateEndpointSubnetId: ids.subnet },
    }),
    path: "eventHubs[0].privateEndpoint",
    message: "a private endpoint needs Standard or above; this Event Hubs namespace (Basic) has none",
  },
  {
    option: "namespace customerManagedKey on Standard",
    doc: single({ customerManagedKey: true }, "development", { encryption }),
    path: "eventHubs[0].customerManagedKey",
    message:
      "a customer-managed key needs Premium or a dedicated cluster; this Event Hubs namespace (Standard) has none",
  },
  {
    option: "namespace customerManagedKey without an encryption section",
    doc: single({ sku: "Premium", customerManagedKey: true }),
    path: "eventHubs[0].customerManagedKey",
    message: "customerManagedKey: true needs a key, but the file has no encryption section",
  },
  {
    option: "namespace geoDisasterRecovery on Basic",
    doc: single({ sku: "Basic", geoDisasterRecovery: true }, "development", {
      secondaryLocation: "northeurope",
    }),
    path: "eventHubs[0].geoDisasterRecovery",
    message: "Basic has no geo-disaster recovery",
  },
  {
    option: "namespace geoDisasterRecovery on a dedicated cluster",
    doc: single({ dedicatedClusterId: ids.cluster, geoDisasterRecovery: true }, "development", {
      secondaryLocation: "northeurope",
    }),
    path: "eventHubs[0].geoDisasterRecovery",
    message: "geo-disaster recovery pairs a namespace with one of the same tier",
  },
  {
    option: "namespace dedicatedCluster and dedicatedClusterId together",
    doc: single({ dedicatedCluster: { name: "big" }, dedicatedClusterId: ids.cluster }),
    path: "eventHubs[0].dedicatedClusterId",
    message:
      "give dedicatedCluster (a cluster this file creates) or dedicatedClusterId (an existing one), not both",
  },
  {
    option: "namespace publicNetworkAccess: true in production without a waiver",
    doc: single({ publicNetworkAccess: true }, "production"),
    path: "eventHubs[0].publicNetworkAccess",
    message: "publicNetworkAccess: true is not allowed in the production tier",
  },
  {
    option: "namespace localAuth: true in production without a waiver",
    doc: single({ localAuth: true }, "production"),
    path: "eventHubs[0].localAuth",
    message: "localAuth: true is not allowed in the production tier",
  },
  {
    option: "namespace allowedIpRanges in production, where public access is off by default",
    doc: single({ allowedIpRanges: ["203.0.113.0/24"] }, "production"),
    path: "eventHubs[0].allowedIpRanges",
    message:
      "allowedIpRanges admit nothing while publicNetworkAccess is false (the production tier's default)",
  },
]);
