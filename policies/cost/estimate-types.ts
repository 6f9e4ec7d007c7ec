/**
 * The shapes of a cost estimate. Every amount is US dollars a month of 730 hours (Azure's own
 * convention for monthly figures on its pricing pages and in the Retail Prices API examples).
 */
import { amountText } from "./money";

/** Hours in the month every estimate is for. */
export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/** One billed meter of one resource. */
export interface CostLine {
  /** What is billed (`Premium messaging units`). */
  readonly meter: string;
  /** Billing units a month; absent when the environment file does not say how much is used. */
  readonly quantity?: number;
  /** The billing unit the quantity is in (`hours`, `million operations`). */
  readonly unit: string;
  /** Dollars a month; absent when the meter has no known price or no known quantity. */
  readonly monthly?: number;
  /** IDs of the price-table entries the amount uses. */
  readonly prices: readonly string[];
  /** How the quantity follows from the environment file. */
  readonly basis: string;
  /** Why the line has no amount; present exactly when `monthly` is absent. */
  readonly unpriced?: string;
}

/** A resource's capacity as the file declares it, for the change wording ("1 → 2 messaging units"). */
export interface Capacity {
  readonly value: number;
  readonly unit: string;
}

export interface ResourceEstimate {
  /** Stable key across base and head (`serviceBus/orders`, `serviceBus/orders#secondary`). */
  readonly key: string;
  /** How reports name it (`Premium namespace orders`). */
  readonly description: string;
  /** The logical name from the environment file. */
  readonly name: string;
  readonly sku: string;
  readonly capacity?: Capacity;
  readonly region: string;
  readonly lines: readonly CostLine[];
}

export interface EnvironmentEstimate {
  readonly environment: string;
  readonly currency: "USD";
  readonly hoursPerMonth: number;
  readonly resources: readonly ResourceEstimate[];
  /** The sum of every priced line. */
  readonly total: number;
  /** Lines with no amount: the total leaves them out. */
  readonly unpriced: number;
  readonly budget?: { readonly monthlyAmount: number };
}

/** A resource's monthly amount: the sum of its priced lines. */
export function resourceTotal(resource: ResourceEstimate): number {
  return resource.lines.reduce((sum, line) => sum + (line.monthly ?? 0), 0);
}

export function unpricedLines(resource: ResourceEstimate): number {
  return resource.lines.filter((line) => line.monthly === undefined).length;
}

/** `$677.08/month`, `$50/month + 1 unpriced`, or `unpriced` when no line of it has a price. */
export function resourceAmount(resource: ResourceEstimate): string {
  const priced = resource.lines.length - unpricedLines(resource);
  return amountText(resourceTotal(resource), priced, unpricedLines(resource));
}
