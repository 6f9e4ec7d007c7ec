/**
 * What each Event Hubs tier allows. Every number comes from Azure's documentation:
 * "Compare Azure Event Hubs tiers" (features and quotas tables, learn.microsoft.com/azure/event-hubs/compare-tiers),
 * "Azure Event Hubs quotas and limits" (learn.microsoft.com/azure/event-hubs/event-hubs-quotas) and
 * "Log compaction in Azure Event Hubs" (not supported in the Basic tier). The constructs validate against
 * this table and so do the environment file's semantic checks, so both always agree.
 */
export type EventHubsSku = "Basic" | "Standard" | "Premium";

/** The SKU, or `Dedicated` for a namespace on a dedicated cluster (whose limits replace the SKU's). */
export type EventHubsTier = EventHubsSku | "Dedicated";

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
  /** The Kafka endpoint exists on Standard and above; Basic has none. */
  readonly kafka: boolean;
  readonly compaction: boolean;
  readonly autoInflate: boolean;
  readonly ipFirewall: boolean;
  readonly privateLink: boolean;
  readonly customerManagedKey: boolean;
  readonly geoDisasterRecovery: boolean;
}

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
    ipFirewall: false,
    privateLink: false,
    customerManagedKey: false,
    geoDisasterRecovery: false,
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
    ipFirewall: true,
    privateLink: true,
    customerManagedKey: false,
    geoDisasterRecovery: true,
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
    ipFirewall: true,
    privateLink: true,
    customerManagedKey: true,
    geoDisasterRecovery: true,
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
    ipFirewall: true,
    privateLink: true,
    customerManagedKey: true,
    geoDisasterRecovery: true,
  },
};

/** Throughput units of a Basic or Standard namespace (quotas table: "Maximum TUs: 40"). */
export const throughputUnitRange = { min: 1, max: 40 } as const;

/** Processing units a Premium namespace can be given ("Configure processing units for a premium namespace"). */
export const premiumProcessingUnits: readonly number[] = [1, 2, 4, 8, 16];

/** Partitions across all event hubs of a Premium namespace, per processing unit (quotas table). */
export const premiumPartitionsPerProcessingUnit = 200;

/** Capacity units of a dedicated cluster (quotas table: "Maximum CUs: 20"); azurerm writes them as `Dedicated_<n>`. */
export const dedicatedCapacityUnitRange = { min: 1, max: 20 } as const;

/**
 * Capture window limits, from the Event Hubs REST API's CaptureDescription ("value should be between 60 to
 * 900 seconds", "between 10485760 to 524288000 bytes") and the same bounds in azurerm's
 * `capture_description` validators.
 */
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

/** The tier whose limits apply: a namespace on a dedicated cluster gets the cluster's. */
export function eventHubsTier(sku: EventHubsSku, onDedicatedCluster: boolean): EventHubsTier {
  return onDedicatedCluster ? "Dedicated" : sku;
}

/** Event hubs a namespace may hold: Premium's limit scales with processing units. */
export function maxHubsPerNamespace(tier: EventHubsTier, capacity: number): number {
  const limits = tierLimits[tier];
  return tier === "Premium" ? limits.maxHubsPerNamespace * capacity : limits.maxHubsPerNamespace;
}

/** Every placeholder `format` lacks, in the order azurerm lists them. */
export function missingArchiveNameTokens(format: string): string[] {
  return archiveNameTokens.filter((token) => !format.includes(token));
}
