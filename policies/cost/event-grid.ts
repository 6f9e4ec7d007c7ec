import type { PriceTable } from "../../azure/prices";
import { resourceRef } from "../../model/resource-refs";
import type { CostInput } from "./cost-input";
import { HOURS_PER_MONTH, SECONDS_PER_MONTH, type ResourceEstimate } from "./estimate-types";
import { pricedLine, unquantifiedLine } from "./lines";

const SERVICE = "Event Grid";

/** Custom and system topics bill publish, match and delivery operations; their file declares no load. */
function topicEstimate(
  kind: "eventGridTopics" | "eventGridSystemTopics",
  name: string,
  noun: string,
  region: string,
): ResourceEstimate {
  return {
    key: resourceRef(kind, name),
    description: `Event Grid ${noun} ${name}`,
    name,
    sku: "Basic",
    region,
    lines: [
      unquantifiedLine(
        "Operations (publish, advanced match, delivery)",
        "100,000 operations",
        "topics declare no throughput:, so their operations are unknown",
      ),
    ],
  };
}

export function eventGridCosts(model: CostInput, prices: PriceTable): ResourceEstimate[] {
  const region = model.location;
  const query = (meterName: string) => ({
    serviceName: SERVICE,
    skuName: "Standard",
    meterName,
    armRegionName: region,
  });
  const namespaces = model.eventGrid.namespaces.map((ns): ResourceEstimate => {
    const t = ns.throughput;
    const mqtt =
      ns.mqtt === undefined
        ? []
        : t === undefined
          ? [
              unquantifiedLine(
                "MQTT operations",
                "million operations",
                "the namespace declares no throughput:, so its MQTT operations are unknown",
              ),
            ]
          : [
              pricedLine(prices, query("Standard MQTT Operations"), {
                meter: "MQTT operations",
                quantity: (t.messagesPerSecond * SECONDS_PER_MONTH) / 1e6,
                unit: "million operations",
                basis: `${t.messagesPerSecond} published messages/s; deliveries to subscribers and routing are not counted`,
              }),
            ];
    return {
      key: resourceRef("eventGridNamespaces", ns.name),
      description: `Event Grid namespace ${ns.name}`,
      name: ns.name,
      sku: ns.sku,
      capacity: { value: ns.capacity, unit: "throughput units" },
      region,
      lines: [
        pricedLine(prices, query("Standard Throughput Unit"), {
          meter: "Throughput units",
          quantity: ns.capacity * HOURS_PER_MONTH,
          unit: "unit-hours",
          basis: `${ns.capacity} throughput units × ${HOURS_PER_MONTH} hours`,
        }),
        ...mqtt,
      ],
    };
  });
  return [
    ...model.eventGrid.topics.map((t) => topicEstimate("eventGridTopics", t.name, "topic", region)),
    ...model.eventGrid.systemTopics.map((t) =>
      topicEstimate("eventGridSystemTopics", t.name, "system topic", region),
    ),
    ...namespaces,
  ];
}
