import type { EventgridEventSubscriptionAdvancedFilter } from "@cdktf/provider-azurerm/lib/eventgrid-event-subscription";

/**
 * Limits of advanced filtering, from Azure's "Understand event filtering for Event Grid
 * subscriptions" (section "Limitations") and "Event Grid quotas and limits": at most 25 advanced
 * filters and 25 filter values across all filters of one subscription, and 512 characters per
 * string value.
 */
export const AdvancedFilterLimits = {
  maxFilters: 25,
  maxValuesAcrossFilters: 25,
  maxStringValueLength: 512,
} as const;

export type BooleanOperator = "BoolEquals";
export type NullOperator = "IsNotNull" | "IsNullOrUndefined";
export type NumberOperator =
  "NumberGreaterThan" | "NumberGreaterThanOrEquals" | "NumberLessThan" | "NumberLessThanOrEquals";
export type NumberSetOperator = "NumberIn" | "NumberNotIn";
export type NumberRangeOperator = "NumberInRange" | "NumberNotInRange";
export type StringOperator =
  | "StringBeginsWith"
  | "StringNotBeginsWith"
  | "StringEndsWith"
  | "StringNotEndsWith"
  | "StringContains"
  | "StringNotContains"
  | "StringIn"
  | "StringNotIn";

/**
 * One advanced filter, shaped by what its operator takes: one boolean or number, a set of
 * numbers or strings, a set of [low, high] ranges, or nothing (the null checks).
 */
export type AdvancedFilter =
  | { readonly key: string; readonly operator: BooleanOperator; readonly value: boolean }
  | { readonly key: string; readonly operator: NullOperator }
  | { readonly key: string; readonly operator: NumberOperator; readonly value: number }
  | { readonly key: string; readonly operator: NumberSetOperator; readonly values: readonly number[] }
  | {
      readonly key: string;
      readonly operator: NumberRangeOperator;
      readonly ranges: readonly (readonly [number, number])[];
    }
  | { readonly key: string; readonly operator: StringOperator; readonly values: readonly string[] };

/** How many filter values a filter uses toward the per-subscription limit. */
export function filterValueCount(filter: AdvancedFilter): number {
  if ("values" in filter) return filter.values.length;
  if ("ranges" in filter) return filter.ranges.length;
  return "value" in filter ? 1 : 0;
}

/** The first problem with a subscription's advanced filters, in words, or undefined. */
export function advancedFilterProblem(filters: readonly AdvancedFilter[]): string | undefined {
  if (filters.length > AdvancedFilterLimits.maxFilters) {
    return `advancedFilters allows at most ${AdvancedFilterLimits.maxFilters} filters per subscription, got ${filters.length}`;
  }
  const total = filters.reduce((sum, filter) => sum + filterValueCount(filter), 0);
  if (total > AdvancedFilterLimits.maxValuesAcrossFilters) {
    return `advancedFilters allows at most ${AdvancedFilterLimits.maxValuesAcrossFilters} values across all filters, got ${total}`;
  }
  for (const filter of filters) {
    if (filter.key.trim() === "" || filter.key.split(".").some((segment) => segment === "")) {
      return `advanced filter key must be a dotted path such as data.amount, got "${filter.key}"`;
    }
    if ("values" in filter && filter.values.length === 0) {
      return `advanced filter ${filter.operator} on ${filter.key} needs at least one value`;
    }
    if ("ranges" in filter) {
      if (filter.ranges.length === 0)
        return `advanced filter ${filter.operator} on ${filter.key} needs at least one range`;
      const reversed = filter.ranges.find(([low, high]) => low > high);
      if (reversed) {
        return `advanced filter ${filter.operator} on ${filter.key} has a range whose low end exceeds its high end, got [${reversed[0]}, ${reversed[1]}]`;
      }
    }
    if ("values" in filter) {
      const long = filter.values.find(
        (v) => typeof v === "string" && v.length > AdvancedFilterLimits.maxStringValueLength,
      );
      if (long !== undefined) {
        return `advanced filter string values are limited to ${AdvancedFilterLimits.maxStringValueLength} characters, got ${String(long).length} on ${filter.key}`;
      }
    }
  }
  return undefined;
}

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
    if ("ranges" in filter)
      block[slot].push({ key: filter.key, values: filter.ranges.map(([low, high]) => [low, high]) });
    else if ("values" in filter) block[slot].push({ key: filter.key, values: [...filter.values] });
    else if ("value" in filter) block[slot].push({ key: filter.key, value: filter.value });
    else block[slot].push({ key: filter.key });
  }
  const used = Object.entries(block).filter(([, entries]) => entries.length > 0);
  return Object.fromEntries(used) as EventgridEventSubscriptionAdvancedFilter;
}
