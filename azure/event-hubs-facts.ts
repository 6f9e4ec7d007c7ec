import type { AzureNameRule } from "./name-rule";
import type { NamespaceCapabilities } from "./namespace-capabilities";
import { BuiltInRole } from "./roles";

/*
 * Azure Event Hubs, as Azure and azurerm 4.x state it: tiers and their limits, names, endpoints
 * and roles. Read them through `azure/event-hubs.ts`, which adds the rules over them; the
 * environment file's semantic checks, the constructs, the resolver, the policies and the smoke
 * tests all do, and nothing else restates them. Sources, cited with each fact:
 * [tiers]   "Compare Azure Event Hubs tiers" (learn.microsoft.com/azure/event-hubs/compare-tiers):
 *           features (Basic has no capture, Kafka, IP firewall, private link or geo-DR; customer-managed
 *           keys are Premium and dedicated only) and quotas.
 * [quotas]  "Azure Event Hubs quotas and limits" (learn.microsoft.com/azure/event-hubs/event-hubs-quotas):
 *           consumer groups per hub 1/20/100/1000; retention 1/7/90/90 days; 40 TUs, 16 PUs, 20 CUs;
 *           partitions per hub 32/32/100/1024 and 200 per PU on Premium; hubs per namespace
 *           10/10/100 per PU/1000; schema groups 0/1/100/1000; schema group names of at most 50.
 * [compact] "Log compaction in Azure Event Hubs": not supported in the Basic tier.
 * [kafka]   "Event Hubs for Apache Kafka": the Kafka endpoint exists on Standard and above, at
 *           `<namespace>.servicebus.windows.net:9093`; azurerm 4.x has no `kafka_enabled`.
 * [premium] "Configure processing units for a premium namespace": 1, 2, 4, 8 or 16 PUs.
 * [capture] Event Hubs REST API CaptureDescription and azurerm `capture_description` validators:
 *           interval 60-900 s, size 10485760-524288000 bytes, archive names with every placeholder.
 * [geo-dr]  "Azure Event Hubs geo-disaster recovery" (learn.microsoft.com/azure/event-hubs/event-hubs-geo-dr):
 *           Standard and above; the two namespaces of a pair are of the same tier, in different regions.
 * [azurerm] azurerm 4.x: `maximum_throughput_units` 0-40; `message_retention` XOR `retention_description`;
 *           Delete takes `retention_time_in_hours`, Compact `tombstone_retention_time_in_hours`; cluster
 *           `sku_name` is `Dedicated_<n>`; `user_metadata` 1-1024 characters; `network_rulesets`
 *           refused on Basic; lifecycle `delete_after_days_since_modification_greater_than` 0-99999.
 */

// ---------------------------------------------------------------- tiers

export type EventHubsSku = "Basic" | "Standard" | "Premium";

export const eventHubsSkus: readonly EventHubsSku[] = ["Basic", "Standard", "Premium"];

/** The SKU, or `Dedicated` for a namespace on a dedicated cluster (whose limits replace the SKU's). */
export type EventHubsTier = EventHubsSku | "Dedicated";

/**
 * What decides a namespace's tier: its SKU and whether it runs on a dedicated cluster, one the file
 * creates (`dedicatedCluster`) or an existing one (`dedicatedClusterId`). Presence is what counts.
 */
export interface EventHubsPlacement {
  readonly sku: EventHubsSku;
  readonly dedicatedCluster?: unknown;
  readonly dedicatedClusterId?: unknown;
}

export function onDedicatedCluster(ns: EventHubsPlacement): boolean {
  return ns.dedicatedCluster !== undefined || ns.dedicatedClusterId !== undefined;
}

/** The tier whose limits apply: a namespace on a dedicated cluster gets the cluster's. */
export function eventHubsTierOf(ns: EventHubsPlacement): EventHubsTier {
  return onDedicatedCluster(ns) ? "Dedicated" : ns.sku;
}

export function isEventHubsSku(value: unknown): value is EventHubsSku {
  return eventHubsSkus.some((sku) => sku === value);
}

export interface EventHubsTierLimits {
  readonly tier: EventHubsTier;
  readonly maxPartitionsPerHub: number;
  readonly maxRetentionDays: number;
  /** Includes the `$Default` group Azure creates in every event hub. */
  readonly maxConsumerGroupsPerHub: number;
  /** Event hubs per namespace; on Premium this is per processing unit. */
  readonly maxHubsPerNamespace: number;
  /** Schema groups per namespace, excluding the built-in default group; 0 means no schema registry. */
  readonly maxSchemaGroups: number;
  readonly capture: boolean;
  /** Whether the namespace has the Kafka endpoint; where it has, azurerm 4.x cannot turn it off. */
  readonly kafka: boolean;
  readonly compaction: boolean;
  readonly autoInflate: boolean;
  readonly geoDisasterRecovery: boolean;
  /** The interfaces every namespace-like resource shares, as this tier offers them. */
  readonly shared: NamespaceCapabilities;
}

const kind = "Event Hubs namespace";
const standardOrAbove = { needs: "Standard or above" } as const;
const premiumOrDedicated = { needs: "Premium or a dedicated cluster" } as const;
const everyInterface = {
  privateEndpoint: true,
  customerManagedKey: true,
  localAuthSwitch: true,
  ipRules: true,
  trustedServices: true,
  userAssignedIdentities: true,
  publicNetworkAccessSwitch: true,
} as const;

/** [tiers], [quotas], [compact], [kafka], [geo-dr]; Basic's trusted-services exception lives in the network rule set it has none of. */
export const tierLimits: Readonly<Record<EventHubsTier, EventHubsTierLimits>> = {
  Basic: {
    tier: "Basic",
    maxPartitionsPerHub: 32,
    maxRetentionDays: 1,
    maxConsumerGroupsPerHub: 1,
    maxHubsPerNamespace: 10,
    maxSchemaGroups: 0,
    capture: false,
    kafka: false,
    compaction: false,
    autoInflate: false,
    geoDisasterRecovery: false,
    shared: {
      kind,
      sku: "Basic",
      ...everyInterface,
      privateEndpoint: standardOrAbove,
      customerManagedKey: premiumOrDedicated,
      ipRules: standardOrAbove,
      trustedServices: standardOrAbove,
    },
  },
  Standard: {
    tier: "Standard",
    maxPartitionsPerHub: 32,
    maxRetentionDays: 7,
    maxConsumerGroupsPerHub: 20,
    maxHubsPerNamespace: 10,
    maxSchemaGroups: 1,
    capture: true,
    kafka: true,
    compaction: true,
    autoInflate: true,
    geoDisasterRecovery: true,
    shared: { kind, sku: "Standard", ...everyInterface, customerManagedKey: premiumOrDedicated },
  },
  Premium: {
    tier: "Premium",
    maxPartitionsPerHub: 100,
    maxRetentionDays: 90,
    maxConsumerGroupsPerHub: 100,
    maxHubsPerNamespace: 100,
    maxSchemaGroups: 100,
    capture: true,
    kafka: true,
    compaction: true,
    autoInflate: false,
    geoDisasterRecovery: true,
    shared: { kind, sku: "Premium", ...everyInterface },
  },
  Dedicated: {
    tier: "Dedicated",
    maxPartitionsPerHub: 1024,
    maxRetentionDays: 90,
    maxConsumerGroupsPerHub: 1000,
    maxHubsPerNamespace: 1000,
    maxSchemaGroups: 1000,
    capture: true,
    kafka: true,
    compaction: true,
    autoInflate: false,
    geoDisasterRecovery: true,
    shared: { kind, sku: "on a dedicated cluster", ...everyInterface },
  },
};

/** The limits that apply to a namespace. */
export function eventHubsLimits(ns: EventHubsPlacement): EventHubsTierLimits {
  return tierLimits[eventHubsTierOf(ns)];
}

/** Which shared interfaces the namespace's tier offers, for `sharedInterfaceProblems` and the resolver. */
export function eventHubsCapabilities(ns: EventHubsPlacement): NamespaceCapabilities {
  return eventHubsLimits(ns).shared;
}

/**
 * Whether this project can pair the namespace for geo-disaster recovery: its tier offers it
 * ([geo-dr]) and its secondary can be declared. A namespace on a dedicated cluster would need its
 * secondary on another dedicated cluster in `secondaryLocation`, which an environment file cannot
 * declare (the secondary is created as a plain namespace of the same SKU), so it is not offered there.
 */
export function eventHubsGeoPairable(ns: EventHubsPlacement): boolean {
  const tier = eventHubsTierOf(ns);
  return tierLimits[tier].geoDisasterRecovery && tier !== "Dedicated";
}

/** Throughput units of a Basic or Standard namespace ([quotas]: "Maximum TUs: 40"). */
export const throughputUnitRange = { min: 1, max: 40 } as const;

/** Processing units a Premium namespace can be given ([premium]). */
export const premiumProcessingUnits: readonly number[] = [1, 2, 4, 8, 16];

/** Partitions across all event hubs of a Premium namespace, per processing unit ([quotas]). */
export const premiumPartitionsPerProcessingUnit = 200;

/** Capacity units of a dedicated cluster ([quotas]: "Maximum CUs: 20"); azurerm writes them as `Dedicated_<n>`. */
export const dedicatedCapacityUnitRange = { min: 1, max: 20 } as const;

/** [capture] windows. */
export const captureIntervalSeconds = { min: 60, max: 900 } as const;
export const captureSizeLimitBytes = { min: 10485760, max: 524288000 } as const;

/** Placeholders azurerm's `archive_name_format` validator requires, each exactly once in any order. */
export const archiveNameTokens: readonly string[] = [
  "{Namespace}",
  "{EventHub}",
  "{PartitionId}",
  "{Year}",
  "{Month}",
  "{Day}",
  "{Hour}",
  "{Minute}",
  "{Second}",
];

/** Days a capture archive can be kept by the account's lifecycle rule ([azurerm]; 0 would delete at once). */
export const captureRetentionDays = { min: 1, max: 99999 } as const;

/** Free text of a consumer group ([azurerm] `user_metadata`). */
export const userMetadataLength = { min: 1, max: 1024 } as const;

/** The consumer group Azure creates in every event hub. */
export const defaultConsumerGroup = "$Default";

/** Event hubs a namespace may hold: Premium's limit scales with processing units. */
export function maxHubsPerNamespace(tier: EventHubsTier, capacity: number): number {
  const limits = tierLimits[tier];
  return tier === "Premium" ? limits.maxHubsPerNamespace * capacity : limits.maxHubsPerNamespace;
}

/** Every placeholder `format` lacks, in the order azurerm lists them. */
export function missingArchiveNameTokens(format: string): string[] {
  return archiveNameTokens.filter((token) => !format.includes(token));
}

// ---------------------------------------------------------------- names, endpoints, roles

const rulesPage = "learn.microsoft.com resource-name-rules";
const namespaceName = {
  minLength: 6,
  maxLength: 50,
  allowed: /[A-Za-z0-9-]/,
  allowedText: "letters, numbers and hyphens",
  start: { pattern: /[A-Za-z]/, text: "a letter" },
  end: { pattern: /[A-Za-z0-9]/, text: "a letter or number" },
} as const;
const childName = {
  minLength: 1,
  maxLength: 50,
  allowed: /[A-Za-z0-9._-]/,
  allowedText: "letters, numbers, periods, hyphens and underscores",
  start: { pattern: /[A-Za-z0-9]/, text: "a letter or number" },
  end: { pattern: /[A-Za-z0-9]/, text: "a letter or number" },
} as const;

/** Azure's naming rules for what Event Hubs names, by the kind `azure/name-rules.ts` files them under. */
export const eventHubsNameRules = {
  eventHubsNamespace: {
    what: "Event Hubs namespace",
    ...namespaceName,
    source: `${rulesPage}, Microsoft.EventHub/namespaces: 6-50; azurerm eventhub/validate/eventhub_names.go ValidateEventHubNamespaceName`,
  },
  eventHubsCluster: {
    what: "Event Hubs dedicated cluster",
    ...namespaceName,
    source: `${rulesPage}, Microsoft.EventHub/clusters: 6-50, start with letter, end with letter or number`,
  },
  eventHub: {
    what: "event hub",
    ...childName,
    maxLength: 256,
    source: `${rulesPage}, Microsoft.EventHub/namespaces/eventhubs: 1-256; azurerm eventhub/validate/eventhub_names.go ValidateEventHubName`,
  },
  consumerGroup: {
    what: "consumer group",
    ...childName,
    source: `${rulesPage}, Microsoft.EventHub/namespaces/eventhubs/consumergroups: 1-50; azurerm ValidateEventHubConsumerName`,
  },
  schemaGroup: {
    what: "schema group",
    ...childName,
    // azurerm's ValidateSchemaGroupName allows 256, but Azure refuses more than 50.
    source:
      "[quotas] schema registry: maximum length of a schema group name 50; azurerm ValidateSchemaGroupName: start and end with letter or number",
  },
  eventHubsAlias: {
    what: "Event Hubs geo-disaster-recovery alias",
    ...childName,
    source: `${rulesPage}, Microsoft.EventHub/namespaces/disasterRecoveryConfigs: 1-50`,
  },
} as const satisfies Record<string, AzureNameRule>;

/** The host of a namespace, or of a geo-DR alias: AMQP, HTTPS and Kafka clients connect to it. */
export function eventHubsHost(name: string): string {
  return `${name}.servicebus.windows.net`;
}

/** The Kafka bootstrap server of a namespace ([kafka]: `bootstrap.servers=<namespace>.servicebus.windows.net:9093`). */
export function kafkaBootstrapServer(namespaceName: string): string {
  return `${eventHubsHost(namespaceName)}:9093`;
}

/** The narrowest built-in role for each data-plane access ("Azure built-in roles", Analytics). */
export const eventHubsRoles = {
  send: BuiltInRole.eventHubsDataSender,
  receive: BuiltInRole.eventHubsDataReceiver,
  manage: BuiltInRole.eventHubsDataOwner,
} as const;

/** Roles on a schema group of the namespace's schema registry. */
export const schemaRegistryRoles = {
  read: BuiltInRole.schemaRegistryReader,
  write: BuiltInRole.schemaRegistryContributor,
} as const;

/** Whether two region names are one region, compared as azurerm normalizes them (case and spaces). */
export function sameRegion(a: string, b: string): boolean {
  const normal = (location: string): string => location.replace(/\s/g, "").toLowerCase();
  return normal(a) === normal(b);
}
