import type { PriceEntry, PriceTable } from "../../azure/prices";
import type { EnvironmentEstimate } from "./estimate-types";

/** The price-table entries an estimate's lines cite, in the order first cited. */
export function citedPrices(estimate: EnvironmentEstimate, prices: PriceTable): PriceEntry[] {
  const ids = new Set(estimate.resources.flatMap((r) => r.lines.flatMap((l) => l.prices)));
  return prices.entries.filter((entry) => ids.has(entry.id));
}

/** `0.9275 USD per 1 Hour (Service Bus Premium Messaging Unit, westeurope), read 2024-07-01 from …` */
export function priceText(entry: PriceEntry): string {
  const tier = entry.tierMinimumUnits > 0 ? ` from ${entry.tierMinimumUnits} × ${entry.unitOfMeasure}` : "";
  return `${entry.unitPrice} ${entry.currencyCode} per ${entry.unitOfMeasure}${tier} (${entry.serviceName} ${entry.meterName}, ${entry.skuName}, ${entry.armRegionName}), read ${entry.readOn} from ${entry.source}`;
}
