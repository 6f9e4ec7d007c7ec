import type { PriceTable } from "../../azure/prices";
import type { PolicyModel } from "../../model/policy-model";
import type { Severity } from "../engine/rule";

export type ReportFormat = "text" | "markdown" | "json" | "sarif" | "github";

export const reportFormats: readonly ReportFormat[] = ["text", "markdown", "json", "sarif", "github"];

export interface ReportOptions {
  /** The severity at which an open finding fails the run. */
  readonly failOn: Severity;
  /** ANSI colours in the text report (only when writing to a terminal). */
  readonly color: boolean;
  /** Paths in SARIF and annotations are made relative to this folder (the repository root). */
  readonly rootDir: string;
  /**
   * The base branch's environment models by name, for what the pull request changes. The
   * comparison reads every setting the models carry. Absent: no comparison is made.
   */
  readonly baseModels?: ReadonlyMap<string, PolicyModel>;
  /**
   * The workflow run whose page shows the job summary and lists the report artifact; the
   * pull-request comment links both. Only an `https://` URL is used.
   * @default - the comment points to `npm run policy -- --format markdown` instead
   */
  readonly runUrl?: string;
  /**
   * The workflow artifact holding the complete report, with every topology as DOT under `topology/`.
   * @default - "policy-report"
   */
  readonly artifact?: string;
  /**
   * The price table the cost estimates read.
   * @default - the repository's table, azure/prices/retail-prices.json
   */
  readonly prices?: PriceTable;
}
