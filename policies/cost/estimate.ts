import { retailPrices, type PriceTable } from "../../azure/prices";
import type { CostInput, ResourceEstimator } from "./cost-input";
import { environmentWideCosts } from "./environment-wide";
import { HOURS_PER_MONTH, resourceTotal, unpricedLines, type EnvironmentEstimate } from "./estimate-types";
import { eventGridCosts } from "./event-grid";
import { eventHubsCosts } from "./event-hubs";
import { iotHubCosts } from "./iot-hub";
import { logicAppsCosts } from "./logic-apps";
import { round } from "./lines";
import { relayCosts } from "./relay";
import { serviceBusCosts } from "./service-bus";
import { streamAnalyticsCosts } from "./stream-analytics";

/** One function per resource kind, in the order estimates list them. */
export const estimators: readonly ResourceEstimator[] = [
  serviceBusCosts,
  eventHubsCosts,
  eventGridCosts,
  relayCosts,
  iotHubCosts,
  streamAnalyticsCosts,
  logicAppsCosts,
  environmentWideCosts,
];

/**
 * The monthly cost of one environment (730 hours), per resource and in total, from a price
 * table. Lines without a known price or quantity stay in the estimate, unpriced, and are counted.
 */
export function estimateCost(
  model: CostInput,
  prices: PriceTable = retailPrices,
  kinds: readonly ResourceEstimator[] = estimators,
): EnvironmentEstimate {
  const resources = kinds.flatMap((estimator) => estimator(model, prices));
  return {
    environment: model.name,
    currency: "USD",
    hoursPerMonth: HOURS_PER_MONTH,
    resources,
    total: round(resources.reduce((sum, r) => sum + resourceTotal(r), 0)),
    unpriced: resources.reduce((sum, r) => sum + unpricedLines(r), 0),
    ...(model.budget ? { budget: { monthlyAmount: model.budget.monthlyAmount } } : {}),
  };
}
