/**
 * What `npm run validate` does with a list of files, apart from argument parsing: load each file
 * on its own (one bad or unreadable file never stops the others), decide the exit code, and
 * render the results as text or as the one JSON object the CI contract names.
 */
import { accessSync, constants, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import type { Diagnostic } from "./diagnostics";
import { diagnosticAnnotation, formatDiagnostic, sortDiagnostics } from "./diagnostics";
import { checkAcrossFiles } from "./checks/across-files";
import type { LoadOptions } from "./load-environment";
import { loadEnvironmentFile } from "./load-environment";
import type { EnvironmentModel } from "./model";

export interface FileResult {
  readonly file: string;
  readonly valid: boolean;
  /** The file could not be read at all (missing, a directory, no permission). */
  readonly unreadable: boolean;
  readonly errors: readonly Diagnostic[];
}

export const exitCodes = { valid: 0, invalid: 1, usageOrIo: 2 } as const;

function unreadableReason(file: string): string | undefined {
  try {
    if (!statSync(file).isFile()) return "not a file";
    accessSync(file, constants.R_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return "no such file";
    if (code === "EACCES") return "permission denied";
    return error instanceof Error ? error.message : String(error);
  }
}

function unreadable(file: string, reason: string): FileResult {
  return {
    file,
    valid: false,
    unreadable: true,
    errors: [{ file, line: 1, column: 1, path: "$", message: `cannot read file: ${reason}` }],
  };
}

function loaded(file: string, options: LoadOptions): { result: FileResult; model?: EnvironmentModel } {
  const reason = unreadableReason(file);
  if (reason) return { result: unreadable(file, reason) };
  const result = loadEnvironmentFile(file, options);
  return result.ok
    ? { result: { file, valid: true, unreadable: false, errors: [] }, model: result.model }
    : { result: { file, valid: false, unreadable: false, errors: result.errors } };
}

export function validateFile(file: string, options: LoadOptions = {}): FileResult {
  return validateFiles([file], options)[0];
}

/**
 * Each file on its own, then what only the files of a folder together can show (a shared
 * environment name or host name, the deploy order): a file valid alone becomes invalid when it
 * collides with another or its `deploy.after` names no environment or closes a cycle.
 */
export function validateFiles(files: readonly string[], options: LoadOptions = {}): FileResult[] {
  const each = files.map((file) => loaded(file, options));
  const models = each.flatMap(({ model }) => (model ? [model] : []));
  const acrossFiles = checkAcrossFiles(models);
  return each.map(({ result }) => {
    const extra = acrossFiles.filter((d) => d.file === result.file);
    if (extra.length === 0) return result;
    return { ...result, valid: false, errors: sortDiagnostics([...result.errors, ...extra]) };
  });
}

/** 0 when every file is valid, 2 when any could not be read, else 1. */
export function exitCodeFor(results: readonly FileResult[]): number {
  if (results.some((r) => r.unreadable)) return exitCodes.usageOrIo;
  return results.every((r) => r.valid) ? exitCodes.valid : exitCodes.invalid;
}

export function renderJson(results: readonly FileResult[]): string {
  const errors = results.flatMap((r) =>
    r.errors.map(({ file, line, column, path, message }) => ({ file, line, column, path, message })),
  );
  return JSON.stringify({ valid: results.every((r) => r.valid), errors });
}

function tally(results: readonly FileResult[]): string {
  const invalid = results.filter((r) => !r.valid).length;
  const errorCount = results.reduce((sum, r) => sum + r.errors.length, 0);
  const files = `${results.length} file${results.length === 1 ? "" : "s"}`;
  return invalid === 0
    ? `${files} checked: all valid`
    : `${files} checked: ${results.length - invalid} valid, ${invalid} invalid (${errorCount} error${errorCount === 1 ? "" : "s"})`;
}

export function renderText(results: readonly FileResult[]): string {
  return [...results.flatMap((r) => r.errors.map(formatDiagnostic)), tally(results)].join("\n");
}

/** `file` as the repository names it: relative to its root, with forward slashes. */
export function repositoryPath(file: string, rootDir: string): string {
  return relative(rootDir, resolve(rootDir, file)).split(sep).join("/");
}

/**
 * One `::error` workflow command per error, at its file, line and column, so GitHub shows each
 * on the pull request's changed line; then the tally as plain text for the log.
 */
export function renderGithub(results: readonly FileResult[], rootDir: string): string {
  const annotations = results.flatMap((r) =>
    r.errors.map((d) => diagnosticAnnotation(d, repositoryPath(d.file, rootDir))),
  );
  return [...annotations, tally(results)].join("\n");
}
