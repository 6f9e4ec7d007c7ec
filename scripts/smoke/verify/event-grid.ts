import type { EventSubscription as ArmEventSubscription } from "@azure/arm-eventgrid";
import type {
  EventGridNamespace,
  EventGridSystemTopic,
  EventGridTopic,
  EventSubscription,
} from "../../../model/model";
import { EVENT_GRID_NAMESPACE_API_VERSION } from "../../../azure/event-grid";
import { compareResource, reconcileChildren, type ExpectedProperties } from "../compare";
import type { CheckResult } from "../results";
import {
  armId,
  getGenericById,
  getOrMissing,
  listAll,
  publicAccessEnabled,
  type VerifyContext,
} from "../verify-context";

/** Event Grid namespaces (the MQTT broker) are newer than the typed client's API 2022-06-15. */
const namespaceApiVersion = EVENT_GRID_NAMESPACE_API_VERSION;

export async function verifyEventGridTopic(
  topic: EventGridTopic,
  ctx: VerifyContext,
): Promise<CheckResult[]> {
  const label = `eventGrid/topics/${topic.name}`;
  ctx.progress(`checking ${label} (${topic.azureName})`);
  const client = ctx.clients.eventGrid;
  const actual = await getOrMissing(ctx, (o) => client.topics.get(ctx.resourceGroup, topic.azureName, o));
  if (!actual) return [{ status: "missing", resource: label }];
  const results = compareResource(
    label,
    {
      inputSchema: topic.inputSchema,
      localAuth: topic.localAuth,
      publicNetworkAccess: topic.publicNetworkAccess,
    },
    {
      inputSchema: actual.inputSchema,
      localAuth: actual.disableLocalAuth === undefined ? undefined : !actual.disableLocalAuth,
      publicNetworkAccess: publicAccessEnabled(actual.publicNetworkAccess),
    },
  );
  const subscriptions = await listAll(ctx, (o) =>
    client.topicEventSubscriptions.list(ctx.resourceGroup, topic.azureName, o),
  );
  results.push(...verifyEventSubscriptions(label, topic.subscriptions, subscriptions));
  return results;
}

export async function verifyEventGridSystemTopic(
  topic: EventGridSystemTopic,
  ctx: VerifyContext,
): Promise<CheckResult[]> {
  const label = `eventGrid/systemTopics/${topic.name}`;
  ctx.progress(`checking ${label} (${topic.azureName})`);
  const client = ctx.clients.eventGrid;
  const actual = await getOrMissing(ctx, (o) =>
    client.systemTopics.get(ctx.resourceGroup, topic.azureName, o),
  );
  if (!actual) return [{ status: "missing", resource: label }];
  const results = compareResource(label, { topicType: topic.topicType }, { topicType: actual.topicType });
  const subscriptions = await listAll(ctx, (o) =>
    client.systemTopicEventSubscriptions.listBySystemTopic(ctx.resourceGroup, topic.azureName, o),
  );
  results.push(...verifyEventSubscriptions(label, topic.subscriptions, subscriptions));
  return results;
}

export async function verifyEventGridNamespace(
  ns: EventGridNamespace,
  ctx: VerifyContext,
): Promise<CheckResult[]> {
  const label = `eventGrid/namespaces/${ns.name}`;
  ctx.progress(`checking ${label} (${ns.azureName})`);
  const id = armId(ctx, "Microsoft.EventGrid", "namespaces", ns.azureName);
  const actual = await getGenericById(ctx, id, namespaceApiVersion);
  if (!actual) return [{ status: "missing", resource: label }];
  const properties = (actual.properties ?? {}) as {
    publicNetworkAccess?: string;
    minimumTlsVersionAllowed?: string;
    topicSpacesConfiguration?: { state?: string; maximumSessionExpiryInHours?: number };
  };
  const results = compareResource(
    label,
    {
      capacity: ns.capacity,
      publicNetworkAccess: ns.publicNetworkAccess,
      minimumTlsVersion: ns.minimumTlsVersion,
      mqtt: ns.mqtt !== undefined,
      maxSessionExpiryHours: ns.mqtt?.maxSessionExpiryHours,
    },
    {
      capacity: actual.sku?.capacity,
      publicNetworkAccess: publicAccessEnabled(properties.publicNetworkAccess),
      minimumTlsVersion: properties.minimumTlsVersionAllowed,
      mqtt: properties.topicSpacesConfiguration?.state?.toLowerCase() === "enabled",
      maxSessionExpiryHours: properties.topicSpacesConfiguration?.maximumSessionExpiryInHours,
    },
  );
  for (const space of ns.mqtt?.topicSpaces ?? []) {
    const spaceLabel = `${label}/topicSpaces/${space.name}`;
    const found = await getGenericById(ctx, `${id}/topicSpaces/${space.name}`, namespaceApiVersion);
    if (!found) {
      results.push({ status: "missing", resource: spaceLabel });
      continue;
    }
    const templates = ((found.properties ?? {}) as { topicTemplates?: string[] }).topicTemplates ?? [];
    results.push(...compareResource(spaceLabel, { templates: [...space.templates] }, { templates }));
  }
  return results;
}

function verifyEventSubscriptions(
  parent: string,
  declared: readonly EventSubscription[],
  actual: readonly ArmEventSubscription[],
): CheckResult[] {
  const byName = new Map(actual.map((s) => [(s.name ?? "").toLowerCase(), s]));
  const results = reconcileChildren(
    parent,
    "subscriptions",
    declared.map((s) => s.name),
    actual.map((s) => s.name ?? ""),
  ).results;
  for (const subscription of declared) {
    const found = byName.get(subscription.name.toLowerCase());
    if (found)
      results.push(
        ...compareResource(
          `${parent}/subscriptions/${subscription.name}`,
          expected(subscription),
          observed(found),
        ),
      );
  }
  return results;
}

/** ARM's `endpointType` for each destination kind ("Event Subscriptions - Get", EventSubscriptionDestination). */
const endpointTypes: Readonly<Record<EventSubscription["destination"]["kind"], string>> = {
  serviceBusQueue: "ServiceBusQueue",
  serviceBusTopic: "ServiceBusTopic",
  eventHub: "EventHub",
  webhook: "WebHook",
  storageQueue: "StorageQueue",
  azureFunction: "AzureFunction",
};

function expected(subscription: EventSubscription): ExpectedProperties {
  return {
    destination: endpointTypes[subscription.destination.kind],
    includedEventTypes:
      subscription.filter.includedEventTypes.length > 0
        ? [...subscription.filter.includedEventTypes]
        : undefined,
    subjectBeginsWith: subscription.filter.subjectBeginsWith || undefined,
    subjectEndsWith: subscription.filter.subjectEndsWith || undefined,
    advancedFilters: subscription.filter.advanced.length,
    maxDeliveryAttempts: subscription.retry.maxDeliveryAttempts,
    eventTimeToLiveMinutes: subscription.retry.eventTimeToLiveMinutes,
    deadLetter: subscription.deadLetter !== undefined,
  };
}

function observed(subscription: ArmEventSubscription): ExpectedProperties {
  const deadLetter =
    subscription.deadLetterDestination ?? subscription.deadLetterWithResourceIdentity?.deadLetterDestination;
  const destination = subscription.destination ?? subscription.deliveryWithResourceIdentity?.destination;
  return {
    destination: destination?.endpointType,
    includedEventTypes: subscription.filter?.includedEventTypes,
    subjectBeginsWith: subscription.filter?.subjectBeginsWith || undefined,
    subjectEndsWith: subscription.filter?.subjectEndsWith || undefined,
    advancedFilters: subscription.filter?.advancedFilters?.length ?? 0,
    maxDeliveryAttempts: subscription.retryPolicy?.maxDeliveryAttempts,
    eventTimeToLiveMinutes: subscription.retryPolicy?.eventTimeToLiveInMinutes,
    deadLetter: deadLetter !== undefined,
  };
}
