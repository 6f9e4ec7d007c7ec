import { renderTopologyChanges, topologyChanges } from "../topology/changes";
import type { PolicySite } from "../../model/policy-model";
import { connectionCatalogFor } from "../../model/connection-catalog";
import { renderCatalogMarkdown } from "../catalog/render-catalog";
import type { EnvironmentResult, Finding } from "../engine/finding";
import { topologyOf } from "../topology/graph";
import { renderMermaid } from "../topology/mermaid";
import { openCounts, passes, waivedCount, whereOf } from "./outcome";
import type { ReportOptions } from "./report-options";

function cell(value: string): string {
  return value.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function findingsTable(findings: readonly Finding[]): string[] {
  const lines = [
    "| Severity | Rule | Resource | Where | Finding | Remediation |",
    "|---|---|---|---|---|---|",
  ];
  for (const f of findings) {
    lines.push(
      `| ${f.severity} | \`${f.ruleId}\` | \`${cell(f.subject.address)}\` | ${cell(whereOf(f))} | ${cell(f.message)} | ${cell(f.remediation)} |`,
    );
  }
  return lines;
}

/** Each edge site's offline window against what the cloud holds for it, with what to do when it falls short. */
function edgeSitesSection(sites: readonly PolicySite[]): string[] {
  if (sites.length === 0) return [];
  const lines = [
    "#### Edge sites",
    "",
    "| Site | Namespace | Offline window | Cloud holds | What to do |",
    "|---|---|---|---|---|",
  ];
  for (const site of sites) {
    const coverage = site.cloudCoverage;
    const todo = coverage.coversBufferWindow ? "nothing: the cloud covers the window" : cell(coverage.advice);
    lines.push(
      `| ${cell(site.name)} | ${cell(site.namespace)} | ${site.offlineBufferHours} h | ${coverage.coveredHours} h | ${todo} |`,
    );
  }
  lines.push("");
  return lines;
}

function environmentSection(result: EnvironmentResult, options: ReportOptions): string[] {
  const lines = [`### ${result.environment}`, ""];
  if (!result.model)
    lines.push(
      "_No environment file names this stack: evaluated as production, without waivers, topology or catalog._",
      "",
    );
  const open = result.findings.filter((f) => f.status === "open");
  lines.push("#### Findings", "");
  lines.push(...(open.length === 0 ? ["No open findings."] : findingsTable(open)), "");
  lines.push("#### Waivers", "");
  if (result.waivers.length === 0) {
    lines.push("No waivers.", "");
  } else {
    lines.push(
      "| Rule | Resource | Reason | Expires | State | Findings covered |",
      "|---|---|---|---|---|---|",
    );
    for (const w of result.waivers) {
      lines.push(
        `| \`${w.rule}\` | \`${cell(w.resource)}\` | ${cell(w.reason)} | ${w.expires} | ${w.state} | ${w.covers} |`,
      );
    }
    lines.push("");
  }
  if (result.model) {
    const topology = topologyOf(result.model);
    if (options.baseModels) {
      const base = options.baseModels.get(result.environment);
      lines.push(...renderTopologyChanges(topologyChanges(base ? topologyOf(base) : undefined, topology)));
    }
    lines.push("#### Topology", "", "```mermaid", renderMermaid(topology), "```", "");
    lines.push("#### Connection catalog", "", renderCatalogMarkdown(connectionCatalogFor(result.model)), "");
    lines.push(...edgeSitesSection(result.model.sites));
  }
  lines.push(
    `<sub>${result.rulesEvaluated.length} rules evaluated for the ${result.tier} tier; failing at ${options.failOn} and above.</sub>`,
    "",
  );
  return lines;
}

/** The pull-request comment: a summary table per environment, then each environment's details. */
export function renderMarkdown(results: readonly EnvironmentResult[], options: ReportOptions): string {
  const lines = [
    "## Policy report",
    "",
    "| Environment | Tier | Rules | Critical | High | Medium | Low | Waived | Result |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const result of results) {
    const c = openCounts(result);
    const verdict = passes(result, options.failOn) ? "✅ pass" : "❌ fail";
    lines.push(
      `| ${result.environment} | ${result.tier} | ${result.rulesEvaluated.length} | ${c.critical} | ${c.high} | ${c.medium} | ${c.low} | ${waivedCount(result)} | ${verdict} |`,
    );
  }
  lines.push("");
  for (const result of results) lines.push(...environmentSection(result, options));
  return lines.join("\n");
}
