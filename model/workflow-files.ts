/**
 * The workflow definition files an environment file names (`logicApps[].workflows[].definition`):
 * which fields name them, and their JSON. Reading is `referenced-files.ts`'s job (through
 * `named-files.ts`, with every other file the environment names); a file that reads but is
 * not JSON is an error at the same line, so the semantic checks and the resolver get parsed
 * documents and nothing downstream touches the file system.
 */
import type { Json } from "../azure/workflow-definition";
import type { Diagnostic } from "./diagnostics";
import { pointerToPath } from "./diagnostics";
import type { WorkflowDefinitionFile } from "./model";
import type { ParsedDocument } from "./parsed-document";
import type { FileReference, ReferencedFile, ReferencedFiles } from "./referenced-files";
import type { EnvironmentSpec } from "./spec";

/** The definitions read, by the JSON pointer of the field that names each (`/logicApps/0/workflows/1/definition`). */
export type WorkflowDefinitions = ReadonlyMap<string, WorkflowDefinitionFile>;

export interface WorkflowFilesResult {
  readonly files: WorkflowDefinitions;
  readonly errors: readonly Diagnostic[];
}

/** The pointer of the field that names workflow `j` of logic app `i`. */
export function definitionPointer(app: number, workflow: number): string {
  return `/logicApps/${app}/workflows/${workflow}/definition`;
}

/** Every workflow definition the file names, in file order. */
export function workflowReferences(spec: EnvironmentSpec): FileReference[] {
  return (spec.logicApps ?? []).flatMap((app, i) =>
    app.workflows.map((workflow, j) => ({
      pointer: definitionPointer(i, j),
      path: workflow.definition,
      what: "workflow definition",
    })),
  );
}

/** `line 3, column 7` of `text` at a JSON.parse error's `position N`, when the message gives one. */
function whereInText(text: string, message: string): string {
  const position = /position (\d+)/.exec(message);
  if (!position) return "";
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return ` (line ${line}, column ${column})`;
}

/** The parsed definition, or why its text is not JSON. */
export function parseWorkflowDefinition(
  file: ReferencedFile,
): { readonly file: WorkflowDefinitionFile } | { readonly problem: string } {
  try {
    const document = JSON.parse(file.text) as Json;
    return { file: { path: file.path, text: file.text, document } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      problem: `the workflow definition "${file.path}" is not valid JSON${whereInText(file.text, message)}: ${message}`,
    };
  }
}

/**
 * Every definition the file names, parsed from the texts read for it; each one that is not JSON is
 * an error at the field naming it. One that could not be read is absent from `texts` (its error was
 * reported by the reader) and from the result.
 */
export function parseWorkflowDefinitions(
  doc: ParsedDocument,
  spec: EnvironmentSpec,
  texts: ReferencedFiles,
): WorkflowFilesResult {
  const files = new Map<string, WorkflowDefinitionFile>();
  const errors: Diagnostic[] = [];
  for (const { pointer } of workflowReferences(spec)) {
    const file = texts.get(pointer);
    if (!file) continue;
    const parsed = parseWorkflowDefinition(file);
    if ("file" in parsed) {
      files.set(pointer, parsed.file);
      continue;
    }
    const { line, column } = doc.locate(pointer);
    errors.push({ file: doc.file, line, column, path: pointerToPath(pointer), message: parsed.problem });
  }
  return { files, errors };
}
