import type { Problem } from "../../azure/problem";
import type { Diagnostic } from "../diagnostics";
import { pointerToPath } from "../diagnostics";
import type { ParsedDocument } from "../parsed-document";
import { noNamedFiles, type NamedFiles } from "../named-files";
import type { EnvironmentSpec } from "../spec";

/**
 * What one semantic check sees: the schema-valid document and a way to report problems at a
 * JSON pointer. Checks never throw for bad input; they report and go on, so a file's every
 * problem is listed in one run.
 */
export class SemanticContext {
  private readonly found: Diagnostic[] = [];

  constructor(
    readonly doc: ParsedDocument,
    readonly spec: EnvironmentSpec,
    /** The day waivers and expiry dates are judged against. */
    readonly today: Date,
    /**
     * The files the environment file names, as the loader read them (queries' texts, workflow
     * definitions parsed); a file that could not be read or parsed is absent (the loader reported
     * it), and so is every file when a check runs without the loader.
     */
    readonly files: NamedFiles = noNamedFiles,
  ) {}

  /** Reports a problem with the value at `pointer` (e.g. `/serviceBus/0/queues/1/sessions`). */
  error(pointer: string, message: string): void {
    const { line, column } = this.doc.locate(pointer);
    this.found.push({ file: this.doc.file, line, column, path: pointerToPath(pointer), message });
  }

  /** Reports each problem an Azure rule found, at its field under `base` (`/serviceBus/0` + `capacity`). */
  report(base: string, problems: readonly Problem[]): void {
    for (const p of problems) this.error(p.field === "" ? base : `${base}/${p.field}`, p.message);
  }

  /** Reports a problem with the key at `pointer` itself (a duplicate or misplaced field). */
  errorAtKey(pointer: string, message: string): void {
    const { line, column } = this.doc.locateKey(pointer);
    this.found.push({ file: this.doc.file, line, column, path: pointerToPath(pointer), message });
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.found;
  }
}

/** One family of semantic rules (names, references, one service's SKU limits, ...). */
export type SemanticCheck = (ctx: SemanticContext) => void;
