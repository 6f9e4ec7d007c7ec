import { count, units } from "../../azure/capacity-load";
import { eventGridUnitsNeeded } from "../../azure/capacity-event-grid";
import {
  meteredInThroughputUnits,
  namespaceThroughputUnits,
  partitionsNeeded,
  type EventHubsCapacityInput,
} from "../../azure/capacity-event-hubs";
import { iotHubUnitsNeeded } from "../../azure/capacity-iot-hub";
import {
  namespaceCredits,
  premiumStartingMessagingUnits,
  standardCarries,
  standardCreditsPerSecond,
  type ServiceBusCapacityInput,
} from "../../azure/capacity-service-bus";
import {
  eventHubProblems,
  eventHubsNamespaceProblems,
  throughputUnitRange,
  tierLimits,
} from "../../azure/event-hubs";
import type { Problem } from "../../azure/problem";
import { serviceBusOffersGeoDisasterRecovery, serviceBusTiers } from "../../azure/service-bus";
import {
  serviceBusQueueProblems,
  serviceBusSubscriptionProblems,
  serviceBusTopicProblems,
} from "../../azure/service-bus-entity-rules";
import { notOnTier, serviceBusNamespaceProblems } from "../../azure/service-bus-rules";
import type {
  EnvironmentModel,
  EventHubsNamespace,
  ServiceBusNamespace,
  SourceLocation,
} from "../../model/model";

/*
 * Over-provisioning, judged against the load an environment file declares (`throughput:`): never an
 * error, a recommendation in the policy report. The sizing is Azure's (`azure/capacity-*.ts`); what
 * counts as too much is decided here, once:
 * - capacity more than twice what the declared average load needs (`OVER_FACTOR`), judged only where
 *   every entity of the namespace declares its load (an undeclared one may use the rest);
 * - Premium where Standard would carry the load and no Premium-only feature is used: what Standard
 *   would refuse is asked of each service's own rules with the Standard tier (`azure/`), never listed here;
 * - more partitions than `PARTITION_FACTOR` times what a hub's peak needs: each reader runs a receiver
 *   per partition, so partitions beyond the load only add receivers.
 */

/** Capacity above this many times the need is over-provisioned. */
export const OVER_FACTOR = 2;
/** Partitions above this many times the need are far beyond what the readers can use. */
export const PARTITION_FACTOR = 4;

export interface Recommendation {
  /** The resource, as `<service>/<namespace>[/<entity>]`. */
  readonly resource: string;
  /** Where the resource is declared. */
  readonly source: SourceLocation;
  readonly message: string;
}

/** The parts of the model sizing reads. */
export type CapacityModel = Pick<EnvironmentModel, "serviceBus" | "eventHubs" | "iotHub" | "eventGrid">;

export function eventHubsInputOf(ns: EventHubsNamespace): EventHubsCapacityInput {
  return {
    ...ns,
    hubs: ns.hubs.map((hub) => ({
      name: hub.name,
      partitions: hub.partitions,
      consumerGroups: hub.consumerGroups.length,
      capture: hub.capture !== undefined,
      throughput: hub.throughput,
    })),
  };
}

export function serviceBusInputOf(ns: ServiceBusNamespace): ServiceBusCapacityInput {
  return {
    sku: ns.sku,
    queues: ns.queues,
    topics: ns.topics.map((t) => ({
      name: t.name,
      throughput: t.throughput,
      subscriptions: t.subscriptions.length,
    })),
  };
}

/**
 * What a Standard namespace would refuse of this one, asked of Event Hubs' own rules with the tier
 * Standard: the namespace's shared interfaces and totals, and each hub. A hub declared with
 * `retention:` is judged without the `retentionDays` the resolver fills in from the tier profile
 * (azurerm takes one or the other, and the file chose `retention:`).
 */
function eventHubsStandardRefusals(ns: EventHubsNamespace): Problem[] {
  return [
    ...eventHubsNamespaceProblems({
      sku: "Standard",
      privateEndpoint: ns.privateEndpoint !== undefined,
      customerManagedKey: ns.customerManagedKey !== undefined,
      hubs: ns.hubs,
      schemaGroups: ns.schemaGroups,
    }),
    ...(ns.geoDisasterRecovery !== undefined && !tierLimits.Standard.geoDisasterRecovery
      ? [{ field: "geoDisasterRecovery", message: "Standard has no geo-disaster recovery" }]
      : []),
    ...ns.hubs.flatMap((hub) =>
      eventHubProblems(hub.retention === undefined ? hub : { ...hub, retentionDays: undefined }, "Standard"),
    ),
  ];
}

/**
 * What a Standard namespace would refuse of this one, asked of Service Bus's own rules with the SKU
 * Standard: the namespace's shared interfaces, partitions, autoscale and geo-disaster recovery, and
 * every queue, topic and subscription.
 */
function serviceBusStandardRefusals(ns: ServiceBusNamespace): Problem[] {
  const standard = { name: ns.name, sku: "Standard" } as const;
  const { messagingUnits, geoDisasterRecovery } = serviceBusTiers.Standard;
  return [
    ...serviceBusNamespaceProblems({
      ...standard,
      privateEndpoint: ns.privateEndpoint !== undefined,
      customerManagedKey: ns.customerManagedKey !== undefined,
      ...(ns.partitions > 1 ? { partitions: ns.partitions } : {}),
      topics: ns.topics,
    }),
    ...(ns.autoscale !== undefined
      ? notOnTier("autoscale", messagingUnits, "autoscale of messaging units", standard)
      : []),
    ...(ns.geoDisasterRecovery !== undefined && !serviceBusOffersGeoDisasterRecovery("Standard")
      ? notOnTier("geoDisasterRecovery", geoDisasterRecovery, "geo-disaster recovery", standard)
      : []),
    ...ns.queues.flatMap((q) => serviceBusQueueProblems(standard, q)),
    ...ns.topics.flatMap((t) => [
      ...serviceBusTopicProblems(standard, t),
      ...t.subscriptions.flatMap((s) => serviceBusSubscriptionProblems(standard, s)),
    ]),
  ];
}

function eventHubs(ns: EventHubsNamespace): Recommendation[] {
  const input = eventHubsInputOf(ns);
  const resource = `eventHubs/${ns.name}`;
  const found: Recommendation[] = [];
  ns.hubs.forEach((hub, j) => {
    if (!hub.throughput) return;
    const needed = partitionsNeeded(input.hubs[j]);
    if (hub.partitions > PARTITION_FACTOR * needed)
      found.push({
        resource: `${resource}/${hub.name}`,
        source: hub.source,
        message: `${hub.partitions} partitions, while the declared peak load needs ${units(needed, "partition")} (one per throughput unit): each reader runs a receiver per partition, so the rest only add receivers; a new hub with fewer partitions would do`,
      });
  });
  const declared = ns.hubs.length > 0 && ns.hubs.every((hub) => hub.throughput !== undefined);
  if (!declared) return found;
  const average = namespaceThroughputUnits(input, "average");
  const peak = namespaceThroughputUnits(input, "peak");
  const need = Math.max(1, average.in, average.out);
  if (meteredInThroughputUnits(ns)) {
    if (ns.capacity > OVER_FACTOR * need)
      found.push({
        resource,
        source: ns.source,
        message: `capacity ${ns.capacity} throughput units is more than ${OVER_FACTOR} times the ${units(need, "throughput unit")} the declared average load needs${ns.autoInflateMaxCapacity !== undefined ? "; auto-inflate covers the peak" : ""}`,
      });
    else if (need > ns.capacity && ns.autoInflateMaxCapacity !== undefined)
      found.push({
        resource,
        source: ns.source,
        message: `the declared average load alone needs ${units(need, "throughput unit")}, more than capacity ${ns.capacity}: the namespace would run inflated all the time; state capacity ${need}`,
      });
  }
  if (ns.sku === "Premium" && ns.dedicatedCluster === undefined && ns.dedicatedClusterId === undefined) {
    const peakNeed = Math.max(1, peak.in, peak.out);
    if (eventHubsStandardRefusals(ns).length === 0 && peakNeed <= throughputUnitRange.max)
      found.push({
        resource,
        source: ns.source,
        message: `Premium, while Standard would carry the declared load (${units(peakNeed, "throughput unit")} at peak, of Standard's ${throughputUnitRange.max}) and no Premium-only feature is used; Premium buys isolation and predictable latency`,
      });
  }
  return found;
}

function serviceBus(ns: ServiceBusNamespace): Recommendation[] {
  const entities = [...ns.queues, ...ns.topics];
  if (ns.sku !== "Premium" || entities.length === 0 || entities.some((e) => e.throughput === undefined))
    return [];
  const input = serviceBusInputOf(ns);
  if (!standardCarries(input)) return [];
  const resource = `serviceBus/${ns.name}`;
  const credits = `${count(namespaceCredits(input, "peak"))} credits/s at peak, of Standard's ${count(standardCreditsPerSecond)}`;
  if (serviceBusStandardRefusals(ns).length === 0)
    return [
      {
        resource,
        source: ns.source,
        message: `Premium, while Standard would carry the declared load (${credits}) and no Premium-only feature is used; Premium buys isolation and predictable latency`,
      },
    ];
  if (ns.capacity > premiumStartingMessagingUnits)
    return [
      {
        resource,
        source: ns.source,
        message: `${ns.capacity} messaging units for a load a Standard namespace would carry (${credits}): Microsoft's guidance is to start with 1 or 2 and scale up when CPU passes 70% (guidance: no rate per messaging unit is published)`,
      },
    ];
  return [];
}

function overUnits(
  resource: string,
  source: SourceLocation,
  capacity: number,
  need: number,
  noun: string,
): Recommendation[] {
  return capacity > OVER_FACTOR * need
    ? [
        {
          resource,
          source,
          message: `capacity ${capacity} ${noun}s is more than ${OVER_FACTOR} times the ${units(need, noun)} the declared load needs`,
        },
      ]
    : [];
}

/** Every over-provisioning recommendation of an environment, in the file's order. */
export function capacityRecommendations(model: CapacityModel): Recommendation[] {
  return [
    ...model.serviceBus.flatMap(serviceBus),
    ...model.eventHubs.flatMap(eventHubs),
    ...model.iotHub.flatMap((hub) =>
      hub.throughput
        ? overUnits(
            `iotHub/${hub.name}`,
            hub.source,
            hub.capacity,
            iotHubUnitsNeeded(hub.sku, hub.throughput),
            "unit",
          )
        : [],
    ),
    ...model.eventGrid.namespaces.flatMap((ns) =>
      ns.throughput
        ? overUnits(
            `eventGrid/namespaces/${ns.name}`,
            ns.source,
            ns.capacity,
            eventGridUnitsNeeded(ns.throughput),
            "throughput unit",
          )
        : [],
    ),
  ];
}
