import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageContainer } from "@cdktf/provider-azurerm/lib/storage-container";
import type { AdvancedFilter } from "../constructs/event-grid/advanced-filter";
import type { EventDestination as ConstructDestination } from "../constructs/event-grid/destination";
import type { EventSubscriptionSource } from "../constructs/event-grid/event-source";
import { EventSubscription, type EventSubscriptionProps } from "../constructs/event-grid/event-subscription";
import {
  MqttClient,
  MqttClientGroup,
  MqttPermissionBinding,
  MqttTopicSpace,
} from "../constructs/event-grid/mqtt";
import { MqttRoute } from "../constructs/event-grid/mqtt-route";
import { EventGridNamespace } from "../constructs/event-grid/namespace";
import { EventGridSystemTopic } from "../constructs/event-grid/system-topic";
import { EventGridTopic } from "../constructs/event-grid/topic";
import type { PrivateEndpointOptions } from "../constructs/shared/shared-interfaces";
import type * as model from "../model/model";
import { mqttRouteTopicOf } from "../model/resource-names";
import type { AdvancedFilterSpec } from "../model/spec";
import type { BrokerChildren } from "./ids/broker-children";
import type { SubscriptionSource } from "./ids/stack-children";
import type { StackContext } from "./stack-context";

interface DeadLetterStore {
  readonly storageAccountId: string;
  readonly containerName: string;
  readonly containerResourceId: string;
}

/**
 * Event Grid's part of the stack: custom topics, system topics, their subscriptions, and
 * namespaces with the MQTT broker. Runs after Service Bus and Event Hubs, whose entities the
 * subscriptions and MQTT routes deliver to.
 */
export function addEventGrid(ctx: StackContext): void {
  const { topics, systemTopics, namespaces } = ctx.model.eventGrid;
  const deadLetters = lazyDeadLetterStore(ctx);

  for (const topic of topics) {
    const construct = new EventGridTopic(ctx.scope, ctx.ids.children.eventGridTopic(topic.name), {
      name: topic.azureName,
      label: topic.name,
      location: ctx.location,
      resourceGroupName: ctx.resourceGroupName,
      inputSchema: topic.inputSchema,
      inputMapping: topic.inputMapping,
      localAuth: topic.localAuth,
      publicNetworkAccess: topic.publicNetworkAccess,
      allowedIpRanges: topic.allowedIpRanges,
      userAssignedIdentityIds: topic.userAssignedIdentityIds,
      logAnalyticsWorkspaceId: topic.diagnostics ? ctx.logAnalyticsWorkspaceId : undefined,
      privateEndpoint: privateEndpointOf(topic.privateEndpoint),
      lock: topic.lock,
      preventDestroy: topic.preventDestroy,
      tags: topic.tags,
    });
    ctx.entities.registerNamespace("eventGridTopic", topic.name, construct.id);
    for (const sender of topic.senders) construct.grantSend(ctx.ids.grantees.grantee(sender));
    addSubscriptions(ctx, construct, { kind: "topic", name: topic.name }, topic.subscriptions, deadLetters);
  }

  for (const systemTopic of systemTopics) {
    const sourceResourceId = sourceIdOf(ctx, systemTopic.sourceResource);
    const construct = new EventGridSystemTopic(
      ctx.scope,
      ctx.ids.children.eventGridSystemTopic(systemTopic.name),
      {
        name: systemTopic.azureName,
        label: systemTopic.name,
        location: systemTopicLocation(ctx, systemTopic.sourceResource),
        resourceGroupName: ctx.resourceGroupName,
        sourceResourceId,
        topicType: systemTopic.topicType,
        logAnalyticsWorkspaceId: systemTopic.diagnostics ? ctx.logAnalyticsWorkspaceId : undefined,
        tags: systemTopic.tags,
      },
    );
    ctx.entities.registerNamespace("eventGridSystemTopic", systemTopic.name, construct.id);
    addSubscriptions(
      ctx,
      construct,
      { kind: "systemTopic", name: systemTopic.name },
      systemTopic.subscriptions,
      deadLetters,
    );
  }

  for (const namespace of namespaces) addNamespace(ctx, namespace);
}

function addSubscriptions(
  ctx: StackContext,
  source: EventSubscriptionSource,
  sourceName: SubscriptionSource,
  subscriptions: readonly model.EventSubscription[],
  deadLetters: (containerName: string) => DeadLetterStore,
): void {
  for (const subscription of subscriptions) {
    const filter = subscription.filter;
    const deadLetter = subscription.deadLetter;
    new EventSubscription(ctx.scope, ctx.ids.children.eventSubscription(sourceName, subscription.name), {
      name: subscription.name,
      source,
      destination: destinationOf(ctx, subscription.destination),
      filter: {
        includedEventTypes: nonEmpty(filter.includedEventTypes),
        subjectBeginsWith: filter.subjectBeginsWith || undefined,
        subjectEndsWith: filter.subjectEndsWith || undefined,
        caseSensitive: filter.caseSensitive || undefined,
        advanced: filter.advanced.map(advancedFilterOf),
        advancedFilteringOnArrays: filter.advancedFilteringOnArrays || undefined,
      },
      retry: subscription.retry,
      deadLetter: !deadLetter
        ? undefined
        : deadLetter.storageAccountId
          ? { storageAccountId: deadLetter.storageAccountId, container: deadLetter.container }
          : ownDeadLetter(deadLetters(deadLetter.container)),
      deliverySchema: subscription.deliverySchema,
      expiresOn: subscription.expiresOn,
      labels: subscription.labels,
    });
  }
}

function addNamespace(ctx: StackContext, namespace: model.EventGridNamespace): void {
  const mqtt = namespace.mqtt;
  const route =
    mqtt?.routeTo &&
    new MqttRoute(ctx.scope, ctx.ids.children.mqttRoute(namespace.name), {
      topicName: mqttRouteTopicOf(ctx.model.generatedNames, namespace.name),
      location: ctx.location,
      resourceGroupName: ctx.resourceGroupName,
      destination: destinationOf(ctx, mqtt.routeTo),
      publicNetworkAccess: namespace.publicNetworkAccess,
      logAnalyticsWorkspaceId: namespace.diagnostics ? ctx.logAnalyticsWorkspaceId : undefined,
      // The routing topic carries the broker's traffic, so it gets the namespace's protection; its
      // endpoint is named after the routing topic.
      privateEndpoint: namespace.privateEndpoint && {
        subnetId: namespace.privateEndpoint.subnetId,
        privateDnsZoneId: namespace.privateEndpoint.privateDnsZoneId,
      },
      lock: namespace.lock,
      preventDestroy: namespace.preventDestroy,
      tags: namespace.tags,
    });

  const construct = new EventGridNamespace(ctx.scope, ctx.ids.children.eventGridNamespace(namespace.name), {
    name: namespace.azureName,
    label: namespace.name,
    location: ctx.location,
    resourceGroupName: ctx.resourceGroupName,
    capacity: namespace.capacity,
    publicNetworkAccess: namespace.publicNetworkAccess,
    allowedIpRanges: namespace.allowedIpRanges,
    userAssignedIdentityIds: namespace.userAssignedIdentityIds,
    mqttEnabled: mqtt !== undefined,
    maxSessionExpiryHours: mqtt?.maxSessionExpiryHours,
    maxClientSessionsPerAuthenticationName: mqtt?.maxClientSessionsPerAuthenticationName,
    routeTopic: route ? route.topic : undefined,
    logAnalyticsWorkspaceId: namespace.diagnostics ? ctx.logAnalyticsWorkspaceId : undefined,
    privateEndpoint: privateEndpointOf(namespace.privateEndpoint),
    lock: namespace.lock,
    preventDestroy: namespace.preventDestroy,
    tags: namespace.tags,
  });
  ctx.entities.registerNamespace("eventGridNamespace", namespace.name, construct.id);
  ctx.entities.registerMqttBroker(namespace.name, construct);
  if (mqtt) addBroker(construct, mqtt, ctx.ids.broker(namespace.name));
}

function addBroker(namespace: EventGridNamespace, mqtt: model.MqttBroker, ids: BrokerChildren): void {
  const topicSpaces = new Map<string, MqttTopicSpace>();
  for (const space of mqtt.topicSpaces) {
    topicSpaces.set(
      space.name,
      new MqttTopicSpace(namespace, ids.topicSpace(space.name), {
        namespace,
        name: space.name,
        templates: space.templates,
        description: space.description,
      }),
    );
  }
  const clientGroups = new Map<string, MqttClientGroup>();
  for (const group of mqtt.clientGroups) {
    clientGroups.set(
      group.name,
      new MqttClientGroup(namespace, ids.clientGroup(group.name), {
        namespace,
        name: group.name,
        query: group.query,
        description: group.description,
      }),
    );
  }
  for (const permission of mqtt.permissions) {
    new MqttPermissionBinding(namespace, ids.permission(permission.name), {
      namespace,
      name: permission.name,
      clientGroup: found(clientGroups, permission.clientGroup, "client group"),
      topicSpace: found(topicSpaces, permission.topicSpace, "topic space"),
      role: permission.role,
    });
  }
  for (const client of mqtt.clients) {
    new MqttClient(namespace, ids.client(client.name), {
      namespace,
      name: client.name,
      // CA-chain validation compares the certificate subject with the authentication name.
      authenticationName: client.certificateThumbprint
        ? client.authenticationName
        : (client.certificateSubject ?? client.authenticationName),
      authentication: client.certificateThumbprint
        ? { kind: "thumbprint", thumbprints: [client.certificateThumbprint] }
        : { kind: "certificateChain", match: "Subject" },
      attributes: client.attributes,
      enabled: client.enabled,
    });
  }
}

/**
 * The environment's own dead-letter storage, created on first use: one account per environment,
 * one container per container name the resolved subscriptions use.
 */
function lazyDeadLetterStore(ctx: StackContext): (containerName: string) => DeadLetterStore {
  let account: StorageAccount | undefined;
  const containers = new Map<string, DeadLetterStore>();
  return (containerName) => {
    const existing = containers.get(containerName);
    if (existing) return existing;
    account ??= new StorageAccount(ctx.scope, "event-grid-dead-letter-storage", {
      name: ctx.model.generatedNames.deadLetterStorageAccount,
      location: ctx.location,
      resourceGroupName: ctx.resourceGroupName,
      accountTier: "Standard",
      accountReplicationType: ctx.model.tier === "production" ? "ZRS" : "LRS",
      accountKind: "StorageV2",
      // Entra ID only: Event Grid writes with its managed identity, readers use RBAC.
      sharedAccessKeyEnabled: false,
      defaultToOauthAuthentication: true,
      minTlsVersion: "TLS1_2",
      httpsTrafficOnlyEnabled: true,
      allowNestedItemsToBePublic: false,
      // Closed to the internet; Event Grid reaches it as a trusted Azure service.
      networkRules: { defaultAction: "Deny", bypass: ["AzureServices"] },
      tags: { ...ctx.model.tags },
    });
    const container = new StorageContainer(ctx.scope, `event-grid-dead-letter-container-${containerName}`, {
      name: containerName,
      storageAccountId: account.id,
      containerAccessType: "private",
    });
    const store = { storageAccountId: account.id, containerName, containerResourceId: container.id };
    containers.set(containerName, store);
    return store;
  };
}

function destinationOf(ctx: StackContext, destination: model.EventDestination): ConstructDestination {
  switch (destination.kind) {
    case "serviceBusQueue":
    case "serviceBusTopic":
    case "eventHub":
      return {
        kind: "deliveryTarget",
        target: ctx.entities.target(destination.kind, `${destination.namespace}/${destination.entity}`),
      };
    case "webhook":
      return {
        kind: "webhook",
        url: destination.url,
        maxEventsPerBatch: destination.maxEventsPerBatch,
        preferredBatchSizeKilobytes: destination.preferredBatchSizeKilobytes,
      };
    case "storageQueue":
      return {
        kind: "storageQueue",
        storageAccountId: destination.storageAccountId,
        queueName: destination.queueName,
        messageTtlSeconds: destination.messageTtlSeconds,
      };
    case "azureFunction":
      return {
        kind: "azureFunction",
        functionId: destination.functionId,
        maxEventsPerBatch: destination.maxEventsPerBatch,
        preferredBatchSizeKilobytes: destination.preferredBatchSizeKilobytes,
      };
  }
}

function sourceIdOf(ctx: StackContext, source: model.SystemTopicSource): string {
  return source.kind === "resourceId"
    ? source.resourceId
    : ctx.entities.namespaceId(source.kind, source.name);
}

/**
 * System topics live where their source does; sources above resource level (a subscription, a
 * resource group) publish from `global`. Declared sources are in the environment's region.
 */
function systemTopicLocation(ctx: StackContext, source: model.SystemTopicSource): string {
  if (source.kind === "resourceId" && !source.resourceId.toLowerCase().includes("/providers/"))
    return "global";
  return ctx.location;
}

/** The construct's operator-shaped filter from the file's `{ key, operator, value | values }`. */
function advancedFilterOf(spec: AdvancedFilterSpec): AdvancedFilter {
  const values = spec.values ?? (spec.value === undefined ? [] : [spec.value]);
  const { key, operator } = spec;
  switch (operator) {
    case "BoolEquals":
      return { key, operator, value: spec.value === true };
    case "IsNotNull":
    case "IsNullOrUndefined":
      return { key, operator };
    case "NumberGreaterThan":
    case "NumberGreaterThanOrEquals":
    case "NumberLessThan":
    case "NumberLessThanOrEquals":
      return { key, operator, value: Number(spec.value) };
    case "NumberIn":
    case "NumberNotIn":
      return { key, operator, values: values.map(Number) };
    case "NumberInRange":
    case "NumberNotInRange":
      return {
        key,
        operator,
        values: values.map((range) =>
          Array.isArray(range) ? [Number(range[0]), Number(range[1])] : [Number(range), Number(range)],
        ),
      };
    default:
      return { key, operator, values: values.map(String) };
  }
}

/** The model's private endpoint, under the Azure name the model gave it. */
function privateEndpointOf(
  settings: model.PrivateEndpointSettings | undefined,
): PrivateEndpointOptions | undefined {
  return (
    settings && {
      name: settings.azureName,
      subnetId: settings.subnetId,
      privateDnsZoneId: settings.privateDnsZoneId,
    }
  );
}

/** The environment's own dead-letter container, as a subscription names it. */
function ownDeadLetter(store: DeadLetterStore): EventSubscriptionProps["deadLetter"] {
  return {
    storageAccountId: store.storageAccountId,
    container: store.containerName,
    containerResourceId: store.containerResourceId,
  };
}

function nonEmpty(list: readonly string[]): readonly string[] | undefined {
  return list.length > 0 ? list : undefined;
}

function found<T>(map: ReadonlyMap<string, T>, name: string, what: string): T {
  const value = map.get(name);
  // The semantic checks reject references to undeclared names before synthesis.
  if (value === undefined) throw new Error(`internal: ${what} ${name} was referenced but not declared`);
  return value;
}
