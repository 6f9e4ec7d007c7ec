/**
 * Every file an environment file names (Stream Analytics queries, workflow definitions), read in
 * one pass by `readReferencedFiles` where the environment is loaded, with the workflow definitions'
 * JSON parsed from those texts. The semantic checks and the resolver take this one value, so each
 * file is read once and nothing downstream touches the file system.
 */
import type { Diagnostic } from "./diagnostics";
import { readReferencedFiles, type ReadFile, type ReferencedFiles } from "./referenced-files";
import type { ParsedDocument } from "./parsed-document";
import type { EnvironmentSpec } from "./spec";
import { streamAnalyticsFileReferences } from "./stream-analytics-files";
import { parseWorkflowDefinitions, workflowReferences, type WorkflowDefinitions } from "./workflow-files";

export interface NamedFiles {
  /** Every file read, by the JSON pointer of the field that names it; an unreadable one is absent. */
  readonly texts: ReferencedFiles;
  /** The workflow definitions among `texts`, parsed; one that is not JSON is absent. */
  readonly workflowDefinitions: WorkflowDefinitions;
}

/** What checks and resolution see when they run on a file that names no other files. */
export const noNamedFiles: NamedFiles = { texts: new Map(), workflowDefinitions: new Map() };

/**
 * Reads every file `doc` names, relative to it, and parses the workflow definitions; each file that
 * cannot be read, and each definition that is not JSON, is an error at the field naming it.
 */
export function readNamedFiles(
  doc: ParsedDocument,
  spec: EnvironmentSpec,
  readFile?: ReadFile,
): { readonly files: NamedFiles; readonly errors: readonly Diagnostic[] } {
  const read = readReferencedFiles(
    doc,
    [...streamAnalyticsFileReferences(spec), ...workflowReferences(spec)],
    readFile,
  );
  const workflows = parseWorkflowDefinitions(doc, spec, read.files);
  return {
    files: { texts: read.files, workflowDefinitions: workflows.files },
    errors: [...read.errors, ...workflows.errors],
  };
}
