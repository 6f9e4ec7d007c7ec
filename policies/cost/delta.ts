import {
  resourceTotal,
  unpricedLines,
  type Capacity,
  type EnvironmentEstimate,
  type ResourceEstimate,
} from "./estimate-types";
import { round } from "./lines";

/** What a pull request does to one resource's monthly cost. */
export interface ResourceCostChange {
  readonly key: string;
  readonly description: string;
  readonly change: "added" | "removed" | "changed";
  /** Head minus base, dollars a month, over priced lines only. */
  readonly amount: number;
  /** Unpriced lines in the head (for removed resources: in the base). */
  readonly unpriced: number;
  readonly sku?: { readonly before: string; readonly after: string };
  readonly capacity?: { readonly before?: Capacity; readonly after?: Capacity };
}

export interface CostComparison {
  readonly base?: EnvironmentEstimate;
  readonly head: EnvironmentEstimate;
  /** Head total minus base total; the head total when there is no base. */
  readonly amount: number;
  readonly changes: readonly ResourceCostChange[];
}

function sameCapacity(a: Capacity | undefined, b: Capacity | undefined): boolean {
  return a?.value === b?.value && a?.unit === b?.unit;
}

function changeOf(before: ResourceEstimate, after: ResourceEstimate): ResourceCostChange | undefined {
  const amount = round(resourceTotal(after) - resourceTotal(before));
  const skuChanged = before.sku !== after.sku;
  const capacityChanged = !sameCapacity(before.capacity, after.capacity);
  const linesChanged =
    unpricedLines(before) !== unpricedLines(after) ||
    JSON.stringify(before.lines.map((l) => [l.meter, l.quantity])) !==
      JSON.stringify(after.lines.map((l) => [l.meter, l.quantity]));
  if (amount === 0 && !skuChanged && !capacityChanged && !linesChanged) return undefined;
  return {
    key: after.key,
    description: after.description,
    change: "changed",
    amount,
    unpriced: unpricedLines(after),
    ...(skuChanged ? { sku: { before: before.sku, after: after.sku } } : {}),
    ...(capacityChanged
      ? {
          capacity: {
            ...(before.capacity ? { before: before.capacity } : {}),
            ...(after.capacity ? { after: after.capacity } : {}),
          },
        }
      : {}),
  };
}

/**
 * Each resource whose estimate the pull request changes, matched by key between the base
 * branch's estimate and the head's: added, removed, or changed in SKU, capacity or usage.
 */
export function compareEstimates(
  base: EnvironmentEstimate | undefined,
  head: EnvironmentEstimate,
): CostComparison {
  const before = new Map((base?.resources ?? []).map((r) => [r.key, r]));
  const after = new Map(head.resources.map((r) => [r.key, r]));
  const changes: ResourceCostChange[] = [];
  for (const resource of head.resources) {
    const old = before.get(resource.key);
    if (!old)
      changes.push({
        key: resource.key,
        description: resource.description,
        change: "added",
        amount: round(resourceTotal(resource)),
        unpriced: unpricedLines(resource),
        ...(resource.capacity ? { capacity: { after: resource.capacity } } : {}),
      });
    else {
      const changed = changeOf(old, resource);
      if (changed) changes.push(changed);
    }
  }
  for (const resource of base?.resources ?? [])
    if (!after.has(resource.key))
      changes.push({
        key: resource.key,
        description: resource.description,
        change: "removed",
        amount: round(-resourceTotal(resource)),
        unpriced: unpricedLines(resource),
      });
  return {
    ...(base ? { base } : {}),
    head,
    amount: round(head.total - (base?.total ?? 0)),
    changes,
  };
}
