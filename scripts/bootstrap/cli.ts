import { spawnSync } from "node:child_process";
import { Command, CommanderError } from "commander";
import { formatDiagnostic } from "../../model/diagnostics";
import { findEnvironment } from "../../model/find-environment";
import type { EnvironmentModel } from "../../model/model";
import { synthesizeBootstrap } from "../../stacks/bootstrap-app";
import { stackRequirementsOf, type StackRequirements } from "../../stacks/stack-requirements";

/** Runs a program with the terminal attached; returns its exit status, or the error that kept it from starting. */
export type Runner = (command: string, args: readonly string[]) => { status: number | null; error?: Error };

const runAttached: Runner = (command, args) => {
  const result = spawnSync(command, [...args], { stdio: "inherit" });
  return { status: result.status, error: result.error };
};

export interface BootstrapIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** How `--apply` runs terraform; tests record the calls instead. */
  readonly run?: Runner;
  /** What the stack needs, from its synthesis; tests reuse one answer. */
  readonly requirementsOf?: (model: EnvironmentModel) => StackRequirements;
  /** The URL of the clone's `origin`, where the repository is read from by default. */
  readonly gitRemote?: () => string | undefined;
}

const originUrl = (): string | undefined => {
  const result = spawnSync("git", ["remote", "get-url", "origin"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
};

/** `<owner>/<repo>` of a GitHub remote (`https://github.com/o/r.git`, `git@github.com:o/r.git`). */
export function githubRepositoryOf(url: string | undefined): string | undefined {
  const match = /github\.com[:/]([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+?)(\.git)?\/?$/.exec(url ?? "");
  return match?.[1];
}

interface Options {
  readonly env?: string;
  readonly envFile?: string;
  readonly environmentsDir: string;
  readonly repository?: string;
  readonly branch: string;
  readonly outDir: string;
  readonly apply?: boolean;
}

/** GitHub owner and repository names: letters, digits, hyphens, underscores and periods. */
const repositoryPattern = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/**
 * `npm run bootstrap -- --env <name> --repository <owner>/<repo> [--apply]`: synthesizes the
 * environment's bootstrap stack (state account, identities, roles, provider registrations) with
 * local state; with `--apply`, runs `terraform init` and `terraform apply` on it, which asks for
 * confirmation. Exit 0 done, 1 the file or the stack has problems (or terraform failed), 2 usage.
 */
export function bootstrapMain(argv: readonly string[], io: BootstrapIo): number {
  const program = new Command()
    .name("bootstrap")
    .description("Create what an environment needs before CI can deploy it (run once, as a tenant admin)")
    .option("--env <name>", "environment name (the file's `name`)")
    .option("--env-file <path>", "environment file")
    .option("--environments-dir <dir>", "folder --env looks in", io.env.ENVIRONMENTS_DIR ?? "environments")
    .option(
      "--repository <owner/repo>",
      "GitHub repository whose workflows deploy (default: GITHUB_REPOSITORY)",
    )
    .option("--branch <name>", "default branch, where the scheduled drift check runs", "main")
    .option("--out-dir <dir>", "where the bootstrap stack is written", "cdktf.out/bootstrap")
    .option("--apply", "run terraform init and apply on it (asks before changing anything)")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  let opts: Options;
  try {
    opts = program.parse([...argv], { from: "user" }).opts<Options>();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const say = (code: number, message: string): number => {
    io.stderr(`bootstrap: ${message}\n`);
    return code;
  };

  const repository =
    opts.repository ?? io.env.GITHUB_REPOSITORY ?? githubRepositoryOf((io.gitRemote ?? originUrl)());
  if (!repository) return say(2, "name the GitHub repository that deploys: --repository <owner>/<repo>");
  if (!repositoryPattern.test(repository))
    return say(2, `--repository must be <owner>/<repo>, got "${repository}"`);
  if (!/^[A-Za-z0-9._/-]+$/.test(opts.branch))
    return say(2, `--branch must be a branch name, got "${opts.branch}"`);
  const found = findEnvironment({ env: opts.env, envFile: opts.envFile, dir: opts.environmentsDir });
  if (!found.ok) {
    for (const error of found.errors) io.stderr(`${formatDiagnostic(error)}\n`);
    return say(2, found.message);
  }
  const model = found.model;
  if (!model.state) {
    return say(
      1,
      `${model.file}: ${model.name} has no state: block. CI deploys keep state in the azurerm backend, and the bootstrap creates the account that block names: add state: { resourceGroup, storageAccount, container }`,
    );
  }

  const requirements = (io.requirementsOf ?? stackRequirementsOf)(model);
  const result = synthesizeBootstrap(model, { repository, branch: opts.branch, requirements }, opts.outDir);
  if (!result.ok) {
    for (const problem of result.problems) io.stderr(`${problem}\n`);
    return say(1, "the bootstrap stack is not valid: fix the problems above (nothing to apply)");
  }
  const stackFile = `${result.stackDir}/cdk.tf.json`;
  io.stdout(
    [
      `bootstrap: ${model.name}: ${stackFile}`,
      `  registers: ${requirements.resourceProviders.join(", ") || "no resource provider beyond the defaults"}`,
      `  creates: state account ${model.state.storageAccount} (container ${model.state.container}) in ${model.state.resourceGroup}, resource group ${model.resourceGroupName}, plan and deploy identities for ${repository}`,
      `  local state: ${result.stackDir}/terraform.bootstrap-${model.name}.tfstate (keep it: it records what the bootstrap created)`,
      "",
    ].join("\n"),
  );
  if (!opts.apply) {
    io.stdout(
      `Apply it as an account that may create role assignments and register providers:\n  terraform -chdir=${result.stackDir} init && terraform -chdir=${result.stackDir} apply\n`,
    );
    return 0;
  }
  const run = io.run ?? runAttached;
  for (const args of [
    ["-chdir=" + result.stackDir, "init", "-input=false"],
    ["-chdir=" + result.stackDir, "apply"],
  ]) {
    const outcome = run("terraform", args);
    if (outcome.error)
      return say(2, `cannot run terraform (${outcome.error.message}): install Terraform and put it on PATH`);
    if (outcome.status !== 0)
      return say(1, `terraform ${args[1]} failed (exit ${outcome.status ?? "signal"})`);
  }
  io.stdout(
    `Then set the GitHub variables it printed (terraform -chdir=${result.stackDir} output github_variables).\n`,
  );
  return 0;
}
