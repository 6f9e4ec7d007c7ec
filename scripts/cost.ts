/**
 * `npm run cost -- (--env <name> | --env-file <path>) [--format text|markdown|json]
 *   [--environments-dir environments] [--prices <file>]`
 *
 * Estimates an environment's monthly cost (730 hours, list prices in USD), per resource and in
 * total, from the price table in the repository (`azure/prices/retail-prices.json`, refreshed by
 * `npm run prices:update`) or the one `--prices` names. Usage-based meters take their quantities
 * from `throughput:`; a meter without a known price or quantity is listed as unpriced, never as
 * zero, and the total says how many. Exit 2: usage error, no valid environment, unreadable table.
 */
import { readFileSync } from "node:fs";
import { Command, Option } from "commander";
import { parsePriceTable, retailPrices, type PriceTable } from "../azure/prices";
import { estimateCost } from "../policies/cost/estimate";
import { renderCostJson } from "../policies/cost/format-json";
import { renderCostMarkdown } from "../policies/cost/format-markdown";
import { renderCostText } from "../policies/cost/format-text";
import {
  environmentOf,
  parseArguments,
  withEnvironmentOptions,
  type EnvironmentOptions,
} from "./cli/environment-command";
import { userArguments } from "./cli/user-arguments";

export interface CostIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const formats = ["text", "markdown", "json"] as const;
type CostFormat = (typeof formats)[number];

interface CliOptions extends EnvironmentOptions {
  readonly format: CostFormat;
  readonly prices?: string;
}

function readTable(file: string): PriceTable {
  const text = readFileSync(file, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = parsePriceTable(json);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.join("; ")}`);
  return parsed.table;
}

const renderers: Readonly<Record<CostFormat, (...args: Parameters<typeof renderCostText>) => string>> = {
  text: renderCostText,
  markdown: renderCostMarkdown,
  json: renderCostJson,
};

export function costMain(argv: readonly string[], io: CostIo): number {
  const program = withEnvironmentOptions(new Command())
    .name("cost")
    .description("estimate an environment's monthly cost, per resource and in total")
    .addOption(new Option("--format <format>", "output").choices([...formats]).default("text"))
    .option("--prices <file>", "price table to use instead of azure/prices/retail-prices.json")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const stop = parseArguments(program, argv);
  if (stop !== undefined) return stop;
  const cli = program.opts<CliOptions>();
  const model = environmentOf(cli, "cost", io.stderr);
  if (!model) return 2;
  try {
    const prices = cli.prices !== undefined ? readTable(cli.prices) : retailPrices;
    io.stdout(renderers[cli.format](estimateCost(model, prices), prices));
    return 0;
  } catch (error) {
    // Errors from node:fs are not `instanceof Error` in every realm (jest's among them).
    const message =
      typeof error === "object" && error !== null && "message" in error
        ? String(error.message)
        : String(error);
    io.stderr(`cost: ${message}\n`);
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = costMain(userArguments(process.argv.slice(2)), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
