/**
 * `npm run plan-guard -- <plan.json> [--env <name> | --env-file <path>] [--environments-dir <dir>]
 *   [--format text|json]`
 *
 * Reads `terraform show -json <planfile>` output and fails (exit 1) when the plan deletes or
 * replaces a stateful messaging resource that the environment file does not list under
 * `allowDestroy`. `--env` names the environment as every command does (the file's `name`, looked
 * up in `--environments-dir`); `--env-file` gives the file. Exit 2: the plan or the environment
 * cannot be read, or no environment has that name (the known names are listed).
 */
import { Command, CommanderError, Option } from "commander";
import { formatDiagnostic } from "../model/diagnostics";
import { walkEnvironment } from "../model/walk";
import { EnvironmentReferences } from "../policies/plan-guard/environment-references";
import { formatJson } from "../policies/plan-guard/format-json";
import { formatText } from "../policies/plan-guard/format-text";
import { planGuard, type PlanGuardOptions } from "../policies/plan-guard/plan-guard";
import { readPlanFile } from "../policies/plan-guard/read-plan-file";
import { userArguments } from "./cli/user-arguments";

interface CliOptions {
  readonly env?: string;
  readonly envFile?: string;
  readonly environmentsDir: string;
  readonly format: "text" | "json";
}

type Guard = { readonly options: PlanGuardOptions; readonly file?: string } | { readonly problem: string };

async function guardOptions(cli: CliOptions): Promise<Guard> {
  if (cli.env === undefined && cli.envFile === undefined) return { options: {} };
  // The loader (schema compilation included) is only paid for when an environment is named.
  const { findEnvironment } = await import("../model/find-environment");
  const found = findEnvironment({ env: cli.env, envFile: cli.envFile, dir: cli.environmentsDir });
  if (!found.ok)
    return { problem: [...found.errors.map(formatDiagnostic), `plan-guard: ${found.message}`].join("\n") };
  return {
    options: {
      allowDestroy: found.model.allowDestroy,
      references: EnvironmentReferences.of(walkEnvironment(found.model)),
    },
    file: found.model.file,
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const program = new Command()
    .name("plan-guard")
    .description(
      "fail when a Terraform plan destroys stateful messaging resources that are not explicitly allowed",
    )
    .argument("<plan.json>", "output of `terraform show -json <planfile>`")
    .option("--env <name>", "environment whose allowDestroy entries permit destroys (the file's `name`)")
    .option("--env-file <path>", "environment file whose allowDestroy entries permit destroys")
    .option("--environments-dir <dir>", "folder --env looks in", "environments")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  try {
    program.parse([...argv], { from: "user" });
  } catch (error) {
    // --help and --version end here with exit code 0; a usage error is exit 2 like any bad input.
    return error instanceof CommanderError && error.exitCode === 0 ? 0 : 2;
  }
  const [planFile] = program.args;
  const cli = program.opts<CliOptions>();

  const plan = readPlanFile(planFile);
  if (!plan.ok) {
    process.stderr.write(`plan-guard: ${plan.message}\n`);
    return 2;
  }
  const guard = await guardOptions(cli);
  if ("problem" in guard) {
    process.stderr.write(`${guard.problem}\n`);
    return 2;
  }
  const report = planGuard(plan.plan, guard.options);
  process.stdout.write(`${cli.format === "json" ? formatJson(report) : formatText(report, guard.file)}\n`);
  return report.blocked ? 1 : 0;
}

main(userArguments(process.argv.slice(2))).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`plan-guard: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
