import fc from "fast-check";
import {
  bool,
  duration,
  entityName,
  few,
  grantFields,
  integer,
  maybe,
  namespaceCommon,
  namespaceName,
  named,
  orRarely,
  principalList,
  ref,
  usually,
  type Json,
  type Tier,
} from "./common";
import { messageThroughput } from "./throughput";

/*
 * Service Bus namespaces of every SKU with queues, topics, subscriptions, rules and filters, and
 * forwarding and dead-letter chains (to siblings, to itself, across namespaces, in another case).
 * Options a SKU lacks are drawn rarely on it, so most files stay valid and some probe the checks.
 */

type Sku = "Basic" | "Standard" | "Premium";

const sizesMegabytes: Readonly<Record<Sku, readonly number[]>> = {
  Basic: [1024, 2048, 3072, 4096, 5120],
  Standard: [1024, 2048, 3072, 4096, 5120],
  Premium: [1024, 2048, 5120, 10240, 20480, 40960, 81920],
};
const messagingUnits = [1, 2, 4, 8, 16];

/** Weight of an option the SKU does not have: rare, so most files stay valid. */
const rareOn = (sku: Sku, skus: readonly Sku[]): number => (skus.includes(sku) ? 1 : 12);

/** A forwarding target: mostly a sibling, sometimes itself, another namespace's entity or a subscription. */
const forwardTarget = fc.oneof(
  { withCrossShrink: true },
  { weight: 10, arbitrary: ref("sbSibling") },
  { weight: 2, arbitrary: ref("sbSelf") },
  { weight: 1, arbitrary: ref("sbQueue") },
  { weight: 1, arbitrary: ref("sbSubscription") },
);

const sqlFilter = fc.record({
  sql: usually(fc.constantFrom("amount > 0", "region = 'EU'", "1=1"), [" ", "x".repeat(1025)]),
  action: maybe(usually(fc.constantFrom("SET x = 1"), ["x".repeat(1025)]), 1, 4),
});

const correlationFilter = fc.record({
  correlation: fc.record(
    {
      label: usually(fc.constantFrom("created", "order.created"), [undefined]),
      correlationId: maybe(fc.constantFrom("c-1")),
      messageId: maybe(fc.constantFrom("m-1")),
      to: maybe(fc.constantFrom("billing")),
      replyTo: maybe(fc.constantFrom("replies")),
      replyToSessionId: maybe(fc.constantFrom("s-1")),
      sessionId: maybe(fc.constantFrom("s-2")),
      contentType: maybe(fc.constantFrom("application/json")),
      properties: maybe(
        fc.dictionary(fc.constantFrom("region", "tier"), fc.constantFrom("EU", "gold"), { maxKeys: 2 }),
      ),
    },
    { requiredKeys: [] },
  ),
  action: maybe(fc.constantFrom("SET y = 2"), 1, 5),
});

const filter = fc.oneof({ withCrossShrink: true }, sqlFilter, correlationFilter);

const rule = fc
  .tuple(named(["big", "eu", "r-1"], ["$Default", "x".repeat(51)]), filter)
  .map(([name, f]) => ({ name, ...f }));

function deliveryFields(sku: Sku) {
  const premiumOnly = rareOn(sku, ["Standard", "Premium"]);
  return {
    maxDeliveryCount: maybe(integer([1, 3, 5, 10, 100], 1, undefined), 1, 3),
    lockDuration: maybe(duration(["PT30S", "PT1M", "PT5M"]), 1, 4),
    messageTtl: maybe(duration(["P1D", "P14D", "PT1H"]), 1, 4),
    deadLetterOnExpiration: maybe(fc.boolean(), 1, 4),
    sessions: maybe(fc.boolean(), 1, 3 * premiumOnly),
    forwardTo: maybe(forwardTarget, 1, 3 * premiumOnly),
    forwardDeadLetteredTo: maybe(forwardTarget, 1, 3 * premiumOnly),
    autoDeleteOnIdle: maybe(duration(["PT1H", "P7D"]), 1, 5),
    batchedOperations: maybe(fc.boolean(), 1, 5),
  };
}

function queue(sku: Sku): fc.Arbitrary<Json> {
  return fc.record({
    name: entityName,
    ...deliveryFields(sku),
    duplicateDetection: maybe(
      duration(["PT10M", "PT20S", "P7D"]),
      1,
      4 * rareOn(sku, ["Standard", "Premium"]),
    ),
    maxSizeMegabytes: maybe(integer(sizesMegabytes[sku], 1024, 81920), 1, 5),
    maxMessageSizeKilobytes: maybe(
      integer([1024, 2048, 102400], 1024, 102400),
      1,
      5 * rareOn(sku, ["Premium"]),
    ),
    partitioned: maybe(fc.boolean(), 1, 5 * rareOn(sku, ["Basic", "Standard"])),
    status: maybe(fc.constantFrom("Active", "Disabled", "SendDisabled", "ReceiveDisabled"), 1, 6),
    throughput: maybe(messageThroughput, 1, 4),
    ...grantFields(),
  });
}

function subscription(sku: Sku): fc.Arbitrary<Json> {
  return fc
    .record({
      name: entityName,
      ...deliveryFields(sku),
      deadLetterOnFilterEvaluationError: maybe(fc.boolean(), 1, 5),
      status: maybe(fc.constantFrom("Active", "Disabled", "ReceiveDisabled"), 1, 6),
      rulesOrFilter: orRarely<Json>(
        fc.oneof(
          { withCrossShrink: true },
          { weight: 3, arbitrary: fc.constant({}) },
          { weight: 3, arbitrary: filter.map((f) => ({ filter: f })) },
          {
            weight: 2,
            arbitrary: fc
              .uniqueArray(rule, { minLength: 1, maxLength: 3, selector: (r) => r.name })
              .map((rules) => ({ rules })),
          },
        ),
        fc.tuple(filter, rule).map(([f, r]) => ({ filter: f, rules: [r] })),
      ),
      ...grantFields(["receivers", "owners"]),
      // The schema lets a subscription list senders; nothing sends to a subscription.
      senders: maybe(principalList, 1, 40),
    })
    .map(({ rulesOrFilter, ...rest }) => ({ ...rest, ...rulesOrFilter }));
}

function topic(sku: Sku): fc.Arbitrary<Json> {
  return fc.record({
    name: entityName,
    duplicateDetection: maybe(duration(["PT10M"]), 1, 4),
    messageTtl: maybe(duration(["P1D", "P14D"]), 1, 4),
    maxSizeMegabytes: maybe(integer(sizesMegabytes[sku], 1024, 81920), 1, 5),
    maxMessageSizeKilobytes: maybe(integer([1024, 102400], 1024, 102400), 1, 5 * rareOn(sku, ["Premium"])),
    partitioned: maybe(fc.boolean(), 1, 5 * rareOn(sku, ["Standard"])),
    batchedOperations: maybe(fc.boolean(), 1, 5),
    supportOrdering: maybe(fc.boolean(), 1, 4),
    autoDeleteOnIdle: maybe(duration(["PT1H"]), 1, 5),
    status: maybe(fc.constantFrom("Active", "Disabled", "SendDisabled"), 1, 6),
    subscriptions: maybe(few(subscription(sku), 3), 3, 1),
    throughput: maybe(messageThroughput, 1, 4),
    ...grantFields(),
  });
}

function premiumFields(sku: Sku) {
  const rare = rareOn(sku, ["Premium"]);
  return {
    capacity: maybe(integer(messagingUnits, 1, 16), 1, 3 * rare),
    partitions: maybe(integer([1, 1, 2, 4], 1, 4), 1, 3 * rare),
    autoscale: maybe(
      fc.record({
        minCapacity: integer(messagingUnits, 1, 16),
        maxCapacity: integer(messagingUnits, 1, 16),
        scaleOutCpuPercent: maybe(integer([70, 80, 100], 1, 100)),
        scaleInCpuPercent: maybe(integer([20, 30, 1], 1, 100)),
      }),
      1,
      4 * rare,
    ),
    geoDisasterRecovery: maybe(fc.boolean(), 1, 3 * rare),
  };
}

function namespaceOf(tier: Tier, sku: Sku): fc.Arbitrary<Json> {
  return fc
    .tuple(
      namespaceCommon({
        tier,
        noPrivateLink: sku !== "Premium",
        lacks: sku === "Premium" ? [] : ["privateEndpoint", "customerManagedKey"],
      }),
      fc.record({
        name: namespaceName,
        sku: fc.constant(sku),
        ...premiumFields(sku),
        zoneRedundant: maybe(bool(8, 1), 1, 6),
        queues: maybe(few(queue(sku), 3), 4, 1),
        topics: maybe(few(topic(sku), 2), sku === "Basic" ? 1 : 3, sku === "Basic" ? 12 : 1),
      }),
    )
    .map(([common, own]) => ({ ...own, ...common }));
}

/** One Service Bus namespace of any SKU. */
export function serviceBusNamespace(tier: Tier): fc.Arbitrary<Json> {
  return fc.constantFrom<Sku>("Premium", "Standard", "Basic").chain((sku) => namespaceOf(tier, sku));
}
