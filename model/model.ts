/**
 * The environment model: one validated, fully resolved environment file. Stacks, diagrams,
 * smoke tests and reports all read this; none of them parse YAML. Every default the tier
 * profile supplies has been applied, so no consumer has to guess what an absent field means.
 */
import type { EntityUse } from "../azure/logic-app-rules";
import type { ConnectedService, WorkflowStandardSku } from "../azure/logic-apps";
import type { Json } from "../azure/workflow-definition";
import type * as spec from "./spec";
import type { DeviceThroughput, MqttThroughput, StreamThroughput } from "./throughput";

export type { Tier, PrincipalType } from "./spec";

/** Where a thing was declared, for error messages, SARIF locations and reports. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** JSON pointer into the environment document, e.g. `/serviceBus/0/queues/1`. */
  readonly pointer: string;
}

/**
 * Makes every field required except the ones named, which stay optional: absent means off or
 * none (no duplicate detection, no forwarding), never "use some default".
 */
export type Resolved<T, Optional extends keyof T = never> = Required<Omit<T, Optional>> & Pick<T, Optional>;

export interface Principal {
  readonly name: string;
  readonly objectId: string;
  readonly type: spec.PrincipalType;
}

export interface Grants {
  readonly senders: readonly Principal[];
  readonly receivers: readonly Principal[];
  readonly owners: readonly Principal[];
}

interface Declared {
  readonly source: SourceLocation;
}

export interface PrivateEndpointSettings {
  /** Azure name of the endpoint (`azure/naming.ts`, privateEndpointName). */
  readonly azureName: string;
  readonly subnetId: string;
  /** The private DNS zone the endpoint's zone group registers in; absent when none is given. */
  readonly privateDnsZoneId?: string;
}

export interface CustomerManagedKeySettings {
  readonly keyVaultKeyId: string;
  readonly identityId: string;
  readonly infrastructureEncryption: boolean;
}

/** The security, network and operations settings every namespace-like resource resolves to. */
export interface NamespaceSettings extends Declared, Grants {
  /** Logical name used in references (`orders/payments`). */
  readonly name: string;
  /** The Azure resource name (naming convention or `resourceName`). */
  readonly azureName: string;
  readonly localAuth: boolean;
  readonly publicNetworkAccess: boolean;
  readonly allowedIpRanges: readonly string[];
  readonly trustedServicesAllowed: boolean;
  readonly minimumTlsVersion: "1.2";
  /** Private endpoint settings, absent when the namespace gets none. */
  readonly privateEndpoint?: PrivateEndpointSettings;
  readonly diagnostics: boolean;
  readonly lock: boolean;
  readonly preventDestroy: boolean;
  readonly userAssignedIdentityIds: readonly string[];
  /** Customer-managed key settings, absent when the namespace uses Microsoft-managed keys. */
  readonly customerManagedKey?: CustomerManagedKeySettings;
  readonly tags: Readonly<Record<string, string>>;
}

// ---------------------------------------------------------------- Service Bus

export type SubscriptionRule = spec.SubscriptionRuleSpec;

export type ServiceBusQueue = Resolved<
  Omit<spec.ServiceBusQueueSpec, keyof spec.GrantsSpec>,
  | "forwardTo"
  | "forwardDeadLetteredTo"
  | "autoDeleteOnIdle"
  | "maxMessageSizeKilobytes"
  | "duplicateDetection"
  | "throughput"
> &
  Grants &
  Declared & { readonly preventDestroy: boolean };

export type ServiceBusSubscription = Resolved<
  Omit<spec.ServiceBusSubscriptionSpec, keyof spec.GrantsSpec | "filter" | "rules">,
  "forwardTo" | "forwardDeadLetteredTo" | "autoDeleteOnIdle"
> &
  Grants &
  Declared & {
    /** Filter rules; a single declared `filter` becomes the rule `$Default`, replacing Azure's catch-all. */
    readonly rules: readonly SubscriptionRule[];
    readonly preventDestroy: boolean;
  };

export type ServiceBusTopic = Resolved<
  Omit<spec.ServiceBusTopicSpec, keyof spec.GrantsSpec | "subscriptions">,
  "autoDeleteOnIdle" | "maxMessageSizeKilobytes" | "duplicateDetection" | "throughput"
> &
  Grants &
  Declared & {
    readonly subscriptions: readonly ServiceBusSubscription[];
    readonly preventDestroy: boolean;
  };

export interface ServiceBusNamespace extends NamespaceSettings {
  readonly sku: spec.ServiceBusSku;
  /** Messaging units (Premium only; 0 elsewhere). */
  readonly capacity: number;
  /** Premium partitions (Premium only; 0 elsewhere). */
  readonly partitions: number;
  readonly zoneRedundant: boolean;
  /** Paired secondary namespace location, present when geo-DR applies. */
  readonly geoDisasterRecovery?: {
    readonly secondaryLocation: string;
    readonly secondaryAzureName: string;
    readonly aliasName: string;
  };
  readonly autoscale?: Required<spec.AutoscaleSpec>;
  readonly queues: readonly ServiceBusQueue[];
  readonly topics: readonly ServiceBusTopic[];
}

// ---------------------------------------------------------------- Event Hubs

export type ConsumerGroup = Resolved<Omit<spec.ConsumerGroupSpec, "receivers">, "userMetadata"> & {
  readonly receivers: readonly Principal[];
} & Declared;

export interface Capture {
  readonly intervalSeconds: number;
  readonly sizeLimitBytes: number;
  readonly archiveNameFormat: string;
  readonly skipEmptyArchives: boolean;
  /** Storage account given by ID; absent when the project creates one. */
  readonly storageAccountId?: string;
  readonly container: string;
  /** Days captured archives are kept (lifecycle rule on a project-created account). */
  readonly retentionDays: number;
}

export type EventHub = Resolved<
  Omit<
    spec.EventHubSpec,
    keyof spec.GrantsSpec | "capture" | "consumerGroups" | "retention" | "retentionDays"
  >,
  "throughput"
> &
  Grants &
  Declared & {
    readonly retentionDays: number;
    /** Retention description (cleanup policy), present when declared. */
    readonly retention?: spec.RetentionDescriptionSpec;
    readonly capture?: Capture;
    readonly consumerGroups: readonly ConsumerGroup[];
    readonly preventDestroy: boolean;
  };

export type SchemaGroup = spec.SchemaGroupSpec & Declared;

export interface EventHubsNamespace extends NamespaceSettings {
  readonly sku: spec.EventHubsSku;
  readonly capacity: number;
  /** Maximum throughput units with auto-inflate; absent when auto-inflate is off. */
  readonly autoInflateMaxCapacity?: number;
  readonly dedicatedClusterId?: string;
  readonly dedicatedCluster?: {
    readonly name: string;
    readonly azureName: string;
    readonly capacity: number;
  };
  readonly kafka: boolean;
  readonly zoneRedundant: boolean;
  readonly geoDisasterRecovery?: {
    readonly secondaryLocation: string;
    readonly secondaryAzureName: string;
    readonly aliasName: string;
  };
  readonly hubs: readonly EventHub[];
  readonly schemaGroups: readonly SchemaGroup[];
}

// ---------------------------------------------------------------- Event Grid

/** A resolved reference to an entity declared in the same file. */
export type EntityRef =
  | { readonly kind: "serviceBusQueue"; readonly namespace: string; readonly entity: string }
  | { readonly kind: "serviceBusTopic"; readonly namespace: string; readonly entity: string }
  | { readonly kind: "eventHub"; readonly namespace: string; readonly entity: string };

export type EventDestination =
  | EntityRef
  | {
      readonly kind: "webhook";
      readonly url: string;
      readonly maxEventsPerBatch?: number;
      readonly preferredBatchSizeKilobytes?: number;
    }
  | {
      readonly kind: "storageQueue";
      readonly storageAccountId: string;
      readonly queueName: string;
      readonly messageTtlSeconds?: number;
    }
  | {
      readonly kind: "azureFunction";
      readonly functionId: string;
      readonly maxEventsPerBatch?: number;
      readonly preferredBatchSizeKilobytes?: number;
    };

export interface EventSubscription extends Declared {
  readonly name: string;
  readonly destination: EventDestination;
  readonly filter: Resolved<spec.EventFilterSpec, never>;
  readonly retry: { readonly maxDeliveryAttempts: number; readonly eventTimeToLiveMinutes: number };
  /** Dead-letter storage, absent when dead-lettering is off. `project` = the environment's own dead-letter container. */
  readonly deadLetter?: { readonly storageAccountId?: string; readonly container: string };
  readonly deliverySchema?: "EventGridSchema" | "CloudEventSchemaV1_0" | "CustomInputSchema";
  readonly expiresOn?: string;
  readonly labels: readonly string[];
}

export interface EventGridTopic extends NamespaceSettings {
  readonly inputSchema: "CloudEventSchemaV1_0" | "EventGridSchema" | "CustomEventSchema";
  readonly inputMapping?: spec.InputMappingSpec;
  readonly subscriptions: readonly EventSubscription[];
}

export type SystemTopicSource =
  | { readonly kind: "resourceId"; readonly resourceId: string }
  | { readonly kind: "serviceBus" | "eventHubs" | "iotHub"; readonly name: string };

export interface EventGridSystemTopic extends Declared {
  readonly name: string;
  readonly azureName: string;
  /** The Azure resource whose events the system topic publishes (`source:` in the file). */
  readonly sourceResource: SystemTopicSource;
  readonly topicType: string;
  readonly subscriptions: readonly EventSubscription[];
  readonly diagnostics: boolean;
  readonly tags: Readonly<Record<string, string>>;
}

export type MqttTopicSpace = Resolved<spec.MqttTopicSpaceSpec, "description"> & Declared;
export type MqttClientGroup = Resolved<spec.MqttClientGroupSpec, "description"> & Declared;
export type MqttPermission = Required<spec.MqttPermissionSpec> & Declared;
export interface MqttClient extends Declared {
  readonly name: string;
  readonly authenticationName: string;
  readonly certificateThumbprint?: string;
  readonly certificateSubject?: string;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  readonly enabled: boolean;
}

export interface MqttBroker {
  readonly topicSpaces: readonly MqttTopicSpace[];
  readonly clientGroups: readonly MqttClientGroup[];
  readonly permissions: readonly MqttPermission[];
  /** Declared clients and the gateways of edge sites that name this namespace. */
  readonly clients: readonly MqttClient[];
  readonly maxSessionExpiryHours: number;
  readonly maxClientSessionsPerAuthenticationName: number;
  /** Routing of MQTT messages through a namespace topic to this destination, when declared. */
  readonly routeTo?: EventDestination;
}

export interface EventGridNamespace extends NamespaceSettings {
  readonly sku: "Standard";
  readonly capacity: number;
  readonly mqtt?: MqttBroker;
  readonly throughput?: MqttThroughput;
}

// ---------------------------------------------------------------- Relay

export interface HybridConnection extends Declared {
  readonly name: string;
  readonly requiresClientAuthorization: boolean;
  readonly userMetadata?: string;
  readonly listeners: readonly Principal[];
  readonly senders: readonly Principal[];
  readonly owners: readonly Principal[];
  readonly preventDestroy: boolean;
}

export interface WcfRelay extends Declared {
  readonly name: string;
  readonly relayType: "NetTcp" | "Http";
  readonly requiresClientAuthorization: boolean;
  readonly requiresTransportSecurity: boolean;
  readonly userMetadata?: string;
  readonly listeners: readonly Principal[];
  readonly senders: readonly Principal[];
  readonly preventDestroy: boolean;
}

export interface RelayNamespace extends NamespaceSettings {
  readonly sku: "Standard";
  readonly hybridConnections: readonly HybridConnection[];
  readonly wcfRelays: readonly WcfRelay[];
}

// ---------------------------------------------------------------- IoT Hub

export type IotRouteTarget =
  | EntityRef
  | {
      readonly kind: "storageContainer";
      readonly storageAccountId: string;
      readonly container: string;
      readonly encoding: "Avro" | "AvroDeflate" | "JSON";
      readonly fileNameFormat: string;
      readonly batchFrequencySeconds: number;
      readonly maxChunkSizeBytes: number;
    };

export interface IotRoute extends Declared {
  readonly name: string;
  /** Which messages the route takes (`source:` in the file). */
  readonly messageSource: spec.IotRouteSpec["source"];
  readonly condition: string;
  readonly target: IotRouteTarget;
  /** Custom endpoint name the route delivers to. */
  readonly endpointName: string;
  readonly enabled: boolean;
}

export interface IotHub extends NamespaceSettings {
  readonly sku: spec.IotHubSku;
  readonly capacity: number;
  readonly partitions: number;
  readonly retentionDays: number;
  readonly routes: readonly IotRoute[];
  readonly fallbackRoute: boolean;
  readonly enrichments: readonly (spec.IotEnrichmentSpec & Declared)[];
  readonly consumerGroups: readonly string[];
  readonly fileUpload?: Required<spec.IotFileUploadSpec>;
  readonly cloudToDevice: {
    readonly maxDeliveryCount: number;
    readonly defaultTtl: string;
    readonly feedback: {
      readonly timeToLive: string;
      readonly maxDeliveryCount: number;
      readonly lockDuration: string;
    };
  };
  readonly deviceProvisioning?: {
    readonly azureName: string;
    readonly allocationPolicy: "Hashed" | "GeoLatency" | "Static";
    readonly capacity: number;
    readonly dataResidency: boolean;
    /** Private DNS zone of the service's private endpoint (the hub's endpoint settings otherwise apply). */
    readonly privateDnsZoneId?: string;
  };
  readonly throughput?: DeviceThroughput;
}

// ---------------------------------------------------------------- Stream Analytics

/** What a Stream Analytics input reads: an event hub of the file, or an IoT hub of the file. */
export type StreamAnalyticsSource =
  Extract<EntityRef, { readonly kind: "eventHub" }> | { readonly kind: "iotHub"; readonly hub: string };

/** Where a Stream Analytics output writes: a queue, topic or event hub of the file, or a blob container. */
export type StreamAnalyticsSink =
  | EntityRef
  | {
      readonly kind: "blob";
      readonly storageAccountId: string;
      readonly container: string;
      readonly pathPattern: string;
    };

export interface StreamAnalyticsInput extends Declared {
  /** The name the query reads it by. */
  readonly alias: string;
  readonly reads: StreamAnalyticsSource;
  readonly consumerGroup: string;
  readonly serialization: "Json" | "Csv" | "Avro";
}

export interface StreamAnalyticsOutput extends Declared {
  /** The name the query writes it by. */
  readonly alias: string;
  readonly writes: StreamAnalyticsSink;
  readonly serialization: "Json" | "Csv" | "Avro" | "Parquet";
}

/** The job's query: the file as the environment file names it, and its text as read at load. */
export interface StreamAnalyticsQuery {
  readonly file: string;
  readonly text: string;
}

export interface StreamAnalyticsJob extends Declared {
  readonly name: string;
  readonly azureName: string;
  readonly sku: spec.StreamAnalyticsJobSpec["sku"];
  /** In the SKU's own unit (SU V1 or SU V2), as the file states it. */
  readonly streamingUnits: spec.StreamingUnitsSpec;
  readonly compatibilityLevel: NonNullable<spec.StreamAnalyticsJobSpec["compatibilityLevel"]>;
  readonly eventsOutOfOrderPolicy: NonNullable<spec.StreamAnalyticsJobSpec["eventsOutOfOrderPolicy"]>;
  readonly eventsOutOfOrderMaxDelaySeconds: number;
  readonly lateArrivalMaxDelaySeconds: number;
  readonly outputErrorPolicy: NonNullable<spec.StreamAnalyticsJobSpec["outputErrorPolicy"]>;
  readonly dataLocale: string;
  readonly query: StreamAnalyticsQuery;
  readonly inputs: readonly StreamAnalyticsInput[];
  readonly outputs: readonly StreamAnalyticsOutput[];
  /** The load the file declares, as it states it; absent when it states none. */
  readonly throughput?: StreamThroughput;
  readonly diagnostics: boolean;
  readonly lock: boolean;
  readonly preventDestroy: boolean;
  readonly tags: Readonly<Record<string, string>>;
}

// ---------------------------------------------------------------- Logic Apps

/** A workflow definition file, read and parsed where the environment file is loaded. */
export interface WorkflowDefinitionFile {
  /** The path as the environment file writes it, relative to that file. */
  readonly path: string;
  /** The file's text, as read: what Standard hosting deploys and smoke tests compare with. */
  readonly text: string;
  /** The file's JSON: `{ "definition": ..., "kind": ... }`. */
  readonly document: Json;
}

export interface LogicAppWorkflow extends Declared {
  readonly name: string;
  readonly definition: WorkflowDefinitionFile;
  /** What the workflow's triggers and actions read and write, through which connection. */
  readonly uses: readonly EntityUse[];
}

/** One entry of `connections:`: the name the definitions use and the namespace it reaches. */
export interface LogicAppConnection extends Declared {
  readonly name: string;
  readonly service: ConnectedService;
  /** The namespace's name in the file. */
  readonly namespace: string;
  readonly namespaceAzureName: string;
  /** `<namespace>.servicebus.windows.net`: what the connection authenticates against. */
  readonly host: string;
  /** Consumption: the Azure name of the API connection the workflow's `$connections` points at. */
  readonly azureName?: string;
}

/** One entry of `receives:` or `sends:`: an entity the app's identity gets a data-plane role on. */
export interface LogicAppAccess extends Declared {
  /** `<namespace>/<entity>` or `<namespace>/<topic>/<subscription>`, with the names as declared. */
  readonly reference: string;
  readonly kind: EntityUse["kind"];
  readonly namespace: string;
  /** The entity (queue, topic or hub); for a subscription, its topic. */
  readonly entity: string;
  readonly subscription?: string;
}

/** A private endpoint of a Standard app's runtime storage, for one storage service. */
export type StoragePrivateEndpoint = PrivateEndpointSettings & {
  readonly subresource: "blob" | "file" | "queue" | "table";
};

/** What Standard hosting adds: the plan, the runtime storage and the network around them. */
export interface LogicAppStandardHosting {
  readonly sku: WorkflowStandardSku;
  readonly planAzureName: string;
  readonly storageAccountAzureName: string;
  /** The Azure Files share the runtime keeps the app's content in. */
  readonly contentShareName: string;
  /** The subnet the app's outbound traffic goes through (`network.integrationSubnetId`), when given. */
  readonly integrationSubnetId?: string;
  /** The app's inbound private endpoint, when it is closed to public traffic. */
  readonly privateEndpoint?: PrivateEndpointSettings;
  /** The runtime storage's private endpoints, when the app is closed to public traffic. */
  readonly storagePrivateEndpoints: readonly StoragePrivateEndpoint[];
  /** Whether Terraform refuses to destroy the runtime storage (it holds run history and state). */
  readonly preventDestroy: boolean;
}

export interface LogicApp extends Declared {
  readonly name: string;
  /** Consumption: the workflow's Azure name; Standard: the app's (a host name in azurewebsites.net). */
  readonly azureName: string;
  readonly hosting: spec.LogicAppHosting;
  readonly workflows: readonly LogicAppWorkflow[];
  readonly connections: readonly LogicAppConnection[];
  readonly receives: readonly LogicAppAccess[];
  readonly sends: readonly LogicAppAccess[];
  readonly publicNetworkAccess: boolean;
  readonly diagnostics: boolean;
  readonly tags: Readonly<Record<string, string>>;
  /** Present for Standard hosting only. */
  readonly standard?: LogicAppStandardHosting;
}

// ---------------------------------------------------------------- Edge sites and the rest

/** What the cloud holds for an edge site while it is disconnected, against the site's own window. */
export interface SiteCloudCoverage {
  /** Hours the cloud keeps what is queued for the site's gateway after it disconnects. */
  readonly coveredHours: number;
  readonly coversBufferWindow: boolean;
  /** The limit that bounds the coverage, with its value. */
  readonly limit: string;
  /** What the site must do instead; empty when the cloud covers the whole window. */
  readonly advice: string;
}

export interface Site extends Declared {
  readonly name: string;
  readonly namespace: string;
  readonly clientName: string;
  readonly certificateThumbprint?: string;
  readonly certificateSubject?: string;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  readonly topicPrefix: string;
  readonly qos: 0 | 1;
  /** Where the site's messages land in the cloud (`<namespace>/<entity>`), when the file states it. */
  readonly route?: string;
  readonly offlineBufferHours: number;
  /** Session expiry the broker grants this site's gateway, in hours. */
  readonly sessionExpiryHours: number;
  /** Whether the cloud covers the site's offline window; if not, which limit and what to do. */
  readonly cloudCoverage: SiteCloudCoverage;
}

/** An environment named under `deploy.after`, with where the file names it. */
export interface DeployPredecessor {
  readonly environment: string;
  readonly source: SourceLocation;
}

/** How CI deploys the environment. */
export interface DeploySettings {
  /** Environments that must have deployed on the same commit first; empty: this one deploys first. */
  readonly after: readonly DeployPredecessor[];
  /** Runner labels of the environment's plan, deploy and smoke jobs (a runner must carry all of them). */
  readonly runsOn: readonly string[];
}

export type Waiver = spec.WaiverSpec & Declared;
export type AllowDestroy = spec.AllowDestroySpec & Declared;

export interface Monitoring {
  /** The workspace logs and metrics go to; absent means the stack creates one. */
  readonly logAnalyticsWorkspaceId?: string;
  readonly retentionDays: number;
  readonly alertEmails: readonly string[];
  readonly webhooks: readonly spec.WebhookReceiverSpec[];
  readonly alerts: Required<spec.AlertOverridesSpec>;
  /** Whether metric alerts are created at all (tier profile). */
  readonly alertsEnabled: boolean;
}

/**
 * The names the project gives the resources the stack creates for the environment as a whole,
 * computed once here so the stack, the name checks and the walker (`model/walk.ts`) agree. Each is
 * created only where the stack needs it: the workspace when `monitoring` names none, the capture
 * account when a hub captures without naming an account, the dead-letter account when a
 * subscription dead-letters to the environment's own container, a route topic per MQTT broker
 * with `routeTo`.
 */
export interface GeneratedNames {
  /** Where the names come from: the naming convention (`naming`). */
  readonly source: SourceLocation;
  readonly logAnalyticsWorkspace: string;
  readonly actionGroup: string;
  readonly captureStorageAccount: string;
  readonly deadLetterStorageAccount: string;
  /** The custom topic each Event Grid namespace's MQTT broker routes through, by the namespace's name. */
  readonly mqttRouteTopics: Readonly<Record<string, string>>;
}

export type Budget = Required<spec.BudgetSpec> &
  Declared & {
    /** Azure name of the resource group's budget. */
    readonly azureName: string;
  };

export interface EnvironmentModel {
  readonly file: string;
  readonly name: string;
  readonly tier: spec.Tier;
  readonly location: string;
  readonly secondaryLocation?: string;
  readonly resourceGroupName: string;
  /** Naming convention parts; `workload` is empty when the file names none, `environment` is `name`. */
  readonly naming: { readonly prefix: string; readonly workload: string; readonly environment: string };
  readonly tags: Readonly<Record<string, string>>;
  readonly state?: Required<spec.StateSpec>;
  readonly deploy: DeploySettings;
  readonly network?: spec.NetworkSpec;
  readonly encryption?: Required<spec.EncryptionSpec>;
  readonly monitoring: Monitoring;
  readonly budget?: Budget;
  readonly generatedNames: GeneratedNames;
  readonly principals: ReadonlyMap<string, Principal>;
  readonly serviceBus: readonly ServiceBusNamespace[];
  readonly eventHubs: readonly EventHubsNamespace[];
  readonly eventGrid: {
    readonly topics: readonly EventGridTopic[];
    readonly systemTopics: readonly EventGridSystemTopic[];
    readonly namespaces: readonly EventGridNamespace[];
  };
  readonly relay: readonly RelayNamespace[];
  readonly iotHub: readonly IotHub[];
  readonly streamAnalytics: readonly StreamAnalyticsJob[];
  readonly sites: readonly Site[];
  readonly logicApps: readonly LogicApp[];
  readonly waivers: readonly Waiver[];
  readonly allowDestroy: readonly AllowDestroy[];
  readonly smoke?: spec.SmokeSpec;
}
