import {
  PREMIUM_MESSAGE_SIZE_KILOBYTES,
  PREMIUM_MESSAGING_UNITS,
  PREMIUM_PARTITIONS,
  RuleLimits,
  allowedMaxSizesMegabytes,
} from "../../azure/service-bus";
import { durationProblem } from "../../azure/durations";
import type {
  EnvironmentSpec,
  ServiceBusNamespaceSpec,
  ServiceBusQueueSpec,
  ServiceBusSku,
  ServiceBusSubscriptionSpec,
  ServiceBusTopicSpec,
  SubscriptionRuleSpec,
} from "../spec";
import type { SemanticCheck, SemanticContext } from "./context";
import { allowedIpRangesNeedPublicAccess } from "./tier-requirements";

/*
 * Service Bus limits and SKU rules. Sources:
 * [tiers]  "Service Bus Premium and Standard messaging tiers", feature table: Basic has no topics,
 *          transactions, de-duplication, sessions or ForwardTo/SendVia; geo-DR is Premium only.
 * (An empty correlation filter is the schema's to refuse.)
 * [quotas] "Service Bus quotas": tier limits (entity size 1–5 GB, 80 GB on Premium; Premium
 *          partitions 1, 2 or 4 with messaging units a multiple of them; 2,000 subscriptions per
 *          topic) and common limits (filter and action strings ≤ 1,024 characters; 2,000 SQL and
 *          100,000 correlation filters per topic; rule names ≤ 50 characters).
 * [azurerm] azurerm 4.x validators: capacity 1, 2, 4, 8, 16; max_size_in_megabytes 1024–5120,
 *          10240, 20480, 40960, 81920; max_message_size_in_kilobytes 1024–102400;
 *          max_delivery_count ≥ 1; Premium entities' partitioning must match the namespace.
 * [network] "Network security for Azure Service Bus": private endpoints are Premium only.
 * [cmk]    "Configure customer-managed keys for Azure Service Bus": Premium only.
 * [forward] "Chaining Service Bus entities with autoforwarding": not supported for session-enabled
 *          queues or subscriptions; "Don't create a chain that exceeds four hops. Messages that
 *          exceed four hops are dead-lettered."
 * [durations] Azure's queue/topic property docs: lock duration at most 5 minutes (and at least 5
 *          seconds, the portal's and this schema's floor); duplicate
 *          detection window 20 seconds to 7 days; auto-delete-on-idle at least 5 minutes; on Basic
 *          the default message TTL must be between 1 second and 14 days (the ARM error quoted in
 *          Azure/azure-service-bus#306).
 * The Premium units, partitions, entity sizes and rule limits live in
 * azure/service-bus.ts, pure data the constructs validate against too.
 */

const MAX_SUBSCRIPTIONS_PER_TOPIC = 2000;
const MAX_SQL_FILTERS_PER_TOPIC = 2000;
const MAX_CORRELATION_FILTERS_PER_TOPIC = 100000;
const MAX_FORWARDING_HOPS = 4;

const SECOND = 1;
const MINUTE = 60;
const DAY = 86400;
/** TimeSpan.MaxValue, the ceiling Azure stores durations in (10675199 days and a bit). */
const TIMESPAN_MAX = 10675199 * DAY;

const DURATIONS = {
  lockDuration: { min: 5 * SECOND, max: 5 * MINUTE },
  duplicateDetection: { min: 20 * SECOND, max: 7 * DAY },
  autoDeleteOnIdle: { min: 5 * MINUTE, max: TIMESPAN_MAX },
} as const;

function ttlLimit(sku: ServiceBusSku): { min: number; max: number } {
  return { min: SECOND, max: sku === "Basic" ? 14 * DAY : TIMESPAN_MAX };
}

function checkDuration(
  ctx: SemanticContext,
  pointer: string,
  field: string,
  text: string | undefined,
  limit: { min: number; max: number },
): void {
  if (text === undefined) return;
  const problem = durationProblem(field, text, limit.min, limit.max);
  if (problem) ctx.error(pointer, problem);
}

function checkNamespace(
  ctx: SemanticContext,
  env: EnvironmentSpec,
  ns: ServiceBusNamespaceSpec,
  base: string,
): void {
  const sku = ns.sku;
  const only = (field: string, what: string): void =>
    ctx.error(`${base}/${field}`, `${what} needs the Premium SKU; namespace "${ns.name}" is ${sku}`);
  if (sku !== "Premium") {
    if (ns.capacity !== undefined) only("capacity", `capacity (messaging units, got ${ns.capacity})`);
    if (ns.partitions !== undefined) only("partitions", `partitions (got ${ns.partitions})`);
    if (ns.customerManagedKey === true) only("customerManagedKey", "a customer-managed key");
    if (ns.privateEndpoint === true) only("privateEndpoint", "a private endpoint");
    if (ns.geoDisasterRecovery === true) only("geoDisasterRecovery", "geo-disaster recovery");
    if (ns.autoscale !== undefined) only("autoscale", "autoscale of messaging units");
  } else {
    const partitions = ns.partitions ?? 1;
    if (!PREMIUM_PARTITIONS.includes(partitions)) {
      ctx.error(
        `${base}/partitions`,
        `partitions must be one of ${PREMIUM_PARTITIONS.join(", ")}, got ${partitions}`,
      );
    }
    if (ns.capacity !== undefined) {
      if (!PREMIUM_MESSAGING_UNITS.includes(ns.capacity)) {
        ctx.error(
          `${base}/capacity`,
          `capacity must be one of ${PREMIUM_MESSAGING_UNITS.join(", ")} messaging units on Premium, got ${ns.capacity}`,
        );
      } else if (PREMIUM_PARTITIONS.includes(partitions) && ns.capacity % partitions !== 0) {
        ctx.error(
          `${base}/capacity`,
          `capacity must be a multiple of partitions (${partitions}) on Premium, got ${ns.capacity}`,
        );
      }
    }
    if (ns.autoscale) checkAutoscale(ctx, ns, `${base}/autoscale`, partitions);
  }
  if (ns.zoneRedundant === false) {
    ctx.error(
      `${base}/zoneRedundant`,
      `zoneRedundant cannot be false: Azure enables availability zones on new Service Bus namespaces wherever the region has them, and azurerm 4.x has no setting to turn them off`,
    );
  }
  allowedIpRangesNeedPublicAccess(ctx, "serviceBus", base, ns);
  // A missing secondaryLocation is the tier-requirements check's to report.
  if (ns.geoDisasterRecovery === true && sku === "Premium" && env.secondaryLocation === env.location) {
    ctx.error(
      `${base}/geoDisasterRecovery`,
      `geoDisasterRecovery pairs with another region, but secondaryLocation is the same as location (${env.location})`,
    );
  }
  if (sku === "Basic" && (ns.topics ?? []).length > 0) {
    ctx.error(`${base}/topics`, `topics need the Standard or Premium SKU; namespace "${ns.name}" is Basic`);
  }
  (ns.queues ?? []).forEach((q, j) => checkQueue(ctx, ns, q, `${base}/queues/${j}`));
  if (sku !== "Basic") checkForwardingChains(ctx, ns, base);
  if (sku !== "Basic") (ns.topics ?? []).forEach((t, j) => checkTopic(ctx, ns, t, `${base}/topics/${j}`));
}

function checkAutoscale(
  ctx: SemanticContext,
  ns: ServiceBusNamespaceSpec,
  base: string,
  partitions: number,
): void {
  const a = ns.autoscale;
  if (!a) return;
  const steps = PREMIUM_MESSAGING_UNITS.filter((u) => u % partitions === 0);
  for (const field of ["minCapacity", "maxCapacity"] as const) {
    if (!steps.includes(a[field])) {
      ctx.error(
        `${base}/${field}`,
        `${field} must be one of ${steps.join(", ")} messaging units (steps Premium allows with ${partitions} partition(s)), got ${a[field]}`,
      );
    }
  }
  if (a.minCapacity > a.maxCapacity) {
    ctx.error(
      `${base}/minCapacity`,
      `minCapacity must not exceed maxCapacity (${a.maxCapacity}), got ${a.minCapacity}`,
    );
  }
  if (ns.capacity !== undefined && (ns.capacity < a.minCapacity || ns.capacity > a.maxCapacity)) {
    ctx.error(
      `${base.replace(/\/autoscale$/, "")}/capacity`,
      `capacity must lie between autoscale minCapacity ${a.minCapacity} and maxCapacity ${a.maxCapacity}, got ${ns.capacity}`,
    );
  }
  const out = a.scaleOutCpuPercent ?? 70;
  const into = a.scaleInCpuPercent ?? 30;
  if (!(into >= 0 && into < out && out <= 100)) {
    ctx.error(
      `${base}/scaleInCpuPercent`,
      `scaleInCpuPercent must be below scaleOutCpuPercent (${out}) and both within 0–100, got ${into}`,
    );
  }
}

/** Options Basic does not have ([tiers]), reported at each field with the SKU named. */
function checkBasicEntity(
  ctx: SemanticContext,
  ns: ServiceBusNamespaceSpec,
  base: string,
  e: ServiceBusQueueSpec | ServiceBusSubscriptionSpec,
): void {
  if (ns.sku !== "Basic") return;
  const basic = (field: string, what: string): void =>
    ctx.error(
      `${base}/${field}`,
      `${what} needs the Standard or Premium SKU; namespace "${ns.name}" is Basic`,
    );
  if (e.sessions === true) basic("sessions", "sessions");
  if ("duplicateDetection" in e && e.duplicateDetection !== undefined)
    basic("duplicateDetection", "duplicate detection");
  if (e.forwardTo !== undefined) basic("forwardTo", "auto-forwarding (forwardTo)");
  if (e.forwardDeadLetteredTo !== undefined)
    basic("forwardDeadLetteredTo", "auto-forwarding (forwardDeadLetteredTo)");
}

function checkSizes(
  ctx: SemanticContext,
  ns: ServiceBusNamespaceSpec,
  base: string,
  e: ServiceBusQueueSpec | ServiceBusTopicSpec,
): void {
  const sizes = allowedMaxSizesMegabytes(ns.sku);
  if (e.maxSizeMegabytes !== undefined && !sizes.includes(e.maxSizeMegabytes)) {
    const hint = ns.sku === "Premium" ? "" : " (a partitioned entity holds 16 times this)";
    ctx.error(
      `${base}/maxSizeMegabytes`,
      `maxSizeMegabytes on ${ns.sku} must be one of ${sizes.join(", ")}${hint}, got ${e.maxSizeMegabytes}`,
    );
  }
  if (e.maxMessageSizeKilobytes !== undefined) {
    if (ns.sku !== "Premium") {
      ctx.error(
        `${base}/maxMessageSizeKilobytes`,
        `maxMessageSizeKilobytes needs the Premium SKU (the limit is 256 KB elsewhere); namespace "${ns.name}" is ${ns.sku}`,
      );
    } else if (
      e.maxMessageSizeKilobytes < PREMIUM_MESSAGE_SIZE_KILOBYTES.min ||
      e.maxMessageSizeKilobytes > PREMIUM_MESSAGE_SIZE_KILOBYTES.max
    ) {
      ctx.error(
        `${base}/maxMessageSizeKilobytes`,
        `maxMessageSizeKilobytes must be between ${PREMIUM_MESSAGE_SIZE_KILOBYTES.min} and ${PREMIUM_MESSAGE_SIZE_KILOBYTES.max}, got ${e.maxMessageSizeKilobytes}`,
      );
    }
  }
  if (e.partitioned !== undefined && ns.sku === "Premium") {
    ctx.error(
      `${base}/partitioned`,
      `partitioned is not an entity option on Premium: a Premium namespace partitions all its entities; set partitions on namespace "${ns.name}"`,
    );
  }
}

function checkDeliveryOptions(
  ctx: SemanticContext,
  ns: ServiceBusNamespaceSpec,
  base: string,
  e: ServiceBusQueueSpec | ServiceBusSubscriptionSpec,
): void {
  if (e.maxDeliveryCount !== undefined && (!Number.isInteger(e.maxDeliveryCount) || e.maxDeliveryCount < 1)) {
    ctx.error(
      `${base}/maxDeliveryCount`,
      `maxDeliveryCount must be a whole number of at least 1, got ${e.maxDeliveryCount}`,
    );
  }
  checkDuration(ctx, `${base}/lockDuration`, "lockDuration", e.lockDuration, DURATIONS.lockDuration);
  checkDuration(ctx, `${base}/messageTtl`, "messageTtl", e.messageTtl, ttlLimit(ns.sku));
  checkDuration(
    ctx,
    `${base}/autoDeleteOnIdle`,
    "autoDeleteOnIdle",
    e.autoDeleteOnIdle,
    DURATIONS.autoDeleteOnIdle,
  );
  if (e.sessions === true && e.forwardTo !== undefined && ns.sku !== "Basic") {
    ctx.error(
      `${base}/forwardTo`,
      `forwardTo is not supported on a session-enabled entity (Azure auto-forwarding skips sessions); remove forwardTo or sessions`,
    );
  }
}

function checkQueue(
  ctx: SemanticContext,
  ns: ServiceBusNamespaceSpec,
  q: ServiceBusQueueSpec,
  base: string,
): void {
  checkBasicEntity(ctx, ns, base, q);
  checkSizes(ctx, ns, base, q);
  checkDeliveryOptions(ctx, ns, base, q);
  if (ns.sku !== "Basic")
    checkDuration(
      ctx,
      `${base}/duplicateDetection`,
      "duplicateDetection",
      q.duplicateDetection,
      DURATIONS.duplicateDetection,
    );
}

function checkTopic(
  ctx: SemanticContext,
  ns: ServiceBusNamespaceSpec,
  t: ServiceBusTopicSpec,
  base: string,
): void {
  checkSizes(ctx, ns, base, t);
  checkDuration(
    ctx,
    `${base}/duplicateDetection`,
    "duplicateDetection",
    t.duplicateDetection,
    DURATIONS.duplicateDetection,
  );
  checkDuration(ctx, `${base}/messageTtl`, "messageTtl", t.messageTtl, ttlLimit(ns.sku));
  checkDuration(
    ctx,
    `${base}/autoDeleteOnIdle`,
    "autoDeleteOnIdle",
    t.autoDeleteOnIdle,
    DURATIONS.autoDeleteOnIdle,
  );
  const subscriptions = t.subscriptions ?? [];
  if (subscriptions.length > MAX_SUBSCRIPTIONS_PER_TOPIC) {
    ctx.error(
      `${base}/subscriptions`,
      `a topic holds at most ${MAX_SUBSCRIPTIONS_PER_TOPIC} subscriptions, got ${subscriptions.length}; chain a second-level topic with forwardTo`,
    );
  }
  let sqlFilters = 0;
  let correlationFilters = 0;
  subscriptions.forEach((s, k) => {
    const sbase = `${base}/subscriptions/${k}`;
    checkDeliveryOptions(ctx, ns, sbase, s);
    const rules = checkRules(ctx, s, sbase);
    for (const rule of rules) {
      if ("sql" in rule) sqlFilters += 1;
      else correlationFilters += 1;
    }
  });
  if (sqlFilters > MAX_SQL_FILTERS_PER_TOPIC) {
    ctx.error(
      `${base}/subscriptions`,
      `a topic holds at most ${MAX_SQL_FILTERS_PER_TOPIC} SQL filters across its subscriptions, got ${sqlFilters}`,
    );
  }
  if (correlationFilters > MAX_CORRELATION_FILTERS_PER_TOPIC) {
    ctx.error(
      `${base}/subscriptions`,
      `a topic holds at most ${MAX_CORRELATION_FILTERS_PER_TOPIC} correlation filters across its subscriptions, got ${correlationFilters}`,
    );
  }
}

/** Checks a subscription's filter and rules; returns them (with pointers dropped) for the per-topic counts. */
function checkRules(
  ctx: SemanticContext,
  s: ServiceBusSubscriptionSpec,
  base: string,
): SubscriptionRuleSpec[] {
  if (s.filter !== undefined && s.rules !== undefined) {
    ctx.error(
      `${base}/filter`,
      `declare either filter (which becomes the $Default rule) or rules, not both; move the filter into rules as a rule named "$Default"`,
    );
  }
  const checked: { rule: SubscriptionRuleSpec; pointer: string }[] = [];
  if (s.filter !== undefined)
    checked.push({ rule: { ...s.filter, name: "$Default" }, pointer: `${base}/filter` });
  (s.rules ?? []).forEach((rule, r) => checked.push({ rule, pointer: `${base}/rules/${r}` }));
  const seen = new Set<string>();
  for (const { rule, pointer } of checked) {
    if (rule.name.length > RuleLimits.nameLength) {
      ctx.error(
        `${pointer}/name`,
        `a rule name has at most ${RuleLimits.nameLength} characters, got ${rule.name.length}`,
      );
    }
    if (seen.has(rule.name))
      ctx.error(`${pointer}/name`, `duplicate rule name "${rule.name}" in subscription "${s.name}"`);
    seen.add(rule.name);
    if ("sql" in rule && (rule.sql.trim() === "" || rule.sql.length > RuleLimits.sqlLength)) {
      ctx.error(
        `${pointer}/sql`,
        `a SQL filter must be 1 to ${RuleLimits.sqlLength} characters, got ${rule.sql.length}`,
      );
    }
    if (rule.action !== undefined && rule.action.length > RuleLimits.sqlLength) {
      ctx.error(
        `${pointer}/action`,
        `a rule action must be at most ${RuleLimits.sqlLength} characters, got ${rule.action.length}`,
      );
    }
  }
  return checked.map((c) => c.rule);
}

/** One auto-forwarding hop inside a namespace: messages in `from` move on to `to`. */
interface Hop {
  readonly from: string;
  readonly to: string;
  readonly pointer: string;
}

function hopsOf(ns: ServiceBusNamespaceSpec, base: string): Hop[] {
  const target = (reference: string): string => reference.slice(reference.indexOf("/") + 1);
  const hops: Hop[] = [];
  (ns.queues ?? []).forEach((q, j) => {
    if (q.forwardTo !== undefined)
      hops.push({ from: q.name, to: target(q.forwardTo), pointer: `${base}/queues/${j}/forwardTo` });
  });
  (ns.topics ?? []).forEach((t, j) =>
    (t.subscriptions ?? []).forEach((sub, k) => {
      if (sub.forwardTo !== undefined) {
        hops.push({
          from: t.name,
          to: target(sub.forwardTo),
          pointer: `${base}/topics/${j}/subscriptions/${k}/forwardTo`,
        });
      }
    }),
  );
  return hops;
}

/**
 * Reports chains of more than four forwarding hops ([forward]) at the first hop of each chain
 * that starts where nothing forwards in. Loops are the forwarding check's to report; a walk
 * stops where it meets an entity already on its path.
 */
function checkForwardingChains(ctx: SemanticContext, ns: ServiceBusNamespaceSpec, base: string): void {
  const hops = hopsOf(ns, base);
  const outgoing = new Map<string, Hop[]>();
  for (const hop of hops) outgoing.set(hop.from, [...(outgoing.get(hop.from) ?? []), hop]);
  // The walk stops one hop past the limit: that is enough to report, and bounds the work however
  // widely topics fan out.
  const longest = (entity: string, path: readonly string[]): string[] => {
    let best: string[] = [entity];
    if (path.length > MAX_FORWARDING_HOPS + 1) return best;
    for (const hop of outgoing.get(entity) ?? []) {
      if (path.includes(hop.to)) continue;
      const rest = longest(hop.to, [...path, hop.to]);
      if (rest.length + 1 > best.length) best = [entity, ...rest];
    }
    return best;
  };
  const targets = new Set(hops.map((hop) => hop.to));
  for (const hop of hops) {
    if (targets.has(hop.from)) continue;
    const chain = [hop.from, ...longest(hop.to, [hop.from, hop.to])];
    if (chain.length - 1 > MAX_FORWARDING_HOPS) {
      ctx.error(
        hop.pointer,
        `forwarding chain ${chain.join(" → ")} has ${chain.length - 1} hops; Azure dead-letters messages after ${MAX_FORWARDING_HOPS}: forward straight to a later entity`,
      );
    }
  }
}

/** Service Bus SKU rules, option combinations and Azure's limits on sizes, durations and rules. */
export const checkServiceBus: SemanticCheck = (ctx) => {
  (ctx.spec.serviceBus ?? []).forEach((ns, i) => checkNamespace(ctx, ctx.spec, ns, `/serviceBus/${i}`));
};
