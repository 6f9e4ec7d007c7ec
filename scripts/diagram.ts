/**
 * `npm run diagram -- --env <name> [--format mermaid|dot|catalog] [--environments-dir environments]`
 *
 * Prints an environment's topology (Mermaid or DOT) or its connection catalog (JSON, the same
 * value the stack emits as its `connection_catalog` output). Exit 2: usage error, or no valid
 * environment file of that name.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { environmentFilesIn } from "../model/environment-files";
import { formatDiagnostic } from "../model/diagnostics";
import { loadEnvironmentFile } from "../model/load-environment";
import type { EnvironmentModel } from "../model/model";
import { connectionCatalogFor } from "../model/connection-catalog";
import { renderDot } from "../policies/topology/dot";
import { topologyOf } from "../policies/topology/graph";
import { renderMermaid } from "../policies/topology/mermaid";

export interface DiagramIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

type DiagramFormat = "mermaid" | "dot" | "catalog";

/** The file named `<env>.yaml` (or `.yml`) when it exists, else every file, to match by `name`. */
function candidateFiles(dir: string, env: string): string[] {
  const direct = [`${env}.yaml`, `${env}.yml`]
    .map((file) => join(dir, file))
    .filter((file) => existsSync(file));
  return direct.length > 0 ? direct : existsSync(dir) ? environmentFilesIn(dir) : [];
}

function findModel(dir: string, env: string, io: DiagramIo): EnvironmentModel | undefined {
  for (const file of candidateFiles(dir, env)) {
    const result = loadEnvironmentFile(file);
    if (!result.ok) {
      for (const error of result.errors) io.stderr(`${formatDiagnostic(error)}\n`);
      continue;
    }
    if (result.model.name === env) return result.model;
  }
  return undefined;
}

export function diagramMain(argv: readonly string[], io: DiagramIo): number {
  const program = new Command()
    .name("diagram")
    .description("draw an environment's messaging topology, or print its connection catalog")
    .requiredOption("--env <name>", "environment name (the file's `name`)")
    .addOption(
      new Option("--format <format>", "output").choices(["mermaid", "dot", "catalog"]).default("mermaid"),
    )
    .option("--environments-dir <dir>", "folder of environment files", "environments")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  try {
    program.parse([...argv], { from: "user" });
  } catch (error) {
    return error instanceof CommanderError && error.exitCode === 0 ? 0 : 2;
  }
  const cli = program.opts<{ env: string; format: DiagramFormat; environmentsDir: string }>();
  const model = findModel(cli.environmentsDir, cli.env, io);
  if (!model) {
    io.stderr(`diagram: no valid environment named "${cli.env}" in ${cli.environmentsDir}\n`);
    return 2;
  }
  if (cli.format === "catalog") io.stdout(`${JSON.stringify(connectionCatalogFor(model), null, 2)}\n`);
  else
    io.stdout(`${cli.format === "dot" ? renderDot(topologyOf(model)) : renderMermaid(topologyOf(model))}\n`);
  return 0;
}

if (require.main === module) {
  process.exitCode = diagramMain(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
