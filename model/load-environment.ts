import { readFileSync } from "node:fs";
import type { Diagnostic } from "./diagnostics";
import { sortDiagnostics } from "./diagnostics";
import type { EnvironmentModel } from "./model";
import { parseEnvironmentText } from "./parse";
import { checkModel } from "./checks";
import { readNamedFiles } from "./named-files";
import type { ReadFile } from "./referenced-files";
import { checkSchema } from "./schema-check";
import { checkSemantics } from "./semantic";
import { resolveEnvironment } from "./resolve";
import type { EnvironmentSpec } from "./spec";

export type LoadResult =
  | { readonly ok: true; readonly model: EnvironmentModel }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };

export interface LoadOptions {
  /** The day waivers are judged against (tests inject it). @default - today */
  readonly today?: Date;
  /**
   * How files the environment file names (Stream Analytics queries, workflow definitions) are read,
   * by absolute path.
   * @default - read from disk, relative to the environment file
   */
  readonly readFile?: ReadFile;
}

/**
 * The one way to read an environment file: parse with positions, check the schema, read the files
 * it names (an unreadable one is an error at the field naming it), then the semantic rules, resolve
 * the tier profile's defaults, then check what the file resolves to (Azure
 * names in their scopes, derived names, references the walk of the model knows). Each stage
 * assumes the ones before it passed, so a stage's errors are all reported at once; a model is
 * returned only when there are none.
 */
export function loadEnvironmentText(text: string, file: string, options: LoadOptions = {}): LoadResult {
  const parsed = parseEnvironmentText(text, file);
  if (!parsed.document) return { ok: false, errors: sortDiagnostics(parsed.errors) };
  const schemaErrors = checkSchema(parsed.document);
  const errors = [...parsed.errors, ...schemaErrors];
  // Semantic rules assume the shape the schema guarantees; on a shape error they would only add noise.
  if (errors.length > 0) return { ok: false, errors: sortDiagnostics(errors) };
  const spec = parsed.document.data as EnvironmentSpec;
  // The files the environment names (queries, workflow definitions) are read once, here, relative to it.
  const referenced = readNamedFiles(parsed.document, spec, options.readFile);
  const semanticErrors = [
    ...referenced.errors,
    ...checkSemantics(parsed.document, spec, { today: options.today, files: referenced.files }),
  ];
  if (semanticErrors.length > 0) return { ok: false, errors: sortDiagnostics(semanticErrors) };
  const model = resolveEnvironment(parsed.document, spec, referenced.files);
  const modelErrors = checkModel(parsed.document, model);
  if (modelErrors.length > 0) return { ok: false, errors: sortDiagnostics(modelErrors) };
  return { ok: true, model };
}

/** Reads and loads one file; an unreadable file is an error of that file, not an exception. */
export function loadEnvironmentFile(file: string, options: LoadOptions = {}): LoadResult {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ file, line: 1, column: 1, path: "$", message: `cannot read file: ${reason}` }],
    };
  }
  return loadEnvironmentText(text, file, options);
}
