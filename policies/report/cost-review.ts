import { costInputOf } from "../cost/cost-input";
import { compareEstimates, type CostComparison } from "../cost/delta";
import { estimateCost } from "../cost/estimate";
import type { EnvironmentResult } from "../engine/finding";
import type { ReportOptions } from "./report-options";

/** An environment's estimate in a report, and what the pull request changes in it. */
export interface CostReview {
  readonly comparison: CostComparison;
  /** Whether a base branch was given: without one there is no change to show. */
  readonly compared: boolean;
}

/**
 * Both sides are priced from the head's price table, so the change is what the pull request's
 * edits to the environment cost, not a price refresh. Absent when the result has no whole model.
 */
export function costReviewOf(result: EnvironmentResult, options: ReportOptions): CostReview | undefined {
  const head = costInputOf(result.model);
  if (!head) return undefined;
  const estimate = estimateCost(head, options.prices);
  if (!options.baseModels) return { comparison: compareEstimates(undefined, estimate), compared: false };
  const base = costInputOf(options.baseModels.get(result.environment));
  return {
    comparison: compareEstimates(base ? estimateCost(base, options.prices) : undefined, estimate),
    compared: true,
  };
}
