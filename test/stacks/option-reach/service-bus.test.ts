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
  sharedInterfacesLeftOut,
} from "./helpers";

/*
 * Every Service Bus option an environment file can state, each with one definite outcome: the
 * attribute it becomes, or the error that refuses it. Namespace, queue, topic and subscription
 * options; SKU-bound options on the SKU that has them and on one that does not.
 */

const azureName = (namespace: string): string => `sbns-contoso-${namespace}-reach`;
const namespaceRef = (namespace: string) =>
  referenceTo("azurerm_servicebus_namespace", `service-bus-${namespace}_namespace`);

/** A table row and the item it adds to the table's file. */
interface Entry {
  readonly item: Json;
  readonly row: ReachRow;
}

const roles = {
  senders: "Azure Service Bus Data Sender",
  receivers: "Azure Service Bus Data Receiver",
  owners: "Azure Service Bus Data Owner",
} as const;

// Queues ---------------------------------------------------------------------------------------

function queue(option: string, name: string, fields: Json, attributes: Json): Entry {
  return {
    item: { name, ...fields },
    row: { option, type: "azurerm_servicebus_queue", select: { name }, attributes },
  };
}

function queueGrant(role: keyof typeof roles): Entry {
  const name = `q-${role}`;
  return {
    item: { name, [role]: ["app"] },
    row: {
      option: `queue ${role}: [app]`,
      type: "azurerm_role_assignment",
      select: { scope: referenceTo("azurerm_servicebus_queue", `queue-${name}_queue`) },
      attributes: { role_definition_name: roles[role], principal_id: principalId },
    },
  };
}

const queueEntries: Entry[] = [
  queue("queue sessions: true", "q-sessions", { sessions: true }, { requires_session: true }),
  queue(
    "queue duplicateDetection: PT10M",
    "q-duplicates",
    { duplicateDetection: "PT10M" },
    { requires_duplicate_detection: true, duplicate_detection_history_time_window: "PT10M" },
  ),
  queue(
    "queue forwardTo another queue",
    "q-forward",
    { forwardTo: "orders/q-target" },
    { forward_to: referenceTo("azurerm_servicebus_queue", "queue-q-target_queue", "name") },
  ),
  queue(
    "queue forwardTo a topic",
    "q-forward-topic",
    { forwardTo: "orders/t-target" },
    { forward_to: referenceTo("azurerm_servicebus_topic", "topic-t-target_topic", "name") },
  ),
  queue(
    "queue forwardDeadLetteredTo another queue",
    "q-dead-letters",
    { forwardDeadLetteredTo: "orders/q-target" },
    {
      forward_dead_lettered_messages_to: referenceTo(
        "azurerm_servicebus_queue",
        "queue-q-target_queue",
        "name",
      ),
    },
  ),
  queue(
    "queue partitioned: true (Standard)",
    "q-partitioned",
    { partitioned: true },
    { partitioning_enabled: true },
  ),
  queue(
    "queue maxSizeMegabytes: 2048",
    "q-size",
    { maxSizeMegabytes: 2048 },
    { max_size_in_megabytes: 2048 },
  ),
  queue(
    "queue autoDeleteOnIdle: PT1H",
    "q-idle",
    { autoDeleteOnIdle: "PT1H" },
    { auto_delete_on_idle: "PT1H" },
  ),
  queue("queue messageTtl: P1D", "q-ttl", { messageTtl: "P1D" }, { default_message_ttl: "P1D" }),
  queue("queue lockDuration: PT30S", "q-lock", { lockDuration: "PT30S" }, { lock_duration: "PT30S" }),
  queue(
    "queue deadLetterOnExpiration: true",
    "q-expiry",
    { deadLetterOnExpiration: true },
    { dead_lettering_on_message_expiration: true },
  ),
  queue(
    "queue batchedOperations: false",
    "q-unbatched",
    { batchedOperations: false },
    { batched_operations_enabled: false },
  ),
  queue("queue status: Disabled", "q-disabled", { status: "Disabled" }, { status: "Disabled" }),
  queue("queue maxDeliveryCount: 5", "q-deliveries", { maxDeliveryCount: 5 }, { max_delivery_count: 5 }),
  queueGrant("senders"),
  queueGrant("receivers"),
  queueGrant("owners"),
];

// Topics and subscriptions ---------------------------------------------------------------------

function topic(option: string, name: string, fields: Json, attributes: Json): Entry {
  return {
    item: { name, ...fields },
    row: { option, type: "azurerm_servicebus_topic", select: { name }, attributes },
  };
}

function topicGrant(role: keyof typeof roles): Entry {
  const name = `t-${role}`;
  return {
    item: { name, [role]: ["app"] },
    row: {
      option: `topic ${role}: [app]`,
      type: "azurerm_role_assignment",
      select: { scope: referenceTo("azurerm_servicebus_topic", `topic-${name}_topic`) },
      attributes: { role_definition_name: roles[role], principal_id: principalId },
    },
  };
}

const topicEntries: Entry[] = [
  topic(
    "topic duplicateDetection: PT10M",
    "t-duplicates",
    { duplicateDetection: "PT10M" },
    { requires_duplicate_detection: true, duplicate_detection_history_time_window: "PT10M" },
  ),
  topic(
    "topic partitioned: true (Standard)",
    "t-partitioned",
    { partitioned: true },
    { partitioning_enabled: true },
  ),
  topic("topic supportOrdering: true", "t-ordered", { supportOrdering: true }, { support_ordering: true }),
  topic(
    "topic maxSizeMegabytes: 2048",
    "t-size",
    { maxSizeMegabytes: 2048 },
    { max_size_in_megabytes: 2048 },
  ),
  topic(
    "topic autoDeleteOnIdle: PT1H",
    "t-idle",
    { autoDeleteOnIdle: "PT1H" },
    { auto_delete_on_idle: "PT1H" },
  ),
  topic("topic messageTtl: P1D", "t-ttl", { messageTtl: "P1D" }, { default_message_ttl: "P1D" }),
  topic(
    "topic batchedOperations: false",
    "t-unbatched",
    { batchedOperations: false },
    { batched_operations_enabled: false },
  ),
  topic("topic status: Disabled", "t-disabled", { status: "Disabled" }, { status: "Disabled" }),
  topicGrant("senders"),
  topicGrant("receivers"),
  topicGrant("owners"),
];

function subscription(option: string, name: string, fields: Json, attributes: Json): Entry {
  return {
    item: { name, ...fields },
    row: { option, type: "azurerm_servicebus_subscription", select: { name }, attributes },
  };
}

/** The `$Default` rule a subscription's `filter` becomes (a PUT of the whole rule Azure creates). */
function defaultRule(option: string, name: string, filter: Json, properties: Json): Entry {
  return {
    item: { name, filter },
    row: {
      option,
      type: "azapi_resource_action",
      select: {
        method: "PUT",
        resource_id: expect.stringMatching(
          new RegExp(
            `^\\$\\{azurerm_servicebus_subscription\\.[^.}]*subscription-${name}_subscription[^.}]*\\.id\\}/rules/\\$Default$`,
          ),
        ),
        // The PUT on apply; its destroy-time twin puts Azure's 1=1 back (subscription.test.ts).
        body: { properties },
      },
      attributes: { body: { properties } },
    },
  };
}

/** Owners of a subscription get the receiver role: Data Owner has no scope narrower than the topic. */
function subscriptionGrant(role: "receivers" | "owners"): Entry {
  const name = `s-${role}`;
  return {
    item: { name, [role]: ["app"] },
    row: {
      option: `subscription ${role}: [app]`,
      type: "azurerm_role_assignment",
      select: { scope: referenceTo("azurerm_servicebus_subscription", `subscription-${name}_subscription`) },
      attributes: { role_definition_name: roles.receivers, principal_id: principalId },
    },
  };
}

const subscriptionEntries: Entry[] = [
  subscription(
    "subscription maxDeliveryCount: 3",
    "s-deliveries",
    { maxDeliveryCount: 3 },
    { max_delivery_count: 3 },
  ),
  subscription(
    "subscription lockDuration: PT30S",
    "s-lock",
    { lockDuration: "PT30S" },
    { lock_duration: "PT30S" },
  ),
  subscription(
    "subscription messageTtl: P1D",
    "s-ttl",
    { messageTtl: "P1D" },
    { default_message_ttl: "P1D" },
  ),
  subscription(
    "subscription deadLetterOnExpiration: true",
    "s-expiry",
    { deadLetterOnExpiration: true },
    { dead_lettering_on_message_expiration: true },
  ),
  subscription(
    "subscription deadLetterOnFilterEvaluationError: false",
    "s-filter-errors",
    { deadLetterOnFilterEvaluationError: false },
    { dead_lettering_on_filter_evaluation_error: false },
  ),
  subscription("subscription sessions: true", "s-sessions", { sessions: true }, { requires_session: true }),
  subscription(
    "subscription forwardTo a queue",
    "s-forward",
    { forwardTo: "orders/q-target" },
    { forward_to: referenceTo("azurerm_servicebus_queue", "queue-q-target_queue", "name") },
  ),
  subscription(
    "subscription forwardDeadLetteredTo a queue",
    "s-dead-letters",
    { forwardDeadLetteredTo: "orders/q-target" },
    {
      forward_dead_lettered_messages_to: referenceTo(
        "azurerm_servicebus_queue",
        "queue-q-target_queue",
        "name",
      ),
    },
  ),
  subscription(
    "subscription autoDeleteOnIdle: PT1H",
    "s-idle",
    { autoDeleteOnIdle: "PT1H" },
    { auto_delete_on_idle: "PT1H" },
  ),
  subscription(
    "subscription batchedOperations: false",
    "s-unbatched",
    { batchedOperations: false },
    { batched_operations_enabled: false },
  ),
  subscription("subscription status: Disabled", "s-disabled", { status: "Disabled" }, { status: "Disabled" }),
  defaultRule(
    "subscription filter: a SQL filter",
    "s-sql",
    { sql: "amount > 0" },
    {
      filterType: "SqlFilter",
      sqlFilter: { sqlExpression: "amount > 0" },
    },
  ),
  defaultRule(
    "subscription filter: a correlation filter with an action",
    "s-correlation",
    { correlation: { label: "created" }, action: "SET x = 1" },
    {
      filterType: "CorrelationFilter",
      correlationFilter: { label: "created" },
      action: { sqlExpression: "SET x = 1" },
    },
  ),
  {
    item: {
      name: "s-rules",
      rules: [
        { name: "big", sql: "amount > 100" },
        { name: "eu", correlation: { properties: { region: "EU" } } },
      ],
    },
    row: {
      option: "subscription rules: a SQL rule (and a correlation rule beside it)",
      type: "azurerm_servicebus_subscription_rule",
      select: { name: "big" },
      attributes: { filter_type: "SqlFilter", sql_filter: "amount > 100" },
    },
  },
  {
    item: { name: "s-rules-2", rules: [{ name: "eu", correlation: { properties: { region: "EU" } } }] },
    row: {
      option: "subscription rules: a correlation rule on application properties",
      type: "azurerm_servicebus_subscription_rule",
      select: {
        name: "eu",
        subscription_id: referenceTo(
          "azurerm_servicebus_subscription",
          "subscription-s-rules-2_subscription",
        ),
      },
      attributes: { filter_type: "CorrelationFilter", correlation_filter: { properties: { region: "EU" } } },
    },
  },
  subscriptionGrant("receivers"),
  subscriptionGrant("owners"),
];

const byName = (entries: readonly Entry[]) => entries.map((e) => e.item);

describeReach(
  "Service Bus entity options (Standard, development)",
  environment("development", {
    serviceBus: [
      {
        name: "orders",
        sku: "Standard",
        queues: [{ name: "q-target" }, ...byName(queueEntries)],
        topics: [
          { name: "t-target" },
          ...byName(topicEntries),
          { name: "t-subscriptions", subscriptions: byName(subscriptionEntries) },
        ],
      },
    ],
  }),
  [...queueEntries, ...topicEntries, ...subscriptionEntries].map((e) => e.row),
);

// Premium-only entity options and their refusal elsewhere ----------------------------------------

describeReach(
  "Service Bus entity options of the Premium SKU (production)",
  environment("production", {
    serviceBus: [
      {
        name: "orders",
        sku: "Premium",
        queues: [
          { name: "q-large", maxSizeMegabytes: 81920 },
          { name: "q-big-messages", maxMessageSizeKilobytes: 2048 },
          { name: "q-expiry-dropped", deadLetterOnExpiration: false },
        ],
        topics: [{ name: "t-big-messages", maxMessageSizeKilobytes: 2048 }],
      },
    ],
  }),
  [
    {
      option: "queue maxSizeMegabytes: 81920 (Premium)",
      type: "azurerm_servicebus_queue",
      select: { name: "q-large" },
      attributes: { max_size_in_megabytes: 81920 },
    },
    {
      option: "queue maxMessageSizeKilobytes: 2048 (Premium)",
      type: "azurerm_servicebus_queue",
      select: { name: "q-big-messages" },
      attributes: { max_message_size_in_kilobytes: 2048 },
    },
    {
      option: "queue deadLetterOnExpiration: false in production (a policy finding, not an error)",
      type: "azurerm_servicebus_queue",
      select: { name: "q-expiry-dropped" },
      attributes: { dead_lettering_on_message_expiration: false },
    },
    {
      option: "topic maxMessageSizeKilobytes: 2048 (Premium)",
      type: "azurerm_servicebus_topic",
      select: { name: "t-big-messages" },
      attributes: { max_message_size_in_kilobytes: 2048 },
    },
  ],
);

/** A development file with one namespace of `sku` holding `namespace`'s fields. */
function single(sku: string, namespace: Json, tier: Tier = "development", extra: Json = {}): Json {
  return environment(tier, { serviceBus: [{ name: "orders", sku, ...namespace }] }, extra);
}

describeRefusals("Service Bus options a SKU does not have", [
  {
    option: "queue maxSizeMegabytes: 81920 on Standard",
    doc: single("Standard", { queues: [{ name: "q1", maxSizeMegabytes: 81920 }] }),
    path: "serviceBus[0].queues[0].maxSizeMegabytes",
    message: "maxSizeMegabytes on Standard must be one of 1024, 2048, 3072, 4096, 5120",
  },
  {
    option: "queue maxMessageSizeKilobytes on Standard",
    doc: single("Standard", { queues: [{ name: "q1", maxMessageSizeKilobytes: 2048 }] }),
    path: "serviceBus[0].queues[0].maxMessageSizeKilobytes",
    message: "maxMessageSizeKilobytes needs the Premium SKU",
  },
  {
    option: "topic maxMessageSizeKilobytes on Standard",
    doc: single("Standard", { topics: [{ name: "t1", maxMessageSizeKilobytes: 2048 }] }),
    path: "serviceBus[0].topics[0].maxMessageSizeKilobytes",
    message: "maxMessageSizeKilobytes needs the Premium SKU",
  },
  {
    option: "queue partitioned on Premium",
    doc: single("Premium", { queues: [{ name: "q1", partitioned: true }] }),
    path: "serviceBus[0].queues[0].partitioned",
    message: "partitioned is not an entity option on Premium",
  },
  {
    option: "topic partitioned on Premium",
    doc: single("Premium", { topics: [{ name: "t1", partitioned: true }] }),
    path: "serviceBus[0].topics[0].partitioned",
    message: "partitioned is not an entity option on Premium",
  },
  {
    option: "queue sessions on Basic",
    doc: single("Basic", { queues: [{ name: "q1", sessions: true }] }),
    path: "serviceBus[0].queues[0].sessions",
    message: 'sessions need the Standard or Premium SKU; namespace "orders" is Basic',
  },
  {
    option: "queue duplicateDetection on Basic",
    doc: single("Basic", { queues: [{ name: "q1", duplicateDetection: "PT10M" }] }),
    path: "serviceBus[0].queues[0].duplicateDetection",
    message: "duplicate detection needs the Standard or Premium SKU",
  },
  {
    option: "queue forwardTo on Basic",
    doc: single("Basic", { queues: [{ name: "q1", forwardTo: "orders/q2" }, { name: "q2" }] }),
    path: "serviceBus[0].queues[0].forwardTo",
    message: "auto-forwarding (forwardTo) needs the Standard or Premium SKU",
  },
  {
    option: "queue forwardDeadLetteredTo on Basic",
    doc: single("Basic", { queues: [{ name: "q1", forwardDeadLetteredTo: "orders/q2" }, { name: "q2" }] }),
    path: "serviceBus[0].queues[0].forwardDeadLetteredTo",
    message: "auto-forwarding (forwardDeadLetteredTo) needs the Standard or Premium SKU",
  },
  {
    option: "topics on Basic",
    doc: single("Basic", { topics: [{ name: "t1" }] }),
    path: "serviceBus[0].topics",
    message: 'topics need the Standard or Premium SKU; namespace "orders" is Basic',
  },
  {
    option: "queue forwardTo on a session-enabled queue",
    doc: single("Standard", {
      queues: [{ name: "q1", sessions: true, forwardTo: "orders/q2" }, { name: "q2" }],
    }),
    path: "serviceBus[0].queues[0].forwardTo",
    message: "forwardTo is not supported on a session-enabled entity",
  },
  {
    option: "subscription filter and rules together",
    doc: single("Standard", {
      topics: [
        {
          name: "t1",
          subscriptions: [{ name: "s1", filter: { sql: "a > 1" }, rules: [{ name: "r1", sql: "b > 1" }] }],
        },
      ],
    }),
    path: "serviceBus[0].topics[0].subscriptions[0].filter",
    message: "declare either filter (which becomes the $Default rule) or rules, not both",
  },
]);

// Namespaces -----------------------------------------------------------------------------------

/** One Premium namespace per row, so each row's option is alone on its namespace. */
function namespaceEntry(option: string, name: string, fields: Json, row: Omit<ReachRow, "option">): Entry {
  return { item: { name, sku: "Premium", ...fields }, row: { option, ...row } };
}

function onNamespace(
  option: string,
  name: string,
  fields: Json,
  attributes: Json,
  absent?: readonly string[],
): Entry {
  return namespaceEntry(option, name, fields, {
    type: "azurerm_servicebus_namespace",
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

const developmentNamespaces: Entry[] = [
  onNamespace(
    "namespace capacity: 2",
    "ns-capacity",
    { capacity: 2 },
    { capacity: 2, premium_messaging_partitions: 1 },
  ),
  onNamespace(
    "namespace partitions: 2 (capacity follows: one messaging unit per partition)",
    "ns-partitions",
    { partitions: 2 },
    { capacity: 2, premium_messaging_partitions: 2 },
  ),
  onNamespace(
    "namespace partitions: 2 with capacity: 4",
    "ns-partitions-capacity",
    { partitions: 2, capacity: 4 },
    { capacity: 4, premium_messaging_partitions: 2 },
  ),
  onNamespace(
    "namespace zoneRedundant: true (Azure's own behaviour; azurerm 4.x has no setting)",
    "ns-zones",
    { zoneRedundant: true },
    {},
    ["zone_redundant"],
  ),
  namespaceEntry(
    "namespace autoscale: 1 to 4 messaging units",
    "ns-autoscale",
    { autoscale: { minCapacity: 1, maxCapacity: 4 } },
    {
      type: "azurerm_monitor_autoscale_setting",
      select: { target_resource_id: namespaceRef("ns-autoscale") },
      attributes: {
        profile: [expect.objectContaining({ capacity: expect.objectContaining({ minimum: 1, maximum: 4 }) })],
      },
    },
  ),
  onNamespace(
    "namespace autoscale without capacity starts at the autoscale minimum",
    "ns-autoscale-start",
    { partitions: 2, autoscale: { minCapacity: 4, maxCapacity: 8 } },
    { capacity: 4 },
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
    { network_rule_set: expect.objectContaining({ default_action: "Deny", ip_rules: ["203.0.113.0/24"] }) },
  ),
  onNamespace(
    "namespace trustedServicesAllowed: false",
    "ns-untrusted",
    { trustedServicesAllowed: false, allowedIpRanges: ["203.0.113.0/24"] },
    { network_rule_set: expect.objectContaining({ trusted_services_allowed: false }) },
  ),
  onNamespace(
    "namespace userAssignedIdentityIds",
    "ns-identities",
    { userAssignedIdentityIds: [ids.identity] },
    {
      identity: {
        type: "SystemAssigned, UserAssigned",
        identity_ids: expect.arrayContaining([ids.identity]),
      },
    },
  ),
  onNamespace("namespace resourceName", "ns-renamed", { resourceName: "sb-reach-custom" }, {}),
  onNamespace(
    "namespace tags",
    "ns-tags",
    { tags: { team: "reach" } },
    { tags: expect.objectContaining({ team: "reach" }) },
  ),
  onNamespace("namespace localAuth: true", "ns-keys", { localAuth: true }, { local_auth_enabled: true }),
  onNamespace(
    "namespace customerManagedKey: true",
    "ns-cmk",
    { customerManagedKey: true },
    { customer_managed_key: expect.objectContaining({ key_vault_key_id: encryption.keyVaultKeyId }) },
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
      select: { name: `pep-${azureName("ns-endpoint")}` },
      attributes: { subnet_id: ids.subnet },
    },
  ),
  namespaceGrant("senders"),
  namespaceGrant("receivers"),
  namespaceGrant("owners"),
];

// `resourceName` replaces the convention's name: the row above selects by the conventional name, so
// its own row selects the namespace by the given one.
const renamed = developmentNamespaces.findIndex((e) => e.item.name === "ns-renamed");
developmentNamespaces[renamed] = {
  item: developmentNamespaces[renamed].item,
  row: {
    option: "namespace resourceName",
    type: "azurerm_servicebus_namespace",
    select: { name: "sb-reach-custom" },
    attributes: { sku: "Premium" },
  },
};

describeReach(
  "Service Bus namespace options (Premium, development)",
  environment(
    "development",
    { serviceBus: byName(developmentNamespaces) },
    { network: { privateEndpointSubnetId: ids.subnet }, encryption },
  ),
  developmentNamespaces.map((e) => e.row),
);

describeReach(
  "Service Bus namespace options that production waives or turns off (Premium, production)",
  environment(
    "production",
    {
      serviceBus: [
        { name: "ns-open", sku: "Premium", publicNetworkAccess: true, allowedIpRanges: ["203.0.113.0/24"] },
        { name: "ns-keys", sku: "Premium", localAuth: true },
        { name: "ns-ms-keys", sku: "Premium", customerManagedKey: false },
        { name: "ns-geo", sku: "Premium", geoDisasterRecovery: true },
      ],
    },
    {
      secondaryLocation: "northeurope",
      waivers: [
        waiver("SB-PUBLIC-NETWORK", "serviceBus/ns-open"),
        waiver("SB-LOCAL-AUTH", "serviceBus/ns-keys"),
      ],
    },
  ),
  [
    {
      option: "namespace publicNetworkAccess: true with allowedIpRanges, waived",
      type: "azurerm_servicebus_namespace",
      select: { name: azureName("ns-open") },
      attributes: {
        public_network_access_enabled: true,
        network_rule_set: expect.objectContaining({ ip_rules: ["203.0.113.0/24"] }),
      },
    },
    {
      option: "namespace localAuth: true, waived",
      type: "azurerm_servicebus_namespace",
      select: { name: azureName("ns-keys") },
      attributes: { local_auth_enabled: true },
    },
    {
      option: "namespace customerManagedKey: false",
      type: "azurerm_servicebus_namespace",
      select: { name: azureName("ns-ms-keys") },
      absent: ["customer_managed_key"],
    },
    {
      option: "namespace geoDisasterRecovery: true with secondaryLocation",
      type: "azurerm_servicebus_namespace_disaster_recovery_config",
      select: { name: `${azureName("ns-geo")}-alias` },
      attributes: { primary_namespace_id: namespaceRef("ns-geo") },
    },
    {
      option: "namespace geoDisasterRecovery: true pairs a namespace in secondaryLocation",
      type: "azurerm_servicebus_namespace",
      select: { name: `${azureName("ns-geo")}-geo` },
      attributes: { location: "northeurope", sku: "Premium" },
    },
  ],
);

describeAbsent(
  "Service Bus namespace options that leave a resource out (Premium, production)",
  environment(
    "production",
    {
      serviceBus: [
        { name: "ns-no-diagnostics", sku: "Premium", diagnostics: false },
        { name: "ns-unlocked", sku: "Premium", lock: false },
        { name: "ns-no-endpoint", sku: "Premium", privateEndpoint: false },
        { name: "ns-no-geo", sku: "Premium", geoDisasterRecovery: false },
      ],
    },
    {
      secondaryLocation: "northeurope",
      waivers: [
        waiver("SB-DIAGNOSTICS", "serviceBus/ns-no-diagnostics"),
        waiver("SB-LOCK", "serviceBus/ns-unlocked"),
        waiver("SB-PRIVATE-ENDPOINT", "serviceBus/ns-no-endpoint"),
      ],
    },
  ),
  [
    ...sharedInterfacesLeftOut("namespace", "ns", namespaceRef),
    {
      option: "namespace geoDisasterRecovery: false: no pairing, although production pairs by default",
      type: "azurerm_servicebus_namespace_disaster_recovery_config",
      select: { name: `${azureName("ns-no-geo")}-alias` },
      control: { name: `${azureName("ns-unlocked")}-alias` },
    },
  ],
);

describeRefusals("Service Bus namespace options refused in their SKU or tier", [
  {
    option: "namespace capacity on Standard",
    doc: single("Standard", { capacity: 2 }),
    path: "serviceBus[0].capacity",
    message: 'capacity (messaging units, got 2) needs the Premium SKU; namespace "orders" is Standard',
  },
  {
    option: "namespace partitions on Standard",
    doc: single("Standard", { partitions: 2 }),
    path: "serviceBus[0].partitions",
    message: 'partitions (got 2) needs the Premium SKU; namespace "orders" is Standard',
  },
  {
    option: "namespace autoscale on Standard",
    doc: single("Standard", { autoscale: { minCapacity: 1, maxCapacity: 4 } }),
    path: "serviceBus[0].autoscale",
    message: 'autoscale of messaging units needs the Premium SKU; namespace "orders" is Standard',
  },
  {
    option: "namespace autoscale steps that the partitions do not divide",
    doc: single("Premium", { partitions: 2, autoscale: { minCapacity: 1, maxCapacity: 4 } }),
    path: "serviceBus[0].autoscale.minCapacity",
    message: "minCapacity must be one of 2, 4, 8, 16 messaging units",
  },
  {
    option: "namespace zoneRedundant: false",
    doc: single("Premium", { zoneRedundant: false }),
    path: "serviceBus[0].zoneRedundant",
    message: "zoneRedundant cannot be false",
  },
  {
    option: "namespace geoDisasterRecovery on Standard",
    doc: single("Standard", { geoDisasterRecovery: true }, "development", {
      secondaryLocation: "northeurope",
    }),
    path: "serviceBus[0].geoDisasterRecovery",
    message: 'geo-disaster recovery needs the Premium SKU; namespace "orders" is Standard',
  },
  {
    option: "namespace geoDisasterRecovery without secondaryLocation",
    doc: single("Premium", { geoDisasterRecovery: true }),
    path: "serviceBus[0].geoDisasterRecovery",
    message: "geoDisasterRecovery: true needs secondaryLocation at the top of the file",
  },
  {
    option: "namespace privateEndpoint on Standard",
    doc: single("Standard", { privateEndpoint: true }, "development", {
      network: { privateEndpointSubnetId: ids.subnet },
    }),
    path: "serviceBus[0].privateEndpoint",
    message: "a private endpoint needs the Premium SKU; this Service Bus namespace (Standard) has none",
  },
  {
    option: "namespace privateEndpoint without a network section",
    doc: single("Premium", { privateEndpoint: true }),
    path: "serviceBus[0].privateEndpoint",
    message: "serviceBus/orders gets a private endpoint, but the file has no network section",
  },
  {
    option: "namespace customerManagedKey on Standard",
    doc: single("Standard", { customerManagedKey: true }, "development", { encryption }),
    path: "serviceBus[0].customerManagedKey",
    message: "a customer-managed key needs the Premium SKU; this Service Bus namespace (Standard) has none",
  },
  {
    option: "namespace customerManagedKey without an encryption section",
    doc: single("Premium", { customerManagedKey: true }),
    path: "serviceBus[0].customerManagedKey",
    message: "customerManagedKey: true needs a key, but the file has no encryption section",
  },
  {
    option: "namespace publicNetworkAccess: true in production without a waiver",
    doc: single("Premium", { publicNetworkAccess: true }, "production"),
    path: "serviceBus[0].publicNetworkAccess",
    message: "publicNetworkAccess: true is not allowed in the production tier",
  },
  {
    option: "namespace localAuth: true in production without a waiver",
    doc: single("Premium", { localAuth: true }, "production"),
    path: "serviceBus[0].localAuth",
    message: "localAuth: true is not allowed in the production tier",
  },
  {
    option: "namespace allowedIpRanges in production, where public access is off by default",
    doc: single("Premium", { allowedIpRanges: ["203.0.113.0/24"] }, "production"),
    path: "serviceBus[0].allowedIpRanges",
    message:
      "allowedIpRanges admit nothing while publicNetworkAccess is false (the production tier's default)",
  },
  {
    option: "a Standard namespace in production, closed by default and without private link",
    doc: single("Standard", {}, "production"),
    path: "serviceBus[0].sku",
    message:
      "serviceBus/orders would be unreachable: its public endpoint is off (the production tier's default)",
  },
]);
