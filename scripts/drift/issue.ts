/**
 * The GitHub issue the scheduled drift check keeps for one environment: one issue per environment,
 * found again by a marker in its body, written from the smoke test's JSON summary.
 */
import type { CheckResult, PropertyValue, SmokeSummary } from "../smoke/results";
import { code, inertText } from "./markdown";

export interface DriftIssue {
  /** Hidden in the body; the workflow finds the environment's open issue by it. */
  readonly marker: string;
  readonly title: string;
  /** Whether anything drifted, is missing or could not be checked: open or update, else close. */
  readonly drifted: boolean;
  readonly body: string;
  /** Said on the issue when it is closed because the environment is clean again. */
  readonly closingComment: string;
}

function shown(value: PropertyValue | undefined): string {
  if (value === undefined || value === null) return "(none)";
  return code(Array.isArray(value) ? `[${value.join(", ")}]` : String(value));
}

const problemOrder = ["drift", "missing", "error"] as const;

function row(result: CheckResult): string {
  const property = result.property ? code(result.property) : "";
  switch (result.status) {
    case "drift":
      return `| drift | ${code(result.resource)} | ${property} | ${shown(result.expected)} | ${shown(result.actual)} |`;
    case "missing":
      return `| missing | ${code(result.resource)} | ${property} | declared in the file | not found in Azure |`;
    default:
      return `| not checked | ${code(result.resource)} | ${property} | | ${inertText(result.detail ?? "check failed")} |`;
  }
}

export function driftIssue(summary: SmokeSummary, runUrl: string): DriftIssue {
  const environment = summary.environment;
  // The name goes into an HTML comment: encoded, so no character of it can end the comment early.
  const marker = `<!-- drift-check:${encodeURIComponent(environment)} -->`;
  const problems = summary.results
    .filter((r) => (problemOrder as readonly string[]).includes(r.status))
    .sort(
      (a, b) =>
        problemOrder.indexOf(a.status as (typeof problemOrder)[number]) -
          problemOrder.indexOf(b.status as (typeof problemOrder)[number]) ||
        a.resource.localeCompare(b.resource),
    );
  const unmanaged = summary.results.filter((r) => r.status === "unmanaged");
  const lines = [
    marker,
    `The scheduled drift check found that ${code(environment)} no longer matches its environment file.`,
    "",
    `**${summary.drift} drift, ${summary.missing} missing, ${summary.errors} not checked**, ${summary.passed} passed ([run](${encodeURI(runUrl)})).`,
    "",
    "| finding | resource | property | expected | found |",
    "|---|---|---|---|---|",
    ...problems.map(row),
  ];
  if (unmanaged.length > 0) {
    lines.push("", "In Azure but not in the file (reported, not failed):", "");
    lines.push(...unmanaged.map((r) => `- ${code(r.resource)}`));
  }
  lines.push(
    "",
    "Either the file is right (deploy it again: re-run the deploy workflow) or Azure is (change the file to match).",
    "This issue is updated on every scheduled run and closed when the environment matches its file again.",
  );
  return {
    marker,
    title: `Drift in ${environment}`,
    drifted: summary.drift + summary.missing + summary.errors > 0,
    body: `${lines.join("\n")}\n`,
    closingComment: `${code(environment)} matches its environment file again ([run](${encodeURI(runUrl)})).`,
  };
}
