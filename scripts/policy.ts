/**
 * `npm run policy -- [--out-dir cdktf.out] [--environments-dir environments]
 *   [--format text|markdown|json|sarif|github] [--fail-on <severity>] [--output <file>]
 *   [--base-environments-dir <dir>] [--comment-output <file>] [--summary-output <file>]
 *   [--diagrams-dir <dir>] [--run-url <url>] [--artifact <name>] [--synthesis-log <file>]`
 *
 * Evaluates every synthesized stack against the rule catalog and its environment file's waivers.
 * Besides the report in `--format`, it can write the pull-request comment (at most 60,000
 * characters), the job summary (under 1 MiB) and every topology as DOT; when an environment file
 * is invalid or synthesis wrote no stack, the comment and summary say so, with every error.
 * Exit 1: an unwaived finding at or above `--fail-on`. Exit 2: usage or input/output error.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { Severity } from "../policies/engine/rule";
import { severities } from "../policies/engine/rule";
import { loadBaseModels } from "../policies/engine/base-models";
import type { EnvironmentResult } from "../policies/engine/finding";
import { PolicyInputError } from "../policies/engine/load-stacks";
import { InvalidEnvironmentFiles, runPolicy } from "../policies/engine/run-policy";
import { COMMENT_MARKER, renderComment, renderSummary } from "../policies/report/bounded";
import { diagnosticsInLog, renderFailure, type ReportFailure } from "../policies/report/failure";
import { passes } from "../policies/report/outcome";
import { isArtifactName, isRunUrl, topologyFileName } from "../policies/report/pointers";
import { renderReport } from "../policies/report/render-report";
import type { ReportFormat, ReportOptions } from "../policies/report/report-options";
import { reportFormats } from "../policies/report/report-options";
import { reportedRules } from "../policies/rules/catalog";
import { renderDot } from "../policies/topology/dot";
import { topologyOf } from "../policies/topology/graph";
import { userArguments } from "./cli/user-arguments";

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
  readonly commentOutput?: string;
  readonly summaryOutput?: string;
  readonly diagramsDir?: string;
  readonly runUrl?: string;
  readonly artifact?: string;
  readonly synthesisLog?: string;
}

/** Writes a whole file, creating its folder: a report either exists complete or not at all. */
function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function checked(test: (value: string) => boolean, expected: string) {
  return (value: string): string => {
    if (!test(value)) throw new InvalidArgumentError(expected);
    return value;
  };
}

function program(io: PolicyIo): Command {
  return new Command()
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
      "the base branch's environment files: Markdown reports then say what changed, field by field",
    )
    .option("--comment-output <file>", "also write the pull-request comment (at most 60,000 characters)")
    .option("--summary-output <file>", "also write the job summary (the complete report, under 1 MiB)")
    .option("--diagrams-dir <dir>", "also write every environment's whole topology as <dir>/<env>.dot")
    .option(
      "--run-url <url>",
      "the workflow run, linked from the comment for the job summary and the artifact",
      checked(isRunUrl, "an https:// URL of the workflow run"),
    )
    .option(
      "--artifact <name>",
      "the workflow artifact holding the complete report (default: policy-report)",
      checked(isArtifactName, "an artifact name of letters, digits, '.', '_' and '-'"),
    )
    .option("--synthesis-log <file>", "the output of npm run synth, quoted when synthesis wrote no stack")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
}

/** The comment and summary that replace the report when there is none, so no stale one stays. */
function failureOf(error: PolicyInputError, cli: CliOptions): ReportFailure {
  if (error instanceof InvalidEnvironmentFiles) return { stage: "validation", errors: error.errors };
  const log =
    cli.synthesisLog !== undefined && existsSync(cli.synthesisLog)
      ? readFileSync(cli.synthesisLog, "utf8")
      : "";
  return {
    stage: "synthesis",
    errors: diagnosticsInLog(log),
    detail: log.trim() !== "" ? log : error.message,
  };
}

function writeFailure(failure: ReportFailure, cli: CliOptions, options: ReportOptions): void {
  if (cli.commentOutput)
    write(cli.commentOutput, renderFailure(failure, options, "comment", [COMMENT_MARKER]));
  if (cli.summaryOutput) write(cli.summaryOutput, renderFailure(failure, options, "summary"));
}

function writeExtras(results: readonly EnvironmentResult[], cli: CliOptions, options: ReportOptions): void {
  if (cli.commentOutput) write(cli.commentOutput, renderComment(results, options));
  if (cli.summaryOutput) write(cli.summaryOutput, renderSummary(results, options));
  if (cli.diagramsDir) {
    for (const result of results)
      if (result.model)
        write(
          join(cli.diagramsDir, topologyFileName(result.environment)),
          `${renderDot(topologyOf(result.model))}\n`,
        );
  }
}

export function policyMain(argv: readonly string[], io: PolicyIo): number {
  const command = program(io);
  try {
    command.parse([...argv], { from: "user" });
  } catch (error) {
    return error instanceof CommanderError && error.exitCode === 0 ? 0 : 2;
  }
  const cli = command.opts<CliOptions>();
  const options: ReportOptions = {
    failOn: cli.failOn,
    color: cli.format === "text" && cli.output === undefined && io.isTty,
    rootDir: io.cwd,
    ...(cli.runUrl !== undefined ? { runUrl: cli.runUrl } : {}),
    ...(cli.artifact !== undefined ? { artifact: cli.artifact } : {}),
  };
  try {
    let results: EnvironmentResult[];
    try {
      results = runPolicy({ outDir: cli.outDir, environmentsDir: cli.environmentsDir, today: io.today });
    } catch (error) {
      if (error instanceof PolicyInputError) writeFailure(failureOf(error, cli), cli, options);
      throw error;
    }
    const withBase: ReportOptions = cli.baseEnvironmentsDir
      ? {
          ...options,
          baseModels: loadBaseModels(cli.baseEnvironmentsDir, io.today, (note) =>
            io.stderr(`policy: ${note}\n`),
          ),
        }
      : options;
    const report = renderReport(cli.format, results, reportedRules, withBase);
    if (cli.output) write(cli.output, report);
    else io.stdout(report);
    writeExtras(results, cli, withBase);
    return results.every((result) => passes(result, cli.failOn)) ? 0 : 1;
  } catch (error) {
    // Unreadable inputs and unwritable output alike are exit 2: findings alone decide exit 1.
    io.stderr(`policy: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = policyMain(userArguments(process.argv.slice(2)), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: process.stdout.isTTY === true,
    today: new Date(),
    cwd: process.cwd(),
  });
}
