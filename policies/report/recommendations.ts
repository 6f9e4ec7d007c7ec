import type { Recommendation } from "../capacity/recommendations";
import { markdownText } from "./markdown-text";

/*
 * The capacity recommendations of one environment (over-provisioning against its declared load), as
 * the Markdown report and the terminal report show them. Resource names come from the environment
 * file and messages quote them, so both are escaped like every other string from a file.
 */

/** Where one recommendation's resource is declared: `prod.yaml:12`. */
function where(r: Recommendation): string {
  return `${r.source.file.split(/[\\/]/).pop() ?? r.source.file}:${r.source.line}`;
}

/**
 * The section inside an environment's details block: a table of at most `rows` recommendations
 * with each quoted value cut to `quote` characters, and a line saying how many more there are.
 */
export function recommendationsSection(
  recommendations: readonly Recommendation[] | undefined,
  rows: number,
  quote: number,
  complete: string,
): string[] {
  if (recommendations === undefined) return [];
  const lines = ["#### Capacity recommendations", ""];
  if (recommendations.length === 0)
    return [...lines, "No over-provisioning against the declared load (`throughput:`).", ""];
  lines.push("| Resource | Where | Recommendation |", "|---|---|---|");
  for (const r of recommendations.slice(0, rows))
    lines.push(
      `| ${markdownText(r.resource, quote)} | ${markdownText(where(r), quote)} | ${markdownText(r.message, quote)} |`,
    );
  lines.push("");
  const hidden = recommendations.length - rows;
  if (hidden > 0) lines.push(`_${hidden} more capacity recommendations not shown: see ${complete}._`, "");
  return lines;
}

/** The terminal report's lines for one environment's recommendations (none when there are none). */
export function recommendationLines(recommendations: readonly Recommendation[] | undefined): string[] {
  if (!recommendations || recommendations.length === 0) return [];
  return [
    "  RECOMMENDATIONS",
    ...recommendations.flatMap((r) => [`    ${r.resource}  ${where(r)}`, `      ${r.message}`]),
  ];
}
