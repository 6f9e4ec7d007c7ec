import { count, loadText, MEGABYTE, rateAt, units, unitsFor, type LoadLevel } from "./capacity-load";
import { eventHubsTierOf, throughputUnitRange, type EventHubsPlacement } from "./event-hubs-facts";
import type { Problem } from "./problem";

/*
 * How much Event Hubs capacity a declared load needs. Sources:
 * [scale]      "Scaling with Event Hubs" (learn.microsoft.com/azure/event-hubs/event-hubs-scalability):
 *              one throughput unit lets in up to 1 MB/s or 1,000 events/s, whichever comes first, and
 *              out up to 2 MB/s or 4,096 events/s; beyond it ingress is throttled; throughput units
 *              are shared by every event hub of the namespace; auto-inflate raises them up to its maximum.
 * [tiers]      "Compare Azure Event Hubs tiers": Basic and Standard both buy throughput units (Basic
 *              with one consumer group and no capture); Premium processing units and dedicated capacity
 *              units have no published throttle: "the achievable throughput isn't set by a throttle as
 *              it is in the standard tier, but depends on the work you ask Event Hubs to do"
 *              ("Overview of Event Hubs Premium"), so no rule here refuses a Premium or dedicated load.
 * [partitions] "Scaling with Event Hubs", Partitions: "choose at least as many partitions as you expect
 *              to require in sustained throughput units during the peak load ... calculate with a single
 *              partition having a throughput capacity of 1 TU (1 MByte in, 2 MByte out)".
 * [readers]    "Features and terminology in Azure Event Hubs", Event consumers: every consumer group
 *              reads the whole stream (each partition), and so does capture; what a hub sends out is
 *              what comes in, once per reader.
 */

/** [scale] */
export const throughputUnit = {
  ingressBytesPerSecond: MEGABYTE,
  ingressEventsPerSecond: 1000,
  egressBytesPerSecond: 2 * MEGABYTE,
  egressEventsPerSecond: 4096,
} as const;

const perUnitText = "a throughput unit carries 1 MB/s or 1,000 events/s in and 2 MB/s or 4,096 events/s out";

/** An event hub's declared load (`throughput:`), as the environment file states it. */
export interface EventLoad {
  readonly eventsPerSecond: number;
  readonly averageEventBytes: number;
  readonly peakFactor?: number;
}

/** What sizing needs of a hub: its partitions and what reads it. */
export interface HubCapacityInput {
  readonly name: string;
  readonly partitions: number;
  /** Consumer groups the file declares (the `$Default` group Azure adds is not counted). */
  readonly consumerGroups: number;
  readonly capture: boolean;
  readonly throughput?: EventLoad;
}

export interface EventHubsCapacityInput extends EventHubsPlacement {
  /** Throughput units on Basic and Standard, processing units on Premium. */
  readonly capacity: number;
  /** Auto-inflate's ceiling; absent when auto-inflate is off. */
  readonly autoInflateMaxCapacity?: number;
  readonly hubs: readonly HubCapacityInput[];
}

/** Throughput units in and out. */
export interface ThroughputUnits {
  readonly in: number;
  readonly out: number;
}

/** [readers] Readers of a hub: its declared consumer groups plus capture; with neither, `$Default`'s one reader. */
export function readersOf(hub: Pick<HubCapacityInput, "consumerGroups" | "capture">): number {
  return Math.max(1, hub.consumerGroups + (hub.capture ? 1 : 0));
}

function readersText(hub: Pick<HubCapacityInput, "consumerGroups" | "capture">): string {
  const readers = readersOf(hub);
  const parts = [
    ...(hub.consumerGroups > 0 ? [units(hub.consumerGroups, "consumer group")] : []),
    ...(hub.capture ? ["capture"] : []),
  ];
  const of = parts.length > 0 ? parts.join(" + ") : "the $Default consumer group";
  return `${units(readers, "reader")} (${of}) each read every event`;
}

interface Rates {
  readonly inBytes: number;
  readonly inEvents: number;
  readonly outBytes: number;
  readonly outEvents: number;
}

function ratesOf(load: EventLoad, readers: number, level: LoadLevel): Rates {
  const events = rateAt(load.eventsPerSecond, load.peakFactor, level);
  const inBytes = events * load.averageEventBytes;
  return { inBytes, inEvents: events, outBytes: inBytes * readers, outEvents: events * readers };
}

function unitsOf(rates: Rates): ThroughputUnits {
  return {
    in: Math.max(
      unitsFor(rates.inBytes, throughputUnit.ingressBytesPerSecond),
      unitsFor(rates.inEvents, throughputUnit.ingressEventsPerSecond),
    ),
    out: Math.max(
      unitsFor(rates.outBytes, throughputUnit.egressBytesPerSecond),
      unitsFor(rates.outEvents, throughputUnit.egressEventsPerSecond),
    ),
  };
}

/** [scale] Throughput units one hub's load needs, in and out. */
export function hubThroughputUnits(hub: HubCapacityInput, level: LoadLevel): ThroughputUnits {
  return hub.throughput ? unitsOf(ratesOf(hub.throughput, readersOf(hub), level)) : { in: 0, out: 0 };
}

/** [scale] Throughput units the declared load of every hub together needs: the namespace shares them. */
export function namespaceThroughputUnits(ns: EventHubsCapacityInput, level: LoadLevel): ThroughputUnits {
  const total = ns.hubs.reduce<Rates>(
    (sum, hub) => {
      if (!hub.throughput) return sum;
      const r = ratesOf(hub.throughput, readersOf(hub), level);
      return {
        inBytes: sum.inBytes + r.inBytes,
        inEvents: sum.inEvents + r.inEvents,
        outBytes: sum.outBytes + r.outBytes,
        outEvents: sum.outEvents + r.outEvents,
      };
    },
    { inBytes: 0, inEvents: 0, outBytes: 0, outEvents: 0 },
  );
  return unitsOf(total);
}

/** [partitions] Partitions a hub's peak load needs: one per throughput unit, in or out. */
export function partitionsNeeded(hub: HubCapacityInput): number {
  const peak = hubThroughputUnits(hub, "peak");
  return Math.max(1, peak.in, peak.out);
}

/** [tiers] Whether the namespace's capacity is throughput units with a published throttle (Basic, Standard). */
export function meteredInThroughputUnits(ns: EventHubsPlacement): boolean {
  const tier = eventHubsTierOf(ns);
  return tier === "Basic" || tier === "Standard";
}

/** [scale] The most throughput units the namespace reaches: auto-inflate's ceiling, else its capacity. */
export function throughputUnitCeiling(ns: EventHubsCapacityInput): number {
  return Math.max(ns.capacity, ns.autoInflateMaxCapacity ?? 0);
}

function capacityText(ns: EventHubsCapacityInput): string {
  const inflate =
    ns.autoInflateMaxCapacity === undefined
      ? "auto-inflate off"
      : `auto-inflate up to ${ns.autoInflateMaxCapacity}`;
  return `capacity ${ns.capacity}, ${inflate}`;
}

function hubLoadText(load: EventLoad): string {
  return loadText(load.eventsPerSecond, "events", load.averageEventBytes, load.peakFactor);
}

function needText(need: ThroughputUnits): string {
  return `${units(need.in, "throughput unit")} in, ${count(need.out)} out`;
}

/**
 * Under-provisioning of a Basic or Standard namespace ([scale]): the peak of the declared load,
 * every hub's together, must fit the throughput units it can reach; and each loaded hub needs a
 * partition per throughput unit of its own peak ([partitions]). Reported at each loaded hub's
 * `throughput`, saying what is needed and why.
 */
export function eventHubsCapacityProblems(ns: EventHubsCapacityInput): Problem[] {
  if (!meteredInThroughputUnits(ns)) return [];
  const problems: Problem[] = [];
  const loaded = ns.hubs.filter((hub) => hub.throughput !== undefined);
  const total = namespaceThroughputUnits(ns, "peak");
  const needed = Math.max(total.in, total.out);
  const ceiling = throughputUnitCeiling(ns);
  ns.hubs.forEach((hub, j) => {
    const load = hub.throughput;
    if (!load) return;
    const field = `hubs/${j}/throughput`;
    const own = hubThroughputUnits(hub, "peak");
    if (needed > ceiling) {
      const shared =
        loaded.length > 1
          ? `; with the other ${units(loaded.length - 1, "hub")} declaring load, the namespace needs ${needText(total)}`
          : "";
      const beyond =
        needed > throughputUnitRange.max
          ? `; that is more than the ${throughputUnitRange.max} throughput units a Basic or Standard namespace can have: use Premium or a dedicated cluster`
          : "";
      problems.push({
        field,
        message: `${hubLoadText(load)} needs ${needText(own)}${shared}; ${capacityText(ns)}. ${readersText(hub)}; ${perUnitText}${beyond}`,
      });
    }
    const partitions = partitionsNeeded(hub);
    if (hub.partitions < partitions)
      problems.push({
        field,
        message: `${hubLoadText(load)} needs ${units(partitions, "partition")}, the hub has ${hub.partitions}: Microsoft's partition guidance counts one throughput unit per partition (1 MB/s or 1,000 events/s in, 2 MB/s or 4,096 events/s out), and ${readersText(hub)}`,
      });
  });
  return problems;
}
