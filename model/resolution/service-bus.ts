import { geoDisasterRecoveryApplies } from "../../azure/capabilities";
import {
  defaultSubscriptionRule,
  serviceBusEntityKey,
  serviceBusOffersCustomerManagedKey,
  serviceBusOffersGeoDisasterRecovery,
  serviceBusOffersPrivateEndpoint,
} from "../../azure/service-bus";
import type {
  ServiceBusNamespace,
  ServiceBusQueue,
  ServiceBusSubscription,
  ServiceBusTopic,
  SubscriptionRule,
} from "../model";
import { entityRef, splitEntityRef } from "../resource-refs";
import { azureNameOf, geoPairNames } from "../resource-names";
import type {
  ServiceBusNamespaceSpec,
  ServiceBusQueueSpec,
  ServiceBusSubscriptionSpec,
  ServiceBusTopicSpec,
} from "../spec";
import type { ResolveContext } from "./context";

/** What an entity's resolution needs of its namespace. */
interface EntityScope {
  readonly name: string;
  /**
   * A forwarding reference naming the entity as it is declared: Azure compares entity names
   * without regard to case, so `orders/Audit` is the queue `audit`, and every reader of the model
   * (stack, diagram, smoke test) then finds it by its declared name.
   */
  readonly forwardReference: (reference: string | undefined) => string | undefined;
}

function entityScope(ns: ServiceBusNamespaceSpec): EntityScope {
  const declared = new Map<string, string>();
  for (const e of [...(ns.queues ?? []), ...(ns.topics ?? [])]) {
    const key = serviceBusEntityKey(e.name);
    if (!declared.has(key)) declared.set(key, e.name);
  }
  return {
    name: ns.name,
    forwardReference: (reference) => {
      const parts = reference === undefined ? undefined : splitEntityRef(reference);
      const name = parts === undefined ? undefined : declared.get(serviceBusEntityKey(parts.entity));
      return parts === undefined || name === undefined ? reference : entityRef(parts.namespace, name);
    },
  };
}

function queue(
  ctx: ResolveContext,
  ns: EntityScope,
  q: ServiceBusQueueSpec,
  pointer: string,
): ServiceBusQueue {
  const d = ctx.profile.queue;
  return {
    name: q.name,
    sessions: q.sessions ?? d.sessions,
    duplicateDetection: q.duplicateDetection,
    maxDeliveryCount: q.maxDeliveryCount ?? d.maxDeliveryCount,
    lockDuration: q.lockDuration ?? d.lockDuration,
    messageTtl: q.messageTtl ?? d.messageTtl,
    deadLetterOnExpiration: q.deadLetterOnExpiration ?? d.deadLetterOnExpiration,
    forwardTo: ns.forwardReference(q.forwardTo),
    forwardDeadLetteredTo: ns.forwardReference(q.forwardDeadLetteredTo),
    maxSizeMegabytes: q.maxSizeMegabytes ?? d.maxSizeMegabytes,
    maxMessageSizeKilobytes: q.maxMessageSizeKilobytes,
    partitioned: q.partitioned ?? d.partitioned,
    batchedOperations: q.batchedOperations ?? d.batchedOperations,
    autoDeleteOnIdle: q.autoDeleteOnIdle,
    status: q.status ?? "Active",
    throughput: q.throughput,
    ...ctx.grants(q),
    source: ctx.source(pointer),
    preventDestroy: ctx.preventDestroy("serviceBus", ns.name, q.name),
  };
}

function rules(s: ServiceBusSubscriptionSpec): readonly SubscriptionRule[] {
  const replacement: SubscriptionRule[] = s.filter
    ? [{ ...s.filter, name: defaultSubscriptionRule.name }]
    : [];
  return [...replacement, ...(s.rules ?? [])];
}

function subscription(
  ctx: ResolveContext,
  ns: EntityScope,
  topic: string,
  s: ServiceBusSubscriptionSpec,
  pointer: string,
): ServiceBusSubscription {
  const d = ctx.profile.subscription;
  return {
    name: s.name,
    maxDeliveryCount: s.maxDeliveryCount ?? d.maxDeliveryCount,
    lockDuration: s.lockDuration ?? d.lockDuration,
    messageTtl: s.messageTtl ?? d.messageTtl,
    deadLetterOnExpiration: s.deadLetterOnExpiration ?? d.deadLetterOnExpiration,
    deadLetterOnFilterEvaluationError:
      s.deadLetterOnFilterEvaluationError ?? d.deadLetterOnFilterEvaluationError,
    sessions: s.sessions ?? d.sessions,
    forwardTo: ns.forwardReference(s.forwardTo),
    forwardDeadLetteredTo: ns.forwardReference(s.forwardDeadLetteredTo),
    autoDeleteOnIdle: s.autoDeleteOnIdle,
    batchedOperations: s.batchedOperations ?? d.batchedOperations,
    status: s.status ?? "Active",
    rules: rules(s),
    ...ctx.grants(s),
    source: ctx.source(pointer),
    preventDestroy: ctx.preventDestroy("serviceBus", ns.name, topic, s.name),
  };
}

function topic(
  ctx: ResolveContext,
  ns: EntityScope,
  t: ServiceBusTopicSpec,
  pointer: string,
): ServiceBusTopic {
  const d = ctx.profile.topic;
  return {
    name: t.name,
    duplicateDetection: t.duplicateDetection,
    messageTtl: t.messageTtl ?? d.messageTtl,
    maxSizeMegabytes: t.maxSizeMegabytes ?? d.maxSizeMegabytes,
    maxMessageSizeKilobytes: t.maxMessageSizeKilobytes,
    partitioned: t.partitioned ?? d.partitioned,
    batchedOperations: t.batchedOperations ?? d.batchedOperations,
    supportOrdering: t.supportOrdering ?? d.supportOrdering,
    autoDeleteOnIdle: t.autoDeleteOnIdle,
    status: t.status ?? "Active",
    subscriptions: (t.subscriptions ?? []).map((s, k) =>
      subscription(ctx, ns, t.name, s, `${pointer}/subscriptions/${k}`),
    ),
    throughput: t.throughput,
    ...ctx.grants(t),
    source: ctx.source(pointer),
    preventDestroy: ctx.preventDestroy("serviceBus", ns.name, t.name),
  };
}

/** The smallest messaging units that fit the partitions and the autoscale minimum (both validated). */
function defaultCapacity(ns: ServiceBusNamespaceSpec): number {
  return Math.max(ns.partitions ?? 1, ns.autoscale?.minCapacity ?? 1);
}

export function resolveServiceBusNamespace(
  ctx: ResolveContext,
  ns: ServiceBusNamespaceSpec,
  index: number,
): ServiceBusNamespace {
  const pointer = `/serviceBus/${index}`;
  const azureName = azureNameOf("serviceBusNamespace", ctx.naming, ns);
  const premium = ns.sku === "Premium";
  const geo = geoDisasterRecoveryApplies(
    ctx.spec.secondaryLocation,
    serviceBusOffersGeoDisasterRecovery(ns.sku),
    ns.geoDisasterRecovery,
    ctx.profile.namespace.geoDisasterRecovery,
  );
  const autoscale = ns.autoscale;
  const scope = entityScope(ns);
  return {
    ...ctx.namespaceSettings(ns, pointer, {
      service: "serviceBus",
      azureName,
      privateEndpointSupported: serviceBusOffersPrivateEndpoint(ns.sku),
      customerManagedKeySupported: serviceBusOffersCustomerManagedKey(ns.sku),
      dnsZone: "serviceBus",
    }),
    sku: ns.sku,
    // Messaging units and partitions exist on Premium only (learn.microsoft.com service-bus-premium-messaging).
    // Without a stated capacity, the smallest one Azure accepts: a multiple of the partitions ("Service
    // Bus quotas": messaging units must be a multiple of the partitions) and within autoscale's range.
    capacity: premium ? (ns.capacity ?? defaultCapacity(ns)) : 0,
    partitions: premium ? (ns.partitions ?? 1) : 0,
    zoneRedundant: ns.zoneRedundant ?? false,
    geoDisasterRecovery:
      geo && ctx.spec.secondaryLocation !== undefined
        ? { secondaryLocation: ctx.spec.secondaryLocation, ...geoPairNames(azureName) }
        : undefined,
    autoscale: autoscale
      ? {
          minCapacity: autoscale.minCapacity,
          maxCapacity: autoscale.maxCapacity,
          scaleOutCpuPercent: autoscale.scaleOutCpuPercent ?? ctx.profile.autoscale.scaleOutCpuPercent,
          scaleInCpuPercent: autoscale.scaleInCpuPercent ?? ctx.profile.autoscale.scaleInCpuPercent,
        }
      : undefined,
    queues: (ns.queues ?? []).map((q, j) => queue(ctx, scope, q, `${pointer}/queues/${j}`)),
    topics: (ns.topics ?? []).map((t, j) => topic(ctx, scope, t, `${pointer}/topics/${j}`)),
  };
}
