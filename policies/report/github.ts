import { formatAnnotation, type AnnotationLevel } from "../../model/diagnostics";
import { repositoryPath } from "../../model/validate-files";
import type { EnvironmentResult, Finding } from "../engine/finding";
import type { Severity } from "../engine/rule";
import { severityRank } from "../engine/rule";
import type { ReportOptions } from "./report-options";

/** Findings that fail the run are errors; the rest warnings (medium) or notices (low). */
function levelOf(finding: Finding, failOn: Severity): AnnotationLevel {
  if (severityRank[finding.severity] >= severityRank[failOn]) return "error";
  return finding.severity === "low" ? "notice" : "warning";
}

/**
 * One GitHub annotation per open finding, at the environment-file line that declares its resource,
 * so it shows on that line of the pull request. Those that fail the run come first: GitHub shows
 * a limited number of annotations per step. Waived findings are left out (the reports list them).
 */
export function renderGithub(results: readonly EnvironmentResult[], options: ReportOptions): string {
  const annotations = results.flatMap((result) =>
    result.findings
      .filter((finding) => finding.status === "open")
      .map((finding) => ({ result, finding, level: levelOf(finding, options.failOn) })),
  );
  const order: Readonly<Record<AnnotationLevel, number>> = { error: 0, warning: 1, notice: 2 };
  annotations.sort((a, b) => order[a.level] - order[b.level]);
  const lines = annotations.map(({ result, finding, level }) => {
    const source = finding.subject.source;
    return formatAnnotation({
      level,
      ...(source
        ? { file: repositoryPath(source.file, options.rootDir), line: source.line, column: source.column }
        : {}),
      title: `${finding.ruleId} (${finding.severity}) in ${result.environment}`,
      message: `${finding.subject.address}: ${finding.message}. ${finding.remediation}`,
    });
  });
  const open = annotations.length;
  lines.push(
    `${open} open finding${open === 1 ? "" : "s"} in ${results.length} environment${results.length === 1 ? "" : "s"}`,
  );
  return `${lines.join("\n")}\n`;
}
