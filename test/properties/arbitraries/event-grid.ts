import fc from "fast-check";
import {
  containerName,
  few,
  futureDate,
  integer,
  maybe,
  namespaceCommon,
  namespaceName,
  named,
  orRarely,
  ref,
  resourceName,
  storageAccountId,
  subscriptionPrefix,
  tags,
  target,
  usually,
  type Json,
  type TargetKind,
  type Tier,
} from "./common";
import { mqttThroughput } from "./throughput";

/*
 * Event Grid: custom topics with every input schema, system topics of every source kind, event
 * subscriptions to every destination kind (cross-service: queues, topics, event hubs), and
 * namespaces with the MQTT broker (topic spaces, client groups, permissions, clients, routing).
 */

/** A destination of an event subscription or of MQTT routing: exactly one kind, rarely none or an ARM ID. */
export const destination: fc.Arbitrary<unknown> = orRarely<unknown>(
  fc.oneof(
    { withCrossShrink: true },
    {
      weight: 8,
      arbitrary: fc
        .constantFrom<TargetKind>("sbQueue", "sbTopic", "eventHub")
        .chain((kind) => target(kind, { webhook: { url: "https://hooks.contoso.example/in" } })),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        webhook: fc.record({
          url: usually(fc.constant("https://hooks.contoso.example/in"), ['https://h.example/a?b=<c>&d="e"']),
          maxEventsPerBatch: maybe(integer([1, 10, 5000], 1, 5000)),
          preferredBatchSizeKilobytes: maybe(integer([64, 1024], 1, 1024)),
        }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        storageQueue: fc.record({
          storageAccountId,
          queueName: fc.constantFrom("events", "Q"),
          messageTtlSeconds: maybe(integer([-1, 600, 604800], -1, Number.MAX_SAFE_INTEGER)),
        }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        azureFunction: fc.record({
          functionId: fc.constant(`${subscriptionPrefix}/Microsoft.Web/sites/fn-x/functions/handle`),
          maxEventsPerBatch: maybe(integer([1, 5], 1, 5000)),
          preferredBatchSizeKilobytes: maybe(integer([32, 64], 1, 1024)),
        }),
      }),
    },
  ),
  fc.constantFrom({}, { eventHub: `${subscriptionPrefix}/Microsoft.EventHub/namespaces/e/eventhubs/h` }),
);

const advancedFilter: fc.Arbitrary<Json> = fc.oneof(
  { withCrossShrink: true },
  fc.record({ key: fc.constant("data.ok"), operator: fc.constant("BoolEquals"), value: fc.boolean() }),
  fc.record({
    key: fc.constant("data.n"),
    operator: fc.constantFrom(
      "NumberGreaterThan",
      "NumberGreaterThanOrEquals",
      "NumberLessThan",
      "NumberLessThanOrEquals",
    ),
    value: usually(fc.integer({ min: -5, max: 100 }), [2 ** 53 - 1, 1e300]),
  }),
  fc.record({
    key: fc.constant("data.n"),
    operator: fc.constantFrom("NumberIn", "NumberNotIn"),
    values: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    key: fc.constant("data.n"),
    operator: fc.constantFrom("NumberInRange", "NumberNotInRange"),
    values: fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 10 })), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  fc.record({
    key: usually(fc.constantFrom("data.s", "subject"), ["data..s", "."]),
    operator: fc.constantFrom(
      "StringContains",
      "StringNotContains",
      "StringIn",
      "StringNotIn",
      "StringBeginsWith",
      "StringNotBeginsWith",
      "StringEndsWith",
      "StringNotEndsWith",
    ),
    values: fc.array(usually(fc.constantFrom("x", "eu"), ["x".repeat(513), '"quoted" <b>']), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  fc.record({ key: fc.constant("data.s"), operator: fc.constantFrom("IsNotNull", "IsNullOrUndefined") }),
);

const eventFilter = fc.record(
  {
    includedEventTypes: fc.uniqueArray(fc.constantFrom("a.b", "Microsoft.Storage.BlobCreated"), {
      minLength: 1,
      maxLength: 2,
    }),
    subjectBeginsWith: fc.constantFrom("/x/", "/orders/"),
    subjectEndsWith: fc.constantFrom(".json"),
    caseSensitive: fc.boolean(),
    advanced: fc.array(advancedFilter, { minLength: 1, maxLength: 3 }),
    advancedFilteringOnArrays: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** CloudEvents can be delivered from every input schema; the others only from some. */
const deliverySchema = usually(
  fc.constant("CloudEventSchemaV1_0"),
  ["EventGridSchema", "CustomInputSchema"],
  10,
);

export const eventSubscription: fc.Arbitrary<Json> = fc.record({
  name: named(["to-billing", "billing", "audit", "sub-1"], ["ab", "a_b", "x".repeat(65)]),
  destination,
  filter: maybe(eventFilter, 1, 2),
  retry: maybe(
    fc.record(
      {
        maxDeliveryAttempts: integer([1, 5, 30], 1, 30),
        eventTimeToLiveMinutes: integer([1, 60, 1440], 1, 1440),
      },
      { requiredKeys: [] },
    ),
  ),
  deadLetter: maybe(
    fc.oneof(
      { withCrossShrink: true },
      fc.boolean(),
      fc.record({ storageAccountId, container: containerName }),
    ),
  ),
  deliverySchema: maybe(deliverySchema, 1, 6),
  expiresOn: maybe(
    fc.oneof({ withCrossShrink: true }, futureDate, fc.constant("2027-01-15T10:30:00Z")),
    1,
    5,
  ),
  labels: maybe(fc.uniqueArray(fc.constantFrom("gap", "ops", "<b>"), { minLength: 1, maxLength: 2 }), 1, 5),
});

const inputMapping = fc.record(
  {
    id: fc.constant("$.id"),
    topic: fc.constant("$.topic"),
    eventTime: fc.constant("$.time"),
    eventType: fc.constant("$.type"),
    subject: fc.constant("$.subject"),
    dataVersion: fc.constant("$.v"),
    defaultEventType: fc.constant("custom"),
    defaultSubject: fc.constant("none"),
    defaultDataVersion: fc.constant("1.0"),
  },
  { requiredKeys: [] },
);

/** The input schema, with an input mapping mostly where it applies (the custom schema). */
const inputSchema: fc.Arbitrary<Json> = orRarely<Json>(
  fc.oneof(
    { withCrossShrink: true },
    fc.constant({}),
    fc.constantFrom("CloudEventSchemaV1_0", "EventGridSchema").map((schema) => ({ inputSchema: schema })),
    maybe(inputMapping, 1, 1).map((mapping) => ({ inputSchema: "CustomEventSchema", inputMapping: mapping })),
  ),
  inputMapping.map((mapping) => ({ inputSchema: "EventGridSchema", inputMapping: mapping })),
);

function topic(tier: Tier): fc.Arbitrary<Json> {
  return fc
    .tuple(
      namespaceCommon({
        tier,
        roles: ["senders"],
        lacks: ["trustedServicesAllowed", "customerManagedKey"],
        lacksRoles: ["receivers", "owners"],
      }),
      inputSchema,
      fc.record({
        name: namespaceName,
        subscriptions: maybe(few(eventSubscription, 2), 2, 1),
      }),
    )
    .map(([common, schema, own]) => ({ ...common, ...schema, ...own }));
}

/** System topics: a declared source and its topic type, rarely none or a mismatched type. */
const systemTopicSource: fc.Arbitrary<Json> = orRarely<Json>(
  fc.oneof(
    { withCrossShrink: true },
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom("sbNamespace", "ehNamespace", "iotHub" as const), ref("sbNamespace"))
        .map(([kind, { pick, casing, dangling }]) => ({ $merge: { $source: kind, pick, casing, dangling } })),
    },
    {
      weight: 1,
      arbitrary: storageAccountId.map((id) => ({
        source: { resourceId: id },
        topicType: "Microsoft.Storage.StorageAccounts",
      })),
    },
  ),
  fc.constantFrom(
    { source: {}, topicType: "Microsoft.Storage.StorageAccounts" },
    {
      source: { resourceId: `${subscriptionPrefix}/Microsoft.Storage/storageAccounts/stx` },
      topicType: "nope",
    },
  ),
);

const systemTopic: fc.Arbitrary<Json> = fc
  .tuple(
    systemTopicSource,
    fc.record({
      name: namespaceName,
      resourceName: maybe(resourceName, 1, 6),
      subscriptions: maybe(few(eventSubscription, 2), 2, 1),
      tags: maybe(tags, 1, 4),
    }),
  )
  .map(([source, own]) => ({ ...own, ...source }));

const thumbprint = usually(fc.constantFrom("3f2504e04f8941d39a0c0305e82c3301aabbccdd", "A".repeat(64)), []);

const mqttClient = fc
  .tuple(
    fc.record({
      name: named(["gw1", "gw2"], ["gw 1", "x".repeat(129), "a/b"]),
      authenticationName: maybe(named(["gw1.contoso"])),
      attributes: maybe(
        fc.dictionary(
          fc.constantFrom("role", "line"),
          fc.oneof(
            { withCrossShrink: true },
            fc.constantFrom("gateway", "x"),
            fc.integer({ min: 0, max: 9 }),
            fc.boolean(),
          ),
          { maxKeys: 2 },
        ),
      ),
      enabled: maybe(fc.boolean()),
    }),
    orRarely<Json>(
      fc.oneof(
        { withCrossShrink: true },
        thumbprint.map((t) => ({ certificateThumbprint: t })),
        fc.constant({ certificateSubject: "CN=gw" }),
      ),
      fc.oneof(
        { withCrossShrink: true },
        fc.constant({}),
        thumbprint.map((t) => ({ certificateThumbprint: t, certificateSubject: "CN=gw" })),
      ),
    ),
  )
  .map(([own, certificate]) => ({ ...own, ...certificate }));

const mqtt = fc.record(
  {
    topicSpaces: fc.uniqueArray(
      fc.record({
        name: named(["telemetry", "commands"], ["ab", "site-munich", "t_s"]),
        templates: fc.uniqueArray(
          usually(fc.constantFrom("plants/+/telemetry/#", "cmd/${client.authenticationName}/#"), [
            "a/#/b",
            "$sys/x",
            "a+/b",
          ]),
          { minLength: 1, maxLength: 2 },
        ),
        description: maybe(fc.constantFrom("telemetry", "<b>&")),
      }),
      { minLength: 1, maxLength: 2, selector: (t) => t.name },
    ),
    clientGroups: fc.uniqueArray(
      fc.record({
        name: named(["gateways", "sensors"], ["site-munich", "ab"]),
        query: usually(fc.constantFrom("attributes.role = 'gateway'", "attributes.line IN [1, 2]"), [
          "role = ",
          "$all",
        ]),
        description: maybe(fc.constantFrom("gateways")),
      }),
      { minLength: 1, maxLength: 2, selector: (g) => g.name },
    ),
    permissions: fc.array(
      fc.record({
        name: maybe(usually(fc.constantFrom("pub-1", "sub-1"), ["x".repeat(51)]), 1, 3),
        clientGroup: ref("clientGroup"),
        topicSpace: ref("topicSpace"),
        role: fc.constantFrom("publisher", "subscriber"),
      }),
      { maxLength: 4 },
    ),
    clients: few(mqttClient, 2),
    maxSessionExpiryHours: integer([1, 2, 8], 1, 8),
    maxClientSessionsPerAuthenticationName: integer([1, 2, 100], 1, 100),
    routeTo: destination,
  },
  { requiredKeys: ["topicSpaces", "clientGroups"] },
);

function namespace(tier: Tier, withBroker = false): fc.Arbitrary<Json> {
  return (
    fc
      .tuple(
        namespaceCommon({
          tier,
          roles: [],
          lacks: ["localAuth", "trustedServicesAllowed", "customerManagedKey"],
          lacksRoles: ["senders", "receivers", "owners"],
        }),
        fc.record({
          name: namespaceName,
          sku: maybe(fc.constant("Standard")),
          capacity: maybe(integer([1, 2, 40], 1, 40)),
          mqtt: withBroker ? mqtt : maybe(mqtt, 3, 1),
          throughput: maybe(mqttThroughput, 1, 3),
        }),
      )
      // `throughput:` is the broker's load: without `mqtt:` it is refused, which is not what this draws.
      .map(([common, own]) => ({
        ...common,
        ...own,
        throughput: own.mqtt === undefined ? undefined : own.throughput,
      }))
  );
}

/** An Event Grid namespace with an MQTT broker, for edge sites to connect to. */
export function brokerNamespace(tier: Tier): fc.Arbitrary<Json> {
  return namespace(tier, true);
}

/** The `eventGrid` section: topics, system topics and namespaces, each list often empty. */
export function eventGrid(tier: Tier): fc.Arbitrary<Json> {
  return fc.record(
    {
      topics: few(topic(tier), 2),
      systemTopics: few(systemTopic, 2),
      namespaces: few(namespace(tier), 2),
    },
    { requiredKeys: [] },
  );
}
