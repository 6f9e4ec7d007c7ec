/**
 * `npm run diagram -- (--env <name> | --env-file <path>) [--format mermaid|dot|catalog]
 *   [--environments-dir environments]`
 *
 * Prints an environment's topology (Mermaid or DOT) or its connection catalog (JSON, the same
 * value the stack emits as its `connection_catalog` output). Mermaid stays within Mermaid's
 * limits (500 connections, 50,000 characters): a larger topology is drawn one box per namespace,
 * and stderr says so; DOT always has everything. Exit 2: usage error, or no valid environment of
 * that name (the known names are listed).
 */
import { Command, CommanderError, Option } from "commander";
import { formatDiagnostic } from "../model/diagnostics";
import { findEnvironment } from "../model/find-environment";
import { connectionCatalogFor } from "../model/connection-catalog";
import { renderDot } from "../policies/topology/dot";
import { topologyOf } from "../policies/topology/graph";
import { renderMermaid } from "../policies/topology/mermaid";
import { userArguments } from "./cli/user-arguments";

export interface DiagramIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

type DiagramFormat = "mermaid" | "dot" | "catalog";

interface CliOptions {
  readonly env?: string;
  readonly envFile?: string;
  readonly format: DiagramFormat;
  readonly environmentsDir: string;
}

export function diagramMain(argv: readonly string[], io: DiagramIo): number {
  const program = new Command()
    .name("diagram")
    .description("draw an environment's messaging topology, or print its connection catalog")
    .option("--env <name>", "environment name (the file's `name`), looked up in --environments-dir")
    .option("--env-file <path>", "environment file")
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
  const cli = program.opts<CliOptions>();
  const found = findEnvironment({ env: cli.env, envFile: cli.envFile, dir: cli.environmentsDir });
  if (!found.ok) {
    for (const error of found.errors) io.stderr(`${formatDiagnostic(error)}\n`);
    io.stderr(`diagram: ${found.message}\n`);
    return 2;
  }
  const model = found.model;
  if (cli.format === "catalog") {
    io.stdout(`${JSON.stringify(connectionCatalogFor(model), null, 2)}\n`);
    return 0;
  }
  if (cli.format === "dot") {
    io.stdout(`${renderDot(topologyOf(model))}\n`);
    return 0;
  }
  const diagram = renderMermaid(topologyOf(model));
  io.stdout(`${diagram.text}\n`);
  const a = diagram.abridged;
  if (a)
    io.stderr(
      `diagram: the topology (${a.totalEdges} connections) is beyond Mermaid's limits; drawn as one box per namespace` +
        `${a.truncated ? ", and not every connection between them fits" : ""}. --format dot draws all of it.\n`,
    );
  return 0;
}

if (require.main === module) {
  process.exitCode = diagramMain(userArguments(process.argv.slice(2)), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
