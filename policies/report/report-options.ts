import type { PolicyModel } from "../../model/policy-model";
import type { Severity } from "../engine/rule";

export type ReportFormat = "text" | "markdown" | "json" | "sarif";

export const reportFormats: readonly ReportFormat[] = ["text", "markdown", "json", "sarif"];

export interface ReportOptions {
  /** The severity at which an open finding fails the run. */
  readonly failOn: Severity;
  /** ANSI colours in the text report (only when writing to a terminal). */
  readonly color: boolean;
  /** Paths in SARIF are made relative to this folder (the repository root). */
  readonly rootDir: string;
  /**
   * The base branch's environment models by name, for the "what changed" section of the Markdown
   * report. Absent: no comparison is made.
   */
  readonly baseModels?: ReadonlyMap<string, PolicyModel>;
}
