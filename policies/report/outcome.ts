import type { EnvironmentResult, Finding } from "../engine/finding";
import type { Severity } from "../engine/rule";
import { severityRank } from "../engine/rule";

export type SeverityCounts = Readonly<Record<Severity, number>>;

/** Open findings at or above `threshold`: what fails the run. */
export function blockingFindings(result: EnvironmentResult, threshold: Severity): Finding[] {
  return result.findings.filter(
    (f) => f.status === "open" && severityRank[f.severity] >= severityRank[threshold],
  );
}

export function passes(result: EnvironmentResult, threshold: Severity): boolean {
  return blockingFindings(result, threshold).length === 0;
}

/** Open findings per severity. */
export function openCounts(result: EnvironmentResult): SeverityCounts {
  const counts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const finding of result.findings) if (finding.status === "open") counts[finding.severity] += 1;
  return counts;
}

export function waivedCount(result: EnvironmentResult): number {
  return result.findings.filter((f) => f.status === "waived").length;
}

/** `environments/prod.yaml:97` for a finding, or the Terraform address when nothing locates it. */
export function whereOf(finding: Finding): string {
  const source = finding.subject.source;
  return source
    ? `${source.file}:${source.line}`
    : (finding.subject.terraformAddress ?? finding.subject.address);
}
