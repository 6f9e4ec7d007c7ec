import { describeCostChange } from "../cost/delta-wording";
import { dollars, signedDollars, totalText } from "../cost/money";
import type { CostReview } from "./cost-review";
import { markdownCode, markdownText } from "./markdown-text";

/**
 * `#### Monthly cost`: the estimate, its change against the base branch resource by resource
 * (at most `rows` of them), and the budget. Resource names come from the environment file and
 * are escaped; amounts are ours.
 */
export function costSection(cost: CostReview | undefined, rows: number, complete: string): string[] {
  if (!cost) return [];
  const { comparison } = cost;
  const head = comparison.head;
  const command = markdownCode(`npm run cost -- --env ${head.environment}`);
  const lines = [
    "#### Monthly cost",
    "",
    `Estimate: **${totalText(head.total, head.unpriced)}** at list prices, ${head.hoursPerMonth} hours a month; unpriced lines are not in the total (${command} itemizes them).`,
    "",
  ];
  if (cost.compared) {
    if (!comparison.base) lines.push("New environment: every resource is new.", "");
    if (comparison.changes.length === 0) lines.push("This pull request does not change the estimate.", "");
    else {
      lines.push(
        `Against the base branch (${totalText(comparison.base?.total ?? 0, comparison.base?.unpriced ?? 0)}): **${signedDollars(comparison.amount)}/month**`,
        "",
        ...comparison.changes.slice(0, rows).map((c) => `- ${describeCostChange(c, (d) => markdownText(d))}`),
        "",
      );
      const hidden = comparison.changes.length - rows;
      if (hidden > 0) lines.push(`_${hidden} more cost changes not shown: see ${complete}._`, "");
    }
  }
  if (head.budget)
    lines.push(
      `Budget: ${dollars(head.budget.monthlyAmount)}/month${head.total > head.budget.monthlyAmount ? " — **exceeded** (see COST-BUDGET)" : ""}.`,
      "",
    );
  return lines;
}
