import type { PriceTable } from "../../azure/prices";
import type { ServiceBusNamespace } from "../../model/model";
import { resourceRef } from "../../model/resource-refs";
import type { MessageThroughput } from "../../model/throughput";
import type { CostInput } from "./cost-input";
import { HOURS_PER_MONTH, SECONDS_PER_MONTH, type CostLine, type ResourceEstimate } from "./estimate-types";
import { counted, pricedLine, unquantifiedLine } from "./lines";

const SERVICE = "Service Bus";

/**
 * Service Bus bills 64 KB of a message as one operation (a larger message counts one more per
 * further 64 KB): Microsoft's Service Bus pricing FAQ, https://azure.microsoft.com/pricing/details/service-bus/.
 */
const OPERATION_BYTES = 64 * 1024;

/** Operations a month for one entity: its sends, plus one delivery per receiver of each message. */
function operationsPerMonth(throughput: MessageThroughput, deliveries: number): number {
  const chunks = Math.max(1, Math.ceil(throughput.averageMessageBytes / OPERATION_BYTES));
  return throughput.messagesPerSecond * SECONDS_PER_MONTH * chunks * (1 + deliveries);
}

/** Basic and Standard: operations from every queue and topic that declares `throughput:`. */
function operationLines(ns: ServiceBusNamespace, region: string, prices: PriceTable): CostLine[] {
  const entities = [
    ...ns.queues.map((q) => ({ throughput: q.throughput, deliveries: 1 })),
    ...ns.topics.map((t) => ({ throughput: t.throughput, deliveries: Math.max(1, t.subscriptions.length) })),
  ];
  const declared = entities.filter((e) => e.throughput !== undefined);
  const missing = entities.length - declared.length;
  const lines: CostLine[] = [];
  if (declared.length > 0) {
    const operations = declared.reduce(
      (sum, e) => sum + (e.throughput ? operationsPerMonth(e.throughput, e.deliveries) : 0),
      0,
    );
    lines.push(
      pricedLine(
        prices,
        {
          serviceName: SERVICE,
          skuName: ns.sku,
          meterName: `${ns.sku} Messaging Operations`,
          armRegionName: region,
        },
        {
          meter: "Messaging operations",
          quantity: operations / 1e6,
          unit: "million operations",
          basis: `sends and deliveries (one per queue receiver, one per topic subscription) of ${counted(declared.length, "entity", "entities")} with throughput:, each 64 KB one operation`,
        },
      ),
    );
  }
  if (missing > 0)
    lines.push(
      unquantifiedLine(
        "Messaging operations",
        "million operations",
        `${counted(missing, "queue or topic declares", "queues and topics declare")} no throughput:, so their operations are unknown`,
      ),
    );
  return lines;
}

function namespaceLines(ns: ServiceBusNamespace, region: string, prices: PriceTable): CostLine[] {
  const query = (meterName: string) => ({
    serviceName: SERVICE,
    skuName: ns.sku,
    meterName,
    armRegionName: region,
  });
  if (ns.sku === "Premium")
    return [
      pricedLine(prices, query("Premium Messaging Unit"), {
        meter: "Premium messaging units",
        quantity: ns.capacity * HOURS_PER_MONTH,
        unit: "unit-hours",
        basis: `${ns.capacity} messaging units × ${HOURS_PER_MONTH} hours; operations are included`,
      }),
    ];
  const base =
    ns.sku === "Standard"
      ? [
          pricedLine(prices, query("Standard Base Unit"), {
            meter: "Standard base charge",
            quantity: HOURS_PER_MONTH,
            unit: "hours",
            basis: `${HOURS_PER_MONTH} hours; includes the first 13 million operations`,
          }),
        ]
      : [];
  return [...base, ...operationLines(ns, region, prices)];
}

/** Every Service Bus namespace, and the paired secondary of each with geo-disaster recovery. */
export function serviceBusCosts(model: CostInput, prices: PriceTable): ResourceEstimate[] {
  return model.serviceBus.flatMap((ns) => {
    const capacity = ns.sku === "Premium" ? { value: ns.capacity, unit: "messaging units" } : undefined;
    const primary: ResourceEstimate = {
      key: resourceRef("serviceBus", ns.name),
      description: `${ns.sku} namespace ${ns.name}`,
      name: ns.name,
      sku: ns.sku,
      ...(capacity ? { capacity } : {}),
      region: model.location,
      lines: namespaceLines(ns, model.location, prices),
    };
    const dr = ns.geoDisasterRecovery;
    if (!dr) return [primary];
    // The secondary is a second Premium namespace of the same size; it carries no traffic until failover.
    const secondary: ResourceEstimate = {
      key: `${primary.key}#secondary`,
      description: `${ns.sku} namespace ${ns.name} (geo-DR secondary)`,
      name: ns.name,
      sku: ns.sku,
      ...(capacity ? { capacity } : {}),
      region: dr.secondaryLocation,
      lines: namespaceLines({ ...ns, queues: [], topics: [] }, dr.secondaryLocation, prices),
    };
    return [primary, secondary];
  });
}
