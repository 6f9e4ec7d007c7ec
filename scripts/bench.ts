/**
 * `npm run bench [-- --sizes 100,1000,5000] [--runs 3] [--format table|json] [--output results.json]`
 * Generates environments of growing size and measures, each phase in a fresh process:
 * validation, in-process synthesis, the bare-provider baseline and policy evaluation. Each phase
 * runs `--runs` times (each in its own fresh process) and the fastest run is reported, so other
 * load on the machine does not inflate the figures.
 * Exits 1 when a target is missed.
 */
import { Command } from "commander";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runBenchmark } from "./bench/run-benchmark";
import { renderBenchmarkTable } from "./bench/report";
import { userArguments } from "./cli/user-arguments";

const program = new Command()
  .name("bench")
  .option("--sizes <list>", "entity counts to generate", "100,1000,5000")
  .option("--runs <n>", "fresh processes per phase and size; the fastest is reported", "3")
  .option("--format <format>", "table or json", "table")
  .option("--output <file>", "also write the JSON results to this file")
  .option("--keep", "keep the generated files and synthesized stacks")
  .parse(userArguments(process.argv.slice(2)), { from: "user" });
const opts = program.opts<{ sizes: string; runs: string; format: string; output?: string; keep?: boolean }>();
const sizes = opts.sizes.split(",").map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 10)) {
  process.stderr.write(`--sizes takes whole numbers of at least 10, got "${opts.sizes}"\n`);
  process.exit(2);
}
const runs = Number(opts.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`--runs takes a whole number of at least 1, got "${opts.runs}"\n`);
  process.exit(2);
}

const workdir = mkdtempSync(join(tmpdir(), "messaging-bench-"));
try {
  const results = runBenchmark(sizes, workdir, (message) => process.stderr.write(`${message}\n`), runs);
  const json = JSON.stringify(results, null, 2);
  if (opts.output) writeFileSync(opts.output, `${json}\n`);
  process.stdout.write(opts.format === "json" ? `${json}\n` : renderBenchmarkTable(results));
  process.exitCode = results.targets.every((t) => t.met) ? 0 : 1;
} finally {
  if (opts.keep) process.stderr.write(`kept ${workdir}\n`);
  else rmSync(workdir, { recursive: true, force: true });
}
