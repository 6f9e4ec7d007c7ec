import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import type { SmokeSummary } from "../smoke/results";
import { driftIssue } from "./issue";

export interface DriftIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

function isSummary(value: unknown): value is SmokeSummary {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.environment === "string" &&
    ["passed", "drift", "missing", "unmanaged", "errors"].every((key) => typeof v[key] === "number") &&
    Array.isArray(v.results)
  );
}

export function driftIssueMain(argv: readonly string[], io: DriftIo): number {
  const program = new Command()
    .name("drift-issue")
    .argument("<smoke.json>", "output of `npm run smoke -- --format json`")
    .requiredOption("--run-url <url>", "link to the workflow run, shown in the issue")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  try {
    program.parse([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const [file] = program.args;
  const { runUrl } = program.opts<{ runUrl: string }>();
  let summary: unknown;
  try {
    summary = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    io.stderr(
      `drift-issue: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  if (!isSummary(summary)) {
    io.stderr(`drift-issue: ${file} is not a smoke test summary (npm run smoke -- --format json)\n`);
    return 2;
  }
  io.stdout(`${JSON.stringify(driftIssue(summary, runUrl))}\n`);
  return 0;
}
