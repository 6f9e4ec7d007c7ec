import type { Finding } from "./findings";
import type { PreflightSummary } from "./run-preflight";

function line(finding: Finding): string {
  if (finding.manual)
    return `CHECK  ${finding.check}: not visible through ARM; verify by hand: ${finding.fix ?? ""}`;
  if (finding.passed) return `pass   ${finding.check}${finding.detail ? ` (${finding.detail})` : ""}`;
  return `FAIL   ${finding.check}: ${finding.detail ?? "failed"}; fix: ${finding.fix ?? "see above"}`;
}

/** One line per check, in the order they ran, then a count. */
export function renderText(summary: PreflightSummary): string {
  const failed = summary.findings.filter((f) => !f.passed).length;
  const manual = summary.findings.filter((f) => f.manual).length;
  const lines = summary.findings.map(line);
  lines.push(
    "",
    `${summary.environment}: ${summary.findings.length - failed - manual} passed, ${failed} failed` +
      (manual > 0 ? `, ${manual} to verify by hand` : "") +
      (failed === 0 ? ": ready for the first deploy" : ""),
  );
  return `${lines.join("\n")}\n`;
}

export function renderJson(summary: PreflightSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
