import { Command, CommanderError, Option } from "commander";
import type { TokenCredential } from "@azure/core-auth";
import { formatDiagnostic } from "../../model/diagnostics";
import { findEnvironment } from "../../model/find-environment";
import type { EnvironmentModel } from "../../model/model";
import { defaultCredential, subscriptionFrom } from "../arm/credential";
import { createArmClients, type TransportOptions } from "./arm-clients";
import { armTarget, SmokeConfigError } from "./clouds";
import { renderJson, renderText } from "./report";
import { exitCodeOf } from "./results";
import { runSmoke, SmokeCredentialError } from "./run-smoke";

export interface SmokeIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Tests inject a static credential; the CLI uses DefaultAzureCredential whatever the cloud. */
  readonly credentialFor?: (cloud: string | undefined) => TokenCredential;
  readonly transport?: TransportOptions;
}

/** The environment `--env` names (or `--env-file` gives); an unknown name lists the known ones. */
function environmentOf(selector: { env?: string; envFile?: string; dir: string }): EnvironmentModel {
  const found = findEnvironment(selector);
  if (found.ok) return found.model;
  const errors = found.errors.map(formatDiagnostic);
  throw new SmokeConfigError([found.message, ...errors].join("\n"));
}

/**
 * `npm run smoke -- --env <name>` (or `--env-file <path>`). Configuration (arguments, environment file, subscription,
 * cloud) is checked before any credential is created, so a misconfigured run asks nothing of
 * Azure or the identity endpoints. Exit 0 all passed, 1 drift/missing/failed checks, 2 configuration
 * or credential problems.
 */
export async function smokeMain(argv: readonly string[], io: SmokeIo): Promise<number> {
  const program = new Command()
    .name("smoke")
    .description("Verify a deployed environment against its environment file")
    .option("--env <name>", "environment name (the file's `name`), looked up in --environments-dir")
    .option("--env-file <path>", "environment file")
    .option(
      "--environments-dir <dir>",
      "folder of environment files",
      io.env.ENVIRONMENTS_DIR ?? "environments",
    )
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .option("--subscription <id>", "subscription ID (default: AZURE_SUBSCRIPTION_ID)")
    .option("--cloud <name>", "AzurePublicCloud | AzureChinaCloud | AzureUSGovernment")
    .option("--arm-endpoint <url>", "Resource Manager endpoint of a private cloud (Azure Stack Hub)")
    .option("--arm-audience <uri>", "token audience for --arm-endpoint (from its /metadata/endpoints)")
    .option("--timeout <seconds>", "bound for each ARM call and each data-plane probe", "60")
    .option("--no-data-plane", "skip the send/receive probes even when the file declares `smoke:`")
    .option("--verbose", "list passed checks too")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  let opts: {
    env?: string;
    envFile?: string;
    environmentsDir: string;
    format: "table" | "json";
    subscription?: string;
    cloud?: string;
    armEndpoint?: string;
    armAudience?: string;
    timeout: string;
    dataPlane: boolean;
    verbose?: boolean;
  };
  try {
    opts = program.parse([...argv], { from: "user" }).opts();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }

  try {
    const timeoutSeconds = Number(opts.timeout);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
      throw new SmokeConfigError(`--timeout must be a positive number of seconds, got "${opts.timeout}"`);
    if (opts.cloud && opts.armEndpoint)
      throw new SmokeConfigError("give --cloud or --arm-endpoint, not both");
    const model = environmentOf({ env: opts.env, envFile: opts.envFile, dir: opts.environmentsDir });
    const subscription = subscriptionFrom(opts.subscription, io.env, "the environment is deployed to");
    if ("problem" in subscription) throw new SmokeConfigError(subscription.problem);
    const subscriptionId = subscription.id;
    const target = armTarget({
      cloud: opts.cloud,
      armEndpoint: opts.armEndpoint,
      armAudience: opts.armAudience,
    });

    const credential = (io.credentialFor ?? defaultCredential)(opts.cloud);
    const clients = createArmClients(credential, subscriptionId, target, io.transport);
    io.stderr(
      `smoke: ${model.name} in subscription ${subscriptionId}, resource group ${model.resourceGroupName} (${target.description})\n`,
    );
    const summary = await runSmoke({
      model,
      clients,
      subscriptionId,
      timeoutMs: timeoutSeconds * 1000,
      credential: opts.dataPlane ? credential : undefined,
      progress: (message) => io.stderr(`  ${message}\n`),
    });
    io.stdout(opts.format === "json" ? renderJson(summary) : renderText(summary, opts.verbose));
    return exitCodeOf(summary);
  } catch (error) {
    if (error instanceof SmokeConfigError || error instanceof SmokeCredentialError) {
      io.stderr(`smoke: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
