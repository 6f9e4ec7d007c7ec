/**
 * Reads the Azure Retail Prices API (unauthenticated; https://learn.microsoft.com/rest/api/cost-management/retail-prices/azure-retail-prices):
 * one OData `$filter` per service and region, following `NextPageLink` until the last page.
 */

export const DEFAULT_PRICES_API = "https://prices.azure.com/api/retail/prices";

/** The fields of one API item the table keeps. */
export interface RetailItem {
  readonly currencyCode: string;
  readonly tierMinimumUnits: number;
  readonly retailPrice: number;
  readonly unitPrice: number;
  readonly armRegionName: string;
  readonly meterId: string;
  readonly meterName: string;
  readonly productName: string;
  readonly skuName: string;
  readonly serviceName: string;
  readonly unitOfMeasure: string;
  readonly type: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const TEXT = [
  "currencyCode",
  "armRegionName",
  "meterId",
  "meterName",
  "productName",
  "skuName",
  "serviceName",
  "unitOfMeasure",
  "type",
] as const;

function isRetailItem(value: unknown): value is RetailItem {
  return (
    isRecord(value) &&
    TEXT.every((field) => typeof value[field] === "string") &&
    typeof value.retailPrice === "number" &&
    typeof value.unitPrice === "number" &&
    typeof value.tierMinimumUnits === "number"
  );
}

/** The query for every consumption price of one service in one region and currency. */
export function queryUrl(base: string, serviceName: string, region: string, currency: string): string {
  const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;
  const filter = `serviceName eq ${quote(serviceName)} and armRegionName eq ${quote(region)} and priceType eq 'Consumption'`;
  // Spaces as %20, not `+`: the API's own examples encode them so.
  const separator = base.includes("?") ? "&" : "?";
  return `${base}${separator}currencyCode=${encodeURIComponent(quote(currency))}&$filter=${encodeURIComponent(filter)}`;
}

/** Every item of a query, page after page; a page that is not the API's shape is an error naming its URL. */
export async function fetchAll(
  url: string,
  get: (url: string) => Promise<unknown> = getJson,
): Promise<RetailItem[]> {
  const items: RetailItem[] = [];
  const seen = new Set<string>();
  let next: string | null = url;
  while (next !== null) {
    if (seen.has(next)) throw new Error(`${next}: the API linked back to a page already read`);
    seen.add(next);
    const page = await get(next);
    if (!isRecord(page) || !Array.isArray(page.Items))
      throw new Error(`${next}: not a Retail Prices API page (no Items array)`);
    items.push(...page.Items.filter(isRetailItem));
    next = typeof page.NextPageLink === "string" && page.NextPageLink !== "" ? page.NextPageLink : null;
  }
  return items;
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}
