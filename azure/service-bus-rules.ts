import { geoDisasterRecoveryApplies } from "./capabilities";
import { durationProblem } from "./durations";
import {
  sharedInterfaceProblems,
  type Capability,
  type SharedInterfaceRequest,
} from "./namespace-capabilities";
import type { Problem } from "./problem";
import {
  messagingUnitSteps,
  premiumMessagingUnits,
  premiumPartitions,
  serviceBusTiers,
  type ServiceBusSku,
} from "./service-bus";

/*
 * Every Service Bus SKU, limit and combination rule, once: here a namespace's, its autoscale's and
 * its geo-disaster-recovery pair's; queues', topics' and subscriptions' in
 * `service-bus-entity-rules.ts`. Each takes a plain object whose field names are the environment
 * file's (the constructs' props use the same names) and returns every problem it finds, with the
 * field relative to that object. The semantic checks report them at the file's line; the
 * constructs report them at synthesis. Facts and their sources are in `service-bus.ts`.
 */

/** The namespace an entity belongs to, as the entity rules see it. */
export interface ServiceBusNamespaceOf {
  /** The name the file (or the construct's label) uses, for messages. */
  readonly name?: string;
  readonly sku: ServiceBusSku;
}

/** `needs <SKU>; namespace "x" is <sku>`, or nothing when the tier offers the capability. */
export function notOnTier(
  field: string,
  capability: Capability,
  what: string,
  ns: ServiceBusNamespaceOf,
  { detail = "", plural = false }: { detail?: string; plural?: boolean } = {},
): Problem[] {
  if (capability === true) return [];
  const namespace = ns.name === undefined ? "the namespace" : `namespace "${ns.name}"`;
  const needs = plural ? "need" : "needs";
  return [{ field, message: `${what} ${needs} ${capability.needs}${detail}; ${namespace} is ${ns.sku}` }];
}

/** A duration outside Azure's limits for `field`, or nothing (and nothing when it is not given). */
export function durationProblems(
  field: string,
  text: string | undefined,
  limit: { min: number; max: number },
): Problem[] {
  if (text === undefined) return [];
  const problem = durationProblem(field, text, limit.min, limit.max);
  return problem === undefined ? [] : [{ field, message: problem }];
}

/** Autoscale of messaging units, with the file's field names. */
export interface ServiceBusAutoscaleInput {
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly scaleOutCpuPercent?: number;
  readonly scaleInCpuPercent?: number;
  readonly scaleOutMemoryPercent?: number;
  readonly scaleInMemoryPercent?: number;
}

/** The thresholds an autoscale setting uses where it states none. */
export interface AutoscaleThresholdDefaults {
  readonly scaleOutPercent: number;
  readonly scaleInPercent: number;
}

/** A namespace's autoscale, judged with its SKU, partitions and stated capacity. */
export interface ServiceBusAutoscaledNamespace extends ServiceBusNamespaceOf {
  readonly capacity?: number;
  readonly partitions?: number;
  readonly autoscale: ServiceBusAutoscaleInput;
}

function thresholdProblems(
  metric: "Cpu" | "Memory",
  a: ServiceBusAutoscaleInput,
  defaults: AutoscaleThresholdDefaults,
): Problem[] {
  const outField = `scaleOut${metric}Percent` as const;
  const inField = `scaleIn${metric}Percent` as const;
  const out = a[outField] ?? defaults.scaleOutPercent;
  const into = a[inField] ?? defaults.scaleInPercent;
  if (into >= 0 && into < out && out <= 100) return [];
  if (a[inField] === undefined && a[outField] !== undefined) {
    return [
      {
        field: `autoscale/${outField}`,
        message: `${outField} must be above ${inField} (${into}, the default) and both within 0–100, got ${out}`,
      },
    ];
  }
  return [
    {
      field: `autoscale/${inField}`,
      message: `${inField} must be below ${outField} (${out}) and both within 0–100, got ${into}`,
    },
  ];
}

/**
 * Autoscale moves between the unit counts Premium allows with the namespace's partitions, within
 * bounds that hold the namespace's own capacity. Fields are the namespace's (`autoscale/minCapacity`).
 */
export function serviceBusAutoscaleProblems(
  ns: ServiceBusAutoscaledNamespace,
  defaults: AutoscaleThresholdDefaults,
): Problem[] {
  const tier = serviceBusTiers[ns.sku];
  if (tier.messagingUnits !== true)
    return notOnTier("autoscale", tier.messagingUnits, "autoscale of messaging units", ns);
  const a = ns.autoscale;
  const partitions = ns.partitions ?? 1;
  const steps = messagingUnitSteps(partitions);
  const problems: Problem[] = [];
  for (const field of ["minCapacity", "maxCapacity"] as const) {
    if (!steps.includes(a[field])) {
      problems.push({
        field: `autoscale/${field}`,
        message: `${field} must be one of ${steps.join(", ")} messaging units (steps Premium allows with ${partitions} partition(s)), got ${a[field]}`,
      });
    }
  }
  if (a.minCapacity > a.maxCapacity) {
    problems.push({
      field: "autoscale/minCapacity",
      message: `minCapacity must not exceed maxCapacity (${a.maxCapacity}), got ${a.minCapacity}`,
    });
  }
  if (ns.capacity !== undefined && (ns.capacity < a.minCapacity || ns.capacity > a.maxCapacity)) {
    problems.push({
      field: "capacity",
      message: `capacity must lie between autoscale minCapacity ${a.minCapacity} and maxCapacity ${a.maxCapacity}, got ${ns.capacity}`,
    });
  }
  problems.push(...thresholdProblems("Cpu", a, defaults));
  if (a.scaleOutMemoryPercent !== undefined || a.scaleInMemoryPercent !== undefined)
    problems.push(...thresholdProblems("Memory", a, defaults));
  return problems;
}

/** Where a namespace and its geo-disaster-recovery pair live. */
export interface ServiceBusGeoInput extends ServiceBusNamespaceOf {
  readonly location: string;
  /** The paired region; none: no pair. */
  readonly secondaryLocation?: string;
  /** As the file states it; absent: the tier's default decides. */
  readonly geoDisasterRecovery?: boolean;
}

/** The tier profile's default for geo-disaster recovery, and the tier's name for messages. */
export interface GeoDisasterRecoveryDefault {
  readonly tier: string;
  readonly geoDisasterRecovery: boolean;
}

/** Azure compares region names without regard to case or spaces (`West Europe` is `westeurope`). */
function sameRegion(a: string, b: string): boolean {
  const norm = (region: string): string => region.replace(/\s+/g, "").toLowerCase();
  return norm(a) === norm(b);
}

/**
 * Geo-disaster recovery is Premium only ([tiers]) and pairs the namespace with one in another
 * region ("Azure Service Bus Geo-disaster recovery": the secondary namespace is in a different
 * region). Judged on the effective setting: stated, or the tier's default where a secondary region
 * is given, in which case the problem is the namespace's and says the default caused it.
 */
export function serviceBusGeoDisasterRecoveryProblems(
  ns: ServiceBusGeoInput,
  tierDefault: GeoDisasterRecoveryDefault = { tier: "", geoDisasterRecovery: false },
): Problem[] {
  const offered = serviceBusTiers[ns.sku].geoDisasterRecovery;
  if (ns.geoDisasterRecovery === true && offered !== true)
    return notOnTier("geoDisasterRecovery", offered, "geo-disaster recovery", ns);
  const applies = geoDisasterRecoveryApplies(
    ns.secondaryLocation,
    offered === true,
    ns.geoDisasterRecovery,
    tierDefault.geoDisasterRecovery,
  );
  if (!applies || ns.secondaryLocation === undefined || !sameRegion(ns.location, ns.secondaryLocation))
    return [];
  if (ns.geoDisasterRecovery === true) {
    return [
      {
        field: "geoDisasterRecovery",
        message: `geoDisasterRecovery pairs with another region, but secondaryLocation is the same as location (${ns.location})`,
      },
    ];
  }
  return [
    {
      field: "",
      message: `geo-disaster recovery (the ${tierDefault.tier} tier's default for a Premium namespace when secondaryLocation is given) pairs with another region, but secondaryLocation is the same as location (${ns.location}): set secondaryLocation to another region, or geoDisasterRecovery: false`,
    },
  ];
}

/** The names of a geo-disaster-recovery pair. */
export interface ServiceBusGeoPairNames {
  readonly name: string;
  readonly secondaryName: string;
  readonly aliasName: string;
}

/**
 * The alias is a host name in `servicebus.windows.net` like the namespaces, so it cannot be
 * either of theirs; the secondary is a namespace of its own.
 */
export function serviceBusGeoPairNameProblems(pair: ServiceBusGeoPairNames): Problem[] {
  // A name that is a Terraform token (undefined here) is known only at apply: Azure judges it then.
  const same = (a: string | undefined, b: string | undefined): boolean =>
    a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
  const problems: Problem[] = [];
  if (same(pair.secondaryName, pair.name))
    problems.push({
      field: "secondaryName",
      message: `secondaryName must differ from the primary namespace's name, got ${pair.secondaryName}`,
    });
  if (same(pair.aliasName, pair.name) || same(pair.aliasName, pair.secondaryName))
    problems.push({
      field: "aliasName",
      message: `aliasName must differ from both namespace names, got ${pair.aliasName}`,
    });
  return problems;
}

/** A namespace as the namespace rule sees it: the file's field names, shared with the construct's props. */
export interface ServiceBusNamespaceInput extends ServiceBusNamespaceOf, SharedInterfaceRequest {
  readonly capacity?: number;
  readonly partitions?: number;
  readonly zoneRedundant?: boolean;
  /** The namespace's topics, when it declares any (Basic has none). */
  readonly topics?: readonly unknown[];
}

function sizingProblems(ns: ServiceBusNamespaceInput): Problem[] {
  const tier = serviceBusTiers[ns.sku];
  if (tier.messagingUnits !== true) {
    return [
      ...(ns.capacity === undefined
        ? []
        : notOnTier("capacity", tier.messagingUnits, `capacity (messaging units, got ${ns.capacity})`, ns)),
      ...(ns.partitions === undefined
        ? []
        : notOnTier("partitions", tier.messagingUnits, `partitions (got ${ns.partitions})`, ns)),
    ];
  }
  const problems: Problem[] = [];
  const partitions = ns.partitions ?? 1;
  const validPartitions = premiumPartitions.includes(partitions);
  if (!validPartitions) {
    problems.push({
      field: "partitions",
      message: `partitions must be one of ${premiumPartitions.join(", ")}, got ${partitions}`,
    });
  }
  if (ns.capacity === undefined) return problems;
  if (!premiumMessagingUnits.includes(ns.capacity)) {
    problems.push({
      field: "capacity",
      message: `capacity must be one of ${premiumMessagingUnits.join(", ")} messaging units on Premium, got ${ns.capacity}`,
    });
  } else if (validPartitions && ns.capacity % partitions !== 0) {
    problems.push({
      field: "capacity",
      message: `capacity must be a multiple of partitions (${partitions}) on Premium, got ${ns.capacity}`,
    });
  }
  return problems;
}

/**
 * A namespace's SKU rules: the shared interfaces its SKU offers, messaging units and partitions,
 * zone redundancy, and topics. Geo-disaster recovery and autoscale need more than the namespace
 * (regions, tier defaults) and have rules of their own.
 */
export function serviceBusNamespaceProblems(ns: ServiceBusNamespaceInput): Problem[] {
  const tier = serviceBusTiers[ns.sku];
  const problems = [...sizingProblems(ns), ...sharedInterfaceProblems(tier.shared, ns)];
  if (ns.zoneRedundant === false) {
    // azurerm 4.x removed `zone_redundant`: Azure turns zones on wherever the region has them.
    problems.push({
      field: "zoneRedundant",
      message:
        "zoneRedundant cannot be false: Azure enables availability zones on new Service Bus namespaces wherever the region has them, and azurerm 4.x has no setting to turn them off",
    });
  }
  if ((ns.topics ?? []).length > 0)
    problems.push(...notOnTier("topics", tier.topics, "topics", ns, { plural: true }));
  return problems;
}
