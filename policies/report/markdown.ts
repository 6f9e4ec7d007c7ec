import type { EnvironmentResult } from "../engine/finding";
import type { Severity } from "../engine/rule";
import { pointersFor } from "./pointers";
import type { ReportOptions } from "./report-options";
import { reviewOf, type EnvironmentReview } from "./review";
import { environmentSection, summaryTable, type Level, type Pointers } from "./sections";

export const REPORT_HEADING = "## Policy report";

/** The head, the detailed sections, then the environments shown as one line each. */
export function assemble(head: string, sections: readonly string[], lines: readonly string[]): string {
  const detailed = sections.join("");
  const oneLine = lines.length > 0 ? `**Other environments**\n\n${lines.join("")}` : "";
  return `${head}${detailed}${oneLine}`;
}

export function reportHead(
  reviews: readonly EnvironmentReview[],
  failOn: Severity,
  intro: readonly string[],
  prefix: readonly string[] = [],
): string {
  return (
    [
      ...prefix,
      REPORT_HEADING,
      "",
      ...summaryTable(reviews, failOn),
      "",
      ...(intro.length > 0 ? [...intro, ""] : []),
    ].join("\n") + "\n"
  );
}

export function sectionText(
  review: EnvironmentReview,
  level: Level,
  failOn: Severity,
  pointers: Pointers,
): string {
  return `${environmentSection(review, level, failOn, pointers).join("\n")}\n`;
}

/** Renders reviews at the given levels: detailed sections first, then the one-line ones. */
export function renderLevels(
  reviews: readonly EnvironmentReview[],
  levels: readonly Level[],
  head: string,
  failOn: Severity,
  pointers: Pointers,
): string {
  const detailed = reviews.flatMap((review, i) =>
    levels[i] === "line" ? [] : [sectionText(review, levels[i], failOn, pointers)],
  );
  const lines = reviews.flatMap((review, i) =>
    levels[i] === "line" ? [sectionText(review, "line", failOn, pointers)] : [],
  );
  return assemble(head, detailed, lines);
}

/**
 * The complete report (the workflow artifact): the summary table, then every environment in full
 * (what the pull request changes field by field, findings, waivers, the topology within Mermaid's
 * limits, the connection catalog and the edge sites). Every quoted value is escaped.
 */
export function renderMarkdown(results: readonly EnvironmentResult[], options: ReportOptions): string {
  const reviews = results.map((result) => reviewOf(result, options));
  const head = reportHead(reviews, options.failOn, []);
  return renderLevels(
    reviews,
    reviews.map(() => "full"),
    head,
    options.failOn,
    pointersFor("artifact", options),
  );
}
