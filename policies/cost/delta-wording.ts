import type { Capacity } from "./estimate-types";
import type { ResourceCostChange } from "./delta";
import { signedDollars } from "./money";

const capacityText = (c: Capacity | undefined): string => (c ? `${c.value}` : "none");

/** `Standard → Premium`, `1 → 2 messaging units`, `new`, `removed`, `usage`. */
function whatChanged(change: ResourceCostChange): string {
  if (change.change === "added") return "new";
  if (change.change === "removed") return "removed";
  const parts: string[] = [];
  if (change.sku) parts.push(`${change.sku.before} → ${change.sku.after}`);
  const c = change.capacity;
  if (c) {
    const unit = c.after?.unit ?? c.before?.unit ?? "";
    parts.push(`${capacityText(c.before)} → ${capacityText(c.after)} ${unit}`.trimEnd());
  }
  return parts.length > 0 ? parts.join(", ") : "usage";
}

/**
 * One change in words: `+$312/month: Premium namespace orders, 1 → 2 messaging units`. `name`
 * renders the resource's description (escaped for Markdown, or as it is for text); a change
 * that touches only unpriced lines says so instead of a misleading `±$0`.
 */
export function describeCostChange(
  change: ResourceCostChange,
  name: (description: string) => string = (d) => d,
): string {
  const unpriced = change.unpriced > 0 ? ` (+ ${change.unpriced} unpriced)` : "";
  const amount =
    change.amount === 0 && change.unpriced > 0 ? "unpriced" : `${signedDollars(change.amount)}/month`;
  return `${amount}: ${name(change.description)}, ${whatChanged(change)}${change.amount === 0 && change.unpriced > 0 ? "" : unpriced}`;
}
