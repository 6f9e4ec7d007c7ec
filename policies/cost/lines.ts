import { priceTiers, type MeterQuery, type PriceTable } from "../../azure/prices";
import type { CostLine } from "./estimate-types";

/** What a line is about, before the price table is asked. */
export interface Usage {
  readonly meter: string;
  /** Billing units a month, in the unit the meter's price is for. */
  readonly quantity: number;
  readonly unit: string;
  readonly basis: string;
}

/**
 * A line priced from the table: each price tier bills the part of the quantity at or above its
 * minimum and below the next tier's. No entry for the meter and region makes the line unpriced.
 */
export function pricedLine(prices: PriceTable, query: MeterQuery, usage: Usage): CostLine {
  const tiers = priceTiers(prices, query);
  if (tiers.length === 0)
    return {
      ...usage,
      prices: [],
      unpriced: `no price for ${query.serviceName} ${query.meterName} (${query.skuName}) in ${query.armRegionName} in the price table`,
    };
  let monthly = 0;
  const used: string[] = [];
  tiers.forEach((tier, i) => {
    const upper = i + 1 < tiers.length ? tiers[i + 1].tierMinimumUnits : Infinity;
    const units = Math.max(0, Math.min(usage.quantity, upper) - tier.tierMinimumUnits);
    if (units > 0 || i === 0) used.push(tier.id);
    monthly += units * tier.unitPrice;
  });
  return { ...usage, monthly: round(monthly), prices: used };
}

/** A line whose quantity the environment file does not give: unpriced, whatever the price. */
export function unquantifiedLine(meter: string, unit: string, reason: string): CostLine {
  return { meter, unit, prices: [], basis: reason, unpriced: reason };
}

/** Amounts are kept to the cent; sums of rounded lines stay exact. */
export function round(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** `1 hub declares`, `3 hubs declare`: counts in reasons read as sentences. */
export function counted(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
