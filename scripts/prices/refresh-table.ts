import {
  PRICE_CURRENCY,
  priceEntryId,
  type MeterQuery,
  type PriceEntry,
  type PriceTable,
} from "../../azure/prices";
import type { RetailItem } from "./retail-api";

/** What a refresh did to the table, entry by entry. */
export interface RefreshReport {
  readonly table: PriceTable;
  readonly added: readonly PriceEntry[];
  readonly changed: readonly { readonly before: PriceEntry; readonly after: PriceEntry }[];
  readonly unchanged: number;
  /** Entries the API no longer lists: dropped, so estimates show them as unpriced. */
  readonly removed: readonly PriceEntry[];
}

const matches = (item: RetailItem, meter: MeterQuery): boolean =>
  item.type === "Consumption" &&
  item.serviceName === meter.serviceName &&
  item.skuName === meter.skuName &&
  item.meterName === meter.meterName &&
  item.armRegionName === meter.armRegionName;

/**
 * The table rebuilt from the API's items: one entry per wanted meter and price tier the API
 * lists, each stamped with the query it came from and the day it was read. A price in another
 * currency than the table's is an error naming its query: the table would be refused.
 */
export function refreshTable(
  old: PriceTable,
  wanted: readonly MeterQuery[],
  items: readonly { readonly item: RetailItem; readonly source: string }[],
  today: string,
): RefreshReport {
  const entries: PriceEntry[] = [];
  for (const meter of wanted)
    for (const { item, source } of items.filter(({ item }) => matches(item, meter))) {
      if (item.currencyCode !== PRICE_CURRENCY)
        throw new Error(
          `${source} priced ${item.meterName} (${item.skuName}) in ${item.currencyCode}; the table holds ${PRICE_CURRENCY} only`,
        );
      const entry: PriceEntry = {
        id: priceEntryId(item),
        serviceName: item.serviceName,
        productName: item.productName,
        skuName: item.skuName,
        meterName: item.meterName,
        meterId: item.meterId,
        armRegionName: item.armRegionName,
        currencyCode: PRICE_CURRENCY,
        unitOfMeasure: item.unitOfMeasure,
        tierMinimumUnits: item.tierMinimumUnits,
        unitPrice: item.retailPrice,
        readOn: today,
        source,
      };
      if (!entries.some((e) => e.id === entry.id)) entries.push(entry);
    }
  const before = new Map(old.entries.map((e) => [e.id, e]));
  const after = new Set(entries.map((e) => e.id));
  const added: PriceEntry[] = [];
  const changed: { before: PriceEntry; after: PriceEntry }[] = [];
  let unchanged = 0;
  for (const entry of entries) {
    const previous = before.get(entry.id);
    if (!previous) added.push(entry);
    else if (previous.unitPrice !== entry.unitPrice || previous.unitOfMeasure !== entry.unitOfMeasure)
      changed.push({ before: previous, after: entry });
    else unchanged += 1;
  }
  return {
    table: { entries },
    added,
    changed,
    unchanged,
    removed: old.entries.filter((e) => !after.has(e.id)),
  };
}
