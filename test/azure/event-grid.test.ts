import {
  ipRangeProblems,
  namespaceProblems,
  settingProblems,
  systemTopicProblems,
  topicEndpoint,
  topicProblems,
} from "../../azure/event-grid";
import {
  brokerProblems,
  clientAttributeProblems,
  clientThumbprintProblems,
  expectedMqttHostname,
} from "../../azure/event-grid-mqtt";
import {
  advancedFilterProblems,
  eventSubscriptionProblems,
  pushDeliveryProblems,
  storageQueueDeliveryProblems,
  type AdvancedFilterInput,
} from "../../azure/event-grid-subscriptions";
import type { Problem } from "../../azure/problem";

const fields = (problems: readonly Problem[]): string[] => problems.map((p) => p.field);
const many = <T>(count: number, item: (i: number) => T): T[] =>
  Array.from({ length: count }, (_, i) => item(i));

describe("Event Grid limits, at their boundaries", () => {
  it.each<[string, () => Problem[], () => Problem[], string]>([
    [
      "capacity",
      () => namespaceProblems({ capacity: 40 }),
      () => namespaceProblems({ capacity: 41 }),
      "capacity",
    ],
    [
      "session expiry",
      () => brokerProblems({ maxSessionExpiryHours: 8 }),
      () => brokerProblems({ maxSessionExpiryHours: 9 }),
      "maxSessionExpiryHours",
    ],
    [
      "sessions per authentication name",
      () => brokerProblems({ maxClientSessionsPerAuthenticationName: 100 }),
      () => brokerProblems({ maxClientSessionsPerAuthenticationName: 101 }),
      "maxClientSessionsPerAuthenticationName",
    ],
    [
      "delivery attempts",
      () => eventSubscriptionProblems({ retry: { maxDeliveryAttempts: 30 } }, "EventGridSchema"),
      () => eventSubscriptionProblems({ retry: { maxDeliveryAttempts: 31 } }, "EventGridSchema"),
      "retry/maxDeliveryAttempts",
    ],
    [
      "event time-to-live",
      () => eventSubscriptionProblems({ retry: { eventTimeToLiveMinutes: 1440 } }, "EventGridSchema"),
      () => eventSubscriptionProblems({ retry: { eventTimeToLiveMinutes: 1441 } }, "EventGridSchema"),
      "retry/eventTimeToLiveMinutes",
    ],
    [
      "events per batch",
      () => pushDeliveryProblems({ maxEventsPerBatch: 5000 }),
      () => pushDeliveryProblems({ maxEventsPerBatch: 5001 }),
      "maxEventsPerBatch",
    ],
    [
      "preferred batch size",
      () => pushDeliveryProblems({ preferredBatchSizeKilobytes: 1024 }),
      () => pushDeliveryProblems({ preferredBatchSizeKilobytes: 1025 }),
      "preferredBatchSizeKilobytes",
    ],
    [
      "storage queue message time-to-live",
      () => [
        ...storageQueueDeliveryProblems({ messageTtlSeconds: -1 }),
        ...storageQueueDeliveryProblems({ messageTtlSeconds: 1 }),
      ],
      () => storageQueueDeliveryProblems({ messageTtlSeconds: 0 }),
      "messageTtlSeconds",
    ],
    [
      "advanced filters",
      () => advancedFilterProblems(many(25, (i) => ({ key: `data.f${i}`, operator: "IsNotNull" }))),
      () => advancedFilterProblems(many(26, (i) => ({ key: `data.f${i}`, operator: "IsNotNull" }))),
      "",
    ],
    [
      "advanced filter values",
      () => advancedFilterProblems([{ key: "data.n", operator: "NumberIn", values: many(25, (i) => i) }]),
      () => advancedFilterProblems([{ key: "data.n", operator: "NumberIn", values: many(26, (i) => i) }]),
      "",
    ],
    [
      "advanced filter string length",
      () => advancedFilterProblems([{ key: "data.s", operator: "StringIn", values: ["x".repeat(512)] }]),
      () => advancedFilterProblems([{ key: "data.s", operator: "StringIn", values: ["x".repeat(513)] }]),
      "0/values/0",
    ],
    [
      "templates per topic space",
      () => brokerProblems({ topicSpaces: [{ templates: many(10, (i) => `t/${i}`) }] }),
      () => brokerProblems({ topicSpaces: [{ templates: many(11, (i) => `t/${i}`) }] }),
      "topicSpaces/0/templates",
    ],
    [
      "topic spaces",
      () => brokerProblems({ topicSpaces: many(10, () => ({ templates: ["t/#"] })) }),
      () => brokerProblems({ topicSpaces: many(11, () => ({ templates: ["t/#"] })) }),
      "topicSpaces",
    ],
    [
      "client groups",
      () => brokerProblems({ clientGroups: many(10, () => ({ query: "attributes.a = 1" })) }),
      () => brokerProblems({ clientGroups: many(11, () => ({ query: "attributes.a = 1" })) }),
      "clientGroups",
    ],
    [
      "permission bindings",
      () => brokerProblems({ permissions: many(100, (i) => i) }),
      () => brokerProblems({ permissions: many(101, (i) => i) }),
      "permissions",
    ],
    [
      "thumbprints",
      () => clientThumbprintProblems(["a".repeat(40), "b".repeat(64)]),
      () => clientThumbprintProblems(["a".repeat(40), "b".repeat(40), "c".repeat(40)]),
      "thumbprints",
    ],
  ])("%s: the limit passes, one over is refused", (_what, atLimit, overLimit, field) => {
    expect(atLimit()).toEqual([]);
    expect(fields(overLimit())).toEqual([field]);
  });
});

describe("Event Grid advanced filters", () => {
  it.each<[string, AdvancedFilterInput, string]>([
    ["a boolean operator given a string", { key: "data.a", operator: "BoolEquals", value: "yes" }, "0"],
    ["a null check given a value", { key: "data.a", operator: "IsNotNull", value: 1 }, "0"],
    ["a number list given strings", { key: "data.a", operator: "NumberIn", values: ["1"] }, "0"],
    ["a range list given numbers", { key: "data.a", operator: "NumberInRange", values: [1] }, "0"],
    ["a reversed range", { key: "data.a", operator: "NumberInRange", values: [[2, 1]] }, "0/values/0"],
    ["an empty list", { key: "data.a", operator: "StringIn", values: [] }, "0/values"],
    ["a key with an empty segment", { key: "data. .a", operator: "IsNotNull" }, "0/key"],
  ])("refuse %s", (_what, filter, field) => {
    expect(fields(advancedFilterProblems([filter]))).toEqual([field]);
  });
});

describe("Event Grid subscriptions", () => {
  const today = new Date("2026-11-23T00:00:00Z");

  it("refuse an expiry that has passed, judged against the day given", () => {
    expect(eventSubscriptionProblems({ expiresOn: "2026-11-23" }, "EventGridSchema", today)).toEqual([
      {
        field: "expiresOn",
        message:
          "expiresOn 2026-11-23 is not in the future (today is 2026-11-23); Azure refuses an already expired subscription",
      },
    ]);
    expect(eventSubscriptionProblems({ expiresOn: "2026-11-24" }, "EventGridSchema", today)).toEqual([]);
  });

  it.each([
    ["CloudEventSchemaV1_0", "EventGridSchema", ["deliverySchema"]],
    ["EventGridSchema", "CloudEventSchemaV1_0", []],
    ["CustomEventSchema", "CustomInputSchema", []],
    ["EventGridSchema", "CustomInputSchema", ["deliverySchema"]],
  ] as const)("from %s, deliver as %s: %j", (input, delivery, expected) => {
    expect(fields(eventSubscriptionProblems({ deliverySchema: delivery }, input))).toEqual(expected);
  });

  it("refuse a webhook that is not HTTPS", () => {
    expect(fields(pushDeliveryProblems({ url: "http://hooks.example/e" }))).toEqual(["url"]);
  });
});

describe("Event Grid topics, system topics and namespaces", () => {
  it("refuse an input mapping without the custom input schema, saying when the schema is the default", () => {
    expect(topicProblems({ inputMapping: {} })[0].message).toContain("CloudEventSchemaV1_0 (the default)");
    expect(topicProblems({ inputSchema: "CustomEventSchema", inputMapping: {} })).toEqual([]);
  });

  it("refuse a system topic type that is not Microsoft.<Provider>.<Type>", () => {
    expect(fields(systemTopicProblems({ topicType: "Microsoft.Storage" }))).toEqual(["topicType"]);
    expect(systemTopicProblems({ topicType: "Microsoft.Storage.StorageAccounts" })).toEqual([]);
  });

  it("refuse an IP rule that is not an IPv4 address or CIDR range", () => {
    expect(fields(ipRangeProblems(["203.0.113.0/24", "256.0.0.1", "10.0.0.0/33"]))).toEqual([
      "allowedIpRanges/1",
      "allowedIpRanges/2",
    ]);
  });

  it("refuse on a topic the settings Event Grid has no counterpart for, and grants other than senders", () => {
    expect(
      fields(
        settingProblems("topic", {
          localAuth: false,
          privateEndpoint: true,
          customerManagedKey: false,
          trustedServicesAllowed: true,
          senders: ["a"],
          receivers: ["a"],
          owners: ["a"],
        }),
      ),
    ).toEqual(["trustedServicesAllowed", "customerManagedKey", "receivers", "owners"]);
  });

  it("refuse on a namespace a local-auth setting and every grant list", () => {
    expect(fields(settingProblems("namespace", { localAuth: true, senders: ["a"] }))).toEqual([
      "localAuth",
      "senders",
    ]);
  });

  it("refuse a fractional client attribute and accept whole numbers, text and flags", () => {
    expect(fields(clientAttributeProblems({ a: 1, b: "x", c: true, d: 1.5 }))).toEqual(["attributes/d"]);
  });

  it("name the endpoints after the resource and its region", () => {
    expect(topicEndpoint("evgt-orders", "westeurope")).toBe(
      "https://evgt-orders.westeurope-1.eventgrid.azure.net/api/events",
    );
    expect(expectedMqttHostname("evgns-plant", "westeurope")).toBe(
      "evgns-plant.westeurope-1.ts.eventgrid.azure.net",
    );
  });
});
