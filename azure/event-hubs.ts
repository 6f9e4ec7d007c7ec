import type { AzureNameRule } from "./name-rules";
import {
  sharedInterfaceProblems,
  type NamespaceCapabilities,
  type SharedInterfaceRequest,
} from "./namespace-capabilities";
import { under, type Problem } from "./problem";
import { BuiltInRole } from "./roles";

/*
 * Azure Event Hubs, as Azure and azurerm 4.x state it. The environment file's semantic checks,
 * the constructs, the resolver, the policies and the smoke tests read these facts and call these
 * rules; nothing else restates them. Sources, cited with each fact:
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

// ---------------------------------------------------------------- rules

const tierOrder: readonly EventHubsTier[] = ["Basic", "Standard", "Premium", "Dedicated"];

function tierName(tier: EventHubsTier): string {
  return tier === "Dedicated" ? "a dedicated cluster" : tier;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** `use Premium for up to 100 partitions`: the first larger tier that allows the value, or `advice`. */
function wayOut(
  tier: EventHubsTier,
  allows: (limits: EventHubsTierLimits) => boolean,
  describe: (limits: EventHubsTierLimits) => string,
  advice: string,
): string {
  const larger = tierOrder.slice(tierOrder.indexOf(tier) + 1).find((t) => allows(tierLimits[t]));
  return larger ? `use ${tierName(larger)} for ${describe(tierLimits[larger])}` : advice;
}

/**
 * A namespace as the rules see it: the environment file's fields (the constructs' props carry the
 * same names), what it asks of the shared interfaces, and how many hubs and schema groups it holds.
 */
export interface EventHubsNamespaceInput extends EventHubsPlacement, SharedInterfaceRequest {
  readonly capacity?: number;
  readonly autoInflateMaxCapacity?: number;
  readonly kafka?: boolean;
  readonly zoneRedundant?: boolean;
  /** Each hub's partitions, the tier profile's or construct's default applied. */
  readonly hubs?: readonly { readonly partitions?: number }[];
  readonly schemaGroups?: readonly unknown[];
}

/** Every problem of a namespace's own settings and totals (its hubs have `eventHubProblems`). */
export function eventHubsNamespaceProblems(ns: EventHubsNamespaceInput): Problem[] {
  const tier = eventHubsTierOf(ns);
  return [
    ...capacityProblems(ns, tier),
    ...autoInflateProblems(ns, tier),
    ...kafkaProblems(ns, tier),
    ...(ns.zoneRedundant === false
      ? [
          {
            field: "zoneRedundant",
            message:
              "Azure makes every Event Hubs namespace zone redundant where the region has availability zones and azurerm 4.x cannot turn that off, got zoneRedundant: false; remove zoneRedundant",
          },
        ]
      : []),
    ...sharedInterfaceProblems(tierLimits[tier].shared, ns),
    ...(ns.dedicatedCluster !== undefined && ns.dedicatedClusterId !== undefined
      ? [
          {
            field: "dedicatedClusterId",
            message:
              "give dedicatedCluster (a cluster this file creates) or dedicatedClusterId (an existing one), not both",
          },
        ]
      : []),
    ...totalProblems(ns, tier),
  ];
}

function capacityProblems(ns: EventHubsNamespaceInput, tier: EventHubsTier): Problem[] {
  const capacity = ns.capacity;
  if (capacity === undefined || tier === "Dedicated") return [];
  if (tier === "Premium") {
    return premiumProcessingUnits.includes(capacity)
      ? []
      : [
          {
            field: "capacity",
            message: `Premium takes ${premiumProcessingUnits.join(", ")} processing units, got ${capacity}; pick one of those values`,
          },
        ];
  }
  return isIntegerIn(capacity, throughputUnitRange.min, throughputUnitRange.max)
    ? []
    : [
        {
          field: "capacity",
          message: `${tier} takes ${throughputUnitRange.min}-${throughputUnitRange.max} throughput units, got ${capacity}; use Premium or a dedicated cluster for more throughput`,
        },
      ];
}

function autoInflateProblems(ns: EventHubsNamespaceInput, tier: EventHubsTier): Problem[] {
  const max = ns.autoInflateMaxCapacity;
  if (max === undefined) return [];
  const field = "autoInflateMaxCapacity";
  if (!tierLimits[tier].autoInflate) {
    const advice =
      tier === "Basic"
        ? "use sku: Standard, or remove autoInflateMaxCapacity"
        : "remove autoInflateMaxCapacity and set capacity";
    return [
      {
        field,
        message: `auto-inflate exists only on Standard (it scales throughput units), got autoInflateMaxCapacity ${max} on ${tierName(tier)}; ${advice}`,
      },
    ];
  }
  const capacity = ns.capacity ?? 1;
  return isIntegerIn(max, capacity, throughputUnitRange.max)
    ? []
    : [
        {
          field,
          message: `Standard auto-inflates between capacity (${capacity}) and ${throughputUnitRange.max} throughput units, got ${max}; set autoInflateMaxCapacity within that range`,
        },
      ];
}

/** `kafka` may only state what the tier gives ([kafka]): azurerm 4.x can neither add nor remove it. */
function kafkaProblems(ns: EventHubsNamespaceInput, tier: EventHubsTier): Problem[] {
  if (ns.kafka === undefined || ns.kafka === tierLimits[tier].kafka) return [];
  return [
    {
      field: "kafka",
      message: ns.kafka
        ? "Basic has no Kafka endpoint, got kafka: true; use Standard or above for Kafka clients"
        : `${tierName(tier)} always has the Kafka endpoint and azurerm 4.x has no switch to turn it off, got kafka: false; ${tier === "Dedicated" ? "remove kafka (only a Basic namespace off a dedicated cluster has no Kafka endpoint)" : "remove kafka, or use Basic for a namespace without Kafka"}`,
    },
  ];
}

function totalProblems(ns: EventHubsNamespaceInput, tier: EventHubsTier): Problem[] {
  const problems: Problem[] = [];
  const hubs = ns.hubs ?? [];
  const capacity = ns.capacity ?? 1;
  const maxHubs = maxHubsPerNamespace(tier, capacity);
  if (hubs.length > maxHubs) {
    const perUnit =
      tier === "Premium" ? ` (${tierLimits.Premium.maxHubsPerNamespace} per processing unit)` : "";
    const advice =
      tier === "Premium"
        ? "add processing units or split the hubs over more namespaces"
        : wayOut(
            tier,
            (l) => l.maxHubsPerNamespace >= hubs.length,
            (l) => `up to ${l.maxHubsPerNamespace} event hubs`,
            "split the hubs over more namespaces",
          );
    problems.push({
      field: "hubs",
      message: `${tierName(tier)} allows ${maxHubs} event hubs per namespace${perUnit}, got ${hubs.length}; ${advice}`,
    });
  }
  if (tier === "Premium") {
    const total = hubs.reduce((sum, hub) => sum + (hub.partitions ?? 0), 0);
    const maxTotal = premiumPartitionsPerProcessingUnit * capacity;
    if (total > maxTotal) {
      problems.push({
        field: "hubs",
        message: `Premium allows ${premiumPartitionsPerProcessingUnit} partitions per processing unit across a namespace, so ${maxTotal} with capacity ${capacity}, got ${total}; add processing units or use fewer partitions`,
      });
    }
  }
  const groups = (ns.schemaGroups ?? []).length;
  const maxGroups = tierLimits[tier].maxSchemaGroups;
  if (groups > maxGroups) {
    const limit =
      maxGroups === 0
        ? `${tierName(tier)} has no schema registry`
        : `${tierName(tier)} allows ${plural(maxGroups, "schema group")} per namespace`;
    const advice = wayOut(
      tier,
      (l) => l.maxSchemaGroups >= groups,
      (l) => `up to ${plural(l.maxSchemaGroups, "schema group")}`,
      "split the schemas over more namespaces",
    );
    problems.push({
      field: "schemaGroups",
      message: `${limit}, got ${plural(groups, "schema group")}; ${advice}`,
    });
  }
  return problems;
}

/** A dedicated cluster's own settings: its capacity units. */
export function eventHubsClusterProblems(cluster: { readonly capacity?: number }): Problem[] {
  const capacity = cluster.capacity;
  if (
    capacity === undefined ||
    isIntegerIn(capacity, dedicatedCapacityUnitRange.min, dedicatedCapacityUnitRange.max)
  )
    return [];
  return [
    {
      field: "capacity",
      message: `a dedicated cluster takes ${dedicatedCapacityUnitRange.min}-${dedicatedCapacityUnitRange.max} capacity units, got ${capacity}; ask Azure support for larger clusters`,
    },
  ];
}

/** An event hub as the rules see it, with the environment file's field names. */
export interface EventHubInput {
  readonly partitions?: number;
  readonly retentionDays?: number;
  readonly retention?: {
    readonly cleanupPolicy: "Delete" | "Compact";
    readonly retentionHours?: number;
    readonly tombstoneRetentionHours?: number;
  };
  readonly capture?: {
    readonly intervalSeconds?: number;
    readonly sizeLimitBytes?: number;
    readonly archiveNameFormat?: string;
    readonly retentionDays?: number;
  };
  /** The hub's own consumer groups (`$Default` excluded); each has `consumerGroupProblems`. */
  readonly consumerGroups?: readonly unknown[];
}

/** Every problem of one event hub in a namespace of `tier`. */
export function eventHubProblems(hub: EventHubInput, tier: EventHubsTier): Problem[] {
  const limits = tierLimits[tier];
  return [
    ...partitionProblems(hub, limits),
    ...retentionProblems(hub, limits),
    ...captureProblems(hub, limits),
    ...consumerGroupCountProblems(hub, limits),
  ];
}

function partitionProblems(hub: EventHubInput, limits: EventHubsTierLimits): Problem[] {
  const partitions = hub.partitions;
  if (partitions === undefined || isIntegerIn(partitions, 1, limits.maxPartitionsPerHub)) return [];
  if (!Number.isInteger(partitions) || partitions < 1) {
    return [
      { field: "partitions", message: `partitions must be a whole number of at least 1, got ${partitions}` },
    ];
  }
  const advice = wayOut(
    limits.tier,
    (l) => l.maxPartitionsPerHub >= partitions,
    (l) => `up to ${l.maxPartitionsPerHub} partitions`,
    `use at most ${limits.maxPartitionsPerHub} partitions`,
  );
  return [
    {
      field: "partitions",
      message: `${tierName(limits.tier)} allows at most ${limits.maxPartitionsPerHub} partitions per event hub, got ${partitions}; ${advice}`,
    },
  ];
}

function keptLonger(
  limits: EventHubsTierLimits,
  allows: (l: EventHubsTierLimits) => boolean,
  unit: (l: EventHubsTierLimits) => string,
): string {
  return wayOut(
    limits.tier,
    allows,
    (l) => `up to ${unit(l)}`,
    "capture the hub to storage to keep events longer",
  );
}

function retentionProblems(hub: EventHubInput, limits: EventHubsTierLimits): Problem[] {
  const problems: Problem[] = [];
  const tier = tierName(limits.tier);
  const days = hub.retentionDays;
  if (days !== undefined && hub.retention !== undefined) {
    problems.push({
      field: "retention",
      message: `give retentionDays (${days}) or retention (cleanup policy ${hub.retention.cleanupPolicy}), not both; azurerm takes exactly one of them`,
    });
  }
  if (days !== undefined && !isIntegerIn(days, 1, limits.maxRetentionDays)) {
    problems.push({
      field: "retentionDays",
      message:
        Number.isInteger(days) && days >= 1
          ? `${tier} keeps events at most ${plural(limits.maxRetentionDays, "day")}, got ${days}; ${keptLonger(
              limits,
              (l) => l.maxRetentionDays >= days,
              (l) => `${l.maxRetentionDays} days`,
            )}`
          : `retentionDays must be a whole number of days of at least 1, got ${days}`,
    });
  }
  const retention = hub.retention;
  if (!retention) return problems;
  if (retention.cleanupPolicy === "Compact") {
    if (!limits.compaction) {
      problems.push({
        field: "retention/cleanupPolicy",
        message: "Basic has no log compaction, got cleanupPolicy: Compact; use Standard or above",
      });
    }
    if (retention.tombstoneRetentionHours === undefined) {
      problems.push({
        field: "retention",
        message:
          "cleanupPolicy Compact needs tombstoneRetentionHours (how long delete markers stay readable)",
      });
    } else if (!isIntegerIn(retention.tombstoneRetentionHours, 1, Number.MAX_SAFE_INTEGER)) {
      problems.push({
        field: "retention/tombstoneRetentionHours",
        message: `tombstoneRetentionHours must be a whole number of hours of at least 1, got ${retention.tombstoneRetentionHours}`,
      });
    }
    if (retention.retentionHours !== undefined) {
      problems.push({
        field: "retention/retentionHours",
        message:
          "cleanupPolicy Compact keeps the latest event per key, so retentionHours does not apply; remove it or use cleanupPolicy Delete",
      });
    }
    return problems;
  }
  if (retention.tombstoneRetentionHours !== undefined) {
    problems.push({
      field: "retention/tombstoneRetentionHours",
      message: "tombstoneRetentionHours applies only to cleanupPolicy Compact; remove it or use Compact",
    });
  }
  const hours = retention.retentionHours;
  if (hours === undefined) {
    problems.push({
      field: "retention",
      message: "cleanupPolicy Delete needs retentionHours (how long events are kept)",
    });
    return problems;
  }
  const maxHours = limits.maxRetentionDays * 24;
  if (!isIntegerIn(hours, 1, maxHours)) {
    problems.push({
      field: "retention/retentionHours",
      message:
        Number.isInteger(hours) && hours >= 1
          ? `${tier} keeps events at most ${maxHours} hours, got ${hours}; ${keptLonger(
              limits,
              (l) => l.maxRetentionDays * 24 >= hours,
              (l) => `${l.maxRetentionDays * 24} hours`,
            )}`
          : `retentionHours must be a whole number of hours of at least 1, got ${hours}`,
    });
  }
  return problems;
}

function captureProblems(hub: EventHubInput, limits: EventHubsTierLimits): Problem[] {
  const capture = hub.capture;
  if (!capture) return [];
  const problems: Problem[] = [];
  if (!limits.capture) {
    problems.push({
      field: "capture",
      message:
        "Basic has no capture, got a capture block; use Standard or above to capture events to storage",
    });
  }
  const interval = capture.intervalSeconds;
  if (
    interval !== undefined &&
    !isIntegerIn(interval, captureIntervalSeconds.min, captureIntervalSeconds.max)
  ) {
    problems.push({
      field: "capture/intervalSeconds",
      message: `capture writes a file every ${captureIntervalSeconds.min}-${captureIntervalSeconds.max} seconds, got ${interval}; pick a value in that range`,
    });
  }
  const size = capture.sizeLimitBytes;
  if (size !== undefined && !isIntegerIn(size, captureSizeLimitBytes.min, captureSizeLimitBytes.max)) {
    problems.push({
      field: "capture/sizeLimitBytes",
      message: `capture's size window is ${captureSizeLimitBytes.min}-${captureSizeLimitBytes.max} bytes (10-500 MiB), got ${size}; e.g. 314572800 for 300 MiB`,
    });
  }
  const format = capture.archiveNameFormat;
  if (format !== undefined && missingArchiveNameTokens(format).length > 0) {
    problems.push({
      field: "capture/archiveNameFormat",
      message: `archiveNameFormat must contain every one of ${archiveNameTokens.join(", ")}, got "${format}" without ${missingArchiveNameTokens(format).join(", ")}`,
    });
  }
  problems.push(...under("capture", captureRetentionProblems(capture.retentionDays)));
  return problems;
}

/** How long a capture container keeps its archives: what the storage lifecycle rule can say. */
export function captureRetentionProblems(retentionDays: number | undefined): Problem[] {
  if (
    retentionDays === undefined ||
    isIntegerIn(retentionDays, captureRetentionDays.min, captureRetentionDays.max)
  )
    return [];
  return [
    {
      field: "retentionDays",
      message: `capture archives are kept ${captureRetentionDays.min}-${captureRetentionDays.max} days (the storage lifecycle rule's range), got ${retentionDays}`,
    },
  ];
}

function consumerGroupCountProblems(hub: EventHubInput, limits: EventHubsTierLimits): Problem[] {
  const count = (hub.consumerGroups ?? []).length;
  // `$Default` always exists and counts against the limit.
  const allowed = limits.maxConsumerGroupsPerHub - 1;
  if (count <= allowed) return [];
  const advice = wayOut(
    limits.tier,
    (l) => l.maxConsumerGroupsPerHub - 1 >= count,
    (l) => `up to ${l.maxConsumerGroupsPerHub} consumer groups per event hub`,
    "split the readers over more event hubs",
  );
  return [
    {
      field: "consumerGroups",
      message: `${tierName(limits.tier)} allows ${plural(limits.maxConsumerGroupsPerHub, "consumer group")} per event hub including ${defaultConsumerGroup}, so ${allowed} more, got ${count}; ${advice}`,
    },
  ];
}

/** One consumer group: Azure's own `$Default` cannot be declared, and its metadata has a length. */
export function consumerGroupProblems(group: {
  readonly name: string;
  readonly userMetadata?: string;
}): Problem[] {
  const problems: Problem[] = [];
  if (group.name === defaultConsumerGroup) {
    problems.push({
      field: "",
      message: `${defaultConsumerGroup} exists in every event hub already; remove it from consumerGroups`,
    });
  }
  const metadata = group.userMetadata;
  if (
    metadata !== undefined &&
    !isIntegerIn(metadata.length, userMetadataLength.min, userMetadataLength.max)
  ) {
    problems.push({
      field: "userMetadata",
      message: `userMetadata must be ${userMetadataLength.min}-${userMetadataLength.max} characters, got ${metadata.length}`,
    });
  }
  return problems;
}

/** Geo-disaster recovery as the rules see it: the namespace's request and the file's two regions. */
export interface GeoDisasterRecoveryInput extends EventHubsPlacement {
  readonly geoDisasterRecovery?: boolean;
  readonly location: string;
  readonly secondaryLocation?: string;
}

/** Whether the tier profile turns geo-disaster recovery on where the file says nothing. */
export interface GeoDisasterRecoveryDefault {
  /** The profile's name, for messages (`production`). */
  readonly tier: string;
  readonly geoDisasterRecovery: boolean;
}

/**
 * Whether the namespace is paired, and why not where it cannot be. The effective request is the
 * file's, or the tier profile's default where the file says nothing (applied only where the
 * namespace can be paired and the file names a secondary region). A problem that comes from the
 * default is reported on the namespace as a whole and says so. A missing `secondaryLocation` is the
 * tier requirements' to report.
 */
export function geoDisasterRecoveryProblems(
  ns: GeoDisasterRecoveryInput,
  tierDefault: GeoDisasterRecoveryDefault = { tier: "", geoDisasterRecovery: false },
): Problem[] {
  const stated = ns.geoDisasterRecovery;
  const tier = eventHubsTierOf(ns);
  if (stated === true && !tierLimits[tier].geoDisasterRecovery) {
    return [
      {
        field: "geoDisasterRecovery",
        message: `${tierName(tier)} has no geo-disaster recovery, got geoDisasterRecovery: true; use Standard or above`,
      },
    ];
  }
  if (stated === true && !eventHubsGeoPairable(ns)) {
    return [
      {
        field: "geoDisasterRecovery",
        message:
          "geo-disaster recovery pairs a namespace with one of the same tier in secondaryLocation, but this namespace is on a dedicated cluster and the secondary cannot be; remove geoDisasterRecovery (or move the namespace off the cluster)",
      },
    ];
  }
  const secondary = ns.secondaryLocation;
  const paired = stated ?? (tierDefault.geoDisasterRecovery && eventHubsGeoPairable(ns));
  if (!paired || secondary === undefined || !sameRegion(ns.location, secondary)) return [];
  return [
    stated === undefined
      ? {
          field: "",
          message: `geo-disaster recovery is on (the ${tierDefault.tier} tier's default) and pairs the namespace with one in secondaryLocation, but secondaryLocation is the same region as location (${ns.location}); set secondaryLocation to another region, or geoDisasterRecovery: false`,
        }
      : {
          field: "geoDisasterRecovery",
          message: `geo-disaster recovery pairs the namespace with one in another region, but secondaryLocation is the same region as location (${ns.location}); set secondaryLocation to another region, or remove geoDisasterRecovery`,
        },
  ];
}

/** The two namespaces of a pair and its alias, as the pairing construct sees them. */
export interface GeoPairInput {
  readonly primaryName: string;
  readonly primaryTier: EventHubsTier;
  readonly secondaryName: string;
  readonly secondaryTier: EventHubsTier;
  readonly aliasName: string;
}

/** [geo-dr]: the two namespaces of a pair are of one tier, and the alias is a name of its own. */
export function geoPairProblems(pair: GeoPairInput): Problem[] {
  const problems: Problem[] = [];
  if (pair.secondaryTier !== pair.primaryTier) {
    problems.push({
      field: "secondary",
      message: `the secondary must be ${pair.primaryTier} like the primary, got ${pair.secondaryTier}`,
    });
  }
  if (pair.aliasName === pair.primaryName || pair.aliasName === pair.secondaryName) {
    problems.push({
      field: "aliasName",
      message: `the alias name must differ from both namespace names, got ${pair.aliasName}`,
    });
  }
  return problems;
}
