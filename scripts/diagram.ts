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
import { Command, Option } from "commander";
import { connectionCatalogFor } from "../model/connection-catalog";
import { renderDot } from "../policies/topology/dot";
import { topologyOf } from "../policies/topology/graph";
import { renderMermaid } from "../policies/topology/mermaid";
import {
  environmentOf,
  parseArguments,
  withEnvironmentOptions,
  type EnvironmentOptions,
} from "./cli/environment-command";
import { userArguments } from "./cli/user-arguments";

export interface DiagramIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

type DiagramFormat = "mermaid" | "dot" | "catalog";

interface CliOptions extends EnvironmentOptions {
  readonly format: DiagramFormat;
}

export function diagramMain(argv: readonly string[], io: DiagramIo): number {
  const program = withEnvironmentOptions(new Command())
    .name("diagram")
    .description("draw an environment's messaging topology, or print its connection catalog")
    .addOption(
      new Option("--format <format>", "output").choices(["mermaid", "dot", "catalog"]).default("mermaid"),
    )
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const stop = parseArguments(program, argv);
  if (stop !== undefined) return stop;
  const cli = program.opts<CliOptions>();
  const model = environmentOf(cli, "diagram", io.stderr);
  if (!model) return 2;
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
