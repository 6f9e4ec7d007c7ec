import { geoDisasterRecoveryApplies } from "../../azure/capabilities";
import {
  defaultSubscriptionRule,
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
import { azureNameOf, geoPairNames } from "../resource-names";
import type {
  ServiceBusNamespaceSpec,
  ServiceBusQueueSpec,
  ServiceBusSubscriptionSpec,
  ServiceBusTopicSpec,
} from "../spec";
import type { ResolveContext } from "./context";

function queue(ctx: ResolveContext, ns: string, q: ServiceBusQueueSpec, pointer: string): ServiceBusQueue {
  const d = ctx.profile.queue;
  return {
    name: q.name,
    sessions: q.sessions ?? d.sessions,
    duplicateDetection: q.duplicateDetection,
    maxDeliveryCount: q.maxDeliveryCount ?? d.maxDeliveryCount,
    lockDuration: q.lockDuration ?? d.lockDuration,
    messageTtl: q.messageTtl ?? d.messageTtl,
    deadLetterOnExpiration: q.deadLetterOnExpiration ?? d.deadLetterOnExpiration,
    forwardTo: q.forwardTo,
    forwardDeadLetteredTo: q.forwardDeadLetteredTo,
    maxSizeMegabytes: q.maxSizeMegabytes ?? d.maxSizeMegabytes,
    maxMessageSizeKilobytes: q.maxMessageSizeKilobytes,
    partitioned: q.partitioned ?? d.partitioned,
    batchedOperations: q.batchedOperations ?? d.batchedOperations,
    autoDeleteOnIdle: q.autoDeleteOnIdle,
    status: q.status ?? "Active",
    ...ctx.grants(q),
    source: ctx.source(pointer),
    preventDestroy: ctx.preventDestroy("serviceBus", ns, q.name),
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
  ns: string,
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
    forwardTo: s.forwardTo,
    forwardDeadLetteredTo: s.forwardDeadLetteredTo,
    autoDeleteOnIdle: s.autoDeleteOnIdle,
    batchedOperations: s.batchedOperations ?? d.batchedOperations,
    status: s.status ?? "Active",
    rules: rules(s),
    ...ctx.grants(s),
    source: ctx.source(pointer),
    preventDestroy: ctx.preventDestroy("serviceBus", ns, topic, s.name),
  };
}

function topic(ctx: ResolveContext, ns: string, t: ServiceBusTopicSpec, pointer: string): ServiceBusTopic {
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
    ...ctx.grants(t),
    source: ctx.source(pointer),
    preventDestroy: ctx.preventDestroy("serviceBus", ns, t.name),
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
    queues: (ns.queues ?? []).map((q, j) => queue(ctx, ns.name, q, `${pointer}/queues/${j}`)),
    topics: (ns.topics ?? []).map((t, j) => topic(ctx, ns.name, t, `${pointer}/topics/${j}`)),
  };
}
