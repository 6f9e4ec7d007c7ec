/**
 * `npm run plan-guard -- <plan.json> [--env <environment file>] [--format text|json]`
 *
 * Reads `terraform show -json <planfile>` output and fails (exit 1) when the plan deletes or
 * replaces a stateful messaging resource that the environment file does not list under
 * `allowDestroy`. Exit 2: the plan or the environment file cannot be read.
 */
import { Command, CommanderError, Option } from "commander";
import { formatDiagnostic } from "../model/diagnostics";
import { walkEnvironment } from "../model/walk";
import { EnvironmentReferences } from "../policies/plan-guard/environment-references";
import { formatJson } from "../policies/plan-guard/format-json";
import { formatText } from "../policies/plan-guard/format-text";
import { planGuard, type PlanGuardOptions } from "../policies/plan-guard/plan-guard";
import { readPlanFile } from "../policies/plan-guard/read-plan-file";

interface CliOptions {
  readonly env?: string;
  readonly format: "text" | "json";
}

async function guardOptions(environmentFile: string | undefined): Promise<PlanGuardOptions | string> {
  if (environmentFile === undefined) return {};
  // The loader (schema compilation included) is only paid for when an environment file is given.
  const { loadEnvironmentFile } = await import("../model/load-environment");
  const loaded = loadEnvironmentFile(environmentFile);
  if (!loaded.ok) return loaded.errors.map(formatDiagnostic).join("\n");
  return {
    allowDestroy: loaded.model.allowDestroy,
    references: EnvironmentReferences.of(walkEnvironment(loaded.model)),
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const program = new Command()
    .name("plan-guard")
    .description(
      "fail when a Terraform plan destroys stateful messaging resources that are not explicitly allowed",
    )
    .argument("<plan.json>", "output of `terraform show -json <planfile>`")
    .option("--env <file>", "environment file whose allowDestroy entries permit destroys")
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
  const options = await guardOptions(cli.env);
  if (typeof options === "string") {
    process.stderr.write(
      `${options}\nplan-guard: cannot use the environment file ${cli.env}: see the errors above\n`,
    );
    return 2;
  }
  const report = planGuard(plan.plan, options);
  process.stdout.write(`${cli.format === "json" ? formatJson(report) : formatText(report, cli.env)}\n`);
  return report.blocked ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`plan-guard: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
