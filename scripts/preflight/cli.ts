import { Command, CommanderError, Option } from "commander";
import type { TokenCredential } from "@azure/core-auth";
import { formatDiagnostic } from "../../model/diagnostics";
import { findEnvironment } from "../../model/find-environment";
import type { EnvironmentModel } from "../../model/model";
import { stackRequirementsOf, type StackRequirements } from "../../stacks/stack-requirements";
import { defaultCredential, subscriptionFrom } from "../arm/credential";
import { createArmClients, type TransportOptions } from "../smoke/arm-clients";
import { armTarget, SmokeConfigError } from "../smoke/clouds";
import { ArmReader } from "./arm-reader";
import { renderJson, renderText } from "./report";
import { exitCodeOf, PreflightCredentialError, runPreflight } from "./run-preflight";

export interface PreflightIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Tests inject a static credential; the CLI uses DefaultAzureCredential whatever the cloud. */
  readonly credentialFor?: (cloud: string | undefined) => TokenCredential;
  readonly transport?: TransportOptions;
  /** What the stack needs, from its synthesis; tests that run many checks of one file reuse one answer. */
  readonly requirementsOf?: (model: EnvironmentModel) => StackRequirements;
}

interface Options {
  readonly env?: string;
  readonly envFile?: string;
  readonly environmentsDir: string;
  readonly format: "text" | "json";
  readonly subscription?: string;
  readonly cloud?: string;
  readonly armEndpoint?: string;
  readonly armAudience?: string;
  readonly timeout: string;
}

/**
 * `npm run preflight -- --env <name>`: before the first deploy, checks with the ARM SDKs that
 * everything the environment uses but does not create exists and is usable. Configuration is
 * checked before any credential is created. Exit 0 all hold, 1 something fails, 2 usage,
 * configuration or credentials.
 */
export async function preflightMain(argv: readonly string[], io: PreflightIo): Promise<number> {
  const program = new Command()
    .name("preflight")
    .description("Check what an environment needs in Azure before its first deploy")
    .option("--env <name>", "environment name (the file's `name`)")
    .option("--env-file <path>", "environment file")
    .option("--environments-dir <dir>", "folder --env looks in", io.env.ENVIRONMENTS_DIR ?? "environments")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--subscription <id>", "subscription the environment deploys to (default: AZURE_SUBSCRIPTION_ID)")
    .option("--cloud <name>", "AzurePublicCloud | AzureChinaCloud | AzureUSGovernment")
    .option("--arm-endpoint <url>", "Resource Manager endpoint of a private cloud (Azure Stack Hub)")
    .option("--arm-audience <uri>", "token audience for --arm-endpoint (from its /metadata/endpoints)")
    .option("--timeout <seconds>", "bound for each ARM call", "60")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  let opts: Options;
  try {
    opts = program.parse([...argv], { from: "user" }).opts<Options>();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const stop = (message: string): number => {
    io.stderr(`preflight: ${message}\n`);
    return 2;
  };

  const timeoutSeconds = Number(opts.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
    return stop(`--timeout must be a positive number of seconds, got "${opts.timeout}"`);
  if (opts.cloud && opts.armEndpoint) return stop("give --cloud or --arm-endpoint, not both");
  const found = findEnvironment({ env: opts.env, envFile: opts.envFile, dir: opts.environmentsDir });
  if (!found.ok) {
    for (const error of found.errors) io.stderr(`${formatDiagnostic(error)}\n`);
    return stop(found.message);
  }
  const model = found.model;
  const subscription = subscriptionFrom(opts.subscription, io.env, `${model.name} deploys to`);
  if ("problem" in subscription) return stop(subscription.problem);
  let target;
  try {
    target = armTarget({ cloud: opts.cloud, armEndpoint: opts.armEndpoint, armAudience: opts.armAudience });
  } catch (error) {
    if (error instanceof SmokeConfigError) return stop(error.message);
    throw error;
  }

  const requirements = (io.requirementsOf ?? stackRequirementsOf)(model);
  const credential = (io.credentialFor ?? defaultCredential)(opts.cloud);
  const clients = createArmClients(credential, subscription.id, target, io.transport);
  io.stderr(`preflight: ${model.name} in subscription ${subscription.id} (${target.description})\n`);
  try {
    const summary = await runPreflight({
      model,
      requirements,
      subscriptionId: subscription.id,
      clients,
      arm: new ArmReader(clients, target.endpoint, timeoutSeconds * 1000),
    });
    io.stdout(opts.format === "json" ? renderJson(summary) : renderText(summary));
    return exitCodeOf(summary);
  } catch (error) {
    if (error instanceof PreflightCredentialError) return stop(error.message);
    throw error;
  }
}
