import {
  describeAbsent,
  describeReach,
  describeRefusals,
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
 * Every Event Grid option an environment file can state, each with one definite outcome: custom
 * topics (every input schema), event subscriptions (every destination kind and option), system
 * topics (every source kind) and namespaces with the MQTT broker (every routing destination).
 */

const topicRef = (topic: string) => referenceTo("azurerm_eventgrid_topic", `event-grid-topic-${topic}_topic`);
const namespaceRef = (ns: string) =>
  referenceTo("azurerm_eventgrid_namespace", `event-grid-namespace-${ns}_namespace`);
const routeTopicRef = (ns: string) =>
  referenceTo("azurerm_eventgrid_topic", `event-grid-mqtt-route-${ns}_topic`);
const endpointOf = (resource: unknown) => ({
  private_service_connection: expect.objectContaining({ private_connection_resource_id: resource }),
});

interface Entry {
  readonly item: Json;
  readonly row: ReachRow;
}

/** What every destination kind names: a Premium namespace (reachable in production), a hub, an IoT hub. */
const targets = {
  serviceBus: [{ name: "orders", sku: "Premium", queues: [{ name: "q1" }], topics: [{ name: "t1" }] }],
  eventHubs: [{ name: "telemetry", sku: "Standard", hubs: [{ name: "h1" }] }],
  iotHub: [{ name: "plants", sku: "S1" }],
};

const destinations: readonly {
  readonly kind: string;
  readonly destination: Json;
  readonly attributes: Json;
}[] = [
  {
    kind: "a Service Bus queue",
    destination: { serviceBusQueue: "orders/q1" },
    attributes: { service_bus_queue_endpoint_id: referenceTo("azurerm_servicebus_queue", "queue-q1_queue") },
  },
  {
    kind: "a Service Bus topic",
    destination: { serviceBusTopic: "orders/t1" },
    attributes: { service_bus_topic_endpoint_id: referenceTo("azurerm_servicebus_topic", "topic-t1_topic") },
  },
  {
    kind: "an event hub",
    destination: { eventHub: "telemetry/h1" },
    attributes: { eventhub_endpoint_id: referenceTo("azurerm_eventhub", "hub-h1_event-hub") },
  },
  {
    kind: "a webhook",
    destination: {
      webhook: {
        url: "https://hooks.contoso.example/in",
        maxEventsPerBatch: 10,
        preferredBatchSizeKilobytes: 128,
      },
    },
    attributes: {
      webhook_endpoint: {
        url: "https://hooks.contoso.example/in",
        max_events_per_batch: 10,
        preferred_batch_size_in_kilobytes: 128,
      },
    },
  },
  {
    kind: "a storage queue",
    destination: {
      storageQueue: { storageAccountId: ids.storage, queueName: "events", messageTtlSeconds: 600 },
    },
    attributes: {
      storage_queue_endpoint: {
        storage_account_id: ids.storage,
        queue_name: "events",
        queue_message_time_to_live_in_seconds: 600,
      },
    },
  },
  {
    kind: "an Azure Function",
    destination: {
      azureFunction: { functionId: ids.function, maxEventsPerBatch: 5, preferredBatchSizeKilobytes: 32 },
    },
    attributes: {
      azure_function_endpoint: {
        function_id: ids.function,
        max_events_per_batch: 5,
        preferred_batch_size_in_kilobytes: 32,
      },
    },
  },
];

/** Event subscription options, each on a subscription of its own; `type` is the resource they become. */
function subscriptionEntries(type: string, prefix: string, deliverySchemas: readonly string[]): Entry[] {
  const entry = (option: string, name: string, fields: Json, attributes: Json): Entry => ({
    item: { name, destination: { serviceBusQueue: "orders/q1" }, ...fields },
    row: { option: `${prefix} ${option}`, type, select: { name }, attributes },
  });
  return [
    ...destinations.map((d, i) =>
      entry(`to ${d.kind}`, `to-dest-${i}`, { destination: d.destination }, d.attributes),
    ),
    entry(
      "with event types and a subject filter",
      "filter-subject",
      {
        filter: {
          includedEventTypes: ["a.b"],
          subjectBeginsWith: "/x/",
          subjectEndsWith: ".json",
          caseSensitive: true,
        },
      },
      {
        included_event_types: ["a.b"],
        subject_filter: { subject_begins_with: "/x/", subject_ends_with: ".json", case_sensitive: true },
      },
    ),
    entry(
      "with advanced filters of every value shape",
      "filter-advanced",
      {
        filter: {
          advancedFilteringOnArrays: true,
          advanced: [
            { key: "data.ok", operator: "BoolEquals", value: true },
            { key: "data.n", operator: "NumberGreaterThan", value: 1 },
            { key: "data.n", operator: "NumberIn", values: [1, 2] },
            { key: "data.n", operator: "NumberInRange", values: [[0, 10]] },
            { key: "data.s", operator: "StringContains", values: ["x"] },
            { key: "data.s", operator: "IsNotNull" },
          ],
        },
      },
      {
        advanced_filtering_on_arrays_enabled: true,
        advanced_filter: {
          bool_equals: [{ key: "data.ok", value: true }],
          number_greater_than: [{ key: "data.n", value: 1 }],
          number_in: [{ key: "data.n", values: [1, 2] }],
          number_in_range: [{ key: "data.n", values: [[0, 10]] }],
          string_contains: [{ key: "data.s", values: ["x"] }],
          is_not_null: [{ key: "data.s" }],
        },
      },
    ),
    entry(
      "with retry",
      "retry",
      { retry: { maxDeliveryAttempts: 5, eventTimeToLiveMinutes: 60 } },
      { retry_policy: { max_delivery_attempts: 5, event_time_to_live: 60 } },
    ),
    entry(
      "dead-lettering to the project's container",
      "dead-letter",
      { deadLetter: true },
      {
        storage_blob_dead_letter_destination: {
          storage_account_id: referenceTo("azurerm_storage_account", "event-grid-dead-letter-storage"),
          storage_blob_container_name: "deadletter",
        },
      },
    ),
    entry(
      "dead-lettering to a given account",
      "dead-letter-given",
      { deadLetter: { storageAccountId: ids.storage, container: "dead" } },
      {
        storage_blob_dead_letter_destination: {
          storage_account_id: ids.storage,
          storage_blob_container_name: "dead",
        },
      },
    ),
    ...deliverySchemas.map((schema) =>
      entry(
        `delivering ${schema}`,
        `schema-${schema.toLowerCase().replace(/_/g, "-")}`,
        { deliverySchema: schema },
        {
          event_delivery_schema: schema,
        },
      ),
    ),
    entry("expiring", "expiring", { expiresOn: "2027-06-01" }, { expiration_time_utc: "2027-06-01" }),
    entry("with labels", "labelled", { labels: ["reach"] }, { labels: ["reach"] }),
  ];
}

// Custom topics and their subscriptions ---------------------------------------------------------

const topicSubscriptions = subscriptionEntries("azurerm_eventgrid_event_subscription", "topic subscription", [
  "EventGridSchema",
  "CloudEventSchemaV1_0",
]);

function topic(option: string, name: string, fields: Json, row: Omit<ReachRow, "option">): Entry {
  return { item: { name, ...fields }, row: { option, ...row } };
}

function onTopic(option: string, name: string, fields: Json, attributes: Json): Entry {
  return topic(option, name, fields, {
    type: "azurerm_eventgrid_topic",
    select: { name: `evgt-contoso-${name}-reach` },
    attributes,
  });
}

const topicEntries: Entry[] = [
  onTopic(
    "topic inputSchema: CloudEventSchemaV1_0",
    "t-cloud",
    { inputSchema: "CloudEventSchemaV1_0" },
    { input_schema: "CloudEventSchemaV1_0" },
  ),
  onTopic(
    "topic inputSchema: EventGridSchema",
    "t-grid",
    { inputSchema: "EventGridSchema" },
    { input_schema: "EventGridSchema" },
  ),
  onTopic(
    "topic inputSchema: CustomEventSchema with inputMapping",
    "t-custom",
    {
      inputSchema: "CustomEventSchema",
      inputMapping: { id: "$.id", eventType: "$.type", defaultSubject: "none" },
    },
    {
      input_schema: "CustomEventSchema",
      input_mapping_fields: { id: "$.id", event_type: "$.type" },
      input_mapping_default_values: { subject: "none" },
    },
  ),
  onTopic(
    "topic publicNetworkAccess: false",
    "t-private",
    { publicNetworkAccess: false },
    { public_network_access_enabled: false },
  ),
  onTopic(
    "topic allowedIpRanges",
    "t-firewall",
    { allowedIpRanges: ["203.0.113.0/24"] },
    { inbound_ip_rule: [{ ip_mask: "203.0.113.0/24", action: "Allow" }] },
  ),
  onTopic("topic localAuth: true", "t-keys", { localAuth: true }, { local_auth_enabled: true }),
  onTopic(
    "topic userAssignedIdentityIds",
    "t-identities",
    { userAssignedIdentityIds: [ids.identity] },
    { identity: { type: "SystemAssigned, UserAssigned", identity_ids: [ids.identity] } },
  ),
  onTopic(
    "topic tags",
    "t-tags",
    { tags: { team: "reach" } },
    { tags: expect.objectContaining({ team: "reach" }) },
  ),
  topic(
    "topic resourceName",
    "t-renamed",
    { resourceName: "evgt-reach-custom" },
    {
      type: "azurerm_eventgrid_topic",
      select: { name: "evgt-reach-custom" },
      attributes: { input_schema: "CloudEventSchemaV1_0" },
    },
  ),
  topic(
    "topic lock: true",
    "t-locked",
    { lock: true },
    {
      type: "azurerm_management_lock",
      select: { scope: topicRef("t-locked") },
      attributes: { lock_level: "CanNotDelete" },
    },
  ),
  topic(
    "topic privateEndpoint: true",
    "t-endpoint",
    { privateEndpoint: true },
    {
      type: "azurerm_private_endpoint",
      select: endpointOf(topicRef("t-endpoint")),
      attributes: { subnet_id: ids.subnet },
    },
  ),
  topic(
    "topic senders: [app]",
    "t-senders",
    { senders: ["app"] },
    {
      type: "azurerm_role_assignment",
      select: { scope: topicRef("t-senders") },
      attributes: { role_definition_name: "EventGrid Data Sender", principal_id: principalId },
    },
  ),
];

describeReach(
  "Event Grid topic and event subscription options (development)",
  environment(
    "development",
    {
      ...targets,
      eventGrid: {
        topics: [
          ...topicEntries.map((e) => e.item),
          {
            name: "events",
            inputSchema: "EventGridSchema",
            subscriptions: topicSubscriptions.map((e) => e.item),
          },
        ],
      },
    },
    { network: { privateEndpointSubnetId: ids.subnet } },
  ),
  [...topicEntries, ...topicSubscriptions].map((e) => e.row),
);

describeReach(
  "Event Grid custom-schema topics deliver their own schema (development)",
  environment("development", {
    ...targets,
    eventGrid: {
      topics: [
        {
          name: "custom",
          inputSchema: "CustomEventSchema",
          subscriptions: [
            { name: "as-is", destination: { serviceBusQueue: "orders/q1" } },
            {
              name: "as-custom",
              destination: { serviceBusQueue: "orders/q1" },
              deliverySchema: "CustomInputSchema",
            },
          ],
        },
      ],
    },
  }),
  [
    {
      option: "a custom-schema topic's subscription delivers CustomInputSchema by default",
      type: "azurerm_eventgrid_event_subscription",
      select: { name: "as-is" },
      attributes: { event_delivery_schema: "CustomInputSchema" },
    },
    {
      option: "topic subscription delivering CustomInputSchema",
      type: "azurerm_eventgrid_event_subscription",
      select: { name: "as-custom" },
      attributes: { event_delivery_schema: "CustomInputSchema" },
    },
  ],
);

/** A file with `eventGrid` beside the destination targets. */
function grid(eventGrid: Json, tier: Tier = "development", extra: Json = {}): Json {
  return environment(tier, { ...targets, eventGrid }, extra);
}

const subscribed = (subscription: Json, inputSchema = "EventGridSchema") =>
  grid({
    topics: [
      {
        name: "events",
        inputSchema,
        subscriptions: [{ name: "sub-1", destination: { serviceBusQueue: "orders/q1" }, ...subscription }],
      },
    ],
  });

describeRefusals("Event Grid topic and subscription options refused", [
  {
    option: "topic inputMapping without the custom input schema",
    doc: grid({ topics: [{ name: "events", inputSchema: "EventGridSchema", inputMapping: { id: "$.id" } }] }),
    path: "eventGrid.topics[0].inputMapping",
    message:
      "inputMapping applies only to inputSchema: CustomEventSchema, but this topic's input schema is EventGridSchema",
  },
  {
    option: "topic trustedServicesAllowed",
    doc: grid({ topics: [{ name: "events", trustedServicesAllowed: false }] }),
    path: "eventGrid.topics[0].trustedServicesAllowed",
    message:
      "letting trusted Microsoft services through needs IP rules with a trusted-services exception, which Event Grid does not have (remove trustedServicesAllowed)",
  },
  {
    option: "topic customerManagedKey",
    doc: grid({ topics: [{ name: "events", customerManagedKey: true }] }),
    path: "eventGrid.topics[0].customerManagedKey",
    message:
      "a customer-managed key needs a service that offers one, and Event Grid encrypts with Microsoft-managed keys only (remove customerManagedKey)",
  },
  {
    option: "topic receivers",
    doc: grid({ topics: [{ name: "events", receivers: ["app"] }] }),
    path: "eventGrid.topics[0].receivers",
    message: "receivers does not apply here: a topic pushes events to its subscriptions",
  },
  {
    option: "topic owners",
    doc: grid({ topics: [{ name: "events", owners: ["app"] }] }),
    path: "eventGrid.topics[0].owners",
    message: "owners does not apply here",
  },
  {
    option: "topic publicNetworkAccess: true in production without a waiver",
    doc: grid({ topics: [{ name: "events", publicNetworkAccess: true }] }, "production"),
    path: "eventGrid.topics[0].publicNetworkAccess",
    message: "publicNetworkAccess: true is not allowed in the production tier",
  },
  {
    option: "topic localAuth: true in production without a waiver",
    doc: grid({ topics: [{ name: "events", localAuth: true }] }, "production"),
    path: "eventGrid.topics[0].localAuth",
    message: "localAuth: true is not allowed in the production tier",
  },
  {
    option: "subscription deliverySchema CustomInputSchema from an Event Grid schema topic",
    doc: subscribed({ deliverySchema: "CustomInputSchema" }),
    path: "eventGrid.topics[0].subscriptions[0].deliverySchema",
    message: "deliverySchema CustomInputSchema cannot be delivered from input schema EventGridSchema",
  },
  {
    option: "subscription deliverySchema EventGridSchema from a CloudEvents topic",
    doc: subscribed({ deliverySchema: "EventGridSchema" }, "CloudEventSchemaV1_0"),
    path: "eventGrid.topics[0].subscriptions[0].deliverySchema",
    message: "deliverySchema EventGridSchema cannot be delivered from input schema CloudEventSchemaV1_0",
  },
  {
    option: "subscription expiresOn in the past",
    doc: subscribed({ expiresOn: "2026-01-01" }),
    path: "eventGrid.topics[0].subscriptions[0].expiresOn",
    message: "expiresOn 2026-01-01 is not in the future",
  },
  {
    option: "subscription destination eventHub given as an ARM ID",
    doc: subscribed({ destination: { eventHub: ids.cluster } }),
    path: "eventGrid.topics[0].subscriptions[0].destination.eventHub",
    message: "expected a reference <namespace>/<entity>",
  },
]);

describeAbsent(
  "Event Grid topic options that leave a resource out (production)",
  grid(
    {
      topics: [
        { name: "t-no-diagnostics", diagnostics: false },
        { name: "t-unlocked", lock: false },
        { name: "t-no-endpoint", privateEndpoint: false },
      ],
    },
    "production",
    {
      waivers: [
        waiver("EG-TOPIC-DIAGNOSTICS", "eventGridTopics/t-no-diagnostics"),
        waiver("EG-TOPIC-LOCK", "eventGridTopics/t-unlocked"),
        waiver("EG-TOPIC-PRIVATE-ENDPOINT", "eventGridTopics/t-no-endpoint"),
      ],
    },
  ),
  [
    {
      option: "topic diagnostics: false, waived: no diagnostic setting",
      type: "azurerm_monitor_diagnostic_setting",
      select: { target_resource_id: topicRef("t-no-diagnostics") },
      control: { target_resource_id: topicRef("t-unlocked") },
    },
    {
      option: "topic lock: false, waived: no lock",
      type: "azurerm_management_lock",
      select: { scope: topicRef("t-unlocked") },
      control: { scope: topicRef("t-no-diagnostics") },
    },
    {
      option: "topic privateEndpoint: false, waived: no private endpoint",
      type: "azurerm_private_endpoint",
      select: endpointOf(topicRef("t-no-endpoint")),
      control: endpointOf(topicRef("t-unlocked")),
    },
  ],
);

describeReach(
  "Event Grid topic options that production waives (production)",
  grid(
    {
      topics: [
        { name: "t-open", publicNetworkAccess: true },
        { name: "t-keys", localAuth: true },
      ],
    },
    "production",
    {
      waivers: [
        waiver("EG-TOPIC-PUBLIC-NETWORK", "eventGridTopics/t-open"),
        waiver("EG-TOPIC-LOCAL-AUTH", "eventGridTopics/t-keys"),
      ],
    },
  ),
  [
    {
      option: "topic publicNetworkAccess: true, waived",
      type: "azurerm_eventgrid_topic",
      select: { name: "evgt-contoso-t-open-reach" },
      attributes: { public_network_access_enabled: true },
    },
    {
      option: "topic localAuth: true, waived",
      type: "azurerm_eventgrid_topic",
      select: { name: "evgt-contoso-t-keys-reach" },
      attributes: { local_auth_enabled: true },
    },
  ],
);

// System topics ---------------------------------------------------------------------------------

const systemSubscriptions = subscriptionEntries(
  "azurerm_eventgrid_system_topic_event_subscription",
  "system topic subscription",
  ["EventGridSchema", "CloudEventSchemaV1_0"],
);

const systemTopicRef = (topic: string) =>
  referenceTo("azurerm_eventgrid_system_topic", `event-grid-system-topic-${topic}_system-topic`, "name");

function source(
  option: string,
  name: string,
  item: Json,
  sourceResourceId: unknown,
  topicType: string,
): Entry {
  return {
    item: { name, ...item, topicType },
    row: {
      option,
      type: "azurerm_eventgrid_system_topic",
      select: { name: `egst-contoso-${name}-reach` },
      attributes: { source_resource_id: sourceResourceId, topic_type: topicType },
    },
  };
}

const systemTopicEntries: Entry[] = [
  source(
    "system topic of a Service Bus namespace",
    "st-bus",
    { source: { serviceBus: "orders" } },
    referenceTo("azurerm_servicebus_namespace", "service-bus-orders_namespace"),
    "Microsoft.ServiceBus.Namespaces",
  ),
  source(
    "system topic of an Event Hubs namespace",
    "st-hubs",
    { source: { eventHubs: "telemetry" } },
    referenceTo("azurerm_eventhub_namespace", "event-hubs-telemetry_namespace"),
    "Microsoft.EventHub.Namespaces",
  ),
  source(
    "system topic of an IoT hub",
    "st-iot",
    { source: { iotHub: "plants" } },
    referenceTo("azurerm_iothub", "iot-hub-plants_hub"),
    "Microsoft.Devices.IoTHubs",
  ),
  source(
    "system topic of a resource ID",
    "st-storage",
    { source: { resourceId: ids.storage } },
    ids.storage,
    "Microsoft.Storage.StorageAccounts",
  ),
  {
    item: {
      name: "st-renamed",
      source: { resourceId: ids.storage },
      topicType: "Microsoft.Storage.StorageAccounts",
      resourceName: "egst-custom-name",
    },
    row: {
      option: "system topic resourceName",
      type: "azurerm_eventgrid_system_topic",
      select: { name: "egst-custom-name" },
      attributes: { source_resource_id: ids.storage },
    },
  },
  {
    item: {
      name: "st-tags",
      source: { resourceId: ids.storage },
      topicType: "Microsoft.Storage.StorageAccounts",
      tags: { team: "reach" },
    },
    row: {
      option: "system topic tags",
      type: "azurerm_eventgrid_system_topic",
      select: { name: "egst-contoso-st-tags-reach" },
      attributes: { tags: expect.objectContaining({ team: "reach" }) },
    },
  },
];

describeReach(
  "Event Grid system topic options and their subscriptions (development)",
  grid({
    systemTopics: [
      ...systemTopicEntries.map((e) => e.item),
      {
        name: "changes",
        source: { serviceBus: "orders" },
        topicType: "Microsoft.ServiceBus.Namespaces",
        subscriptions: systemSubscriptions.map((e) => e.item),
      },
    ],
  }),
  [
    ...systemTopicEntries.map((e) => e.row),
    ...systemSubscriptions.map((e) => ({
      ...e.row,
      select: { ...e.row.select, system_topic: systemTopicRef("changes") },
    })),
  ],
);

describeRefusals("Event Grid system topic options refused", [
  {
    option:
      "system topic subscription delivering CustomInputSchema (system topics publish the Event Grid schema)",
    doc: grid({
      systemTopics: [
        {
          name: "changes",
          source: { serviceBus: "orders" },
          topicType: "Microsoft.ServiceBus.Namespaces",
          subscriptions: [
            {
              name: "sub-1",
              destination: { serviceBusQueue: "orders/q1" },
              deliverySchema: "CustomInputSchema",
            },
          ],
        },
      ],
    }),
    path: "eventGrid.systemTopics[0].subscriptions[0].deliverySchema",
    message: "deliverySchema CustomInputSchema cannot be delivered from input schema EventGridSchema",
  },
]);

// Namespaces and the MQTT broker ---------------------------------------------------------------

const broker: Json = {
  topicSpaces: [{ name: "telemetry", templates: ["plants/+/telemetry/#"], description: "telemetry" }],
  clientGroups: [{ name: "gateways", query: "attributes.role = 'gateway'", description: "gateways" }],
  permissions: [{ clientGroup: "gateways", topicSpace: "telemetry", role: "publisher" }],
};

function namespaceEntry(option: string, name: string, fields: Json, row: Omit<ReachRow, "option">): Entry {
  return { item: { name, ...fields }, row: { option, ...row } };
}

function onNamespace(option: string, name: string, fields: Json, attributes: Json): Entry {
  return namespaceEntry(option, name, fields, {
    type: "azurerm_eventgrid_namespace",
    select: { name: `evgns-contoso-${name}-reach` },
    attributes,
  });
}

function brokerPart(
  option: string,
  name: string,
  mqtt: Json,
  azapiType: string,
  partName: string,
  body: Json,
): Entry {
  return namespaceEntry(
    option,
    name,
    { mqtt: { ...broker, ...mqtt } },
    {
      type: "azapi_resource",
      select: {
        name: partName,
        parent_id: namespaceRef(name),
        type: expect.stringMatching(`^Microsoft.EventGrid/namespaces/${azapiType}@`),
      },
      attributes: { body: { properties: body } },
    },
  );
}

function route(kind: string, i: number, destination: Json, attributes: Json): Entry {
  const name = `n-route-${i}`;
  return namespaceEntry(
    `namespace MQTT routed to ${kind}`,
    name,
    { mqtt: { ...broker, routeTo: destination } },
    {
      type: "azurerm_eventgrid_event_subscription",
      select: { name: "mqtt-route", scope: routeTopicRef(name) },
      attributes,
    },
  );
}

const namespaceEntries: Entry[] = [
  onNamespace("namespace capacity: 2", "n-capacity", { capacity: 2 }, { capacity: 2 }),
  onNamespace(
    "namespace publicNetworkAccess: false",
    "n-private",
    { publicNetworkAccess: false },
    { public_network_access: "Disabled" },
  ),
  onNamespace(
    "namespace allowedIpRanges",
    "n-firewall",
    { allowedIpRanges: ["203.0.113.0/24"] },
    { inbound_ip_rule: [{ ip_mask: "203.0.113.0/24", action: "Allow" }] },
  ),
  onNamespace(
    "namespace userAssignedIdentityIds",
    "n-identities",
    { userAssignedIdentityIds: [ids.identity] },
    { identity: { type: "SystemAssigned, UserAssigned", identity_ids: [ids.identity] } },
  ),
  onNamespace(
    "namespace tags",
    "n-tags",
    { tags: { team: "reach" } },
    { tags: expect.objectContaining({ team: "reach" }) },
  ),
  namespaceEntry(
    "namespace resourceName",
    "n-renamed",
    { resourceName: "evgns-reach-custom" },
    {
      type: "azurerm_eventgrid_namespace",
      select: { name: "evgns-reach-custom" },
      attributes: { sku: "Standard" },
    },
  ),
  namespaceEntry(
    "namespace lock: true",
    "n-locked",
    { lock: true },
    {
      type: "azurerm_management_lock",
      select: { scope: namespaceRef("n-locked") },
      attributes: { lock_level: "CanNotDelete" },
    },
  ),
  namespaceEntry(
    "namespace privateEndpoint: true",
    "n-endpoint",
    { privateEndpoint: true },
    {
      type: "azurerm_private_endpoint",
      select: endpointOf(namespaceRef("n-endpoint")),
      attributes: { subnet_id: ids.subnet },
    },
  ),
  onNamespace(
    "MQTT session limits",
    "n-sessions",
    { mqtt: { ...broker, maxSessionExpiryHours: 2, maxClientSessionsPerAuthenticationName: 2 } },
    {
      topic_spaces_configuration: [
        expect.objectContaining({
          maximum_session_expiry_in_hours: 2,
          maximum_client_sessions_per_authentication_name: 2,
        }),
      ],
    },
  ),
  brokerPart("MQTT topic space", "n-spaces", {}, "topicSpaces", "telemetry", {
    topicTemplates: ["plants/+/telemetry/#"],
    description: "telemetry",
  }),
  brokerPart("MQTT client group", "n-groups", {}, "clientGroups", "gateways", {
    query: "attributes.role = 'gateway'",
    description: "gateways",
  }),
  brokerPart("MQTT permission", "n-permissions", {}, "permissionBindings", "gateways-publisher-telemetry", {
    clientGroupName: "gateways",
    topicSpaceName: "telemetry",
    permission: "Publisher",
  }),
  brokerPart(
    "MQTT client with a thumbprint, attributes and enabled: false",
    "n-client-thumbprint",
    {
      clients: [
        {
          name: "gw1",
          authenticationName: "gw1.contoso",
          certificateThumbprint: "3f2504e04f8941d39a0c0305e82c3301aabbccdd",
          attributes: { role: "gateway" },
          enabled: false,
        },
      ],
    },
    "clients",
    "gw1",
    {
      authenticationName: "gw1.contoso",
      attributes: { role: "gateway" },
      state: "Disabled",
      clientCertificateAuthentication: {
        validationScheme: "ThumbprintMatch",
        allowedThumbprints: ["3f2504e04f8941d39a0c0305e82c3301aabbccdd"],
      },
    },
  ),
  brokerPart(
    "MQTT client with a certificate subject",
    "n-client-subject",
    { clients: [{ name: "gw2", certificateSubject: "CN=gw2" }] },
    "clients",
    "gw2",
    {
      authenticationName: "CN=gw2",
      state: "Enabled",
      clientCertificateAuthentication: { validationScheme: "SubjectMatchesAuthenticationName" },
    },
  ),
  ...destinations.map((d, i) => route(d.kind, i, d.destination, d.attributes)),
];

describeReach(
  "Event Grid namespace and MQTT broker options (development)",
  grid({ namespaces: namespaceEntries.map((e) => e.item) }, "development", {
    network: { privateEndpointSubnetId: ids.subnet },
  }),
  namespaceEntries.map((e) => e.row),
);

describeAbsent(
  "Event Grid namespace options that leave a resource out (production)",
  grid(
    {
      namespaces: [
        { name: "n-no-diagnostics", diagnostics: false },
        { name: "n-unlocked", lock: false },
        { name: "n-no-endpoint", privateEndpoint: false },
      ],
    },
    "production",
    {
      waivers: [
        waiver("EG-NAMESPACE-DIAGNOSTICS", "eventGridNamespaces/n-no-diagnostics"),
        waiver("EG-NAMESPACE-LOCK", "eventGridNamespaces/n-unlocked"),
        waiver("EG-NAMESPACE-PRIVATE-ENDPOINT", "eventGridNamespaces/n-no-endpoint"),
      ],
    },
  ),
  [
    {
      option: "namespace diagnostics: false, waived: no diagnostic setting",
      type: "azurerm_monitor_diagnostic_setting",
      select: { target_resource_id: namespaceRef("n-no-diagnostics") },
      control: { target_resource_id: namespaceRef("n-unlocked") },
    },
    {
      option: "namespace lock: false, waived: no lock",
      type: "azurerm_management_lock",
      select: { scope: namespaceRef("n-unlocked") },
      control: { scope: namespaceRef("n-no-diagnostics") },
    },
    {
      option: "namespace privateEndpoint: false, waived: no private endpoint",
      type: "azurerm_private_endpoint",
      select: endpointOf(namespaceRef("n-no-endpoint")),
      control: endpointOf(namespaceRef("n-unlocked")),
    },
  ],
);

/** What a namespace has no setting for, with the message that says so and what to do instead. */
const namespaceHasNoSetting: readonly (readonly [field: string, value: unknown, message: string])[] = [
  [
    "localAuth",
    true,
    "switching local (SAS) authentication needs an Event Grid custom topic; namespaces have no local-auth switch (remove localAuth)",
  ],
  [
    "trustedServicesAllowed",
    true,
    "letting trusted Microsoft services through needs IP rules with a trusted-services exception, which Event Grid does not have (remove trustedServicesAllowed)",
  ],
  [
    "customerManagedKey",
    true,
    "a customer-managed key needs a service that offers one, and Event Grid encrypts with Microsoft-managed keys only (remove customerManagedKey)",
  ],
  ["senders", ["app"], "senders does not apply here"],
  ["receivers", ["app"], "receivers does not apply here"],
  ["owners", ["app"], "owners does not apply here"],
];

describeRefusals(
  "Event Grid namespace options it has no setting for",
  namespaceHasNoSetting.map(([field, value, message]) => ({
    option: `namespace ${field}`,
    doc: grid({ namespaces: [{ name: "plant", [field]: value }] }),
    path: `eventGrid.namespaces[0].${field}`,
    message,
  })),
);

describeRefusals("Event Grid namespace options refused in production", [
  {
    option: "namespace publicNetworkAccess: true in production without a waiver",
    doc: grid({ namespaces: [{ name: "plant", publicNetworkAccess: true }] }, "production"),
    path: "eventGrid.namespaces[0].publicNetworkAccess",
    message: "publicNetworkAccess: true is not allowed in the production tier",
  },
  {
    option: "namespace allowedIpRanges in production, where public access is off by default",
    doc: grid({ namespaces: [{ name: "plant", allowedIpRanges: ["203.0.113.0/24"] }] }, "production"),
    path: "eventGrid.namespaces[0].allowedIpRanges",
    message:
      "allowedIpRanges admit nothing while publicNetworkAccess is false (the production tier's default)",
  },
  {
    option: "MQTT client without a certificate",
    doc: grid({ namespaces: [{ name: "plant", mqtt: { ...broker, clients: [{ name: "gw1" }] } }] }),
    path: "eventGrid.namespaces[0].mqtt.clients[0]",
    message:
      "an MQTT client authenticates with a certificate: give certificateThumbprint or certificateSubject",
  },
]);
