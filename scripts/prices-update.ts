/**
 * `npm run prices:update -- [--table azure/prices/retail-prices.json]`
 *
 * Refreshes the price table from the Azure Retail Prices API: every meter the cost estimate uses
 * (scripts/prices/wanted-meters.ts) in every priced region, in US dollars (the only currency the
 * estimates add up and print), each entry stamped with its query and today's date. Prices that changed, appeared or disappeared are listed; a meter the API no longer
 * lists leaves the table (estimates then show it as unpriced). `PRICES_API_URL` replaces the
 * API's address (tests serve a recorded response on loopback). The table is written whole or
 * not at all. Exit 2: usage error, or the API could not be read.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { parsePriceTable, PRICE_CURRENCY } from "../azure/prices";
import { parseArguments } from "./cli/environment-command";
import { userArguments } from "./cli/user-arguments";
import { refreshTable, type RefreshReport } from "./prices/refresh-table";
import { DEFAULT_PRICES_API, fetchAll, queryUrl, type RetailItem } from "./prices/retail-api";
import { wantedMeters } from "./prices/wanted-meters";

export interface PricesUpdateIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The day the prices are read. */
  readonly today: Date;
}

interface CliOptions {
  readonly table: string;
}

function summary(report: RefreshReport): string {
  const lines = [
    `${report.table.entries.length} prices: ${report.added.length} new, ${report.changed.length} changed, ${report.unchanged} unchanged, ${report.removed.length} no longer listed`,
    ...report.changed.map(
      (c) =>
        `  changed ${c.after.id}: ${c.before.unitPrice} → ${c.after.unitPrice} ${c.after.currencyCode} per ${c.after.unitOfMeasure}`,
    ),
    ...report.added.map((e) => `  new ${e.id}: ${e.unitPrice} ${e.currencyCode} per ${e.unitOfMeasure}`),
    ...report.removed.map(
      (e) => `  no longer listed ${e.id} (was ${e.unitPrice} ${e.currencyCode} per ${e.unitOfMeasure})`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}

export async function pricesUpdateMain(argv: readonly string[], io: PricesUpdateIo): Promise<number> {
  const program = new Command()
    .name("prices:update")
    .description("refresh the price table from the Azure Retail Prices API")
    .option("--table <file>", "price table to refresh", join("azure", "prices", "retail-prices.json"))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const stop = parseArguments(program, argv);
  if (stop !== undefined) return stop;
  const cli = program.opts<CliOptions>();
  try {
    const text = readFileSync(cli.table, "utf8");
    const parsed = parsePriceTable(JSON.parse(text));
    if (!parsed.ok) throw new Error(`${cli.table}: ${parsed.problems.join("; ")}`);
    const base = io.env.PRICES_API_URL ?? DEFAULT_PRICES_API;
    const queries = new Map<string, string>();
    for (const meter of wantedMeters)
      queries.set(
        `${meter.serviceName}|${meter.armRegionName}`,
        queryUrl(base, meter.serviceName, meter.armRegionName, PRICE_CURRENCY),
      );
    const items: { item: RetailItem; source: string }[] = [];
    for (const url of queries.values())
      items.push(...(await fetchAll(url)).map((item) => ({ item, source: url })));
    const report = refreshTable(parsed.table, wantedMeters, items, io.today.toISOString().slice(0, 10));
    const header = JSON.parse(text) as Record<string, unknown>;
    const document = { ...("//" in header ? { "//": header["//"] } : {}), entries: report.table.entries };
    // Written beside and renamed over: a failed write never leaves half a table.
    writeFileSync(`${cli.table}.tmp`, `${JSON.stringify(document, null, 2)}\n`);
    renameSync(`${cli.table}.tmp`, cli.table);
    io.stdout(summary(report));
    return 0;
  } catch (error) {
    io.stderr(`prices:update: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  void pricesUpdateMain(userArguments(process.argv.slice(2)), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    today: new Date(),
  }).then((code) => {
    process.exitCode = code;
  });
}
