import type { PriceTable } from "../../azure/prices";
import { markdownCode, markdownText } from "../report/markdown-text";
import { citedPrices, priceText } from "./cited-prices";
import {
  resourceAmount,
  type CostLine,
  type EnvironmentEstimate,
  type ResourceEstimate,
} from "./estimate-types";
import { dollars, totalText } from "./money";

function quantityCell(line: CostLine): string {
  return line.quantity === undefined
    ? `unknown ${line.unit}`
    : `${line.quantity.toLocaleString("en-US", { maximumFractionDigits: 3 })} ${line.unit}`;
}

function rows(resource: ResourceEstimate): string[] {
  return resource.lines.map((line, i) => {
    const name = i === 0 ? `${markdownText(resource.description)} (${markdownText(resource.region)})` : "";
    const amount = line.monthly === undefined ? "unpriced" : dollars(line.monthly);
    const why = markdownText(line.unpriced ?? line.basis);
    const cites = line.prices.map((id) => markdownCode(id)).join(" ");
    return `| ${name} | ${markdownText(line.meter)} | ${quantityCell(line)} | ${amount} | ${why} | ${cites} |`;
  });
}

/**
 * The estimate as Markdown. Names come from the environment file and every one is escaped;
 * amounts and units are ours.
 */
export function renderCostMarkdown(estimate: EnvironmentEstimate, prices: PriceTable): string {
  const out = [
    `## Monthly cost estimate: ${markdownText(estimate.environment, 80)}`,
    "",
    `List prices in ${estimate.currency}, ${estimate.hoursPerMonth} hours a month. Unpriced lines are not in the total.`,
    "",
    "| Resource | Meter | Quantity a month | Monthly | Basis | Price entries |",
    "|---|---|---|---|---|---|",
    ...estimate.resources.flatMap(rows),
    "",
    `**Total: ${totalText(estimate.total, estimate.unpriced)}**`,
    "",
  ];
  if (estimate.budget) out.push(`Budget: ${dollars(estimate.budget.monthlyAmount)}/month.`, "");
  const totals = estimate.resources.map((r) => `- ${markdownText(r.description)}: ${resourceAmount(r)}`);
  out.push("**Per resource**", "", ...totals, "");
  const cited = citedPrices(estimate, prices);
  if (cited.length > 0)
    out.push(
      "**Prices**",
      "",
      ...cited.map((p) => `- ${markdownCode(p.id)}: ${markdownText(priceText(p), 600)}`),
      "",
    );
  return out.join("\n");
}
