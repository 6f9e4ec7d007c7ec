import { replacementFacts } from "../../azure/replacement";
import { connectionCatalogFor } from "../../model/connection-catalog";
import type { PolicySite } from "../../model/policy-model";
import { renderCatalogMarkdown } from "../catalog/render-catalog";
import type { Finding, WaiverStatus } from "../engine/finding";
import type { Severity } from "../engine/rule";
import { describeEdge } from "../topology/changes";
import { MERMAID_LIMITS, renderMermaid } from "../topology/mermaid";
import type { FieldValue } from "./entity-fields";
import type { EntityChange, FieldChange, Replacement } from "./field-changes";
import { markdownCode, markdownText } from "./markdown-text";
import { openCounts, passes, waivedCount, whereOf } from "./outcome";
import { costSection } from "./cost-section";
import { recommendationsSection } from "./recommendations";
import { changeSummary, type EnvironmentReview } from "./review";

/**
 * How much of an environment a report shows. `full` is everything; each level after it shows
 * less, down to `line`, one line per environment. A report that must fit a size starts each
 * environment at the richest level it wants and steps down until the whole fits.
 */
export type Level = "full" | "detailed" | "review" | "compact" | "brief" | "line";
export const LEVELS: readonly Level[] = ["full", "detailed", "review", "compact", "brief", "line"];

interface Detail {
  /** Rows per table or list. */
  readonly rows: number;
  /** Characters per quoted value. */
  readonly quote: number;
  readonly diagram?: { readonly maxChars: number; readonly maxEdges: number };
  readonly catalog: boolean;
  /** Waivers, edge sites and connections listed (else only counted). */
  readonly lists: boolean;
  /** Changes that lose nothing listed (else only those that lose data). */
  readonly everyChange: boolean;
}

const DETAIL: Readonly<Record<Exclude<Level, "line">, Detail>> = {
  full: {
    rows: Infinity,
    quote: 2000,
    diagram: MERMAID_LIMITS,
    catalog: true,
    lists: true,
    everyChange: true,
  },
  detailed: {
    rows: 500,
    quote: 500,
    diagram: MERMAID_LIMITS,
    catalog: false,
    lists: true,
    everyChange: true,
  },
  review: {
    rows: 40,
    quote: 200,
    diagram: { maxChars: 20_000, maxEdges: 200 },
    catalog: false,
    lists: true,
    everyChange: true,
  },
  compact: { rows: 15, quote: 120, catalog: false, lists: true, everyChange: true },
  brief: { rows: 5, quote: 80, catalog: false, lists: false, everyChange: false },
};

/** Where the parts a shortened report leaves out can be found. */
export interface Pointers {
  /** Markdown completing "see …": links to the complete report, or the command that prints it. */
  readonly complete: string;
  /** Markdown naming where an environment's whole topology is, as DOT. */
  topologyFile(environment: string): string;
}

const verdict = (review: EnvironmentReview, failOn: Severity): string =>
  passes(review.result, failOn) ? "✅ pass" : "❌ fail";

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? "" : "s"}`;

function omitted(count: number, what: string, pointers: Pointers): string[] {
  return count > 0 ? [`_${count} more ${what} not shown: see ${pointers.complete}._`, ""] : [];
}

/** Ours, not quoted from a file (rule remediation): Markdown as written, kept to one table cell. */
const ownCell = (value: string): string => value.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

function display(value: FieldValue | undefined, quote: number): string {
  if (value === undefined) return "<i>not set</i>";
  if (value === "") return "<i>empty</i>";
  const text = (v: FieldValue): string => {
    if (v === null) return "null";
    if (Array.isArray(v)) return v.map(text).join(", ");
    if (typeof v === "object")
      return `{ ${Object.entries(v)
        .map(([k, inner]) => `${k}: ${text(inner as FieldValue)}`)
        .join(", ")} }`;
    return String(v);
  };
  return markdownText(text(value), quote);
}

const nounOfType = new Map(replacementFacts.map((f) => [f.resourceType, f.noun]));

function replacementEffect(r: Replacement): string {
  const noun = nounOfType.get(r.resourceType) ?? r.resourceType;
  const what = r.count !== undefined ? plural(r.count, noun) : `the ${noun}`;
  const note = r.note !== undefined ? `: ${markdownText(r.note)}` : "";
  return `⚠️ **replaces ${what}** (\`${r.attribute}\` cannot change in place${note}); loses ${markdownText(r.loses)}`;
}

function fieldEffect(field: FieldChange): string {
  return field.replacements.map(replacementEffect).join("<br>");
}

const entityCell = (change: EntityChange, quote: number): string =>
  change.ref === "environment" ? "environment" : `${change.noun} ${markdownCode(change.ref, quote)}`;

function changeRows(change: EntityChange, detail: Detail): string[] {
  const inside = change.inside > 0 ? ` with ${plural(change.inside, "entity")} inside` : "";
  const entity = entityCell(change, detail.quote);
  if (change.change === "added") return [`| ${entity} | | | | ➕ added${inside} |`];
  if (change.change === "removed") {
    const loses = change.loses !== undefined ? `; loses ${markdownText(change.loses)}` : "";
    return [`| ${entity} | | | | ➖ **removed**${inside}${loses} |`];
  }
  const fields = detail.everyChange ? change.fields : change.fields.filter((f) => f.replacements.length > 0);
  return fields.map(
    (field, i) =>
      `| ${i === 0 ? entity : ""} | ${markdownCode(field.path, detail.quote)} | ${display(field.before, detail.quote)} | ${display(field.after, detail.quote)} | ${fieldEffect(field)} |`,
  );
}

function changesSection(review: EnvironmentReview, detail: Detail, pointers: Pointers): string[] {
  const changes = review.changes;
  const connections = review.connections;
  if (!changes || !connections) return [];
  const lines = ["#### What this pull request changes", ""];
  if (changes.newEnvironment) {
    lines.push(
      `New environment: ${plural(review.topology?.nodes.length ?? 0, "entity")} and ${plural(connections.addedEdges.length, "connection")} in its topology.`,
      "",
    );
    return lines;
  }
  const rows = changes.entities.flatMap((change) => changeRows(change, detail));
  if (rows.length > 0) {
    lines.push("| Resource | Setting | Before | After | Effect |", "|---|---|---|---|---|");
    lines.push(...rows.slice(0, detail.rows), "");
  }
  const hidden =
    Math.max(0, rows.length - detail.rows) +
    (detail.everyChange
      ? 0
      : changes.entities.reduce(
          (n, c) =>
            n + (c.change === "changed" ? c.fields.filter((f) => f.replacements.length === 0).length : 0),
          0,
        ));
  lines.push(...omitted(hidden, "changed settings", pointers));
  const edges = [
    ...connections.addedEdges.map(
      (e) => `- ➕ ${markdownText(describeEdge(e, connections.labels), detail.quote)}`,
    ),
    ...connections.removedEdges.map(
      (e) => `- ➖ ${markdownText(describeEdge(e, connections.labels), detail.quote)}`,
    ),
  ];
  if (edges.length > 0) {
    if (detail.lists) {
      lines.push("**Connections**", "", ...edges.slice(0, detail.rows), "");
      lines.push(...omitted(Math.max(0, edges.length - detail.rows), "connections", pointers));
    } else
      lines.push(
        `${plural(connections.addedEdges.length, "connection")} added, ${connections.removedEdges.length} removed: see ${pointers.complete}.`,
        "",
      );
  }
  if (rows.length === 0 && edges.length === 0)
    lines.push("No change to entities, settings or connections.", "");
  return lines;
}

function findingsSection(findings: readonly Finding[], detail: Detail, pointers: Pointers): string[] {
  const open = findings.filter((f) => f.status === "open");
  const lines = ["#### Findings", ""];
  if (open.length === 0) return [...lines, "No open findings.", ""];
  lines.push("| Severity | Rule | Resource | Where | Finding | Remediation |", "|---|---|---|---|---|---|");
  for (const f of open.slice(0, detail.rows))
    lines.push(
      `| ${f.severity} | ${markdownCode(f.ruleId)} | ${markdownCode(f.subject.address, detail.quote)} | ${markdownText(whereOf(f), detail.quote)} | ${markdownText(f.message, detail.quote)} | ${ownCell(f.remediation)} |`,
    );
  lines.push("", ...omitted(Math.max(0, open.length - detail.rows), "open findings", pointers));
  return lines;
}

function waiversSection(waivers: readonly WaiverStatus[], detail: Detail, pointers: Pointers): string[] {
  const lines = ["#### Waivers", ""];
  if (waivers.length === 0) return [...lines, "No waivers.", ""];
  if (!detail.lists) return [...lines, `${plural(waivers.length, "waiver")}: see ${pointers.complete}.`, ""];
  lines.push(
    "| Rule | Resource | Reason | Expires | State | Findings covered |",
    "|---|---|---|---|---|---|",
  );
  for (const w of waivers.slice(0, detail.rows))
    lines.push(
      `| ${markdownCode(w.rule)} | ${markdownCode(w.resource, detail.quote)} | ${markdownText(w.reason, detail.quote)} | ${markdownText(w.expires)} | ${w.state} | ${w.covers} |`,
    );
  lines.push("", ...omitted(Math.max(0, waivers.length - detail.rows), "waivers", pointers));
  return lines;
}

function diagramSection(review: EnvironmentReview, detail: Detail, pointers: Pointers): string[] {
  if (!review.topology) return [];
  const whole = pointers.topologyFile(review.result.environment);
  if (!detail.diagram)
    return [
      "#### Topology",
      "",
      `Not drawn here to keep this short: see ${pointers.complete} or ${whole}.`,
      "",
    ];
  const diagram = renderMermaid(review.topology, { focus: review.focus, ...detail.diagram });
  const lines = ["#### Topology", ""];
  const a = diagram.abridged;
  if (a) {
    const shown = `${a.shownNodes} of ${a.totalNodes} entities, ${a.shownEdges} of ${a.totalEdges} connections`;
    const view =
      a.view === "neighbourhood"
        ? `what this pull request changes (highlighted) and everything one connection away`
        : "one box per namespace, with the connections between namespaces";
    const cut = a.truncated
      ? " Some connections of that view are left out to stay within the size limit."
      : "";
    lines.push(`**Abridged**: ${view} (${shown}).${cut} The whole topology: ${whole}.`, "");
  } else if (review.focus.size > 0) lines.push("What this pull request changes is highlighted.", "");
  lines.push("```mermaid", diagram.text, "```", "");
  return lines;
}

function edgeSitesSection(sites: readonly PolicySite[], detail: Detail, pointers: Pointers): string[] {
  if (sites.length === 0) return [];
  if (!detail.lists) return [`${plural(sites.length, "edge site")}: see ${pointers.complete}.`, ""];
  const lines = [
    "#### Edge sites",
    "",
    "| Site | Namespace | Offline window | Cloud holds | What to do |",
    "|---|---|---|---|---|",
  ];
  for (const site of sites.slice(0, detail.rows)) {
    const coverage = site.cloudCoverage;
    const todo = coverage.coversBufferWindow
      ? "nothing: the cloud covers the window"
      : markdownText(coverage.advice, detail.quote);
    lines.push(
      `| ${markdownText(site.name, detail.quote)} | ${markdownText(site.namespace, detail.quote)} | ${site.offlineBufferHours} h | ${coverage.coveredHours} h | ${todo} |`,
    );
  }
  lines.push("", ...omitted(Math.max(0, sites.length - detail.rows), "edge sites", pointers));
  return lines;
}

/** One environment in one line: what the pull request does to it and its verdict. */
export function environmentLine(review: EnvironmentReview, failOn: Severity): string {
  const counts = openCounts(review.result);
  const open = counts.critical + counts.high + counts.medium + counts.low;
  const change = changeSummary(review);
  return `- **${markdownText(review.result.environment, 80)}** (${review.result.tier}): ${change === "—" ? "" : `${change} · `}${verdict(review, failOn)} · ${plural(open, "open finding")}, ${waivedCount(review.result)} waived`;
}

/**
 * One environment's section at a level of detail, in a `<details>` block whose summary says
 * what the pull request changes and the verdict.
 */
export function environmentSection(
  review: EnvironmentReview,
  level: Level,
  failOn: Severity,
  pointers: Pointers,
): string[] {
  if (level === "line") return [environmentLine(review, failOn)];
  const detail = DETAIL[level];
  const { result } = review;
  const change = changeSummary(review);
  const lines = [
    `<details open><summary><b>${markdownText(result.environment, 80)}</b> · ${result.tier}${change === "—" ? "" : ` · ${change}`} · ${verdict(review, failOn)}</summary>`,
    "",
  ];
  if (!result.model)
    lines.push(
      "_No environment file names this stack: evaluated as production, without waivers, topology or catalog._",
      "",
    );
  lines.push(...changesSection(review, detail, pointers));
  lines.push(...costSection(review.cost, detail.rows, pointers.complete));
  lines.push(...findingsSection(result.findings, detail, pointers));
  lines.push(...recommendationsSection(result.recommendations, detail.rows, detail.quote, pointers.complete));
  lines.push(...waiversSection(result.waivers, detail, pointers));
  lines.push(...diagramSection(review, detail, pointers));
  if (result.model) {
    lines.push(
      "#### Connection catalog",
      "",
      detail.catalog
        ? renderCatalogMarkdown(connectionCatalogFor(result.model))
        : `Endpoints and role assignments of every resource: see ${pointers.complete}.`,
      "",
    );
    lines.push(...edgeSitesSection(result.model.sites, detail, pointers));
  }
  lines.push(
    `<sub>${result.rulesEvaluated.length} rules evaluated for the ${result.tier} tier; failing at ${failOn} and above.</sub>`,
    "",
    "</details>",
    "",
  );
  return lines;
}

/** The table every report opens with: one row per environment. */
export function summaryTable(reviews: readonly EnvironmentReview[], failOn: Severity): string[] {
  const lines = [
    "| Environment | Tier | This pull request | Rules | Critical | High | Medium | Low | Waived | Result |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const review of reviews) lines.push(summaryRow(review, failOn));
  return lines;
}

export function summaryRow(review: EnvironmentReview, failOn: Severity): string {
  const { result } = review;
  const c = openCounts(result);
  return `| ${markdownText(result.environment, 80)} | ${result.tier} | ${changeSummary(review)} | ${result.rulesEvaluated.length} | ${c.critical} | ${c.high} | ${c.medium} | ${c.low} | ${waivedCount(result)} | ${verdict(review, failOn)} |`;
}
