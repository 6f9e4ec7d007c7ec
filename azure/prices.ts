/**
 * Azure list prices as data: the table in `prices/retail-prices.json`, one entry per meter, region
 * and price tier, each saying where and when its price was read. Entries have the fields of the
 * Azure Retail Prices API (https://learn.microsoft.com/rest/api/cost-management/retail-prices/azure-retail-prices)
 * so `npm run prices:update` can refresh them in place. A meter that is not in the table has no
 * known price: estimates show it as unpriced, never as zero. Every price is in US dollars, the
 * currency the estimates add up and print; a table with another currency is refused.
 */
import table from "./prices/retail-prices.json";

/** The one currency of the table: estimates sum prices and print them as dollars. */
export const PRICE_CURRENCY = "USD";

export interface PriceEntry {
  /** Stable name of the entry in this table (`service-bus-premium-messaging-unit`). */
  readonly id: string;
  readonly serviceName: string;
  readonly productName: string;
  readonly skuName: string;
  readonly meterName: string;
  /** The API's meter ID; null until a refresh from the API has read it. */
  readonly meterId: string | null;
  readonly armRegionName: string;
  readonly currencyCode: typeof PRICE_CURRENCY;
  /** The billing unit the price is for (`1 Hour`, `1M`, `100K`, `1/Month`). */
  readonly unitOfMeasure: string;
  /** Usage (in `unitOfMeasure`) from which this price applies within a month; 0 for the first tier. */
  readonly tierMinimumUnits: number;
  readonly unitPrice: number;
  /** The date of the page, file or API response the price was read from (YYYY-MM-DD). */
  readonly readOn: string;
  /** Where the price was read: the API query, or the page or file with its version. */
  readonly source: string;
  /** How the figure follows from the source, when it is not quoted as it stands. */
  readonly note?: string;
}

export interface PriceTable {
  readonly entries: readonly PriceEntry[];
}

/** What an estimate asks the table for: one meter in one region. */
export interface MeterQuery {
  readonly serviceName: string;
  readonly skuName: string;
  readonly meterName: string;
  readonly armRegionName: string;
}

const TEXT_FIELDS = [
  "id",
  "serviceName",
  "productName",
  "skuName",
  "meterName",
  "armRegionName",
  "currencyCode",
  "unitOfMeasure",
  "readOn",
  "source",
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Problems with one entry of a table read from JSON, each naming the entry and field. */
function entryProblems(value: unknown, index: number): string[] {
  const at = `entries[${index}]`;
  if (!isRecord(value)) return [`${at} is not an object`];
  const problems: string[] = [];
  for (const field of TEXT_FIELDS)
    if (typeof value[field] !== "string" || value[field] === "")
      problems.push(`${at}.${field} must be a non-empty string`);
  if (value.meterId !== null && typeof value.meterId !== "string")
    problems.push(`${at}.meterId must be a string or null`);
  for (const field of ["unitPrice", "tierMinimumUnits"] as const) {
    const n = value[field];
    if (typeof n !== "number" || !Number.isFinite(n) || n < 0)
      problems.push(`${at}.${field} must be a number of at least 0`);
  }
  if (typeof value.readOn === "string" && !/^\d{4}-\d{2}-\d{2}$/.test(value.readOn))
    problems.push(`${at}.readOn must be a date (YYYY-MM-DD)`);
  if (value.note !== undefined && typeof value.note !== "string")
    problems.push(`${at}.note must be a string`);
  if (
    typeof value.currencyCode === "string" &&
    value.currencyCode !== "" &&
    value.currencyCode !== PRICE_CURRENCY
  )
    problems.push(
      `${at}${typeof value.id === "string" ? ` (${value.id})` : ""}.currencyCode must be ${PRICE_CURRENCY}, got ${value.currencyCode}: estimates add up and print US dollars; read the prices in ${PRICE_CURRENCY}`,
    );
  return problems;
}

/** A price table from parsed JSON, or every problem that makes it unusable. */
export function parsePriceTable(
  value: unknown,
): { readonly ok: true; readonly table: PriceTable } | { readonly ok: false; readonly problems: string[] } {
  if (!isRecord(value) || !Array.isArray(value.entries))
    return { ok: false, problems: ["a price table is an object with an `entries` array"] };
  const entries: unknown[] = value.entries;
  const problems = entries.flatMap(entryProblems);
  if (problems.length > 0) return { ok: false, problems };
  const ids = new Set<string>();
  for (const entry of entries as PriceEntry[]) {
    if (ids.has(entry.id)) problems.push(`entry id ${entry.id} appears twice`);
    ids.add(entry.id);
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, table: { entries: entries as PriceEntry[] } };
}

function shipped(): PriceTable {
  const parsed = parsePriceTable(table);
  if (!parsed.ok) throw new Error(`azure/prices/retail-prices.json: ${parsed.problems.join("; ")}`);
  return parsed.table;
}

/** The table in the repository. */
export const retailPrices: PriceTable = shipped();

/**
 * The price tiers of one meter in one region, lowest tier first; empty when the table has no
 * price for it (an unknown price, never a free one).
 */
export function priceTiers(prices: PriceTable, query: MeterQuery): PriceEntry[] {
  return prices.entries
    .filter(
      (e) =>
        e.serviceName === query.serviceName &&
        e.skuName === query.skuName &&
        e.meterName === query.meterName &&
        e.armRegionName === query.armRegionName,
    )
    .sort((a, b) => a.tierMinimumUnits - b.tierMinimumUnits);
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The table's ID of an entry: service, SKU, meter, region and tier, so a refresh keeps it stable. */
export function priceEntryId(
  entry: Pick<PriceEntry, "serviceName" | "skuName" | "meterName" | "armRegionName" | "tierMinimumUnits">,
): string {
  return [
    slug(entry.serviceName),
    slug(entry.skuName),
    slug(entry.meterName),
    entry.armRegionName,
    String(entry.tierMinimumUnits),
  ].join("-");
}
