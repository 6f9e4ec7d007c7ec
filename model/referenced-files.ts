/**
 * Files an environment file names by paths relative to itself (a Stream Analytics job's query, a
 * workflow definition), read once where the environment is loaded, so validation, synthesis and the
 * reports see one text and nothing downstream touches the file system. A file that cannot be read is
 * an error at the line that names it, never an exception.
 */
import { readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, resolve } from "node:path";
import type { Diagnostic } from "./diagnostics";
import { pointerToPath } from "./diagnostics";
import type { ParsedDocument } from "./parsed-document";

/** A field that names a file, and what the file is (for messages: "query file"). */
export interface FileReference {
  /** Where the environment file names it: `/streamAnalytics/0/query`. */
  readonly pointer: string;
  /** The path as the environment file writes it, relative to the environment file. */
  readonly path: string;
  readonly what: string;
}

/** A referenced file with its text. */
export interface ReferencedFile extends FileReference {
  readonly text: string;
}

/** The referenced files of one environment file, by the pointer of the field that names each. */
export type ReferencedFiles = ReadonlyMap<string, ReferencedFile>;

/** Reads a file's text by its absolute path; throws a Node file-system error when it cannot. */
export type ReadFile = (absolutePath: string) => string;

const readFromDisk: ReadFile = (absolutePath) => {
  // readFileSync of a directory fails with a platform-specific error; say what it is instead.
  if (!statSync(absolutePath).isFile()) throw Object.assign(new Error("not a file"), { code: "ENOTFILE" });
  return readFileSync(absolutePath, "utf8");
};

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES") return "permission denied";
  if (code === "ENOTFILE" || code === "EISDIR") return "it is not a file";
  return error instanceof Error ? error.message : String(error);
}

/** Why a reference cannot be read, or its text (a byte-order mark removed: editors write one). */
export function readReference(
  environmentFile: string,
  reference: FileReference,
  readFile: ReadFile = readFromDisk,
): { readonly text: string } | { readonly problem: string } {
  const beside = basename(environmentFile);
  if (isAbsolute(reference.path)) {
    return { problem: `the ${reference.what} "${reference.path}" must be a path relative to ${beside}` };
  }
  const absolute = resolve(dirname(resolve(environmentFile)), reference.path);
  try {
    return { text: readFile(absolute).replace(/^\uFEFF/, "") };
  } catch (error) {
    return {
      problem: `cannot read the ${reference.what} "${reference.path}" (relative to ${beside}): ${reasonOf(error)}`,
    };
  }
}

/** Reads every reference relative to the environment file; each one that cannot be read is a diagnostic. */
export function readReferencedFiles(
  doc: ParsedDocument,
  references: readonly FileReference[],
  readFile: ReadFile = readFromDisk,
): { readonly files: ReferencedFiles; readonly errors: readonly Diagnostic[] } {
  const files = new Map<string, ReferencedFile>();
  const errors: Diagnostic[] = [];
  for (const reference of references) {
    const read = readReference(doc.file, reference, readFile);
    if ("text" in read) {
      files.set(reference.pointer, { ...reference, text: read.text });
      continue;
    }
    const { line, column } = doc.locate(reference.pointer);
    errors.push({
      file: doc.file,
      line,
      column,
      path: pointerToPath(reference.pointer),
      message: read.problem,
    });
  }
  return { files, errors };
}
