/**
 * Files an environment file names by paths relative to itself (a Stream Analytics job's query),
 * read once when the environment is loaded so validation, synthesis and the reports see one text.
 * A file that cannot be read is an error at the line that names it, never an exception.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Diagnostic } from "./diagnostics";
import { pointerToPath } from "./diagnostics";
import type { ParsedDocument } from "./parsed-document";
import type { EnvironmentSpec } from "./spec";

/** A file named at `pointer`, with its text. */
export interface ReferencedFile {
  /** Where the environment file names it: `/streamAnalytics/0/query`. */
  readonly pointer: string;
  /** The path as the environment file writes it, relative to the environment file. */
  readonly path: string;
  readonly text: string;
}

/** The referenced files of one environment file, by the pointer of the field that names each. */
export type ReferencedFiles = ReadonlyMap<string, ReferencedFile>;

/** Reads a file's text by its absolute path (tests substitute one that reads from memory). */
export type ReadFile = (absolutePath: string) => string;

/** A field that names a file, and what the file is (for messages). */
export interface FileReference {
  readonly pointer: string;
  readonly path: string;
  readonly what: string;
}

/** Every file a schema-valid environment file names. */
export function fileReferencesOf(spec: EnvironmentSpec): FileReference[] {
  return [
    ...(spec.streamAnalytics ?? []).map((job, i) => ({
      pointer: `/streamAnalytics/${i}/query`,
      path: job.query,
      what: "query file",
    })),
  ];
}

const readFromDisk: ReadFile = (absolutePath) => readFileSync(absolutePath, "utf8");

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  return error instanceof Error ? error.message : String(error);
}

/** Reads every referenced file relative to the environment file; each unreadable one is a diagnostic. */
export function readReferencedFiles(
  doc: ParsedDocument,
  references: readonly FileReference[],
  readFile: ReadFile = readFromDisk,
): { readonly files: ReferencedFiles; readonly errors: readonly Diagnostic[] } {
  const files = new Map<string, ReferencedFile>();
  const errors: Diagnostic[] = [];
  const base = dirname(resolve(doc.file));
  for (const reference of references) {
    const absolute = resolve(base, reference.path);
    try {
      files.set(reference.pointer, { pointer: reference.pointer, path: reference.path, text: readFile(absolute) });
    } catch (error) {
      const { line, column } = doc.locate(reference.pointer);
      errors.push({
        file: doc.file,
        line,
        column,
        path: pointerToPath(reference.pointer),
        message: `cannot read the ${reference.what} "${reference.path}" (${absolute}): ${reasonOf(error)}; the path is relative to this environment file`,
      });
    }
  }
  return { files, errors };
}
