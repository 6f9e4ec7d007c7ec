import type { PriceTable } from "../../azure/prices";
import { resourceRef } from "../../model/resource-refs";
import type { CostInput } from "./cost-input";
import { HOURS_PER_MONTH, type CostLine, type ResourceEstimate } from "./estimate-types";
import { pricedLine, unquantifiedLine } from "./lines";

/**
 * Relay bills each hybrid connection per listener-hour and each WCF relay per relay-hour while a
 * listener is connected, plus messages: the estimate assumes a listener connected all month.
 */
export function relayCosts(model: CostInput, prices: PriceTable): ResourceEstimate[] {
  const region = model.location;
  return model.relay.map((ns) => {
    const query = (meterName: string) => ({
      serviceName: "Service Bus",
      skuName: "Standard",
      meterName,
      armRegionName: region,
    });
    const lines: CostLine[] = [];
    if (ns.hybridConnections.length > 0)
      lines.push(
        pricedLine(prices, query("Hybrid Connections Listener Unit"), {
          meter: "Hybrid connection listeners",
          quantity: ns.hybridConnections.length * HOURS_PER_MONTH,
          unit: "listener-hours",
          basis: `${ns.hybridConnections.length} hybrid connections, one listener each, ${HOURS_PER_MONTH} hours`,
        }),
      );
    if (ns.wcfRelays.length > 0)
      lines.push(
        pricedLine(prices, query("WCF Relay Hours"), {
          meter: "WCF relay hours",
          quantity: ns.wcfRelays.length * HOURS_PER_MONTH,
          unit: "relay-hours",
          basis: `${ns.wcfRelays.length} WCF relays open ${HOURS_PER_MONTH} hours`,
        }),
      );
    if (lines.length > 0)
      lines.push(
        unquantifiedLine(
          "Relay messages and data",
          "messages",
          "Relay declares no throughput:, so its messages are unknown",
        ),
      );
    return {
      key: resourceRef("relay", ns.name),
      description: `Relay namespace ${ns.name}`,
      name: ns.name,
      sku: ns.sku,
      region,
      lines,
    };
  });
}
