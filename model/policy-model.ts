/**
 * The parts of the environment model that policies, reports, the topology and the connection
 * catalog read. Each is a `Pick` of the model's own types, so a real `EnvironmentModel` is always
 * one of these, and tests can build small models without inventing the fields nobody here reads.
 */
import type * as model from "./model";

type GrantFields = "senders" | "receivers" | "owners";
type Declared<T extends { readonly source: model.SourceLocation }> = Pick<T, "source">;

export type PolicySubscription = Pick<model.ServiceBusSubscription, "name" | "receivers" | "forwardTo"> &
  Declared<model.ServiceBusSubscription>;
export type PolicyTopic = Pick<model.ServiceBusTopic, "name" | GrantFields> &
  Declared<model.ServiceBusTopic> & { readonly subscriptions: readonly PolicySubscription[] };
export type PolicyQueue = Pick<
  model.ServiceBusQueue,
  "name" | GrantFields | "forwardTo" | "forwardDeadLetteredTo"
> &
  Declared<model.ServiceBusQueue>;
export type PolicyNamespace = Pick<
  model.NamespaceSettings,
  "name" | "azureName" | "source" | "privateEndpoint" | GrantFields
>;
/** The paired namespace and alias of geo-disaster recovery: they belong to the declaration of their primary. */
type GeoPairing = {
  readonly geoDisasterRecovery?: { readonly secondaryAzureName: string; readonly aliasName: string };
};

export type PolicyServiceBus = PolicyNamespace &
  GeoPairing & {
    readonly queues: readonly PolicyQueue[];
    readonly topics: readonly PolicyTopic[];
  };

/** Written out: the model's consumer group intersects the spec's `receivers` (names) with principals. */
export interface PolicyConsumerGroup {
  readonly name: string;
  readonly receivers: readonly model.Principal[];
  readonly source: model.SourceLocation;
}
export type PolicyEventHub = Pick<model.EventHub, "name" | "source" | "eventSourced" | GrantFields> & {
  readonly consumerGroups: readonly PolicyConsumerGroup[];
};
export type PolicyEventHubs = PolicyNamespace &
  GeoPairing &
  Pick<model.EventHubsNamespace, "kafka"> & {
    readonly hubs: readonly PolicyEventHub[];
    readonly schemaGroups: readonly Pick<model.SchemaGroup, "name" | "source">[];
  };

export type PolicyEventSubscription = Pick<model.EventSubscription, "name" | "source" | "destination">;
export type PolicyEventGridTopic = PolicyNamespace & {
  readonly subscriptions: readonly PolicyEventSubscription[];
};
export type PolicySystemTopic = Pick<model.EventGridSystemTopic, "name" | "azureName" | "source"> & {
  readonly subscriptions: readonly PolicyEventSubscription[];
};
export interface PolicyMqttBroker {
  readonly topicSpaces: readonly Pick<model.MqttTopicSpace, "name" | "source">[];
  readonly clientGroups: readonly Pick<model.MqttClientGroup, "name" | "source">[];
  /** Declared clients and the gateways of edge sites (located at their site). */
  readonly clients: readonly Pick<model.MqttClient, "name" | "source">[];
  readonly routeTo?: model.EventDestination;
}
export type PolicyEventGridNamespace = PolicyNamespace & { readonly mqtt?: PolicyMqttBroker };

export type PolicyHybridConnection = Pick<
  model.HybridConnection,
  "name" | "source" | "listeners" | "senders"
>;
export type PolicyWcfRelay = Pick<model.WcfRelay, "name" | "source" | "listeners" | "senders">;
export type PolicyRelay = PolicyNamespace & {
  readonly hybridConnections: readonly PolicyHybridConnection[];
  readonly wcfRelays: readonly PolicyWcfRelay[];
};

export type PolicyIotRoute = Pick<model.IotRoute, "name" | "source" | "target" | "condition">;
export type PolicyIotHub = PolicyNamespace & { readonly routes: readonly PolicyIotRoute[] };

/** Absent in models built before Stream Analytics (tests' hand-built ones): no jobs. */
export type PolicyStreamAnalyticsJob = Pick<
  model.StreamAnalyticsJob,
  "name" | "azureName" | "source" | "inputs" | "outputs" | "outputErrorPolicy"
>;

export type PolicySite = Pick<
  model.Site,
  "name" | "namespace" | "clientName" | "source" | "offlineBufferHours" | "cloudCoverage"
>;
export type PolicyWaiver = Pick<model.Waiver, "rule" | "resource" | "reason" | "expires" | "source">;

/** What the policy engine, the reports, the topology and the connection catalog know of one environment. */
export type PolicyLogicApp = Pick<
  model.LogicApp,
  | "name"
  | "azureName"
  | "source"
  | "hosting"
  | "workflows"
  | "connections"
  | "receives"
  | "sends"
  | "standard"
>;

export interface PolicyModel {
  readonly file: string;
  readonly name: string;
  readonly tier: model.Tier;
  readonly location: string;
  readonly monitoring: Pick<model.Monitoring, "retentionDays" | "logAnalyticsWorkspaceId">;
  readonly serviceBus: readonly PolicyServiceBus[];
  readonly eventHubs: readonly PolicyEventHubs[];
  readonly eventGrid: {
    readonly topics: readonly PolicyEventGridTopic[];
    readonly systemTopics: readonly PolicySystemTopic[];
    readonly namespaces: readonly PolicyEventGridNamespace[];
  };
  readonly relay: readonly PolicyRelay[];
  readonly iotHub: readonly PolicyIotHub[];
  readonly streamAnalytics?: readonly PolicyStreamAnalyticsJob[];
  readonly sites: readonly PolicySite[];
  /** Absent in hand-built models that declare no logic apps. */
  readonly logicApps?: readonly PolicyLogicApp[];
  readonly waivers: readonly PolicyWaiver[];
}
