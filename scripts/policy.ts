/**
 * `npm run policy -- [--out-dir cdktf.out] [--environments-dir environments]
 *   [--format text|markdown|json|sarif] [--fail-on <severity>] [--output <file>]`
 *
 * Evaluates every synthesized stack against the rule catalog and its environment file's waivers.
 * Exit 1: an unwaived finding at or above `--fail-on`. Exit 2: usage or input/output error.
 */
import { writeFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import type { Severity } from "../policies/engine/rule";
import { severities } from "../policies/engine/rule";
import { loadBaseModels } from "../policies/engine/base-models";
import { runPolicy } from "../policies/engine/run-policy";
import { passes } from "../policies/report/outcome";
import { renderReport } from "../policies/report/render-report";
import type { ReportFormat } from "../policies/report/report-options";
import { reportFormats } from "../policies/report/report-options";
import { reportedRules } from "../policies/rules/catalog";

export interface PolicyIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout is a terminal (colours the text report). */
  readonly isTty: boolean;
  /** The day waivers are judged against. */
  readonly today: Date;
  readonly cwd: string;
}

interface CliOptions {
  readonly outDir: string;
  readonly environmentsDir: string;
  readonly format: ReportFormat;
  readonly failOn: Severity;
  readonly output?: string;
  readonly baseEnvironmentsDir?: string;
}

export function policyMain(argv: readonly string[], io: PolicyIo): number {
  const program = new Command()
    .name("policy")
    .description("check synthesized stacks against the messaging security and retention policies")
    .option("--out-dir <dir>", "cdktf output folder holding stacks/<env>/cdk.tf.json", "cdktf.out")
    .option(
      "--environments-dir <dir>",
      "folder of environment files (tier and waivers per stack)",
      "environments",
    )
    .addOption(new Option("--format <format>", "report format").choices([...reportFormats]).default("text"))
    .addOption(
      new Option("--fail-on <severity>", "lowest severity that fails the run")
        .choices([...severities])
        .default("high"),
    )
    .option("--output <file>", "write the report to a file instead of stdout")
    .option(
      "--base-environments-dir <dir>",
      "the base branch's environment files: the Markdown report then says what changed in each topology",
    )
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  try {
    program.parse([...argv], { from: "user" });
  } catch (error) {
    return error instanceof CommanderError && error.exitCode === 0 ? 0 : 2;
  }
  const cli = program.opts<CliOptions>();
  try {
    const results = runPolicy({ outDir: cli.outDir, environmentsDir: cli.environmentsDir, today: io.today });
    const report = renderReport(cli.format, results, reportedRules, {
      failOn: cli.failOn,
      color: cli.format === "text" && cli.output === undefined && io.isTty,
      rootDir: io.cwd,
      baseModels: cli.baseEnvironmentsDir
        ? loadBaseModels(cli.baseEnvironmentsDir, io.today, (note) => io.stderr(`policy: ${note}\n`))
        : undefined,
    });
    if (cli.output) writeFileSync(cli.output, report);
    else io.stdout(report);
    return results.every((result) => passes(result, cli.failOn)) ? 0 : 1;
  } catch (error) {
    // Unreadable inputs and unwritable output alike are exit 2: findings alone decide exit 1.
    io.stderr(`policy: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = policyMain(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: process.stdout.isTTY === true,
    today: new Date(),
    cwd: process.cwd(),
  });
}
