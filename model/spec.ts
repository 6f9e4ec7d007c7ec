/**
 * What an environment file says, field for field, after the schema has accepted it.
 * `model/environment.schema.json` is the authority on shape, descriptions and allowed values;
 * these types mirror it so the resolver can read a validated document without casts.
 * Optional fields are the ones the tier profile or Azure supplies a default for.
 */

import type { AdvancedFilterOperator } from "../azure/event-grid-subscriptions";
import type {
  DeviceThroughput,
  EventThroughput,
  MessageThroughput,
  MqttThroughput,
  StreamThroughput,
} from "./throughput";

export type Tier = "development" | "production";
export type PrincipalType = "ServicePrincipal" | "Group" | "User";

export interface PrincipalSpec {
  readonly objectId: string;
  readonly type: PrincipalType;
}

/** Data-plane access to an entity, by principal name from `principals`. */
export interface GrantsSpec {
  readonly senders?: readonly string[];
  readonly receivers?: readonly string[];
  readonly owners?: readonly string[];
}

/** Settings every namespace-like resource shares. */
export interface NamespaceCommonSpec extends GrantsSpec {
  readonly name: string;
  readonly resourceName?: string;
  readonly localAuth?: boolean;
  readonly publicNetworkAccess?: boolean;
  readonly allowedIpRanges?: readonly string[];
  readonly trustedServicesAllowed?: boolean;
  readonly privateEndpoint?: boolean;
  readonly diagnostics?: boolean;
  readonly lock?: boolean;
  readonly userAssignedIdentityIds?: readonly string[];
  readonly customerManagedKey?: boolean;
  readonly tags?: Readonly<Record<string, string>>;
}

export interface NamingSpec {
  readonly prefix: string;
  readonly workload?: string;
}

export interface StateSpec {
  readonly resourceGroup: string;
  readonly storageAccount: string;
  readonly container: string;
  readonly key?: string;
}

export interface PrivateDnsZoneIdsSpec {
  readonly serviceBus?: string;
  readonly eventHubs?: string;
  readonly eventGrid?: string;
  readonly iotHub?: string;
  readonly deviceProvisioning?: string;
  readonly relay?: string;
  /** Logic Apps Standard: `privatelink.azurewebsites.net`. */
  readonly logicApps?: string;
  /** The runtime storage of Logic Apps Standard, per storage service. */
  readonly storageBlob?: string;
  readonly storageFile?: string;
  readonly storageQueue?: string;
  readonly storageTable?: string;
}

export interface NetworkSpec {
  readonly privateEndpointSubnetId: string;
  readonly integrationSubnetId?: string;
  readonly privateDnsZoneIds?: PrivateDnsZoneIdsSpec;
}

/** How CI deploys the environment (`deploy:`): one name or a list where a list is allowed. */
export interface DeploySpec {
  readonly after?: string | readonly string[];
  readonly runsOn?: string | readonly string[];
}

export interface EncryptionSpec {
  readonly keyVaultKeyId: string;
  readonly identityId: string;
  readonly infrastructureEncryption?: boolean;
}

export interface AlertOverridesSpec {
  readonly serviceBusDeadLetteredMessages?: number;
  readonly serviceBusActiveMessages?: number;
  readonly serviceBusThrottledRequests?: number;
  readonly serviceBusServerErrors?: number;
  readonly serviceBusCpuPercent?: number;
  readonly serviceBusMemoryPercent?: number;
  readonly eventHubsThrottledRequests?: number;
  readonly eventHubsServerErrors?: number;
  readonly eventHubsCaptureBacklog?: number;
  readonly eventHubsIncomingOutgoingGap?: number;
  readonly eventGridDroppedEvents?: number;
  readonly eventGridDeadLetteredEvents?: number;
  readonly eventGridDeliveryFailures?: number;
  readonly iotHubDroppedTelemetry?: number;
  readonly iotHubOrphanedTelemetry?: number;
  readonly iotHubThrottlingErrors?: number;
  readonly relayListenerErrors?: number;
  readonly authorizationFailures?: number;
  readonly streamAnalyticsRuntimeErrors?: number;
  readonly streamAnalyticsDeserializationErrors?: number;
  readonly streamAnalyticsWatermarkDelaySeconds?: number;
  readonly streamAnalyticsUtilizationPercent?: number;
  readonly logicAppFailedRuns?: number;
}

export interface WebhookReceiverSpec {
  readonly name: string;
  readonly url: string;
}

export interface MonitoringSpec {
  readonly logAnalyticsWorkspaceId?: string;
  readonly retentionDays?: number;
  readonly alertEmails?: readonly string[];
  readonly webhooks?: readonly WebhookReceiverSpec[];
  readonly alerts?: AlertOverridesSpec;
}

export interface BudgetSpec {
  readonly monthlyAmount: number;
  readonly alertEmails: readonly string[];
  readonly startDate?: string;
}

// ---------------------------------------------------------------- Service Bus

export type ServiceBusSku = "Basic" | "Standard" | "Premium";

export interface SqlFilterSpec {
  readonly sql: string;
  readonly action?: string;
}

export interface CorrelationFilterSpec {
  readonly correlation: {
    readonly label?: string;
    readonly correlationId?: string;
    readonly messageId?: string;
    readonly to?: string;
    readonly replyTo?: string;
    readonly replyToSessionId?: string;
    readonly sessionId?: string;
    readonly contentType?: string;
    readonly properties?: Readonly<Record<string, string>>;
  };
  readonly action?: string;
}

export type SubscriptionFilterSpec = SqlFilterSpec | CorrelationFilterSpec;

export type SubscriptionRuleSpec = SubscriptionFilterSpec & { readonly name: string };

export interface ServiceBusQueueSpec extends GrantsSpec {
  readonly name: string;
  readonly sessions?: boolean;
  readonly duplicateDetection?: string;
  readonly maxDeliveryCount?: number;
  readonly lockDuration?: string;
  readonly messageTtl?: string;
  readonly deadLetterOnExpiration?: boolean;
  readonly forwardTo?: string;
  readonly forwardDeadLetteredTo?: string;
  readonly maxSizeMegabytes?: number;
  readonly maxMessageSizeKilobytes?: number;
  readonly partitioned?: boolean;
  readonly batchedOperations?: boolean;
  readonly autoDeleteOnIdle?: string;
  readonly status?: "Active" | "Disabled" | "SendDisabled" | "ReceiveDisabled";
  readonly throughput?: MessageThroughput;
}

export interface ServiceBusSubscriptionSpec extends GrantsSpec {
  readonly name: string;
  readonly maxDeliveryCount?: number;
  readonly lockDuration?: string;
  readonly messageTtl?: string;
  readonly deadLetterOnExpiration?: boolean;
  readonly deadLetterOnFilterEvaluationError?: boolean;
  readonly sessions?: boolean;
  readonly forwardTo?: string;
  readonly forwardDeadLetteredTo?: string;
  readonly autoDeleteOnIdle?: string;
  readonly batchedOperations?: boolean;
  readonly filter?: SubscriptionFilterSpec;
  readonly rules?: readonly SubscriptionRuleSpec[];
  readonly status?: "Active" | "Disabled" | "ReceiveDisabled";
}

export interface ServiceBusTopicSpec extends GrantsSpec {
  readonly name: string;
  readonly duplicateDetection?: string;
  readonly messageTtl?: string;
  readonly maxSizeMegabytes?: number;
  readonly maxMessageSizeKilobytes?: number;
  readonly partitioned?: boolean;
  readonly batchedOperations?: boolean;
  readonly supportOrdering?: boolean;
  readonly autoDeleteOnIdle?: string;
  readonly status?: "Active" | "Disabled" | "SendDisabled";
  readonly subscriptions?: readonly ServiceBusSubscriptionSpec[];
  readonly throughput?: MessageThroughput;
}

export interface AutoscaleSpec {
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly scaleOutCpuPercent?: number;
  readonly scaleInCpuPercent?: number;
}

export interface ServiceBusNamespaceSpec extends NamespaceCommonSpec {
  readonly sku: ServiceBusSku;
  readonly capacity?: number;
  readonly partitions?: number;
  readonly zoneRedundant?: boolean;
  readonly geoDisasterRecovery?: boolean;
  readonly autoscale?: AutoscaleSpec;
  readonly queues?: readonly ServiceBusQueueSpec[];
  readonly topics?: readonly ServiceBusTopicSpec[];
}

// ---------------------------------------------------------------- Event Hubs

export type EventHubsSku = "Basic" | "Standard" | "Premium";

export interface CaptureSpec {
  readonly intervalSeconds?: number;
  readonly sizeLimitBytes?: number;
  readonly archiveNameFormat?: string;
  readonly skipEmptyArchives?: boolean;
  readonly storageAccountId?: string;
  readonly container?: string;
  readonly retentionDays?: number;
}

export interface ConsumerGroupSpec {
  readonly name: string;
  readonly userMetadata?: string;
  readonly receivers?: readonly string[];
}

export interface RetentionDescriptionSpec {
  readonly cleanupPolicy: "Delete" | "Compact";
  readonly retentionHours?: number;
  readonly tombstoneRetentionHours?: number;
}

export interface EventHubSpec extends GrantsSpec {
  readonly name: string;
  readonly partitions?: number;
  readonly retentionDays?: number;
  readonly retention?: RetentionDescriptionSpec;
  readonly status?: "Active" | "Disabled" | "SendDisabled";
  readonly eventSourced?: boolean;
  readonly capture?: CaptureSpec;
  readonly consumerGroups?: readonly (string | ConsumerGroupSpec)[];
  readonly throughput?: EventThroughput;
}

export interface SchemaGroupSpec {
  readonly name: string;
  readonly compatibility: "None" | "Backward" | "Forward";
  readonly type: "Avro" | "Json";
}

export interface EventHubsNamespaceSpec extends NamespaceCommonSpec {
  readonly sku: EventHubsSku;
  readonly capacity?: number;
  readonly autoInflateMaxCapacity?: number;
  readonly dedicatedClusterId?: string;
  readonly dedicatedCluster?: { readonly name: string; readonly capacity?: number };
  readonly kafka?: boolean;
  readonly zoneRedundant?: boolean;
  readonly geoDisasterRecovery?: boolean;
  readonly hubs?: readonly EventHubSpec[];
  readonly schemaGroups?: readonly SchemaGroupSpec[];
}

// ---------------------------------------------------------------- Event Grid

/** A destination of an event subscription or a route: exactly one key is set. */
export interface EventDestinationSpec {
  readonly serviceBusQueue?: string;
  readonly serviceBusTopic?: string;
  readonly eventHub?: string;
  readonly webhook?: {
    readonly url: string;
    readonly maxEventsPerBatch?: number;
    readonly preferredBatchSizeKilobytes?: number;
  };
  readonly storageQueue?: {
    readonly storageAccountId: string;
    readonly queueName: string;
    readonly messageTtlSeconds?: number;
  };
  readonly azureFunction?: {
    readonly functionId: string;
    readonly maxEventsPerBatch?: number;
    readonly preferredBatchSizeKilobytes?: number;
  };
}

/** Azure's advanced filter operators, which the schema's `operator` enum lists too. */
export type { AdvancedFilterOperator };

export interface AdvancedFilterSpec {
  readonly key: string;
  readonly operator: AdvancedFilterOperator;
  readonly value?: string | number | boolean;
  readonly values?: readonly (string | number | readonly [number, number])[];
}

export interface EventFilterSpec {
  readonly includedEventTypes?: readonly string[];
  readonly subjectBeginsWith?: string;
  readonly subjectEndsWith?: string;
  readonly caseSensitive?: boolean;
  readonly advanced?: readonly AdvancedFilterSpec[];
  readonly advancedFilteringOnArrays?: boolean;
}

export interface EventSubscriptionSpec {
  readonly name: string;
  readonly destination: EventDestinationSpec;
  readonly filter?: EventFilterSpec;
  readonly retry?: { readonly maxDeliveryAttempts?: number; readonly eventTimeToLiveMinutes?: number };
  readonly deadLetter?: boolean | { readonly storageAccountId: string; readonly container: string };
  readonly deliverySchema?: "EventGridSchema" | "CloudEventSchemaV1_0" | "CustomInputSchema";
  readonly expiresOn?: string;
  readonly labels?: readonly string[];
}

export interface InputMappingSpec {
  readonly id?: string;
  readonly topic?: string;
  readonly eventTime?: string;
  readonly eventType?: string;
  readonly subject?: string;
  readonly dataVersion?: string;
  readonly defaultEventType?: string;
  readonly defaultSubject?: string;
  readonly defaultDataVersion?: string;
}

export interface EventGridTopicSpec extends NamespaceCommonSpec {
  readonly inputSchema?: "CloudEventSchemaV1_0" | "EventGridSchema" | "CustomEventSchema";
  readonly inputMapping?: InputMappingSpec;
  readonly subscriptions?: readonly EventSubscriptionSpec[];
}

export interface SystemTopicSourceSpec {
  readonly resourceId?: string;
  readonly serviceBus?: string;
  readonly eventHubs?: string;
  readonly iotHub?: string;
}

export interface EventGridSystemTopicSpec {
  readonly name: string;
  readonly resourceName?: string;
  readonly source: SystemTopicSourceSpec;
  readonly topicType: string;
  readonly subscriptions?: readonly EventSubscriptionSpec[];
  readonly tags?: Readonly<Record<string, string>>;
}

export interface MqttTopicSpaceSpec {
  readonly name: string;
  readonly templates: readonly string[];
  readonly description?: string;
}

export interface MqttClientGroupSpec {
  readonly name: string;
  readonly query: string;
  readonly description?: string;
}

export interface MqttPermissionSpec {
  readonly name?: string;
  readonly clientGroup: string;
  readonly topicSpace: string;
  readonly role: "publisher" | "subscriber";
}

export interface MqttClientSpec {
  readonly name: string;
  readonly authenticationName?: string;
  readonly certificateThumbprint?: string;
  readonly certificateSubject?: string;
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
  readonly enabled?: boolean;
}

export interface MqttSpec {
  readonly topicSpaces?: readonly MqttTopicSpaceSpec[];
  readonly clientGroups?: readonly MqttClientGroupSpec[];
  readonly permissions?: readonly MqttPermissionSpec[];
  readonly clients?: readonly MqttClientSpec[];
  readonly maxSessionExpiryHours?: number;
  readonly maxClientSessionsPerAuthenticationName?: number;
  readonly routeTo?: EventDestinationSpec;
}

export interface EventGridNamespaceSpec extends NamespaceCommonSpec {
  readonly sku?: "Standard";
  readonly capacity?: number;
  readonly mqtt?: MqttSpec;
  readonly throughput?: MqttThroughput;
}

export interface EventGridSpec {
  readonly topics?: readonly EventGridTopicSpec[];
  readonly systemTopics?: readonly EventGridSystemTopicSpec[];
  readonly namespaces?: readonly EventGridNamespaceSpec[];
}

// ---------------------------------------------------------------- Relay

export interface HybridConnectionSpec {
  readonly name: string;
  readonly requiresClientAuthorization?: boolean;
  readonly userMetadata?: string;
  readonly listeners?: readonly string[];
  readonly senders?: readonly string[];
  readonly owners?: readonly string[];
}

export interface WcfRelaySpec {
  readonly name: string;
  readonly relayType: "NetTcp" | "Http";
  readonly requiresClientAuthorization?: boolean;
  readonly requiresTransportSecurity?: boolean;
  readonly userMetadata?: string;
  readonly listeners?: readonly string[];
  readonly senders?: readonly string[];
}

export interface RelayNamespaceSpec extends NamespaceCommonSpec {
  readonly sku?: "Standard";
  readonly hybridConnections?: readonly HybridConnectionSpec[];
  readonly wcfRelays?: readonly WcfRelaySpec[];
}

// ---------------------------------------------------------------- IoT Hub

export type IotHubSku = "F1" | "B1" | "B2" | "B3" | "S1" | "S2" | "S3";

export interface IotRouteSpec {
  readonly name: string;
  readonly source:
    | "DeviceMessages"
    | "TwinChangeEvents"
    | "DeviceLifecycleEvents"
    | "DeviceJobLifecycleEvents"
    | "DeviceConnectionStateEvents"
    | "DigitalTwinChangeEvents";
  readonly condition?: string;
  readonly to: {
    readonly eventHub?: string;
    readonly serviceBusQueue?: string;
    readonly serviceBusTopic?: string;
    readonly storageContainer?: {
      readonly storageAccountId: string;
      readonly container: string;
      readonly encoding?: "Avro" | "AvroDeflate" | "JSON";
      readonly fileNameFormat?: string;
      readonly batchFrequencySeconds?: number;
      readonly maxChunkSizeBytes?: number;
    };
  };
  readonly enabled?: boolean;
}

export interface IotEnrichmentSpec {
  readonly key: string;
  readonly value: string;
  readonly routes: readonly string[];
}

export interface IotFileUploadSpec {
  readonly storageAccountId: string;
  readonly container: string;
  readonly sasTtl?: string;
  readonly notifications?: boolean;
  readonly lockDuration?: string;
  readonly defaultTtl?: string;
  readonly maxDeliveryCount?: number;
}

export interface IotCloudToDeviceSpec {
  readonly maxDeliveryCount?: number;
  readonly defaultTtl?: string;
  readonly feedback?: {
    readonly timeToLive?: string;
    readonly maxDeliveryCount?: number;
    readonly lockDuration?: string;
  };
}

export interface DeviceProvisioningSpec {
  readonly resourceName?: string;
  readonly allocationPolicy?: "Hashed" | "GeoLatency" | "Static";
  readonly capacity?: number;
  readonly dataResidency?: boolean;
}

export interface IotHubSpec extends NamespaceCommonSpec {
  readonly sku: IotHubSku;
  readonly capacity?: number;
  readonly partitions?: number;
  readonly retentionDays?: number;
  readonly routes?: readonly IotRouteSpec[];
  readonly fallbackRoute?: boolean;
  readonly enrichments?: readonly IotEnrichmentSpec[];
  readonly consumerGroups?: readonly string[];
  readonly fileUpload?: IotFileUploadSpec;
  readonly cloudToDevice?: IotCloudToDeviceSpec;
  readonly deviceProvisioning?: DeviceProvisioningSpec;
  readonly throughput?: DeviceThroughput;
}

// ---------------------------------------------------------------- Stream Analytics

/** Streaming units in the SKU's own unit: SU V1 on Standard, SU V2 on StandardV2 (`"1/3"`, `"2/3"`, 1, 2, ...). */
export type StreamingUnitsSpec = number | "1/3" | "2/3";

export interface StreamAnalyticsInputSpec {
  readonly alias: string;
  /** `<namespace>/<hub>` of an event hub in this file. */
  readonly eventHub?: string;
  /** An IoT hub of this file, by name. */
  readonly iotHub?: string;
  readonly consumerGroup: string;
  readonly serialization?: "Json" | "Csv" | "Avro";
}

export interface StreamAnalyticsBlobOutputSpec {
  readonly storageAccountId: string;
  readonly container: string;
  readonly pathPattern?: string;
}

export interface StreamAnalyticsOutputSpec {
  readonly alias: string;
  readonly serviceBusQueue?: string;
  readonly serviceBusTopic?: string;
  readonly eventHub?: string;
  readonly blob?: StreamAnalyticsBlobOutputSpec;
  readonly serialization?: "Json" | "Csv" | "Avro" | "Parquet";
}

export interface StreamAnalyticsJobSpec {
  readonly name: string;
  readonly resourceName?: string;
  readonly sku: "Standard" | "StandardV2";
  readonly streamingUnits: StreamingUnitsSpec;
  /** The query file, relative to the environment file. */
  readonly query: string;
  readonly compatibilityLevel?: "1.0" | "1.1" | "1.2";
  readonly eventsOutOfOrderPolicy?: "Adjust" | "Drop";
  readonly eventsOutOfOrderMaxDelaySeconds?: number;
  readonly lateArrivalMaxDelaySeconds?: number;
  readonly outputErrorPolicy?: "Stop" | "Drop";
  readonly dataLocale?: string;
  readonly inputs: readonly StreamAnalyticsInputSpec[];
  readonly outputs: readonly StreamAnalyticsOutputSpec[];
  /** What the inputs carry in: `checkCapacity` sizes the job's streaming units from it. */
  readonly throughput?: StreamThroughput;
  readonly diagnostics?: boolean;
  readonly lock?: boolean;
  readonly tags?: Readonly<Record<string, string>>;
}

// ---------------------------------------------------------------- Logic Apps

export type LogicAppHosting = "Consumption" | "Standard";

export interface LogicAppWorkflowSpec {
  readonly name: string;
  /** Path of the Workflow Definition Language file, relative to the environment file. */
  readonly definition: string;
}

export interface LogicAppSpec {
  readonly name: string;
  readonly hosting: LogicAppHosting;
  readonly resourceName?: string;
  readonly sku?: "WS1" | "WS2" | "WS3";
  readonly workflows: readonly LogicAppWorkflowSpec[];
  /** Connection name (as the definitions use it) → namespace (`orders`, or `serviceBus/orders`). */
  readonly connections?: Readonly<Record<string, string>>;
  readonly receives?: readonly string[];
  readonly sends?: readonly string[];
  readonly publicNetworkAccess?: boolean;
  readonly diagnostics?: boolean;
  readonly tags?: Readonly<Record<string, string>>;
}

// ---------------------------------------------------------------- Edge sites, waivers, smoke

export interface SiteSpec {
  readonly name: string;
  readonly mqttClient: {
    readonly namespace: string;
    readonly certificateThumbprint?: string;
    readonly certificateSubject?: string;
    readonly attributes?: Readonly<Record<string, string | number | boolean>>;
  };
  readonly topicPrefix?: string;
  readonly qos?: 0 | 1;
  readonly offlineBufferHours?: number;
  readonly route?: string;
}

export interface WaiverSpec {
  readonly rule: string;
  readonly resource: string;
  readonly reason: string;
  readonly expires: string;
}

export interface AllowDestroySpec {
  readonly resource: string;
  readonly reason: string;
}

export interface SmokeSpec {
  readonly serviceBusQueue?: string;
  readonly eventHub?: string;
  readonly consumerGroup?: string;
}

export interface EnvironmentSpec {
  readonly name: string;
  readonly tier: Tier;
  readonly location: string;
  readonly secondaryLocation?: string;
  readonly resourceGroupName?: string;
  readonly naming: NamingSpec;
  readonly tags?: Readonly<Record<string, string>>;
  readonly state?: StateSpec;
  readonly deploy?: DeploySpec;
  readonly network?: NetworkSpec;
  readonly encryption?: EncryptionSpec;
  readonly monitoring?: MonitoringSpec;
  readonly budget?: BudgetSpec;
  readonly principals?: Readonly<Record<string, PrincipalSpec>>;
  readonly serviceBus?: readonly ServiceBusNamespaceSpec[];
  readonly eventHubs?: readonly EventHubsNamespaceSpec[];
  readonly eventGrid?: EventGridSpec;
  readonly relay?: readonly RelayNamespaceSpec[];
  readonly iotHub?: readonly IotHubSpec[];
  readonly streamAnalytics?: readonly StreamAnalyticsJobSpec[];
  readonly sites?: readonly SiteSpec[];
  readonly logicApps?: readonly LogicAppSpec[];
  readonly waivers?: readonly WaiverSpec[];
  readonly allowDestroy?: readonly AllowDestroySpec[];
  readonly smoke?: SmokeSpec;
}
