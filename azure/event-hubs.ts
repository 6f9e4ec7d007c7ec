import { sharedInterfaceProblems, type SharedInterfaceRequest } from "./namespace-capabilities";
import { under, type Problem } from "./problem";
import {
  archiveNameTokens,
  captureIntervalSeconds,
  captureRetentionDays,
  captureSizeLimitBytes,
  dedicatedCapacityUnitRange,
  defaultConsumerGroup,
  eventHubsGeoPairable,
  eventHubsTierOf,
  maxHubsPerNamespace,
  missingArchiveNameTokens,
  onDedicatedCluster,
  premiumPartitionsPerProcessingUnit,
  premiumProcessingUnits,
  sameRegion,
  throughputUnitRange,
  tierLimits,
  userMetadataLength,
  type EventHubsPlacement,
  type EventHubsTier,
  type EventHubsTierLimits,
} from "./event-hubs-facts";

export * from "./event-hubs-facts";

/*
 * The rules over Azure Event Hubs' facts (azure/event-hubs-facts.ts), each returning every problem
 * it finds as `{field, message}` over the environment file's field names. The semantic checks
 * report them at file, line and field; the constructs register them as construct validation; so
 * the two can never disagree. Messages name the tier, the limit, the value and the way out.
 */

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
    ...clusterSkuProblems(ns),
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

/**
 * Azure places only Standard namespaces on a dedicated cluster: the cluster's capacity units replace
 * the SKU's throughput units. Microsoft's quickstart "Create an Event Hubs cluster and a namespace in
 * it" (Azure/azure-quickstart-templates quickstarts/microsoft.eventhub/eventhubs-create-cluster-namespace)
 * and azurerm's acceptance test of `dedicated_cluster_id` (internal/services/eventhub/
 * eventhub_namespace_resource_test.go) both create the namespace with sku Standard.
 */
function clusterSkuProblems(ns: EventHubsNamespaceInput): Problem[] {
  if (!onDedicatedCluster(ns) || ns.sku === "Standard") return [];
  return [
    {
      field: "sku",
      message: `a namespace on a dedicated cluster is a Standard namespace (the cluster's capacity units replace the SKU's), got sku: ${ns.sku}; use sku: Standard, or remove the cluster for a ${ns.sku} namespace`,
    },
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
        : `${tierName(tier)} always has the Kafka endpoint and azurerm 4.x has no switch to turn it off, got kafka: false; ${tier === "Dedicated" ? "remove kafka (only a Basic namespace, off any dedicated cluster, has no Kafka endpoint)" : "remove kafka, or use Basic for a namespace without Kafka"}`,
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
