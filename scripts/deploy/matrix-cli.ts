import { Command, CommanderError } from "commander";
import { deployMatrix } from "./matrix";

export interface MatrixIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export function deployMatrixMain(argv: readonly string[], io: MatrixIo): number {
  const program = new Command()
    .name("deploy-matrix")
    .description("Print the environments of a folder in deploy order, as the workflows' job matrix")
    .option(
      "--environments-dir <dir>",
      "folder of environment files",
      io.env.ENVIRONMENTS_DIR ?? "environments",
    )
    .option("--only <names>", "comma-separated environment names to keep (still in deploy order)")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  let opts: { environmentsDir: string; only?: string };
  try {
    opts = program.parse([...argv], { from: "user" }).opts();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const only = opts.only
    ?.split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  let result;
  try {
    result = deployMatrix(opts.environmentsDir, only);
  } catch (error) {
    io.stderr(`deploy-matrix: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (!result.ok) {
    for (const line of result.errors) io.stderr(`${line}\n`);
    io.stderr("deploy-matrix: no matrix: fix the errors above\n");
    return 1;
  }
  io.stdout(`${JSON.stringify(result.entries)}\n`);
  return 0;
}
