/**
 * The workflow definition files an environment file names (`logicApps[].workflows[].definition`),
 * read once where the environment file is loaded, relative to that file. A file that is missing,
 * unreadable or not JSON is an error at the line that names it; the ones that read are parsed and
 * handed to the semantic checks and the resolver, so nothing downstream touches the file system.
 */
import { readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, resolve } from "node:path";
import type { Json } from "../azure/workflow-definition";
import type { Diagnostic } from "./diagnostics";
import { pointerToPath } from "./diagnostics";
import type { WorkflowDefinitionFile } from "./model";
import type { ParsedDocument } from "./parsed-document";
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

function unreadableReason(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return "it is not a file";
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return "no such file";
    if (code === "EACCES") return "permission denied";
    return error instanceof Error ? error.message : String(error);
  }
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

/** Reads one definition file; the reason it cannot be used, or the file. */
export function readWorkflowDefinition(
  environmentFile: string,
  written: string,
): { readonly file: WorkflowDefinitionFile } | { readonly problem: string } {
  const beside = basename(environmentFile);
  if (isAbsolute(written)) {
    return { problem: `workflow definition "${written}" must be a path relative to ${beside}, not an absolute one` };
  }
  const path = resolve(dirname(environmentFile), written);
  const reason = unreadableReason(path);
  if (reason !== undefined) {
    return { problem: `workflow definition "${written}" (relative to ${beside}) cannot be read: ${reason}` };
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problem: `workflow definition "${written}" (relative to ${beside}) cannot be read: ${message}` };
  }
  try {
    // A byte-order mark is allowed by editors but not by JSON.parse.
    const document = JSON.parse(text.replace(/^\uFEFF/, "")) as Json;
    return { file: { path: written, text, document } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      problem: `workflow definition "${written}" is not valid JSON${whereInText(text, message)}: ${message}`,
    };
  }
}

/** Every definition the file names, read relative to it; each one that cannot be used is an error. */
export function readWorkflowDefinitions(doc: ParsedDocument, spec: EnvironmentSpec): WorkflowFilesResult {
  const files = new Map<string, WorkflowDefinitionFile>();
  const errors: Diagnostic[] = [];
  (spec.logicApps ?? []).forEach((app, i) => {
    app.workflows.forEach((workflow, j) => {
      const pointer = definitionPointer(i, j);
      const read = readWorkflowDefinition(doc.file, workflow.definition);
      if ("file" in read) {
        files.set(pointer, read.file);
        return;
      }
      const { line, column } = doc.locate(pointer);
      errors.push({ file: doc.file, line, column, path: pointerToPath(pointer), message: read.problem });
    });
  });
  return { files, errors };
}
