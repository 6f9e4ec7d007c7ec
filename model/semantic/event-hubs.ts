import {
  archiveNameTokens,
  captureIntervalSeconds,
  captureSizeLimitBytes,
  dedicatedCapacityUnitRange,
  eventHubsTier,
  maxHubsPerNamespace,
  missingArchiveNameTokens,
  premiumPartitionsPerProcessingUnit,
  premiumProcessingUnits,
  throughputUnitRange,
  tierLimits,
  type EventHubsTier,
  type EventHubsTierLimits,
} from "../../azure/event-hubs";
import type { EventHubSpec, EventHubsNamespaceSpec } from "../spec";
import type { SemanticCheck, SemanticContext } from "./context";
import { allowedIpRangesNeedPublicAccess } from "./tier-requirements";

/*
 * Event Hubs limits per tier; every message names the tier, the limit, the value given and the way out.
 * Sources:
 * [tiers]   "Compare Azure Event Hubs tiers" (learn.microsoft.com/azure/event-hubs/compare-tiers): features
 *           (Basic has no capture, IP firewall, private link or geo-DR; customer-managed keys are Premium
 *           and dedicated only) and quotas (consumer groups per hub 1/20/100/1000; retention 1/7/90/90
 *           days; 40 TUs, 16 PUs, 20 CUs; partitions per hub 32/32/100/1024 and 200 per PU on Premium;
 *           hubs per namespace 10/10/100 per PU/1000; schema groups 0/1/100/1000).
 * [compact] "Log compaction in Azure Event Hubs": not supported in the Basic tier.
 * [kafka]   "Event Hubs for Apache Kafka": the Kafka endpoint exists on Standard and above; azurerm 4.x
 *           has no `kafka_enabled`, and its `zone_redundant` is computed by Azure.
 * [premium] "Configure processing units for a premium namespace": 1, 2, 4, 8 or 16 PUs.
 * [capture] Event Hubs REST API CaptureDescription and azurerm's `capture_description` validators:
 *           interval 60-900 s, size 10485760-524288000 bytes, archive names with every placeholder.
 * [geo-dr]  "Azure Event Hubs geo-disaster recovery" (learn.microsoft.com/azure/event-hubs/event-hubs-geo-dr):
 *           the primary and the secondary namespace of a pair are of the same tier.
 * [azurerm] azurerm 4.x: `maximum_throughput_units` 0-40; `message_retention` XOR `retention_description`;
 *           Delete takes `retention_time_in_hours`, Compact `tombstone_retention_time_in_hours`;
 *           cluster `sku_name` is `Dedicated_<n>`.
 * The table and the other limits live in azure/event-hubs.ts, pure data shared
 * with the constructs, so the file's checks and the constructs' own validation can never disagree.
 */

const tierOrder: readonly EventHubsTier[] = ["Basic", "Standard", "Premium", "Dedicated"];

function tierName(tier: EventHubsTier): string {
  return tier === "Dedicated" ? "a dedicated cluster" : tier;
}

/** `use Premium for up to 100 partitions`: the first larger tier that allows the value, or `advice`. */
function wayOut(
  tier: EventHubsTier,
  allows: (limits: EventHubsTierLimits) => boolean,
  describe: (limits: EventHubsTierLimits) => string,
  advice: string,
): string {
  const larger = tierOrder
    .slice(tierOrder.indexOf(tier) + 1)
    .find((candidate) => allows(tierLimits[candidate]));
  return larger ? `use ${tierName(larger)} for ${describe(tierLimits[larger])}` : advice;
}

function checkCapacity(
  ctx: SemanticContext,
  at: string,
  ns: EventHubsNamespaceSpec,
  tier: EventHubsTier,
): void {
  const capacity = ns.capacity;
  if (capacity === undefined || tier === "Dedicated") return;
  if (tier === "Premium" && !premiumProcessingUnits.includes(capacity)) {
    ctx.error(
      `${at}/capacity`,
      `Premium takes ${premiumProcessingUnits.join(", ")} processing units, got ${capacity}; pick one of those values`,
    );
  }
  if (
    tier !== "Premium" &&
    !(
      Number.isInteger(capacity) &&
      capacity >= throughputUnitRange.min &&
      capacity <= throughputUnitRange.max
    )
  ) {
    ctx.error(
      `${at}/capacity`,
      `${tier} takes ${throughputUnitRange.min}-${throughputUnitRange.max} throughput units, got ${capacity}; use Premium or a dedicated cluster for more throughput`,
    );
  }
}

function checkAutoInflate(
  ctx: SemanticContext,
  at: string,
  ns: EventHubsNamespaceSpec,
  tier: EventHubsTier,
): void {
  const max = ns.autoInflateMaxCapacity;
  if (max === undefined) return;
  if (tier !== "Standard") {
    ctx.error(
      `${at}/autoInflateMaxCapacity`,
      `auto-inflate exists only on Standard (it scales throughput units), got autoInflateMaxCapacity ${max} on ${tierName(tier)}; ${
        tier === "Basic"
          ? "use sku: Standard, or remove autoInflateMaxCapacity"
          : "remove autoInflateMaxCapacity and set capacity"
      }`,
    );
    return;
  }
  const capacity = ns.capacity ?? 1;
  if (!Number.isInteger(max) || max < capacity || max > throughputUnitRange.max) {
    ctx.error(
      `${at}/autoInflateMaxCapacity`,
      `Standard auto-inflates between capacity (${capacity}) and ${throughputUnitRange.max} throughput units, got ${max}; set autoInflateMaxCapacity within that range`,
    );
  }
}

function checkNamespaceFeatures(
  ctx: SemanticContext,
  at: string,
  ns: EventHubsNamespaceSpec,
  tier: EventHubsTier,
): void {
  const limits = tierLimits[tier];
  if (ns.kafka === true && !limits.kafka) {
    ctx.error(
      `${at}/kafka`,
      `Basic has no Kafka endpoint, got kafka: true; use Standard or above for Kafka clients`,
    );
  }
  if (ns.kafka === false && limits.kafka) {
    ctx.error(
      `${at}/kafka`,
      `${tierName(tier)} always has the Kafka endpoint and azurerm 4.x has no switch to turn it off, got kafka: false; remove kafka, or use Basic for a namespace without Kafka`,
    );
  }
  if (ns.zoneRedundant === false) {
    ctx.error(
      `${at}/zoneRedundant`,
      `Azure makes every Event Hubs namespace zone redundant where the region has availability zones and azurerm 4.x cannot turn that off, got zoneRedundant: false; remove zoneRedundant`,
    );
  }
  if ((ns.allowedIpRanges ?? []).length > 0 && !limits.ipFirewall) {
    ctx.error(
      `${at}/allowedIpRanges`,
      `Basic has no IP firewall, got ${ns.allowedIpRanges?.length} allowed ranges; use Standard or above`,
    );
  } else if (limits.ipFirewall) {
    allowedIpRangesNeedPublicAccess(ctx, "eventHubs", at, ns);
  }
  // azurerm refuses `network_rulesets` on Basic, and the trusted-services exception lives there
  // ([tiers]: Basic has no IP firewall or virtual-network rules to make an exception to).
  if (ns.trustedServicesAllowed !== undefined && !limits.ipFirewall) {
    ctx.error(
      `${at}/trustedServicesAllowed`,
      `Basic has no network rules for trusted services to bypass, got trustedServicesAllowed: ${ns.trustedServicesAllowed}; remove it, or use Standard or above`,
    );
  }
  if (ns.privateEndpoint === true && !limits.privateLink) {
    ctx.error(
      `${at}/privateEndpoint`,
      `Basic has no private link, got privateEndpoint: true; use Standard or above`,
    );
  }
  if (ns.customerManagedKey === true && !limits.customerManagedKey) {
    ctx.error(
      `${at}/customerManagedKey`,
      `${tier} has no customer-managed keys, got customerManagedKey: true; use Premium or a dedicated cluster`,
    );
  }
  if (ns.geoDisasterRecovery === true && !limits.geoDisasterRecovery) {
    ctx.error(
      `${at}/geoDisasterRecovery`,
      `Basic has no geo-disaster recovery, got geoDisasterRecovery: true; use Standard or above`,
    );
  }
  // [geo-dr] both namespaces of a pair are in the same tier, so a namespace on a dedicated cluster
  // pairs only with one on a dedicated cluster in the secondary region, which the file cannot declare.
  if (ns.geoDisasterRecovery === true && tier === "Dedicated") {
    ctx.error(
      `${at}/geoDisasterRecovery`,
      `geo-disaster recovery pairs a namespace with one of the same tier in secondaryLocation, but this namespace is on a dedicated cluster and the secondary cannot be; remove geoDisasterRecovery (or move the namespace off the cluster)`,
    );
  }
  if (ns.dedicatedCluster && ns.dedicatedClusterId) {
    ctx.error(
      `${at}/dedicatedClusterId`,
      `give dedicatedCluster (a cluster this file creates) or dedicatedClusterId (an existing one), not both`,
    );
  }
  const clusterCapacity = ns.dedicatedCluster?.capacity;
  if (
    clusterCapacity !== undefined &&
    !(
      Number.isInteger(clusterCapacity) &&
      clusterCapacity >= dedicatedCapacityUnitRange.min &&
      clusterCapacity <= dedicatedCapacityUnitRange.max
    )
  ) {
    ctx.error(
      `${at}/dedicatedCluster/capacity`,
      `a dedicated cluster takes ${dedicatedCapacityUnitRange.min}-${dedicatedCapacityUnitRange.max} capacity units, got ${clusterCapacity}; ask Azure support for larger clusters`,
    );
  }
}

function checkRetention(
  ctx: SemanticContext,
  at: string,
  hub: EventHubSpec,
  limits: EventHubsTierLimits,
): void {
  const tier = limits.tier;
  if (hub.retentionDays !== undefined && hub.retention !== undefined) {
    ctx.error(
      `${at}/retention`,
      `give retentionDays (${hub.retentionDays}) or retention (cleanup policy ${hub.retention.cleanupPolicy}), not both; azurerm takes exactly one of them`,
    );
  }
  if (hub.retentionDays !== undefined && hub.retentionDays > limits.maxRetentionDays) {
    ctx.error(
      `${at}/retentionDays`,
      `${tierName(tier)} keeps events at most ${limits.maxRetentionDays} day${limits.maxRetentionDays === 1 ? "" : "s"}, got ${hub.retentionDays}; ${wayOut(
        tier,
        (l) => l.maxRetentionDays >= (hub.retentionDays ?? 0),
        (l) => `up to ${l.maxRetentionDays} days`,
        "capture the hub to storage to keep events longer",
      )}`,
    );
  }
  const retention = hub.retention;
  if (!retention) return;
  if (retention.cleanupPolicy === "Compact") {
    if (!limits.compaction) {
      ctx.error(
        `${at}/retention/cleanupPolicy`,
        `Basic has no log compaction, got cleanupPolicy: Compact; use Standard or above`,
      );
    }
    if (retention.tombstoneRetentionHours === undefined) {
      ctx.error(
        `${at}/retention`,
        `cleanupPolicy Compact needs tombstoneRetentionHours (how long delete markers stay readable)`,
      );
    }
    if (retention.retentionHours !== undefined) {
      ctx.error(
        `${at}/retention/retentionHours`,
        `cleanupPolicy Compact keeps the latest event per key, so retentionHours does not apply; remove it or use cleanupPolicy Delete`,
      );
    }
    return;
  }
  if (retention.tombstoneRetentionHours !== undefined) {
    ctx.error(
      `${at}/retention/tombstoneRetentionHours`,
      `tombstoneRetentionHours applies only to cleanupPolicy Compact; remove it or use Compact`,
    );
  }
  if (retention.retentionHours === undefined) {
    ctx.error(`${at}/retention`, `cleanupPolicy Delete needs retentionHours (how long events are kept)`);
    return;
  }
  const maxHours = limits.maxRetentionDays * 24;
  if (retention.retentionHours > maxHours) {
    ctx.error(
      `${at}/retention/retentionHours`,
      `${tierName(tier)} keeps events at most ${maxHours} hours, got ${retention.retentionHours}; ${wayOut(
        tier,
        (l) => l.maxRetentionDays * 24 >= (retention.retentionHours ?? 0),
        (l) => `up to ${l.maxRetentionDays * 24} hours`,
        "capture the hub to storage to keep events longer",
      )}`,
    );
  }
}

function checkCapture(
  ctx: SemanticContext,
  at: string,
  hub: EventHubSpec,
  limits: EventHubsTierLimits,
): void {
  const capture = hub.capture;
  if (!capture) return;
  if (!limits.capture) {
    ctx.error(
      `${at}/capture`,
      `Basic has no capture, got a capture block; use Standard or above to capture events to storage`,
    );
  }
  const interval = capture.intervalSeconds;
  if (
    interval !== undefined &&
    !(
      Number.isInteger(interval) &&
      interval >= captureIntervalSeconds.min &&
      interval <= captureIntervalSeconds.max
    )
  ) {
    ctx.error(
      `${at}/capture/intervalSeconds`,
      `capture writes a file every ${captureIntervalSeconds.min}-${captureIntervalSeconds.max} seconds, got ${interval}; pick a value in that range`,
    );
  }
  const size = capture.sizeLimitBytes;
  if (
    size !== undefined &&
    !(Number.isInteger(size) && size >= captureSizeLimitBytes.min && size <= captureSizeLimitBytes.max)
  ) {
    ctx.error(
      `${at}/capture/sizeLimitBytes`,
      `capture's size window is ${captureSizeLimitBytes.min}-${captureSizeLimitBytes.max} bytes (10-500 MiB), got ${size}; e.g. 314572800 for 300 MiB`,
    );
  }
  const format = capture.archiveNameFormat;
  if (format !== undefined && missingArchiveNameTokens(format).length > 0) {
    ctx.error(
      `${at}/capture/archiveNameFormat`,
      `archiveNameFormat must contain every one of ${archiveNameTokens.join(", ")}, got "${format}" without ${missingArchiveNameTokens(format).join(", ")}`,
    );
  }
}

function checkConsumerGroups(
  ctx: SemanticContext,
  at: string,
  hub: EventHubSpec,
  limits: EventHubsTierLimits,
): void {
  const groups = hub.consumerGroups ?? [];
  groups.forEach((group, k) => {
    const name = typeof group === "string" ? group : group.name;
    if (name === "$Default") {
      ctx.error(
        `${at}/consumerGroups/${k}`,
        `$Default exists in every event hub already; remove it from consumerGroups`,
      );
    }
  });
  // `$Default` always exists and counts against the limit.
  const allowed = limits.maxConsumerGroupsPerHub - 1;
  if (groups.length > allowed) {
    ctx.error(
      `${at}/consumerGroups`,
      `${tierName(limits.tier)} allows ${limits.maxConsumerGroupsPerHub} consumer group${limits.maxConsumerGroupsPerHub === 1 ? "" : "s"} per event hub including $Default, so ${allowed} more, got ${groups.length}; ${wayOut(
        limits.tier,
        (l) => l.maxConsumerGroupsPerHub - 1 >= groups.length,
        (l) => `up to ${l.maxConsumerGroupsPerHub} consumer groups per event hub`,
        "split the readers over more event hubs",
      )}`,
    );
  }
}

function checkHub(ctx: SemanticContext, at: string, hub: EventHubSpec, limits: EventHubsTierLimits): void {
  const partitions = hub.partitions;
  if (partitions !== undefined && partitions > limits.maxPartitionsPerHub) {
    ctx.error(
      `${at}/partitions`,
      `${tierName(limits.tier)} allows at most ${limits.maxPartitionsPerHub} partitions per event hub, got ${partitions}; ${wayOut(
        limits.tier,
        (l) => l.maxPartitionsPerHub >= partitions,
        (l) => `up to ${l.maxPartitionsPerHub} partitions`,
        `use at most ${limits.maxPartitionsPerHub} partitions`,
      )}`,
    );
  }
  checkRetention(ctx, at, hub, limits);
  checkCapture(ctx, at, hub, limits);
  checkConsumerGroups(ctx, at, hub, limits);
}

function checkNamespaceTotals(
  ctx: SemanticContext,
  at: string,
  ns: EventHubsNamespaceSpec,
  tier: EventHubsTier,
): void {
  const hubs = ns.hubs ?? [];
  const capacity = ns.capacity ?? 1;
  const maxHubs = maxHubsPerNamespace(tier, capacity);
  if (hubs.length > maxHubs) {
    ctx.error(
      `${at}/hubs`,
      `${tierName(tier)} allows ${maxHubs} event hubs per namespace${tier === "Premium" ? ` (${tierLimits.Premium.maxHubsPerNamespace} per processing unit)` : ""}, got ${hubs.length}; ${
        tier === "Premium"
          ? "add processing units or split the hubs over more namespaces"
          : wayOut(
              tier,
              (l) => l.maxHubsPerNamespace >= hubs.length,
              (l) => `up to ${l.maxHubsPerNamespace} event hubs`,
              "split the hubs over more namespaces",
            )
      }`,
    );
  }
  if (tier === "Premium") {
    const total = hubs.reduce((sum, hub) => sum + (hub.partitions ?? 0), 0);
    const maxTotal = premiumPartitionsPerProcessingUnit * capacity;
    if (total > maxTotal) {
      ctx.error(
        `${at}/hubs`,
        `Premium allows ${premiumPartitionsPerProcessingUnit} partitions per processing unit across a namespace, so ${maxTotal} with capacity ${capacity}, got ${total}; add processing units or use fewer partitions`,
      );
    }
  }
  const schemaGroups = ns.schemaGroups ?? [];
  const maxGroups = tierLimits[tier].maxSchemaGroups;
  if (schemaGroups.length > maxGroups) {
    const given = `got ${schemaGroups.length} schema group${schemaGroups.length === 1 ? "" : "s"}`;
    ctx.error(
      `${at}/schemaGroups`,
      `${maxGroups === 0 ? `${tierName(tier)} has no schema registry` : `${tierName(tier)} allows ${maxGroups} schema group${maxGroups === 1 ? "" : "s"} per namespace`}, ${given}; ${wayOut(
        tier,
        (l) => l.maxSchemaGroups >= schemaGroups.length,
        (l) => `up to ${l.maxSchemaGroups} schema group${l.maxSchemaGroups === 1 ? "" : "s"}`,
        "split the schemas over more namespaces",
      )}`,
    );
  }
}

export const checkEventHubs: SemanticCheck = (ctx) => {
  (ctx.spec.eventHubs ?? []).forEach((ns, i) => {
    const at = `/eventHubs/${i}`;
    const tier = eventHubsTier(
      ns.sku,
      ns.dedicatedCluster !== undefined || ns.dedicatedClusterId !== undefined,
    );
    checkCapacity(ctx, at, ns, tier);
    checkAutoInflate(ctx, at, ns, tier);
    checkNamespaceFeatures(ctx, at, ns, tier);
    checkNamespaceTotals(ctx, at, ns, tier);
    (ns.hubs ?? []).forEach((hub, j) => checkHub(ctx, `${at}/hubs/${j}`, hub, tierLimits[tier]));
  });
};
