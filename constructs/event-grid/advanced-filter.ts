import type { EventgridEventSubscriptionAdvancedFilter } from "@cdktf/provider-azurerm/lib/eventgrid-event-subscription";
import type { AdvancedFilterOperator } from "../../azure/event-grid-subscriptions";

/** The operators, grouped by the value they take (Azure's list: `AdvancedFilterOperator`). */
export type BooleanOperator = Extract<AdvancedFilterOperator, "BoolEquals">;
export type NullOperator = Extract<AdvancedFilterOperator, `Is${string}`>;
export type NumberOperator = Extract<AdvancedFilterOperator, `Number${"Greater" | "Less"}${string}`>;
export type NumberSetOperator = Extract<AdvancedFilterOperator, "NumberIn" | "NumberNotIn">;
export type NumberRangeOperator = Extract<AdvancedFilterOperator, `Number${string}InRange`>;
export type StringOperator = Extract<AdvancedFilterOperator, `String${string}`>;

/**
 * One advanced filter, shaped by what its operator takes: one boolean or number, a list of numbers,
 * strings or [low, high] ranges, or nothing (the null checks). The names are the environment file's,
 * so Azure's rule (`advancedFilterProblems`) reads it as it is.
 */
export type AdvancedFilter =
  | { readonly key: string; readonly operator: BooleanOperator; readonly value: boolean }
  | { readonly key: string; readonly operator: NullOperator }
  | { readonly key: string; readonly operator: NumberOperator; readonly value: number }
  | { readonly key: string; readonly operator: NumberSetOperator; readonly values: readonly number[] }
  | {
      readonly key: string;
      readonly operator: NumberRangeOperator;
      readonly values: readonly (readonly [number, number])[];
    }
  | { readonly key: string; readonly operator: StringOperator; readonly values: readonly string[] };

/** The azurerm `advanced_filter` block: each operator is its own list of `{ key, value(s) }`. */
export function advancedFilterBlock(
  filters: readonly AdvancedFilter[],
): EventgridEventSubscriptionAdvancedFilter | undefined {
  if (filters.length === 0) return undefined;
  const block: Required<{ -readonly [K in keyof EventgridEventSubscriptionAdvancedFilter]: unknown[] }> = {
    boolEquals: [],
    isNotNull: [],
    isNullOrUndefined: [],
    numberGreaterThan: [],
    numberGreaterThanOrEquals: [],
    numberLessThan: [],
    numberLessThanOrEquals: [],
    numberIn: [],
    numberNotIn: [],
    numberInRange: [],
    numberNotInRange: [],
    stringBeginsWith: [],
    stringNotBeginsWith: [],
    stringEndsWith: [],
    stringNotEndsWith: [],
    stringContains: [],
    stringNotContains: [],
    stringIn: [],
    stringNotIn: [],
  };
  for (const filter of filters) {
    const slot = (filter.operator.charAt(0).toLowerCase() + filter.operator.slice(1)) as keyof typeof block;
    if (filter.operator === "NumberInRange" || filter.operator === "NumberNotInRange")
      block[slot].push({ key: filter.key, values: filter.values.map(([low, high]) => [low, high]) });
    else if ("values" in filter) block[slot].push({ key: filter.key, values: [...filter.values] });
    else if ("value" in filter) block[slot].push({ key: filter.key, value: filter.value });
    else block[slot].push({ key: filter.key });
  }
  const used = Object.entries(block).filter(([, entries]) => entries.length > 0);
  return Object.fromEntries(used) as EventgridEventSubscriptionAdvancedFilter;
}
