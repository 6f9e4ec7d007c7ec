import { under, type Problem } from "./problem";
import {
  messageTtlLimit,
  minDeliveryCount,
  premiumMessageSizeKilobytes,
  ruleLimits,
  serviceBusDurations,
  serviceBusTiers,
  topicLimits,
} from "./service-bus";
import { durationProblems, notOnTier, type ServiceBusNamespaceOf } from "./service-bus-rules";

/*
 * The rules of a namespace's queues, topics and subscriptions (see `service-bus-rules.ts`).
 */

/** What queues and topics share: sizes and partitioning. */
export interface ServiceBusEntitySizes {
  readonly maxSizeMegabytes?: number;
  readonly maxMessageSizeKilobytes?: number;
  readonly partitioned?: boolean;
}

function sizeProblems(ns: ServiceBusNamespaceOf, e: ServiceBusEntitySizes): Problem[] {
  const tier = serviceBusTiers[ns.sku];
  const problems: Problem[] = [];
  const sizes = tier.entitySizesMegabytes;
  if (e.maxSizeMegabytes !== undefined && !sizes.includes(e.maxSizeMegabytes)) {
    const hint = ns.sku === "Premium" ? "" : " (a partitioned entity holds 16 times this)";
    problems.push({
      field: "maxSizeMegabytes",
      message: `maxSizeMegabytes on ${ns.sku} must be one of ${sizes.join(", ")}${hint}, got ${e.maxSizeMegabytes}`,
    });
  }
  if (e.maxMessageSizeKilobytes !== undefined) {
    const { min, max } = premiumMessageSizeKilobytes;
    if (tier.largeMessages !== true) {
      problems.push(
        ...notOnTier("maxMessageSizeKilobytes", tier.largeMessages, "maxMessageSizeKilobytes", ns, {
          detail: " (the limit is 256 KB elsewhere)",
        }),
      );
    } else if (e.maxMessageSizeKilobytes < min || e.maxMessageSizeKilobytes > max) {
      problems.push({
        field: "maxMessageSizeKilobytes",
        message: `maxMessageSizeKilobytes must be between ${min} and ${max}, got ${e.maxMessageSizeKilobytes}`,
      });
    }
  }
  if (e.partitioned !== undefined && ns.sku === "Premium") {
    // azurerm 4.x requires a Premium entity's partitioning to match the namespace's partitions.
    const namespace = ns.name === undefined ? "the namespace" : `namespace "${ns.name}"`;
    problems.push({
      field: "partitioned",
      message: `partitioned is not an entity option on Premium: a Premium namespace partitions all its entities; set partitions on ${namespace}`,
    });
  }
  return problems;
}

/** What queues and subscriptions share: delivery, locks, lifetimes and forwarding. */
export interface ServiceBusReceiverInput {
  readonly sessions?: boolean;
  readonly maxDeliveryCount?: number;
  readonly lockDuration?: string;
  readonly messageTtl?: string;
  readonly autoDeleteOnIdle?: string;
  /** The forwarding target, as the file references it (`orders/audit`) or a construct labels it. */
  readonly forwardTo?: string;
  readonly forwardDeadLetteredTo?: string;
}

function deliveryProblems(ns: ServiceBusNamespaceOf, e: ServiceBusReceiverInput): Problem[] {
  const problems: Problem[] = [];
  if (
    e.maxDeliveryCount !== undefined &&
    (!Number.isInteger(e.maxDeliveryCount) || e.maxDeliveryCount < minDeliveryCount)
  ) {
    problems.push({
      field: "maxDeliveryCount",
      message: `maxDeliveryCount must be a whole number of at least ${minDeliveryCount}, got ${e.maxDeliveryCount}`,
    });
  }
  problems.push(
    ...durationProblems("lockDuration", e.lockDuration, serviceBusDurations.lockDuration),
    ...durationProblems("messageTtl", e.messageTtl, messageTtlLimit(ns.sku)),
    ...durationProblems("autoDeleteOnIdle", e.autoDeleteOnIdle, serviceBusDurations.autoDeleteOnIdle),
  );
  if (e.sessions === true && e.forwardTo !== undefined && serviceBusTiers[ns.sku].autoForwarding === true) {
    problems.push({
      field: "forwardTo",
      message:
        "forwardTo is not supported on a session-enabled entity (Azure auto-forwarding skips sessions); remove forwardTo or sessions",
    });
  }
  return problems;
}

export interface ServiceBusQueueInput extends ServiceBusReceiverInput, ServiceBusEntitySizes {
  readonly duplicateDetection?: string;
}

/** A queue's options against its namespace's SKU and Azure's limits. */
export function serviceBusQueueProblems(ns: ServiceBusNamespaceOf, q: ServiceBusQueueInput): Problem[] {
  const tier = serviceBusTiers[ns.sku];
  const problems: Problem[] = [];
  if (q.sessions === true)
    problems.push(...notOnTier("sessions", tier.sessions, "sessions", ns, { plural: true }));
  if (q.duplicateDetection !== undefined)
    problems.push(...notOnTier("duplicateDetection", tier.duplicateDetection, "duplicate detection", ns));
  for (const field of ["forwardTo", "forwardDeadLetteredTo"] as const) {
    if (q[field] !== undefined)
      problems.push(...notOnTier(field, tier.autoForwarding, `auto-forwarding (${field})`, ns));
  }
  problems.push(...sizeProblems(ns, q), ...deliveryProblems(ns, q));
  if (tier.duplicateDetection === true)
    problems.push(
      ...durationProblems("duplicateDetection", q.duplicateDetection, serviceBusDurations.duplicateDetection),
    );
  return problems;
}

/** Matches a message when every property given equals the message's ("Topic filters and actions"). */
export interface ServiceBusCorrelationInput {
  /**
   * The message's Label (subject) must equal this.
   * @default - not compared
   */
  readonly label?: string;
  /**
   * The message's CorrelationId must equal this.
   * @default - not compared
   */
  readonly correlationId?: string;
  /**
   * The message's MessageId must equal this.
   * @default - not compared
   */
  readonly messageId?: string;
  /**
   * The message's To must equal this.
   * @default - not compared
   */
  readonly to?: string;
  /**
   * The message's ReplyTo must equal this.
   * @default - not compared
   */
  readonly replyTo?: string;
  /**
   * The message's ReplyToSessionId must equal this.
   * @default - not compared
   */
  readonly replyToSessionId?: string;
  /**
   * The message's SessionId must equal this.
   * @default - not compared
   */
  readonly sessionId?: string;
  /**
   * The message's ContentType must equal this.
   * @default - not compared
   */
  readonly contentType?: string;
  /**
   * Application properties that must equal these, by name.
   * @default - no application property compared
   */
  readonly properties?: Readonly<Record<string, string>>;
}

/**
 * A SQL or correlation filter, with an optional SQL action that rewrites matching messages'
 * properties (no action: messages pass unchanged).
 */
export type ServiceBusFilterInput = { readonly action?: string } & (
  { readonly sql: string } | { readonly correlation: ServiceBusCorrelationInput }
);

/** A named filter rule. */
export type ServiceBusRuleInput = ServiceBusFilterInput & { readonly name: string };

export interface ServiceBusSubscriptionInput extends ServiceBusReceiverInput {
  /** The subscription's name, for messages. */
  readonly name?: string;
  /** A single filter, which becomes the `$Default` rule. */
  readonly filter?: ServiceBusFilterInput;
  readonly rules?: readonly ServiceBusRuleInput[];
}

function filterProblems(filter: ServiceBusFilterInput): Problem[] {
  const problems: Problem[] = [];
  if ("sql" in filter && (filter.sql.trim() === "" || filter.sql.length > ruleLimits.sqlLength)) {
    problems.push({
      field: "sql",
      message: `a SQL filter must be 1 to ${ruleLimits.sqlLength} characters, got ${filter.sql.length}`,
    });
  }
  if ("correlation" in filter) {
    const { properties, ...system } = filter.correlation;
    if (Object.values(system).every((v) => v === undefined) && Object.keys(properties ?? {}).length === 0)
      problems.push({
        field: "correlation",
        message: "a correlation filter needs at least one property to match, got none",
      });
  }
  if (filter.action !== undefined && filter.action.length > ruleLimits.sqlLength) {
    problems.push({
      field: "action",
      message: `a rule action must be at most ${ruleLimits.sqlLength} characters, got ${filter.action.length}`,
    });
  }
  return problems;
}

/** A subscription's delivery options and its filter rules. */
export function serviceBusSubscriptionProblems(
  ns: ServiceBusNamespaceOf,
  s: ServiceBusSubscriptionInput,
): Problem[] {
  const problems = deliveryProblems(ns, s);
  if (s.filter !== undefined && s.rules !== undefined) {
    problems.push({
      field: "filter",
      message:
        'declare either filter (which becomes the $Default rule) or rules, not both; move the filter into rules as a rule named "$Default"',
    });
  }
  if (s.filter !== undefined) problems.push(...under("filter", filterProblems(s.filter)));
  const seen = new Set<string>();
  const subscription = s.name === undefined ? "this subscription" : `subscription "${s.name}"`;
  (s.rules ?? []).forEach((rule, r) => {
    const at = `rules/${r}`;
    if (rule.name.length < 1 || rule.name.length > ruleLimits.nameLength) {
      problems.push({
        field: `${at}/name`,
        message: `a rule name has 1 to ${ruleLimits.nameLength} characters, got ${rule.name.length}`,
      });
    }
    // Rule names are ARM resource names, which Azure compares without regard to case.
    const key = rule.name.toLowerCase();
    if (seen.has(key))
      problems.push({
        field: `${at}/name`,
        message: `duplicate rule name "${rule.name}" in ${subscription}`,
      });
    seen.add(key);
    problems.push(...under(at, filterProblems(rule)));
  });
  return problems;
}

export interface ServiceBusTopicInput extends ServiceBusEntitySizes {
  readonly duplicateDetection?: string;
  readonly messageTtl?: string;
  readonly autoDeleteOnIdle?: string;
  /** The topic's subscriptions, when known: they count against the topic's limits. */
  readonly subscriptions?: readonly Pick<ServiceBusSubscriptionInput, "filter" | "rules">[];
}

/** A topic's options and its per-topic limits ([quotas]). */
export function serviceBusTopicProblems(ns: ServiceBusNamespaceOf, t: ServiceBusTopicInput): Problem[] {
  const tier = serviceBusTiers[ns.sku];
  if (tier.topics !== true) return notOnTier("", tier.topics, "topics", ns, { plural: true });
  const problems = [
    ...sizeProblems(ns, t),
    ...durationProblems("duplicateDetection", t.duplicateDetection, serviceBusDurations.duplicateDetection),
    ...durationProblems("messageTtl", t.messageTtl, messageTtlLimit(ns.sku)),
    ...durationProblems("autoDeleteOnIdle", t.autoDeleteOnIdle, serviceBusDurations.autoDeleteOnIdle),
  ];
  const subscriptions = t.subscriptions ?? [];
  if (subscriptions.length > topicLimits.subscriptions) {
    problems.push({
      field: "subscriptions",
      message: `a topic holds at most ${topicLimits.subscriptions} subscriptions, got ${subscriptions.length}; chain a second-level topic with forwardTo`,
    });
  }
  const filters = subscriptions.flatMap((s) => [...(s.filter ? [s.filter] : []), ...(s.rules ?? [])]);
  const sql = filters.filter((f) => "sql" in f).length;
  const correlation = filters.length - sql;
  if (sql > topicLimits.sqlFilters) {
    problems.push({
      field: "subscriptions",
      message: `a topic holds at most ${topicLimits.sqlFilters} SQL filters across its subscriptions, got ${sql}`,
    });
  }
  if (correlation > topicLimits.correlationFilters) {
    problems.push({
      field: "subscriptions",
      message: `a topic holds at most ${topicLimits.correlationFilters} correlation filters across its subscriptions, got ${correlation}`,
    });
  }
  return problems;
}
