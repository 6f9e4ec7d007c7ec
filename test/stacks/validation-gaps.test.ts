import {
  tiers,
  ids,
  encryption,
  environment,
  synthesize,
  loaded,
  errorsOf,
  resources,
  clone,
  waiver,
  addWaiver,
  generate,
  type Json,
  type Tier,
  type TerraformJson,
  type OptionCase,
  type GeneratedCase,
  describeTheContract,
  namespaceSetter,
  sharedNamespaceOptions,
  type NamespaceTarget,
} from "./helpers/gap-cases";

/*
 * The contract under test: an environment file either fails validation with file, line, column
 * and field, or it synthesizes, and every option it states reaches the Terraform JSON. The cases
 * are generated: every SKU of Service Bus, Event Hubs and Event Grid in both tiers, with each
 * option on its own, over a base file that is valid in that tier.
 */

/** The first namespace-like item of `service` in the document. */
function holder(doc: Json, service: Service): Json {
  if (service === "eventGridTopics") return ((doc.eventGrid as Json).topics as Json[])[0];
  if (service === "eventGridNamespaces") return ((doc.eventGrid as Json).namespaces as Json[])[0];
  return (doc[service] as Json[])[0];
}

type Service = "serviceBus" | "eventHubs" | "eventGridTopics" | "eventGridNamespaces";

const rulePrefix: Record<Service, string> = {
  serviceBus: "SB",
  eventHubs: "EH",
  eventGridTopics: "EG-TOPIC",
  eventGridNamespaces: "EG-NAMESPACE",
};

function target(service: Service): NamespaceTarget {
  return { service, rulePrefix: rulePrefix[service], locate: (doc) => holder(doc, service) };
}

/** The shared namespace options, and this family's own customer-managed-key and local-auth cases. */
function commonOptions(service: Service, tier: Tier): OptionCase[] {
  const prod = tier === "production";
  const set = namespaceSetter(target(service));
  const options = sharedNamespaceOptions(target(service), tier);
  options.push({ name: `customerManagedKey ${String(!prod)}`, apply: set("customerManagedKey", !prod) });
  if (service !== "eventGridNamespaces") {
    options.push({ name: "localAuth true", apply: set("localAuth", true, prod ? "LOCAL-AUTH" : undefined) });
    if (prod) options.push({ name: "localAuth true without a waiver", apply: set("localAuth", true) });
  }
  return options;
}

// Service Bus ---------------------------------------------------------------------------------

const serviceBusSkus = ["Basic", "Standard", "Premium"] as const;

/**
 * Production closes public endpoints, and a SKU without private link would be unreachable (a
 * validation error), so such a base opens its endpoint to one range under a waiver, as that error
 * advises.
 */
function reachableInProduction(tier: Tier, rule: string, resource: string, privateLink: boolean): Json {
  if (tier !== "production" || privateLink) return {};
  return { publicNetworkAccess: true, allowedIpRanges: ["203.0.113.0/24"], waiver: waiver(rule, resource) };
}

function withReachability(doc: Json, namespace: Json, reach: Json): Json {
  const { waiver: needed, ...fields } = reach;
  Object.assign(namespace, fields);
  if (needed) doc.waivers = [...((doc.waivers as Json[] | undefined) ?? []), needed];
  return doc;
}

function serviceBusBase(tier: Tier, sku: string, withTopic: boolean, extra: Json = {}): Json {
  const namespace: Json = {
    name: "orders",
    sku,
    queues: [{ name: "q1" }, { name: "q2" }],
    ...(withTopic ? { topics: [{ name: "t1", subscriptions: [{ name: "s1" }] }] } : {}),
  };
  const doc = environment(tier, { serviceBus: [namespace] }, extra);
  return withReachability(
    doc,
    namespace,
    reachableInProduction(tier, "SB-PUBLIC-NETWORK", "serviceBus/orders", sku === "Premium"),
  );
}

function queueOptions(tier: Tier): OptionCase[] {
  const queue = (doc: Json): Json => ((doc.serviceBus as Json[])[0].queues as Json[])[0];
  const set = (field: string, value: unknown): OptionCase => ({
    name: `queue ${field} ${JSON.stringify(value)}`,
    apply: (doc) => {
      queue(doc)[field] = value;
    },
  });
  return [
    set("sessions", true),
    set("duplicateDetection", "PT10M"),
    set("forwardTo", "orders/q2"),
    set("forwardDeadLetteredTo", "orders/q2"),
    set("forwardTo", "orders/t1"),
    set("partitioned", true),
    set("maxSizeMegabytes", 2048),
    set("maxSizeMegabytes", 81920),
    set("maxMessageSizeKilobytes", 2048),
    set("autoDeleteOnIdle", "PT1H"),
    set("messageTtl", "P1D"),
    set("lockDuration", "PT30S"),
    set("deadLetterOnExpiration", tier !== "production"),
    set("batchedOperations", false),
    set("status", "Disabled"),
    set("maxDeliveryCount", 5),
    set("senders", ["app"]),
    set("receivers", ["app"]),
    set("owners", ["app"]),
  ];
}

function topicOptions(tier: Tier): OptionCase[] {
  const topic = (doc: Json): Json => ((doc.serviceBus as Json[])[0].topics as Json[])[0];
  const subscription = (doc: Json): Json => (topic(doc).subscriptions as Json[])[0];
  const onTopic = (field: string, value: unknown): OptionCase => ({
    name: `topic ${field} ${JSON.stringify(value)}`,
    apply: (doc) => {
      topic(doc)[field] = value;
    },
  });
  const onSubscription = (field: string, value: unknown): OptionCase => ({
    name: `subscription ${field} ${JSON.stringify(value)}`,
    apply: (doc) => {
      subscription(doc)[field] = value;
    },
  });
  return [
    onTopic("duplicateDetection", "PT10M"),
    onTopic("partitioned", true),
    onTopic("supportOrdering", true),
    onTopic("maxSizeMegabytes", 2048),
    onTopic("maxMessageSizeKilobytes", 2048),
    onTopic("autoDeleteOnIdle", "PT1H"),
    onTopic("messageTtl", "P1D"),
    onTopic("batchedOperations", false),
    onTopic("status", "Disabled"),
    onTopic("senders", ["app"]),
    onTopic("receivers", ["app"]),
    onTopic("owners", ["app"]),
    onSubscription("maxDeliveryCount", 3),
    onSubscription("lockDuration", "PT30S"),
    onSubscription("messageTtl", "P1D"),
    onSubscription("deadLetterOnExpiration", tier !== "production"),
    onSubscription("deadLetterOnFilterEvaluationError", false),
    onSubscription("sessions", true),
    onSubscription("forwardTo", "orders/q1"),
    onSubscription("forwardDeadLetteredTo", "orders/q1"),
    onSubscription("autoDeleteOnIdle", "PT1H"),
    onSubscription("batchedOperations", false),
    onSubscription("status", "Disabled"),
    onSubscription("filter", { sql: "amount > 0" }),
    onSubscription("filter", { correlation: { label: "created" }, action: "SET x = 1" }),
    onSubscription("rules", [
      { name: "big", sql: "amount > 100" },
      { name: "eu", correlation: { properties: { region: "EU" } } },
    ]),
    onSubscription("receivers", ["app"]),
    onSubscription("owners", ["app"]),
  ];
}

function serviceBusNamespaceOptions(tier: Tier): OptionCase[] {
  const ns = (doc: Json): Json => (doc.serviceBus as Json[])[0];
  const set = (field: string, value: unknown): OptionCase => ({
    name: `namespace ${field} ${JSON.stringify(value)}`,
    apply: (doc) => {
      ns(doc)[field] = value;
    },
  });
  return [
    set("capacity", 2),
    set("partitions", 2),
    {
      name: "namespace partitions 2 with capacity 2",
      apply: (doc) => Object.assign(ns(doc), { partitions: 2, capacity: 2 }),
    },
    set("zoneRedundant", true),
    set("geoDisasterRecovery", false),
    set("autoscale", { minCapacity: 1, maxCapacity: 4 }),
    set("autoscale", { minCapacity: 2, maxCapacity: 8 }),
    {
      name: "geoDisasterRecovery true with secondaryLocation",
      apply: (doc) => {
        ns(doc).geoDisasterRecovery = true;
        doc.secondaryLocation = "northeurope";
      },
    },
    { name: "secondaryLocation only", apply: (doc) => void (doc.secondaryLocation = "northeurope") },
    ...commonOptions("serviceBus", tier),
  ];
}

const serviceBusCases = generate(
  "Service Bus",
  tiers.flatMap((tier) =>
    serviceBusSkus.map((sku) => ({
      name: `${sku} in ${tier}`,
      tier,
      doc: serviceBusBase(tier, sku, sku !== "Basic"),
    })),
  ),
  (tier, name) => [
    ...serviceBusNamespaceOptions(tier),
    ...queueOptions(tier),
    ...(name.startsWith("Basic") ? [] : topicOptions(tier)),
  ],
);

// Event Hubs ----------------------------------------------------------------------------------

const eventHubsVariants: readonly { readonly name: string; readonly namespace: Json }[] = [
  { name: "Basic", namespace: { sku: "Basic" } },
  { name: "Standard", namespace: { sku: "Standard" } },
  { name: "Premium", namespace: { sku: "Premium" } },
  {
    name: "Standard on a new dedicated cluster",
    namespace: { sku: "Standard", dedicatedCluster: { name: "big" } },
  },
  {
    name: "Premium on a new dedicated cluster",
    namespace: { sku: "Premium", dedicatedCluster: { name: "big" } },
  },
  {
    name: "Standard on an existing dedicated cluster",
    namespace: { sku: "Standard", dedicatedClusterId: ids.cluster },
  },
];

function eventHubsBase(tier: Tier, namespace: Json): Json {
  const item: Json = { name: "telemetry", ...namespace, hubs: [{ name: "h1" }] };
  const doc = environment(tier, { eventHubs: [item] });
  const privateLink = namespace.sku !== "Basic";
  const reach = reachableInProduction(tier, "EH-PUBLIC-NETWORK", "eventHubs/telemetry", privateLink);
  // Basic has no IP firewall either: its endpoint opens to everyone, under the waiver.
  const withoutRanges = Object.fromEntries(
    Object.entries(reach).filter(([key]) => key !== "allowedIpRanges"),
  );
  return withReachability(doc, item, withoutRanges);
}

function hubOptions(): OptionCase[] {
  const hub = (doc: Json): Json => ((doc.eventHubs as Json[])[0].hubs as Json[])[0];
  const set = (field: string, value: unknown): OptionCase => ({
    name: `hub ${field} ${JSON.stringify(value)}`,
    apply: (doc) => {
      hub(doc)[field] = value;
    },
  });
  return [
    set("partitions", 8),
    set("retentionDays", 7),
    set("retention", { cleanupPolicy: "Delete", retentionHours: 12 }),
    set("retention", { cleanupPolicy: "Compact", tombstoneRetentionHours: 12 }),
    set("capture", {}),
    set("capture", { storageAccountId: ids.storage, container: "capture" }),
    set("capture", {
      intervalSeconds: 120,
      sizeLimitBytes: 104857600,
      archiveNameFormat: "{Namespace}/{EventHub}/{PartitionId}/{Year}-{Month}-{Day}/{Hour}{Minute}{Second}",
      skipEmptyArchives: false,
      retentionDays: 60,
      container: "archive",
    }),
    set("consumerGroups", ["cg1"]),
    set("consumerGroups", [{ name: "cg1", userMetadata: "team=gap", receivers: ["app"] }]),
    set("eventSourced", true),
    set("status", "Disabled"),
    set("senders", ["app"]),
    set("receivers", ["app"]),
    set("owners", ["app"]),
  ];
}

function eventHubsNamespaceOptions(tier: Tier): OptionCase[] {
  const ns = (doc: Json): Json => (doc.eventHubs as Json[])[0];
  const set = (field: string, value: unknown): OptionCase => ({
    name: `namespace ${field} ${JSON.stringify(value)}`,
    apply: (doc) => {
      ns(doc)[field] = value;
    },
  });
  return [
    set("capacity", 2),
    set("autoInflateMaxCapacity", 10),
    set("kafka", true),
    set("kafka", false),
    set("zoneRedundant", true),
    set("geoDisasterRecovery", false),
    {
      name: "geoDisasterRecovery true with secondaryLocation",
      apply: (doc) => {
        ns(doc).geoDisasterRecovery = true;
        doc.secondaryLocation = "northeurope";
      },
    },
    { name: "secondaryLocation only", apply: (doc) => void (doc.secondaryLocation = "northeurope") },
    set("schemaGroups", [{ name: "schemas", compatibility: "Backward", type: "Avro" }]),
    ...commonOptions("eventHubs", tier),
    ...hubOptions(),
  ];
}

const eventHubsCases = generate(
  "Event Hubs",
  tiers.flatMap((tier) =>
    eventHubsVariants.map((v) => ({
      name: `${v.name} in ${tier}`,
      tier,
      doc: eventHubsBase(tier, v.namespace),
    })),
  ),
  (tier) => eventHubsNamespaceOptions(tier),
);

// Event Grid ----------------------------------------------------------------------------------

/** Targets every destination kind can name: a Standard queue and topic, a Standard event hub, an IoT hub. */
function eventGridBase(tier: Tier, eventGrid: Json): Json {
  return environment(tier, {
    // Premium: in production a Standard namespace could not be reached (no private link).
    serviceBus: [{ name: "orders", sku: "Premium", queues: [{ name: "q1" }], topics: [{ name: "t1" }] }],
    eventHubs: [{ name: "telemetry", sku: "Standard", hubs: [{ name: "h1" }] }],
    eventGrid,
  });
}

const destinations: readonly { readonly name: string; readonly destination: Json }[] = [
  { name: "a Service Bus queue", destination: { serviceBusQueue: "orders/q1" } },
  { name: "a Service Bus topic", destination: { serviceBusTopic: "orders/t1" } },
  { name: "an event hub", destination: { eventHub: "telemetry/h1" } },
  {
    name: "a webhook",
    destination: {
      webhook: {
        url: "https://hooks.contoso.example/in",
        maxEventsPerBatch: 10,
        preferredBatchSizeKilobytes: 128,
      },
    },
  },
  {
    name: "a storage queue",
    destination: {
      storageQueue: { storageAccountId: ids.storage, queueName: "events", messageTtlSeconds: 600 },
    },
  },
  {
    name: "an Azure Function",
    destination: {
      azureFunction: { functionId: ids.function, maxEventsPerBatch: 5, preferredBatchSizeKilobytes: 32 },
    },
  },
];

function eventSubscriptionOptions(
  at: (doc: Json) => Json[],
  deliverySchemas: readonly string[],
): OptionCase[] {
  const add = (name: string, subscription: Json): OptionCase => ({
    name: `subscription ${name}`,
    apply: (doc) => {
      at(doc).push({ name: "sub1", destination: { serviceBusQueue: "orders/q1" }, ...subscription });
    },
  });
  return [
    ...destinations.map((d) => add(`to ${d.name}`, { destination: d.destination })),
    add("with an event-type and subject filter", {
      filter: {
        includedEventTypes: ["a.b"],
        subjectBeginsWith: "/x/",
        subjectEndsWith: ".json",
        caseSensitive: true,
      },
    }),
    add("with advanced filters", {
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
    }),
    add("with retry", { retry: { maxDeliveryAttempts: 5, eventTimeToLiveMinutes: 60 } }),
    add("dead-lettering to the project's container", { deadLetter: true }),
    add("dead-lettering to a given account", {
      deadLetter: { storageAccountId: ids.storage, container: "dead" },
    }),
    ...deliverySchemas.map((schema) => add(`delivering ${schema}`, { deliverySchema: schema })),
    add("expiring", { expiresOn: "2027-06-01" }),
    add("with labels", { labels: ["gap"] }),
  ];
}

function eventGridTopicCases(): GeneratedCase[] {
  const topics = (doc: Json): Json[] =>
    (((doc.eventGrid as Json).topics as Json[])[0].subscriptions ??= []) as Json[];
  const schemas = [
    { input: "CloudEventSchemaV1_0", deliver: ["CloudEventSchemaV1_0"] },
    { input: "EventGridSchema", deliver: ["EventGridSchema", "CloudEventSchemaV1_0"] },
    { input: "CustomEventSchema", deliver: ["CustomInputSchema", "EventGridSchema", "CloudEventSchemaV1_0"] },
  ];
  return generate(
    "Event Grid topic",
    tiers.flatMap((tier) =>
      schemas.map((s) => ({
        name: `${s.input} in ${tier}`,
        tier,
        doc: eventGridBase(tier, { topics: [{ name: "events", inputSchema: s.input }] }),
      })),
    ),
    (tier, name) => {
      const schema = schemas.find((s) => name.startsWith(s.input));
      return [
        ...commonOptions("eventGridTopics", tier),
        ...eventSubscriptionOptions(topics, schema?.deliver ?? []),
        {
          name: "inputMapping",
          apply: (doc) => {
            ((doc.eventGrid as Json).topics as Json[])[0].inputMapping = {
              id: "$.id",
              eventType: "$.type",
              defaultSubject: "none",
            };
          },
        },
      ];
    },
  );
}

function systemTopicCases(): GeneratedCase[] {
  const sources: readonly { readonly name: string; readonly source: Json; readonly topicType: string }[] = [
    {
      name: "a Service Bus namespace",
      source: { serviceBus: "orders" },
      topicType: "Microsoft.ServiceBus.Namespaces",
    },
    {
      name: "an Event Hubs namespace",
      source: { eventHubs: "telemetry" },
      topicType: "Microsoft.EventHub.Namespaces",
    },
    { name: "an IoT hub", source: { iotHub: "plants" }, topicType: "Microsoft.Devices.IoTHubs" },
    {
      name: "a resource ID",
      source: { resourceId: ids.storage },
      topicType: "Microsoft.Storage.StorageAccounts",
    },
  ];
  const subscriptions = (doc: Json): Json[] =>
    (((doc.eventGrid as Json).systemTopics as Json[])[0].subscriptions ??= []) as Json[];
  return generate(
    "Event Grid system topic",
    tiers.flatMap((tier) =>
      sources
        .map((s) => ({
          name: `from ${s.name} in ${tier}`,
          tier,
          doc: eventGridBase(tier, {
            systemTopics: [{ name: "changes", source: s.source, topicType: s.topicType }],
          }),
          iot: s.source.iotHub !== undefined,
        }))
        .map(({ iot, ...base }) =>
          iot ? { ...base, doc: { ...base.doc, iotHub: [{ name: "plants", sku: "S1" }] } } : base,
        ),
    ),
    () => [
      ...eventSubscriptionOptions(subscriptions, ["EventGridSchema", "CloudEventSchemaV1_0"]),
      {
        name: "resourceName",
        apply: (doc) =>
          void (((doc.eventGrid as Json).systemTopics as Json[])[0].resourceName = "egst-custom-name"),
      },
      {
        name: "tags",
        apply: (doc) => void (((doc.eventGrid as Json).systemTopics as Json[])[0].tags = { team: "gap" }),
      },
    ],
  );
}

const mqttBroker: Json = {
  topicSpaces: [{ name: "telemetry", templates: ["plants/+/telemetry/#"], description: "telemetry" }],
  clientGroups: [{ name: "gateways", query: "attributes.role = 'gateway'", description: "gateways" }],
  permissions: [{ clientGroup: "gateways", topicSpace: "telemetry", role: "publisher" }],
};

function eventGridNamespaceCases(): GeneratedCase[] {
  const ns = (doc: Json): Json => ((doc.eventGrid as Json).namespaces as Json[])[0];
  const mqtt = (doc: Json): Json => (ns(doc).mqtt ??= clone(mqttBroker)) as Json;
  return generate(
    "Event Grid namespace",
    tiers.flatMap((tier) => [
      {
        name: `without MQTT in ${tier}`,
        tier,
        doc: eventGridBase(tier, { namespaces: [{ name: "plant" }] }),
      },
      {
        name: `with MQTT in ${tier}`,
        tier,
        doc: eventGridBase(tier, { namespaces: [{ name: "plant", mqtt: mqttBroker }] }),
      },
    ]),
    (tier) => [
      ...commonOptions("eventGridNamespaces", tier),
      { name: "capacity 2", apply: (doc) => void (ns(doc).capacity = 2) },
      ...destinations.map((d) => ({
        name: `MQTT routed to ${d.name}`,
        apply: (doc: Json) => void (mqtt(doc).routeTo = d.destination),
      })),
      {
        name: "an MQTT client with a thumbprint",
        apply: (doc) =>
          void (mqtt(doc).clients = [
            {
              name: "gw1",
              authenticationName: "gw1.contoso",
              certificateThumbprint: "3f2504e04f8941d39a0c0305e82c3301aabbccdd",
              attributes: { role: "gateway" },
              enabled: false,
            },
          ]),
      },
      {
        name: "an MQTT client with a certificate subject",
        apply: (doc) => void (mqtt(doc).clients = [{ name: "gw2", certificateSubject: "CN=gw2" }]),
      },
      {
        name: "session limits",
        apply: (doc) =>
          void Object.assign(mqtt(doc), {
            maxSessionExpiryHours: 2,
            maxClientSessionsPerAuthenticationName: 2,
          }),
      },
    ],
  );
}

const eventGridCases = [...eventGridTopicCases(), ...systemTopicCases(), ...eventGridNamespaceCases()];

// Generic parts: naming, references, waivers ------------------------------------------------------

const genericCases: GeneratedCase[] = tiers.flatMap((tier) => {
  const base = serviceBusBase(tier, "Premium", true);
  const variant = (name: string, apply: (doc: Json) => void): GeneratedCase => {
    const doc = clone(base);
    apply(doc);
    return { name: `generic ${name} in ${tier}`, doc, base };
  };
  return [
    variant("naming workload", (doc) => void ((doc.naming as Json).workload = "orders")),
    variant("resourceGroupName", (doc) => void (doc.resourceGroupName = "rg-gap-custom")),
    variant("environment tags", (doc) => void (doc.tags = { costCenter: "4711" })),
    variant(
      "state backend",
      (doc) => void (doc.state = { resourceGroup: "rg-tf", storageAccount: "sttfgap", container: "tfstate" }),
    ),
    variant(
      "allowDestroy of a queue",
      (doc) => void (doc.allowDestroy = [{ resource: "serviceBus/orders/q1", reason: "gap test" }]),
    ),
    variant(
      "infrastructure encryption off",
      (doc) => void (doc.encryption = { ...encryption, infrastructureEncryption: false }),
    ),
    variant("a waiver with nothing to waive", (doc) =>
      addWaiver(doc, "SB-PUBLIC-NETWORK", "serviceBus/orders"),
    ),
  ];
});

const allCases = [...serviceBusCases, ...eventHubsCases, ...eventGridCases, ...genericCases];

// ------------------------------------------------------------------------------------ the tests

/**
 * Options whose stated value is what Azure does anyway, so the JSON rightly stays the same:
 * each is listed with the reason.
 */
const noOpOptions: readonly RegExp[] = [
  // azurerm 4.x has no zone setting on either namespace: Azure spreads namespaces over zones where the region has them.
  /zoneRedundant true/,
  // Standard and above always have the Kafka endpoint; azurerm 4.x has no switch.
  /kafka true/,
  // Basic has no Kafka endpoint, which is what kafka: false asks for.
  /Basic in \w+ with namespace kafka false/,
  // Off is the outcome without secondaryLocation; the secondaryLocation cases test the pairing itself.
  /geoDisasterRecovery false/,
  // secondaryLocation only matters to a namespace that gets a geo-DR pair (its own cases above).
  /secondaryLocation only/,
  // A development file without an encryption block has no key to use ("customerManagedKey true" is refused there).
  /(Basic|Standard) in \w+ with customerManagedKey false/,
  // Production protects every hub from destroy already; eventSourced asks for nothing more there.
  /in production with hub eventSourced true/,
  // Basic and Standard Service Bus, and Basic Event Hubs, have no private endpoint to turn off.
  /Service Bus (Basic|Standard) in production with privateEndpoint flipped/,
  /Event Hubs Basic in production with privateEndpoint flipped/,
  // In production these bases already open their public endpoint under a waiver (without private
  // link they would be unreachable), so stating the same again changes nothing.
  /Service Bus (Basic|Standard) in production with (allowedIpRanges|publicNetworkAccess true without a waiver)$/,
  /Event Hubs Basic in production with publicNetworkAccess true without a waiver$/,
  // Development protects nothing from destroy, so there is nothing to allow.
  /allowDestroy of a queue in development/,
  // Waivers are policy data: the policy report shows them, the resources stay as they are.
  /a waiver with nothing to waive/,
];

describeTheContract(allCases, noOpOptions);

// ------------------------------------------------------------------ the gaps found, one by one

describe("the gaps this generator found", () => {
  it("gives a partitioned Premium namespace without a capacity as many messaging units as partitions", () => {
    const doc = serviceBusBase("development", "Premium", false);
    ((doc.serviceBus as Json[])[0] as Json).partitions = 2;
    const [namespace] = resources(synthesize(loaded(doc)), "azurerm_servicebus_namespace");
    expect(namespace).toMatchObject({ capacity: 2, premium_messaging_partitions: 2 });
  });

  it("starts a Premium namespace with autoscale and no capacity at the autoscale minimum", () => {
    const doc = serviceBusBase("development", "Premium", false);
    Object.assign((doc.serviceBus as Json[])[0], {
      partitions: 2,
      autoscale: { minCapacity: 4, maxCapacity: 8 },
    });
    const [namespace] = resources(synthesize(loaded(doc)), "azurerm_servicebus_namespace");
    expect(namespace.capacity).toBe(4);
  });

  it("refuses allowedIpRanges where production turns public access off by default", () => {
    const doc = serviceBusBase("production", "Premium", false);
    ((doc.serviceBus as Json[])[0] as Json).allowedIpRanges = ["203.0.113.0/24"];
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining(
        "serviceBus[0].allowedIpRanges  allowedIpRanges admit nothing while publicNetworkAccess is false (the production tier's default)",
      ),
    ]);
  });

  it("refuses allowedIpRanges on an Event Hubs namespace whose public access is off by default", () => {
    const doc = eventHubsBase("production", { sku: "Standard", allowedIpRanges: ["203.0.113.0/24"] });
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining("eventHubs[0].allowedIpRanges  allowedIpRanges admit nothing"),
    ]);
  });

  it("refuses geo-disaster recovery for a namespace on a dedicated cluster", () => {
    const doc = eventHubsBase("development", {
      sku: "Standard",
      dedicatedClusterId: ids.cluster,
      geoDisasterRecovery: true,
    });
    doc.secondaryLocation = "northeurope";
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining(
        "eventHubs[0].geoDisasterRecovery  geo-disaster recovery pairs a namespace with one of the same tier",
      ),
    ]);
  });

  it("does not pair a dedicated-cluster namespace by the production default", () => {
    const doc = eventHubsBase("production", { sku: "Premium", dedicatedCluster: { name: "big" } });
    doc.secondaryLocation = "northeurope";
    const json = synthesize(loaded(doc));
    expect(resources(json, "azurerm_eventhub_namespace_disaster_recovery_config")).toEqual([]);
    expect(resources(json, "azurerm_eventhub_namespace_customer_managed_key")).toHaveLength(1);
  });

  it("refuses trustedServicesAllowed on Basic Event Hubs, which has no network rules", () => {
    const doc = eventHubsBase("development", { sku: "Basic", trustedServicesAllowed: false });
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining(
        "eventHubs[0].trustedServicesAllowed  Basic has no network rules for trusted services to bypass",
      ),
    ]);
  });

  it("refuses customerManagedKey: true in a file without an encryption section", () => {
    const doc = eventHubsBase("development", { sku: "Premium", customerManagedKey: true });
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining(
        "eventHubs[0].customerManagedKey  customerManagedKey: true needs a key, but the file has no encryption section",
      ),
    ]);
  });

  it("protects an event-sourced hub from destroy in development", () => {
    const doc = eventHubsBase("development", { sku: "Standard" });
    (((doc.eventHubs as Json[])[0].hubs as Json[])[0] as Json).eventSourced = true;
    const [hub] = resources(synthesize(loaded(doc)), "azurerm_eventhub");
    expect(hub.lifecycle).toEqual({ prevent_destroy: true });
  });

  it("leaves an event-sourced hub destroyable when the file allows its destruction", () => {
    const doc = eventHubsBase("development", { sku: "Standard" });
    (((doc.eventHubs as Json[])[0].hubs as Json[])[0] as Json).eventSourced = true;
    doc.allowDestroy = [{ resource: "eventHubs/telemetry/h1", reason: "replayed from the source system" }];
    const [hub] = resources(synthesize(loaded(doc)), "azurerm_eventhub");
    expect(hub.lifecycle).toBeUndefined();
  });

  it("refuses an ARM ID as an event subscription's destination, which must be declared in the file", () => {
    const doc = eventGridBase("development", {
      topics: [{ name: "events", subscriptions: [{ name: "sub1", destination: { eventHub: ids.cluster } }] }],
    });
    expect(errorsOf(doc)).toEqual([
      expect.stringContaining(
        "eventGrid.topics[0].subscriptions[0].destination.eventHub  expected a reference <namespace>/<entity>",
      ),
    ]);
  });
});

// ------------------------------------------------------------------- options reach the JSON

describe("a sample of options reaches the synthesized JSON under its azurerm name", () => {
  const only = (json: TerraformJson, type: string): Json => {
    const list = resources(json, type);
    expect(list).toHaveLength(1);
    return list[0];
  };

  it("a queue's autoDeleteOnIdle becomes auto_delete_on_idle", () => {
    const doc = serviceBusBase("development", "Standard", false);
    (doc.serviceBus as Json[])[0].queues = [{ name: "q1", autoDeleteOnIdle: "PT1H" }];
    expect(only(synthesize(loaded(doc)), "azurerm_servicebus_queue").auto_delete_on_idle).toBe("PT1H");
  });

  it("a topic's supportOrdering becomes support_ordering", () => {
    const doc = serviceBusBase("production", "Premium", true);
    (((doc.serviceBus as Json[])[0].topics as Json[])[0] as Json).supportOrdering = true;
    expect(only(synthesize(loaded(doc)), "azurerm_servicebus_topic").support_ordering).toBe(true);
  });

  it("a subscription's forwardDeadLetteredTo becomes forward_dead_lettered_messages_to", () => {
    const doc = serviceBusBase("development", "Standard", true);
    const topic = ((doc.serviceBus as Json[])[0].topics as Json[])[0];
    ((topic.subscriptions as Json[])[0] as Json).forwardDeadLetteredTo = "orders/q2";
    const subscription = only(synthesize(loaded(doc)), "azurerm_servicebus_subscription");
    expect(subscription.forward_dead_lettered_messages_to).toMatch(/azurerm_servicebus_queue\..*\.name/);
  });

  it("a hub's compacting retention becomes retention_description", () => {
    const doc = eventHubsBase("production", { sku: "Premium" });
    (((doc.eventHubs as Json[])[0].hubs as Json[])[0] as Json).retention = {
      cleanupPolicy: "Compact",
      tombstoneRetentionHours: 12,
    };
    expect(only(synthesize(loaded(doc)), "azurerm_eventhub").retention_description).toEqual({
      cleanup_policy: "Compact",
      tombstone_retention_time_in_hours: 12,
    });
  });

  it("a capture's interval becomes capture_description.interval_in_seconds", () => {
    const doc = eventHubsBase("development", { sku: "Standard" });
    (((doc.eventHubs as Json[])[0].hubs as Json[])[0] as Json).capture = { intervalSeconds: 120 };
    const hub = only(synthesize(loaded(doc)), "azurerm_eventhub");
    expect(hub.capture_description).toMatchObject({ interval_in_seconds: 120 });
  });

  it("a consumer group's userMetadata becomes user_metadata", () => {
    const doc = eventHubsBase("development", { sku: "Standard" });
    (((doc.eventHubs as Json[])[0].hubs as Json[])[0] as Json).consumerGroups = [
      { name: "cg1", userMetadata: "team=gap" },
    ];
    expect(only(synthesize(loaded(doc)), "azurerm_eventhub_consumer_group").user_metadata).toBe("team=gap");
  });

  it("an event subscription's retry and labels become retry_policy and labels", () => {
    const doc = eventGridBase("development", {
      topics: [
        {
          name: "events",
          subscriptions: [
            {
              name: "sub1",
              destination: { serviceBusQueue: "orders/q1" },
              retry: { maxDeliveryAttempts: 5, eventTimeToLiveMinutes: 60 },
              labels: ["gap"],
            },
          ],
        },
      ],
    });
    expect(only(synthesize(loaded(doc)), "azurerm_eventgrid_event_subscription")).toMatchObject({
      retry_policy: { max_delivery_attempts: 5, event_time_to_live: 60 },
      labels: ["gap"],
    });
  });

  it("an MQTT broker's session expiry becomes the namespace's maximum_session_expiry_in_hours", () => {
    const doc = eventGridBase("production", {
      namespaces: [{ name: "plant", mqtt: { ...mqttBroker, maxSessionExpiryHours: 2 } }],
    });
    const namespace = only(synthesize(loaded(doc)), "azurerm_eventgrid_namespace");
    expect(namespace.topic_spaces_configuration).toMatchObject([{ maximum_session_expiry_in_hours: 2 }]);
  });

  it("a system topic's tags reach the system topic", () => {
    const doc = eventGridBase("development", {
      systemTopics: [
        {
          name: "changes",
          source: { serviceBus: "orders" },
          topicType: "Microsoft.ServiceBus.Namespaces",
          tags: { team: "gap" },
        },
      ],
    });
    expect(only(synthesize(loaded(doc)), "azurerm_eventgrid_system_topic").tags).toMatchObject({
      team: "gap",
    });
  });
});
