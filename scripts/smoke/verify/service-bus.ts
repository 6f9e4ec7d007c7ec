import type { SBQueue, SBSubscription, SBTopic, Rule } from "@azure/arm-servicebus";
import type { ServiceBusNamespace, ServiceBusSubscription, SubscriptionRule } from "../../../model/model";
import { subscriptionRulesInAzure } from "../../../azure/service-bus";
import { compareResource, reconcileChildren, type ExpectedProperties } from "../compare";
import type { CheckResult } from "../results";
import {
  armId,
  entityName,
  getGenericById,
  getOrMissing,
  listAll,
  publicAccessEnabled,
  type VerifyContext,
} from "../verify-context";

/**
 * `@azure/arm-servicebus` 6.x speaks API 2021-11-01, which has no minimum TLS version or
 * public network access on a namespace; those are read through the generic resource API at
 * a version that has them (Service Bus REST API 2022-10-01-preview, "Namespaces - Get").
 */
const namespacePropertiesApiVersion = "2022-10-01-preview";

export async function verifyServiceBusNamespace(
  ns: ServiceBusNamespace,
  ctx: VerifyContext,
): Promise<CheckResult[]> {
  const label = `serviceBus/${ns.name}`;
  ctx.progress(`checking ${label} (${ns.azureName})`);
  const { serviceBus } = ctx.clients;
  const actual = await getOrMissing(ctx, (o) =>
    serviceBus.namespaces.get(ctx.resourceGroup, ns.azureName, o),
  );
  if (!actual) return [{ status: "missing", resource: label }];

  const generic = await getGenericById(
    ctx,
    armId(ctx, "Microsoft.ServiceBus", "namespaces", ns.azureName),
    namespacePropertiesApiVersion,
  );
  const properties = (generic?.properties ?? {}) as {
    minimumTlsVersion?: string;
    publicNetworkAccess?: string;
  };
  const results = compareResource(
    label,
    {
      sku: ns.sku,
      capacity: ns.sku === "Premium" ? ns.capacity : undefined,
      localAuth: ns.localAuth,
      publicNetworkAccess: ns.publicNetworkAccess,
      minimumTlsVersion: ns.minimumTlsVersion,
    },
    {
      sku: actual.sku?.name,
      capacity: actual.sku?.capacity,
      localAuth: actual.disableLocalAuth === undefined ? undefined : !actual.disableLocalAuth,
      publicNetworkAccess: publicAccessEnabled(properties.publicNetworkAccess),
      minimumTlsVersion: properties.minimumTlsVersion,
    },
  );

  const [queues, topics] = await Promise.all([
    listAll(ctx, (o) => serviceBus.queues.listByNamespace(ctx.resourceGroup, ns.azureName, o)),
    listAll(ctx, (o) => serviceBus.topics.listByNamespace(ctx.resourceGroup, ns.azureName, o)),
  ]);
  results.push(...verifyQueues(ns, label, queues));
  results.push(...(await verifyTopics(ns, label, topics, ctx)));
  return results;
}

function verifyQueues(ns: ServiceBusNamespace, label: string, queues: readonly SBQueue[]): CheckResult[] {
  const byName = new Map(queues.map((q) => [(q.name ?? "").toLowerCase(), q]));
  const { results, found } = reconcileChildren(
    label,
    "queues",
    ns.queues.map((q) => q.name),
    queues.map((q) => q.name ?? ""),
  );
  for (const queue of ns.queues) {
    const actual = byName.get(queue.name.toLowerCase());
    if (!actual || !found.has(queue.name)) continue;
    results.push(
      ...compareResource(
        `${label}/queues/${queue.name}`,
        {
          sessions: queue.sessions,
          duplicateDetection: queue.duplicateDetection ?? false,
          maxDeliveryCount: queue.maxDeliveryCount,
          lockDuration: queue.lockDuration,
          messageTtl: queue.messageTtl,
          deadLetterOnExpiration: queue.deadLetterOnExpiration,
          forwardTo: entityName(queue.forwardTo),
          forwardDeadLetteredTo: entityName(queue.forwardDeadLetteredTo),
        },
        {
          sessions: actual.requiresSession,
          duplicateDetection: actual.requiresDuplicateDetection
            ? actual.duplicateDetectionHistoryTimeWindow
            : false,
          maxDeliveryCount: actual.maxDeliveryCount,
          lockDuration: actual.lockDuration,
          messageTtl: actual.defaultMessageTimeToLive,
          deadLetterOnExpiration: actual.deadLetteringOnMessageExpiration,
          forwardTo: actual.forwardTo || null,
          forwardDeadLetteredTo: actual.forwardDeadLetteredMessagesTo || null,
        },
      ),
    );
  }
  return results;
}

async function verifyTopics(
  ns: ServiceBusNamespace,
  label: string,
  topics: readonly SBTopic[],
  ctx: VerifyContext,
): Promise<CheckResult[]> {
  const byName = new Map(topics.map((t) => [(t.name ?? "").toLowerCase(), t]));
  const { results, found } = reconcileChildren(
    label,
    "topics",
    ns.topics.map((t) => t.name),
    topics.map((t) => t.name ?? ""),
  );
  for (const topic of ns.topics) {
    const actual = byName.get(topic.name.toLowerCase());
    if (!actual || !found.has(topic.name)) continue;
    const topicLabel = `${label}/topics/${topic.name}`;
    results.push(
      ...compareResource(
        topicLabel,
        { duplicateDetection: topic.duplicateDetection ?? false, messageTtl: topic.messageTtl },
        {
          duplicateDetection: actual.requiresDuplicateDetection
            ? actual.duplicateDetectionHistoryTimeWindow
            : false,
          messageTtl: actual.defaultMessageTimeToLive,
        },
      ),
    );
    const subscriptions = await listAll(ctx, (o) =>
      ctx.clients.serviceBus.subscriptions.listByTopic(ctx.resourceGroup, ns.azureName, topic.name, o),
    );
    const subsByName = new Map(subscriptions.map((s) => [(s.name ?? "").toLowerCase(), s]));
    const reconciled = reconcileChildren(
      topicLabel,
      "subscriptions",
      topic.subscriptions.map((s) => s.name),
      subscriptions.map((s) => s.name ?? ""),
    );
    results.push(...reconciled.results);
    for (const subscription of topic.subscriptions) {
      const actualSub = subsByName.get(subscription.name.toLowerCase());
      if (!actualSub) continue;
      const rules = await listAll(ctx, (o) =>
        ctx.clients.serviceBus.rules.listBySubscriptions(
          ctx.resourceGroup,
          ns.azureName,
          topic.name,
          subscription.name,
          o,
        ),
      );
      results.push(
        ...verifySubscription(
          `${topicLabel}/subscriptions/${subscription.name}`,
          subscription,
          actualSub,
          rules,
        ),
      );
    }
  }
  return results;
}

function verifySubscription(
  label: string,
  subscription: ServiceBusSubscription,
  actual: SBSubscription,
  rules: readonly Rule[],
): CheckResult[] {
  const results = compareResource(
    label,
    {
      sessions: subscription.sessions,
      maxDeliveryCount: subscription.maxDeliveryCount,
      lockDuration: subscription.lockDuration,
      messageTtl: subscription.messageTtl,
      deadLetterOnExpiration: subscription.deadLetterOnExpiration,
      deadLetterOnFilterEvaluationError: subscription.deadLetterOnFilterEvaluationError,
      forwardTo: entityName(subscription.forwardTo),
    },
    {
      sessions: actual.requiresSession,
      maxDeliveryCount: actual.maxDeliveryCount,
      lockDuration: actual.lockDuration,
      messageTtl: actual.defaultMessageTimeToLive,
      deadLetterOnExpiration: actual.deadLetteringOnMessageExpiration,
      deadLetterOnFilterEvaluationError: actual.deadLetteringOnFilterEvaluationExceptions,
      forwardTo: actual.forwardTo || null,
    },
  );
  // The rules the stack leaves in Azure: Azure's own `$Default` (1=1) without declared rules, the
  // match-nothing `$Default` (1=0) beside declared rules that do not replace it.
  const declared = subscriptionRulesInAzure(subscription.rules);
  const byName = new Map(rules.map((r) => [(r.name ?? "").toLowerCase(), r]));
  const reconciled = reconcileChildren(
    label,
    "rules",
    declared.map((r) => r.name),
    rules.map((r) => r.name ?? ""),
  );
  results.push(...reconciled.results);
  for (const rule of declared) {
    const actualRule = byName.get(rule.name.toLowerCase());
    if (actualRule)
      results.push(
        ...compareResource(`${label}/rules/${rule.name}`, expectedRule(rule), observedRule(actualRule)),
      );
  }
  return results;
}

/** No correlation property: what a SQL rule holds, and what Azure must not keep beside one. */
const noCorrelation = {
  label: null,
  correlationId: null,
  messageId: null,
  to: null,
  replyTo: null,
  sessionId: null,
  contentType: null,
  properties: [],
} as const;

/**
 * Every filter property of the rule, the other filter type's as absent: a rule whose `$Default`
 * was merged rather than replaced keeps Azure's `1=1` SQL filter beside a correlation filter, and
 * that is drift.
 */
function expectedRule(rule: SubscriptionRule | { name: string; sql: string }): ExpectedProperties {
  const action = "action" in rule ? (rule.action ?? null) : null;
  if ("sql" in rule) return { filterType: "SqlFilter", sql: rule.sql, action, ...noCorrelation };
  const c = rule.correlation;
  return {
    filterType: "CorrelationFilter",
    sql: null,
    action,
    label: c.label ?? null,
    correlationId: c.correlationId ?? null,
    messageId: c.messageId ?? null,
    to: c.to ?? null,
    replyTo: c.replyTo ?? null,
    sessionId: c.sessionId ?? null,
    contentType: c.contentType ?? null,
    properties: c.properties ? Object.entries(c.properties).map(([k, v]) => `${k}=${v}`) : [],
  };
}

function observedRule(rule: Rule): ExpectedProperties {
  const c = rule.correlationFilter;
  return {
    filterType: rule.filterType ?? null,
    sql: rule.sqlFilter?.sqlExpression ?? null,
    action: rule.action?.sqlExpression ?? null,
    label: c?.label ?? null,
    correlationId: c?.correlationId ?? null,
    messageId: c?.messageId ?? null,
    to: c?.to ?? null,
    replyTo: c?.replyTo ?? null,
    sessionId: c?.sessionId ?? null,
    contentType: c?.contentType ?? null,
    properties: c?.properties ? Object.entries(c.properties).map(([k, v]) => `${k}=${String(v)}`) : [],
  };
}
