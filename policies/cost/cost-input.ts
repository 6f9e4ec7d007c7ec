import type { EnvironmentModel } from "../../model/model";
import type { PolicyModel } from "../../model/policy-model";
import type { PriceTable } from "../../azure/prices";
import type { ResourceEstimate } from "./estimate-types";

/** What an estimate reads: the resolved environment, SKUs, capacities and declared load included. */
export type CostInput = Pick<
  EnvironmentModel,
  | "name"
  | "location"
  | "secondaryLocation"
  | "serviceBus"
  | "eventHubs"
  | "eventGrid"
  | "relay"
  | "iotHub"
  | "streamAnalytics"
  | "logicApps"
  | "budget"
  | "monitoring"
>;

/** One resource kind's estimates: adding a kind to the estimate is adding one of these. */
export type ResourceEstimator = (model: CostInput, prices: PriceTable) => ResourceEstimate[];

/**
 * The policy engine and the reports hold each environment as a `PolicyModel`; the models they
 * load from files are whole `EnvironmentModel`s, which carry SKUs, capacities and `throughput:`.
 * Small hand-built models (tests of single rules) carry none of that and get no estimate.
 */
export function costInputOf(model: PolicyModel | undefined): CostInput | undefined {
  return model !== undefined && isEnvironmentModel(model) ? model : undefined;
}

function isEnvironmentModel(model: PolicyModel): model is EnvironmentModel {
  return "generatedNames" in model && "resourceGroupName" in model && "principals" in model;
}
