import type { EnvironmentResult } from "../engine/finding";
import type { Severity } from "../engine/rule";
import { assemble, renderLevels, reportHead, REPORT_HEADING, sectionText } from "./markdown";
import { passes } from "./outcome";
import { pointersFor } from "./pointers";
import type { ReportOptions } from "./report-options";
import { isChanged, reviewOf, type EnvironmentReview } from "./review";
import { LEVELS, summaryRow, type Level, type Pointers } from "./sections";

/** The first line of the pull-request comment: the workflow finds its own comment by it and edits it. */
export const COMMENT_MARKER = "<!-- messaging-policy-report -->";

/** GitHub refuses a comment over 65,536 characters; this leaves room for what GitHub adds. */
export const COMMENT_LIMIT = 60_000;

/** GitHub shows a job summary of at most 1 MiB per step; this stays under it. */
export const SUMMARY_LIMIT_BYTES = 1_000_000;

interface Budget {
  readonly limit: number;
  readonly measure: (text: string) => number;
}

const characters: Budget["measure"] = (text) => text.length;
const bytes: Budget["measure"] = (text) => Buffer.byteLength(text, "utf8");

interface Layout {
  readonly place: "comment" | "summary";
  readonly budget: Budget;
  /** The level each environment starts at before anything is shortened. */
  readonly start: (review: EnvironmentReview) => Level;
  readonly prefix: readonly string[];
}

function introFor(pointers: Pointers, place: Layout["place"]): string[] {
  return place === "comment"
    ? [`Everything, never shortened: ${pointers.complete}.`]
    : [`Every topology as DOT, and this report without any shortening: ${pointers.complete}.`];
}

/**
 * A report that fits `budget`: each environment starts at the level `layout` gives it; while the
 * whole is too large, the largest section steps down one level (fewer rows, no diagram, then one
 * line). If one line per environment is still too much, the environments that pass unchanged
 * are left out first, with a note saying how many and where they are.
 */
function fitted(results: readonly EnvironmentResult[], options: ReportOptions, layout: Layout): string {
  const { measure, limit } = layout.budget;
  const pointers = pointersFor(layout.place, options);
  const failOn = options.failOn;
  const reviews = results.map((result) => reviewOf(result, options));
  const levels = reviews.map(layout.start);
  const cache = new Map<string, number>();
  const size = (i: number): number => {
    const key = `${i}\u0000${levels[i]}`;
    let known = cache.get(key);
    if (known === undefined) {
      known = measure(sectionText(reviews[i], levels[i], failOn, pointers));
      cache.set(key, known);
    }
    return known;
  };
  const intro = introFor(pointers, layout.place);
  const head = reportHead(reviews, failOn, intro, layout.prefix);
  // "**Other environments**" and the blank line after it, when any environment is one line.
  const linesHeading = measure("**Other environments**\n\n");
  const total = (): number =>
    measure(head) +
    reviews.reduce((sum, _review, i) => sum + size(i), 0) +
    (levels.includes("line") ? linesHeading : 0);

  while (total() > limit) {
    let largest = -1;
    for (let i = 0; i < reviews.length; i++)
      if (levels[i] !== "line" && (largest < 0 || size(i) > size(largest))) largest = i;
    if (largest < 0) break;
    levels[largest] = LEVELS[LEVELS.indexOf(levels[largest]) + 1];
  }
  if (total() <= limit) return renderLevels(reviews, levels, head, failOn, pointers);
  return fewerEnvironments(reviews, failOn, pointers, layout, intro);
}

/** One line each for as many environments as fit, those that fail or change first. */
function fewerEnvironments(
  reviews: readonly EnvironmentReview[],
  failOn: Severity,
  pointers: Pointers,
  layout: Layout,
  intro: readonly string[],
): string {
  const { measure, limit } = layout.budget;
  const weight = (r: EnvironmentReview): number =>
    (passes(r.result, failOn) ? 0 : 2) + (isChanged(r) ? 1 : 0);
  const ordered = [...reviews].sort((a, b) => weight(b) - weight(a));
  const note = (left: number): string => `_${left} more environments not shown: see ${pointers.complete}._\n`;
  const fixed = measure(reportHead([], failOn, intro, layout.prefix)) + measure(note(reviews.length)) + 64;
  let used = fixed;
  const kept: EnvironmentReview[] = [];
  for (const review of ordered) {
    const cost =
      measure(`${summaryRow(review, failOn)}\n`) + measure(sectionText(review, "line", failOn, pointers));
    if (used + cost > limit) break;
    used += cost;
    kept.push(review);
  }
  const head = reportHead(kept, failOn, intro, layout.prefix);
  const lines = kept.map((review) => sectionText(review, "line", failOn, pointers));
  const text = assemble(head, [], lines) + note(reviews.length - kept.length);
  if (measure(text) <= limit) return text;
  return [
    ...layout.prefix,
    REPORT_HEADING,
    "",
    `The report is too large to show here: see ${pointers.complete}.`,
    "",
  ].join("\n");
}

/**
 * The pull-request comment, at most {@link COMMENT_LIMIT} characters for any estate: the summary
 * table, then each environment the pull request changes in a `<details>` block, and every other
 * environment in one line. It starts with {@link COMMENT_MARKER}.
 */
export function renderComment(results: readonly EnvironmentResult[], options: ReportOptions): string {
  return fitted(results, options, {
    place: "comment",
    budget: { limit: COMMENT_LIMIT, measure: characters },
    start: (review) => (isChanged(review) ? "review" : "line"),
    prefix: [COMMENT_MARKER],
  });
}

/** The job summary: the complete report, shortened only where it would pass GitHub's 1 MiB limit. */
export function renderSummary(results: readonly EnvironmentResult[], options: ReportOptions): string {
  return fitted(results, options, {
    place: "summary",
    budget: { limit: SUMMARY_LIMIT_BYTES, measure: bytes },
    start: () => "full",
    prefix: [],
  });
}
