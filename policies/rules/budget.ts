import { retailPrices, type PriceTable } from "../../azure/prices";
import { costInputOf } from "../cost/cost-input";
import { estimateCost } from "../cost/estimate";
import { dollars, totalText } from "../cost/money";
import { ENVIRONMENT_ADDRESS } from "../engine/declarations";
import type { Rule, RuleContext, Violation } from "../engine/rule";
import { ALL_TIERS } from "./namespace-rules";

/**
 * The estimate is a floor: unpriced lines only add to it. So an estimate above the budget is an
 * overrun for certain, whatever the unpriced meters cost.
 */
function overBudget(prices: PriceTable) {
  return (context: RuleContext): Violation[] => {
    const input = costInputOf(context.model);
    const budget = input?.budget;
    if (!input || !budget) return [];
    const estimate = estimateCost(input, prices);
    if (estimate.total <= budget.monthlyAmount) return [];
    return [
      {
        declaration: { address: ENVIRONMENT_ADDRESS, source: budget.source },
        message: `the estimated cost, ${totalText(estimate.total, estimate.unpriced)}, exceeds budget.monthlyAmount of ${dollars(budget.monthlyAmount)}/month`,
      },
    ];
  };
}

/** The rule against a price table; the catalog uses the repository's. */
export function budgetRule(prices: PriceTable = retailPrices): Rule {
  return {
    id: "COST-BUDGET",
    title: "The monthly cost estimate stays within the environment's budget",
    severity: "medium",
    tiers: ALL_TIERS,
    rationale:
      "A budget alert fires after the money is spent; the pull request that raises the estimate past the budget is the cheaper place to notice.",
    remediation:
      "Reduce capacity or SKUs (`npm run cost -- --env <name>` lists what each resource costs), raise `budget.monthlyAmount`, or waive COST-BUDGET for `monitoring` with a reason and an expiry.",
    anchors: { checkov: [], azurePolicy: [] },
    evaluate: overBudget(prices),
  };
}
