import type { EnvironmentResult, Finding } from "../engine/finding";
import type { Severity } from "../engine/rule";
import { severities } from "../engine/rule";
import { blockingFindings, openCounts, waivedCount, whereOf } from "./outcome";
import { recommendationLines } from "./recommendations";
import type { ReportOptions } from "./report-options";

const COLOURS: Readonly<Record<Severity | "pass" | "waived" | "dim", string>> = {
  critical: "\u001b[1;31m",
  high: "\u001b[31m",
  medium: "\u001b[33m",
  low: "\u001b[36m",
  pass: "\u001b[32m",
  waived: "\u001b[35m",
  dim: "\u001b[2m",
};
const RESET = "\u001b[0m";

/** The terminal report: per environment, open findings grouped by severity, then waived ones. */
export function renderText(results: readonly EnvironmentResult[], options: ReportOptions): string {
  const paint = (colour: keyof typeof COLOURS, value: string): string =>
    options.color ? `${COLOURS[colour]}${value}${RESET}` : value;
  const lines: string[] = [];
  const finding = (f: Finding): void => {
    lines.push(`    ${f.ruleId}  ${f.subject.address}  ${paint("dim", whereOf(f))}`);
    lines.push(`      ${f.message}`);
    if (f.status === "waived" && f.waiver)
      lines.push(`      waived until ${f.waiver.expires}: ${f.waiver.reason}`);
    else lines.push(`      fix: ${f.remediation}`);
  };
  for (const result of results) {
    const counts = openCounts(result);
    const failed = blockingFindings(result, options.failOn).length > 0;
    const verdict = failed ? paint("critical", "FAIL") : paint("pass", "PASS");
    const tally = severities.map((s) => `${counts[s]} ${s}`).join(", ");
    const note = result.model ? "" : " (no environment file: evaluated as production)";
    lines.push(
      `${verdict} ${result.environment} [${result.tier}]${note}: ${result.rulesEvaluated.length} rules, open ${tally}; ${waivedCount(result)} waived`,
    );
    for (const severity of severities) {
      const group = result.findings.filter((f) => f.status === "open" && f.severity === severity);
      if (group.length === 0) continue;
      lines.push(`  ${paint(severity, severity.toUpperCase())}`);
      group.forEach(finding);
    }
    const waived = result.findings.filter((f) => f.status === "waived");
    if (waived.length > 0) {
      lines.push(`  ${paint("waived", "WAIVED")}`);
      waived.forEach(finding);
    }
    lines.push(...recommendationLines(result.recommendations));
    lines.push("");
  }
  return lines.join("\n");
}
