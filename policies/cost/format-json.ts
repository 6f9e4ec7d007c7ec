import type { PriceTable } from "../../azure/prices";
import { citedPrices } from "./cited-prices";
import type { EnvironmentEstimate } from "./estimate-types";

/** The estimate and the price entries it cites, for other tools. */
export function renderCostJson(estimate: EnvironmentEstimate, prices: PriceTable): string {
  return `${JSON.stringify({ ...estimate, prices: citedPrices(estimate, prices) }, null, 2)}\n`;
}
