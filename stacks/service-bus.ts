import { TerraformOutput } from "cdktf";
import {
  ServiceBusAutoscale,
  ServiceBusGeoDisasterRecovery,
  ServiceBusNamespace,
  ServiceBusQueue,
  ServiceBusSubscription,
  ServiceBusTopic,
  type ServiceBusForwardTarget,
} from "../constructs/service-bus";
import type { Grantee } from "../constructs/shared/role-assignments";
import { privateEndpointName } from "../azure/naming";
import { serviceBusEntityKey, serviceBusHostName } from "../azure/service-bus";
import type * as model from "../model/model";
import { splitEntityRef } from "../model/resource-refs";
import type { StackContext } from "./stack-context";

type GranteeOf = (principal: model.Principal) => Grantee;

/**
 * The entity a forwarding reference (`orders/payments-poison`) names, by Azure's key: entity
 * names compare without regard to case, as validation compared them.
 */
function entityKey(reference: string): string {
  return serviceBusEntityKey(splitEntityRef(reference)?.entity ?? reference);
}

/**
 * Builds the queues of one namespace, each after the queue it forwards to, so every forwarding
 * reference points at a construct that exists (and Terraform creates the target first).
 */
function addQueues(
  namespace: ServiceBusNamespace,
  spec: model.ServiceBusNamespace,
  targets: Map<string, ServiceBusForwardTarget>,
  grantee: GranteeOf,
): ServiceBusQueue[] {
  const byKey = new Map(spec.queues.map((q) => [serviceBusEntityKey(q.name), q]));
  const building = new Set<string>();
  const built: ServiceBusQueue[] = [];

  const target = (reference: string | undefined): ServiceBusForwardTarget | undefined => {
    if (reference === undefined) return undefined;
    const key = entityKey(reference);
    if (!targets.has(key) && byKey.has(key)) build(key);
    const found = targets.get(key);
    // The semantic checks reject dangling forwarding references; reaching this is a bug.
    if (!found)
      throw new Error(`internal: forwarding target ${reference} of namespace ${spec.name} was not built`);
    return found;
  };

  const build = (key: string): void => {
    if (targets.has(key)) return;
    if (building.has(key)) throw new Error(`internal: forwarding loop through ${spec.name}/${key}`);
    building.add(key);
    const q = byKey.get(key);
    if (!q) throw new Error(`internal: queue ${spec.name}/${key} is not declared`);
    const queue = new ServiceBusQueue(namespace, `queue-${q.name}`, {
      namespace,
      name: q.name,
      sessions: q.sessions,
      duplicateDetection: q.duplicateDetection,
      maxDeliveryCount: q.maxDeliveryCount,
      lockDuration: q.lockDuration,
      messageTtl: q.messageTtl,
      deadLetterOnExpiration: q.deadLetterOnExpiration,
      forwardTo: target(q.forwardTo),
      forwardDeadLetteredTo: target(q.forwardDeadLetteredTo),
      maxSizeMegabytes: q.maxSizeMegabytes,
      maxMessageSizeKilobytes: q.maxMessageSizeKilobytes,
      // On Premium, partitioning is the namespace's `partitions`, never a queue's own choice.
      partitioned: spec.sku === "Premium" ? undefined : q.partitioned,
      batchedOperations: q.batchedOperations,
      autoDeleteOnIdle: q.autoDeleteOnIdle,
      status: q.status,
      preventDestroy: q.preventDestroy,
    });
    for (const p of q.senders) queue.grantSend(grantee(p));
    for (const p of q.receivers) queue.grantReceive(grantee(p));
    for (const p of q.owners) queue.grantManage(grantee(p));
    targets.set(key, queue);
    built.push(queue);
  };

  for (const q of spec.queues) build(serviceBusEntityKey(q.name));
  return built;
}

function addTopic(
  namespace: ServiceBusNamespace,
  spec: model.ServiceBusNamespace,
  t: model.ServiceBusTopic,
  grantee: GranteeOf,
): ServiceBusTopic {
  const topic = new ServiceBusTopic(namespace, `topic-${t.name}`, {
    namespace,
    name: t.name,
    duplicateDetection: t.duplicateDetection,
    messageTtl: t.messageTtl,
    maxSizeMegabytes: t.maxSizeMegabytes,
    maxMessageSizeKilobytes: t.maxMessageSizeKilobytes,
    partitioned: spec.sku === "Premium" ? undefined : t.partitioned,
    batchedOperations: t.batchedOperations,
    supportOrdering: t.supportOrdering,
    autoDeleteOnIdle: t.autoDeleteOnIdle,
    status: t.status,
    preventDestroy: t.preventDestroy,
  });
  for (const p of t.senders) topic.grantSend(grantee(p));
  for (const p of t.receivers) topic.grantReceive(grantee(p));
  for (const p of t.owners) topic.grantManage(grantee(p));
  return topic;
}

function addSubscriptions(
  topic: ServiceBusTopic,
  t: model.ServiceBusTopic,
  targets: Map<string, ServiceBusForwardTarget>,
  grantee: GranteeOf,
): ServiceBusSubscription[] {
  const target = (reference: string | undefined): ServiceBusForwardTarget | undefined => {
    if (reference === undefined) return undefined;
    const found = targets.get(entityKey(reference));
    if (!found) throw new Error(`internal: forwarding target ${reference} of ${topic.label} was not built`);
    return found;
  };
  return t.subscriptions.map((s) => {
    const subscription = new ServiceBusSubscription(topic, `subscription-${s.name}`, {
      topic,
      name: s.name,
      maxDeliveryCount: s.maxDeliveryCount,
      lockDuration: s.lockDuration,
      messageTtl: s.messageTtl,
      deadLetterOnExpiration: s.deadLetterOnExpiration,
      deadLetterOnFilterEvaluationError: s.deadLetterOnFilterEvaluationError,
      sessions: s.sessions,
      forwardTo: target(s.forwardTo),
      forwardDeadLetteredTo: target(s.forwardDeadLetteredTo),
      autoDeleteOnIdle: s.autoDeleteOnIdle,
      batchedOperations: s.batchedOperations,
      status: s.status,
      rules: s.rules,
      preventDestroy: s.preventDestroy,
    });
    // Owners of a subscription get the receiver role: Data Owner has no narrower scope than the topic.
    for (const p of [...s.receivers, ...s.owners]) subscription.grantReceive(grantee(p));
    return subscription;
  });
}

function addNamespace(ctx: StackContext, spec: model.ServiceBusNamespace): void {
  const endpoint = spec.privateEndpoint;
  const grantee: GranteeOf = (principal) => ctx.ids.grantees.grantee(principal);
  const outputs = ctx.ids.outputs.serviceBus(spec.name);
  const namespace = new ServiceBusNamespace(ctx.scope, ctx.ids.children.serviceBus(spec.name), {
    name: spec.azureName,
    label: spec.name,
    resourceGroupName: ctx.resourceGroupName,
    location: ctx.location,
    sku: spec.sku,
    capacity: spec.sku === "Premium" ? spec.capacity : undefined,
    partitions: spec.sku === "Premium" ? spec.partitions : undefined,
    localAuth: spec.localAuth,
    publicNetworkAccess: spec.publicNetworkAccess,
    allowedIpRanges: spec.allowedIpRanges,
    trustedServicesAllowed: spec.trustedServicesAllowed,
    userAssignedIdentityIds: spec.userAssignedIdentityIds,
    customerManagedKey: spec.customerManagedKey,
    privateEndpoint: endpoint
      ? {
          name: endpoint.azureName,
          subnetId: endpoint.subnetId,
          privateDnsZoneId: endpoint.privateDnsZoneId,
        }
      : undefined,
    logAnalyticsWorkspaceId: spec.diagnostics ? ctx.logAnalyticsWorkspaceId : undefined,
    lock: spec.lock,
    preventDestroy: spec.preventDestroy,
    tags: spec.tags,
    connectionStringOutputName: spec.localAuth
      ? ctx.ids.outputs.serviceBusConnectionString(spec.azureName)
      : undefined,
  });
  for (const p of spec.senders) namespace.grantSend(grantee(p));
  for (const p of spec.receivers) namespace.grantReceive(grantee(p));
  for (const p of spec.owners) namespace.grantManage(grantee(p));
  ctx.entities.registerNamespace("serviceBus", spec.name, namespace.id);

  // Topics forward nothing themselves, so they come first; queues follow in forwarding order;
  // subscriptions last, when every queue and topic they may forward to exists.
  const targets = new Map<string, ServiceBusForwardTarget>();
  const topics = spec.topics.map((t) => {
    const topic = addTopic(namespace, spec, t, grantee);
    // Keyed as queues and forwarding references are: Azure compares entity names ignoring case.
    targets.set(serviceBusEntityKey(t.name), topic);
    return topic;
  });
  const queues = addQueues(namespace, spec, targets, grantee);
  const subscriptions = spec.topics.flatMap((t, i) => addSubscriptions(topics[i], t, targets, grantee));
  for (const entity of [...queues, ...topics]) ctx.entities.register(entity);
  for (const queue of queues) ctx.entities.registerReadable("serviceBusQueue", queue);
  for (const subscription of subscriptions)
    ctx.entities.registerReadable("serviceBusSubscription", subscription);

  const geo = spec.geoDisasterRecovery;
  if (geo) {
    const dr = new ServiceBusGeoDisasterRecovery(namespace, "geo-dr", {
      primary: namespace,
      secondaryName: geo.secondaryAzureName,
      secondaryLocation: geo.secondaryLocation,
      aliasName: geo.aliasName,
      // Service Bus endpoints keep the name they were created with (azure/naming.ts).
      secondaryPrivateEndpointName: privateEndpointName("serviceBus", geo.secondaryAzureName),
      secondaryConnectionStringOutputName: spec.localAuth
        ? ctx.ids.outputs.serviceBusConnectionString(geo.secondaryAzureName)
        : undefined,
    });
    new TerraformOutput(ctx.scope, outputs.aliasFqdn, {
      value: serviceBusHostName(dr.aliasName),
      description: `Geo-DR alias of Service Bus namespace ${spec.name}: connect here so a failover needs no client change`,
    });
  }
  if (spec.autoscale) {
    new ServiceBusAutoscale(namespace, "autoscale", {
      namespace,
      minCapacity: spec.autoscale.minCapacity,
      maxCapacity: spec.autoscale.maxCapacity,
      scaleOutCpuPercent: spec.autoscale.scaleOutCpuPercent,
      scaleInCpuPercent: spec.autoscale.scaleInCpuPercent,
      tags: spec.tags,
    });
  }

  new TerraformOutput(ctx.scope, outputs.endpoint, {
    value: namespace.endpoint,
    description: `Endpoint of Service Bus namespace ${spec.name} (Entra ID authentication; no keys are output)`,
  });
}

/** Every Service Bus namespace of the environment, its entities, grants, geo-DR pair and autoscale. */
export function addServiceBus(ctx: StackContext): void {
  for (const spec of ctx.model.serviceBus) addNamespace(ctx, spec);
}
