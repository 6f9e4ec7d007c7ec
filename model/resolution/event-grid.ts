import { defaultInputSchema, namespaceCapabilities, topicCapabilities } from "../../azure/event-grid";
import type {
  EventGridNamespace,
  EventGridSystemTopic,
  EventGridTopic,
  EventSubscription,
  MqttBroker,
  MqttClient,
  SystemTopicSource,
} from "../model";
import { azureNameOf, deadLetterContainerName, permissionBindingName } from "../resource-names";
import type {
  EventGridNamespaceSpec,
  EventGridSystemTopicSpec,
  EventGridTopicSpec,
  EventSubscriptionSpec,
  MqttSpec,
  SystemTopicSourceSpec,
} from "../spec";
import type { ResolveContext } from "./context";
import { eventDestination } from "./destinations";

function eventSubscription(
  ctx: ResolveContext,
  s: EventSubscriptionSpec,
  pointer: string,
): EventSubscription {
  const d = ctx.profile.eventSubscription;
  const f = s.filter ?? {};
  const deadLetter = s.deadLetter;
  return {
    name: s.name,
    destination: eventDestination(s.destination),
    filter: {
      includedEventTypes: f.includedEventTypes ?? [],
      subjectBeginsWith: f.subjectBeginsWith ?? "",
      subjectEndsWith: f.subjectEndsWith ?? "",
      caseSensitive: f.caseSensitive ?? false,
      advanced: f.advanced ?? [],
      advancedFilteringOnArrays: f.advancedFilteringOnArrays ?? false,
    },
    retry: {
      maxDeliveryAttempts: s.retry?.maxDeliveryAttempts ?? d.maxDeliveryAttempts,
      eventTimeToLiveMinutes: s.retry?.eventTimeToLiveMinutes ?? d.eventTimeToLiveMinutes,
    },
    // `deadLetter: true` means the environment's own dead-letter container (no account ID).
    deadLetter:
      deadLetter === true
        ? { container: deadLetterContainerName }
        : deadLetter
          ? { storageAccountId: deadLetter.storageAccountId, container: deadLetter.container }
          : undefined,
    deliverySchema: s.deliverySchema,
    expiresOn: s.expiresOn,
    labels: s.labels ?? [],
    source: ctx.source(pointer),
  };
}

export function resolveEventGridTopic(
  ctx: ResolveContext,
  t: EventGridTopicSpec,
  index: number,
): EventGridTopic {
  const pointer = `/eventGrid/topics/${index}`;
  return {
    ...ctx.namespaceSettings(t, pointer, {
      service: "eventGridTopics",
      azureName: azureNameOf("eventGridTopic", ctx.naming, t),
      privateEndpointSupported: topicCapabilities.privateEndpoint === true,
      customerManagedKeySupported: topicCapabilities.customerManagedKey === true,
      dnsZone: "eventGrid",
    }),
    inputSchema: t.inputSchema ?? defaultInputSchema,
    inputMapping: t.inputMapping,
    subscriptions: (t.subscriptions ?? []).map((s, j) =>
      eventSubscription(ctx, s, `${pointer}/subscriptions/${j}`),
    ),
  };
}

function systemTopicSource(source: SystemTopicSourceSpec): SystemTopicSource {
  if (source.serviceBus !== undefined) return { kind: "serviceBus", name: source.serviceBus };
  if (source.eventHubs !== undefined) return { kind: "eventHubs", name: source.eventHubs };
  if (source.iotHub !== undefined) return { kind: "iotHub", name: source.iotHub };
  if (source.resourceId !== undefined) return { kind: "resourceId", resourceId: source.resourceId };
  throw new Error("internal: a system topic with no source survived validation");
}

export function resolveEventGridSystemTopic(
  ctx: ResolveContext,
  t: EventGridSystemTopicSpec,
  index: number,
): EventGridSystemTopic {
  const pointer = `/eventGrid/systemTopics/${index}`;
  return {
    name: t.name,
    azureName: azureNameOf("eventGridSystemTopic", ctx.naming, t),
    sourceResource: systemTopicSource(t.source),
    topicType: t.topicType,
    subscriptions: (t.subscriptions ?? []).map((s, j) =>
      eventSubscription(ctx, s, `${pointer}/subscriptions/${j}`),
    ),
    diagnostics: ctx.profile.namespace.diagnostics,
    tags: ctx.tags(t.tags),
    source: ctx.source(pointer),
  };
}

function broker(
  ctx: ResolveContext,
  mqtt: MqttSpec,
  pointer: string,
  gateways: readonly MqttClient[],
): MqttBroker {
  const d = ctx.profile.mqtt;
  return {
    topicSpaces: (mqtt.topicSpaces ?? []).map((s, i) => ({
      ...s,
      source: ctx.source(`${pointer}/topicSpaces/${i}`),
    })),
    clientGroups: (mqtt.clientGroups ?? []).map((g, i) => ({
      ...g,
      source: ctx.source(`${pointer}/clientGroups/${i}`),
    })),
    permissions: (mqtt.permissions ?? []).map((p, i) => ({
      name: permissionBindingName(p),
      clientGroup: p.clientGroup,
      topicSpace: p.topicSpace,
      role: p.role,
      source: ctx.source(`${pointer}/permissions/${i}`),
    })),
    clients: [
      ...(mqtt.clients ?? []).map((c, i) => ({
        name: c.name,
        // Azure uses the client's name to authenticate it unless told otherwise.
        authenticationName: c.authenticationName ?? c.name,
        certificateThumbprint: c.certificateThumbprint,
        certificateSubject: c.certificateSubject,
        attributes: c.attributes ?? {},
        enabled: c.enabled ?? true,
        source: ctx.source(`${pointer}/clients/${i}`),
      })),
      ...gateways,
    ],
    maxSessionExpiryHours: mqtt.maxSessionExpiryHours ?? d.maxSessionExpiryHours,
    maxClientSessionsPerAuthenticationName:
      mqtt.maxClientSessionsPerAuthenticationName ?? d.maxClientSessionsPerAuthenticationName,
    routeTo: mqtt.routeTo ? eventDestination(mqtt.routeTo) : undefined,
  };
}

/** `gateways`: the MQTT clients of edge sites, by the namespace they connect through. */
export function resolveEventGridNamespace(
  ctx: ResolveContext,
  ns: EventGridNamespaceSpec,
  index: number,
  gateways: ReadonlyMap<string, readonly MqttClient[]>,
): EventGridNamespace {
  const pointer = `/eventGrid/namespaces/${index}`;
  return {
    ...ctx.namespaceSettings(ns, pointer, {
      service: "eventGridNamespaces",
      azureName: azureNameOf("eventGridNamespace", ctx.naming, ns),
      privateEndpointSupported: namespaceCapabilities.privateEndpoint === true,
      customerManagedKeySupported: namespaceCapabilities.customerManagedKey === true,
      dnsZone: "eventGrid",
    }),
    sku: ns.sku ?? "Standard",
    capacity: ns.capacity ?? 1,
    mqtt: ns.mqtt ? broker(ctx, ns.mqtt, `${pointer}/mqtt`, gateways.get(ns.name) ?? []) : undefined,
    throughput: ns.throughput,
  };
}
