import type { PriceTable } from "../../azure/prices";
import { citedPrices, priceText } from "./cited-prices";
import { resourceAmount, type CostLine, type EnvironmentEstimate } from "./estimate-types";
import { dollars, totalText } from "./money";

function quantityText(line: CostLine): string {
  return line.quantity === undefined
    ? `? ${line.unit}`
    : `${line.quantity.toLocaleString("en-US", { maximumFractionDigits: 3 })} ${line.unit}`;
}

function lineText(line: CostLine): string {
  const amount = line.monthly === undefined ? "unpriced" : dollars(line.monthly);
  const cites = line.prices.length > 0 ? ` [${line.prices.join(", ")}]` : "";
  return `    ${line.meter}: ${quantityText(line)} → ${amount}${cites}\n      ${line.basis}`;
}

/** The estimate for a terminal or a log: resources, unpriced lines, then the prices cited. */
export function renderCostText(estimate: EnvironmentEstimate, prices: PriceTable): string {
  const out = [
    `Monthly cost estimate for ${estimate.environment} (${estimate.currency}, ${estimate.hoursPerMonth} hours a month, list prices)`,
    "",
  ];
  for (const resource of estimate.resources) {
    out.push(`  ${resource.description} (${resource.region}): ${resourceAmount(resource)}`);
    out.push(...resource.lines.map(lineText));
  }
  out.push("", `Total: ${totalText(estimate.total, estimate.unpriced)}`);
  if (estimate.budget)
    out.push(
      `Budget: ${dollars(estimate.budget.monthlyAmount)}/month${estimate.total > estimate.budget.monthlyAmount ? " (exceeded)" : ""}`,
    );
  const unpriced = estimate.resources.flatMap((r) =>
    r.lines
      .filter((l) => l.monthly === undefined)
      .map((l) => `  ${r.description} · ${l.meter}: ${l.unpriced ?? ""}`),
  );
  if (unpriced.length > 0) out.push("", "Unpriced (not in the total):", ...unpriced);
  const cited = citedPrices(estimate, prices);
  if (cited.length > 0) out.push("", "Prices:", ...cited.map((p) => `  ${p.id}: ${priceText(p)}`));
  return `${out.join("\n")}\n`;
}
