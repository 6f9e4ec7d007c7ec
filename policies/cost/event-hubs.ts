import type { PriceTable } from "../../azure/prices";
import type { EventHubsNamespace } from "../../model/model";
import { resourceRef } from "../../model/resource-refs";
import type { CostInput } from "./cost-input";
import { HOURS_PER_MONTH, SECONDS_PER_MONTH, type CostLine, type ResourceEstimate } from "./estimate-types";
import { counted, pricedLine, unquantifiedLine } from "./lines";

const SERVICE = "Event Hubs";

/**
 * An ingress event is billed per 64 KB: "An ingress event is a unit of data 64 KB or less"
 * (Event Hubs pricing FAQ, https://azure.microsoft.com/pricing/details/event-hubs/).
 */
const INGRESS_EVENT_BYTES = 64 * 1024;

function ingressLines(ns: EventHubsNamespace, region: string, prices: PriceTable): CostLine[] {
  const declared = ns.hubs.filter((hub) => hub.throughput !== undefined);
  const missing = ns.hubs.length - declared.length;
  const lines: CostLine[] = [];
  if (declared.length > 0) {
    const events = declared.reduce((sum, hub) => {
      const t = hub.throughput;
      if (!t) return sum;
      return sum + t.eventsPerSecond * Math.max(1, Math.ceil(t.averageEventBytes / INGRESS_EVENT_BYTES));
    }, 0);
    lines.push(
      pricedLine(
        prices,
        {
          serviceName: SERVICE,
          skuName: ns.sku,
          meterName: `${ns.sku} Ingress Events`,
          armRegionName: region,
        },
        {
          meter: "Ingress events",
          quantity: (events * SECONDS_PER_MONTH) / 1e6,
          unit: "million events",
          basis: `events/s of ${counted(declared.length, "hub", "hubs")} with throughput:, each 64 KB one billed event`,
        },
      ),
    );
  }
  if (missing > 0)
    lines.push(
      unquantifiedLine(
        "Ingress events",
        "million events",
        `${counted(missing, "hub declares", "hubs declare")} no throughput:, so their ingress is unknown`,
      ),
    );
  return lines;
}

function namespaceLines(ns: EventHubsNamespace, region: string, prices: PriceTable): CostLine[] {
  const query = (meterName: string) => ({
    serviceName: SERVICE,
    skuName: ns.sku,
    meterName,
    armRegionName: region,
  });
  if (ns.dedicatedClusterId !== undefined || ns.dedicatedCluster !== undefined) return []; // billed as the cluster's capacity units
  if (ns.sku === "Premium")
    return [
      pricedLine(prices, query("Processing Unit"), {
        meter: "Processing units",
        quantity: ns.capacity * HOURS_PER_MONTH,
        unit: "unit-hours",
        basis: `${ns.capacity} processing units × ${HOURS_PER_MONTH} hours; ingress and capture included`,
      }),
    ];
  const inflate =
    ns.autoInflateMaxCapacity !== undefined
      ? `; auto-inflate may bill up to ${ns.autoInflateMaxCapacity} in busy hours`
      : "";
  const lines = [
    pricedLine(prices, query(`${ns.sku} Throughput Unit`), {
      meter: "Throughput units",
      quantity: ns.capacity * HOURS_PER_MONTH,
      unit: "unit-hours",
      basis: `${ns.capacity} throughput units × ${HOURS_PER_MONTH} hours${inflate}`,
    }),
    ...ingressLines(ns, region, prices),
  ];
  // Capture is billed per throughput unit and hour while any hub of the namespace captures.
  if (ns.hubs.some((hub) => hub.capture !== undefined))
    lines.push(
      pricedLine(prices, query("Capture"), {
        meter: "Capture",
        quantity: ns.capacity * HOURS_PER_MONTH,
        unit: "unit-hours",
        basis: `${ns.capacity} throughput units × ${HOURS_PER_MONTH} hours with capture on`,
      }),
    );
  return lines;
}

function capacityOf(ns: EventHubsNamespace): { value: number; unit: string } | undefined {
  if (ns.dedicatedCluster !== undefined || ns.dedicatedClusterId !== undefined) return undefined;
  return { value: ns.capacity, unit: ns.sku === "Premium" ? "processing units" : "throughput units" };
}

function namespaceEstimate(ns: EventHubsNamespace, model: CostInput, prices: PriceTable): ResourceEstimate[] {
  const capacity = capacityOf(ns);
  const primary: ResourceEstimate = {
    key: resourceRef("eventHubs", ns.name),
    description: `${ns.sku} Event Hubs namespace ${ns.name}`,
    name: ns.name,
    sku: ns.sku,
    ...(capacity ? { capacity } : {}),
    region: model.location,
    lines: namespaceLines(ns, model.location, prices),
  };
  const estimates = [primary];
  const cluster = ns.dedicatedCluster;
  if (cluster)
    estimates.push({
      key: `${primary.key}#cluster`,
      description: `Event Hubs dedicated cluster ${cluster.name}`,
      name: cluster.name,
      sku: "Dedicated",
      capacity: { value: cluster.capacity, unit: "capacity units" },
      region: model.location,
      lines: [
        pricedLine(
          prices,
          {
            serviceName: SERVICE,
            skuName: "Dedicated",
            meterName: "Dedicated Capacity Unit",
            armRegionName: model.location,
          },
          {
            meter: "Capacity units",
            quantity: cluster.capacity * HOURS_PER_MONTH,
            unit: "unit-hours",
            basis: `${cluster.capacity} capacity units × ${HOURS_PER_MONTH} hours`,
          },
        ),
      ],
    });
  const dr = ns.geoDisasterRecovery;
  if (dr)
    estimates.push({
      ...primary,
      key: `${primary.key}#secondary`,
      description: `${primary.description} (geo-DR secondary)`,
      region: dr.secondaryLocation,
      lines: namespaceLines({ ...ns, hubs: [] }, dr.secondaryLocation, prices),
    });
  return estimates;
}

export function eventHubsCosts(model: CostInput, prices: PriceTable): ResourceEstimate[] {
  return model.eventHubs.flatMap((ns) => namespaceEstimate(ns, model, prices));
}
