import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePriceTable, type PriceTable } from "../../azure/prices";
import type { EnvironmentModel } from "../../model/model";
import { loadText, shipped } from "../policies/support/review-fixtures";

export const FIXED_TABLE_FILE = join(__dirname, "..", "fixtures", "prices", "fixed-table.json");

/** The frozen price table: a refresh of the repository's table does not move these tests. */
export function fixedPrices(): PriceTable {
  const parsed = parsePriceTable(JSON.parse(readFileSync(FIXED_TABLE_FILE, "utf8")));
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  return parsed.table;
}

export const shippedModel = (name: string): EnvironmentModel =>
  loadText(shipped(name), `environments/${name}.yaml`);
