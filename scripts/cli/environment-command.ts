/**
 * What the commands that work on one environment share: the options that name it (worded alike in
 * every command), parsing that turns `--help` and usage errors into exit codes, and finding the
 * environment with every error of its file written out.
 */
import { type Command, CommanderError } from "commander";
import { formatDiagnostic } from "../../model/diagnostics";
import { findEnvironment } from "../../model/find-environment";
import type { EnvironmentModel } from "../../model/model";

export interface EnvironmentOptions {
  readonly env?: string;
  readonly envFile?: string;
  readonly environmentsDir: string;
}

/** Adds `--env <name>`, `--env-file <path>` and `--environments-dir <dir>` to `program`. */
export function withEnvironmentOptions(program: Command): Command {
  return program
    .option("--env <name>", "environment name (the file's `name`), looked up in --environments-dir")
    .option("--env-file <path>", "environment file")
    .option("--environments-dir <dir>", "folder of environment files", "environments");
}

/** Parses the user's arguments; the exit code when parsing ends the run (0 after --help, 2 on a usage error). */
export function parseArguments(program: Command, argv: readonly string[]): number | undefined {
  try {
    program.parse([...argv], { from: "user" });
    return undefined;
  } catch (error) {
    return error instanceof CommanderError && error.exitCode === 0 ? 0 : 2;
  }
}

/** The environment the options name, or undefined once its errors are written to `stderr`. */
export function environmentOf(
  options: EnvironmentOptions,
  command: string,
  stderr: (text: string) => void,
): EnvironmentModel | undefined {
  const found = findEnvironment({ env: options.env, envFile: options.envFile, dir: options.environmentsDir });
  if (found.ok) return found.model;
  for (const error of found.errors) stderr(`${formatDiagnostic(error)}\n`);
  stderr(`${command}: ${found.message}\n`);
  return undefined;
}
