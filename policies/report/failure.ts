import type { Diagnostic } from "../../model/diagnostics";
import { clip, markdownText } from "./markdown-text";
import { REPORT_HEADING } from "./markdown";
import { isRunUrl } from "./pointers";
import type { ReportOptions } from "./report-options";

/** Why there is no policy report for this commit. */
export interface ReportFailure {
  /** `validation`: an environment file is invalid; `synthesis`: `npm run synth` wrote no stacks. */
  readonly stage: "validation" | "synthesis";
  /** The errors, located in their environment files. */
  readonly errors: readonly Diagnostic[];
  /** What went wrong when nothing locates it: the end of the synthesis log, or the policy run's own error. */
  readonly detail?: string;
}

/** `file:line:col  path  message`, as `validate` and `synth` print a diagnostic. */
const DIAGNOSTIC_LINE = /^(\S(?:.*?\S)?):(\d+):(\d+) {2}(\S+) {2}(.+)$/;

/** The diagnostics a synthesis log holds: an invalid environment file stops `npm run synth` with them. */
export function diagnosticsInLog(log: string): Diagnostic[] {
  return log.split(/\r?\n/).flatMap((line) => {
    const match = DIAGNOSTIC_LINE.exec(line);
    if (!match) return [];
    const [, file, lineNo, column, path, message] = match;
    return [{ file, line: Number(lineNo), column: Number(column), path, message }];
  });
}

const MAX_ROWS = 50;
const MAX_DETAIL_LINES = 40;

/**
 * What replaces the policy report when there is none to give: the environment is invalid (or
 * synthesis failed), with every error at its file and line, so no earlier green report stays on
 * the pull request. Quoted text is escaped like every report's; the table and the log excerpt are
 * bounded, so the comment stays far below GitHub's size limit.
 */
export function renderFailure(
  failure: ReportFailure,
  options: ReportOptions,
  place: "comment" | "summary",
  prefix: readonly string[] = [],
): string {
  const run = options.runUrl !== undefined && isRunUrl(options.runUrl) ? options.runUrl : undefined;
  const log = run ? `the [job log](${run})` : "the job log";
  const title =
    failure.stage === "validation"
      ? "❌ **An environment file is invalid.** Nothing was synthesized, so no policy was evaluated for this commit."
      : "❌ **Synthesis failed.** No stack was written, so no policy was evaluated for this commit.";
  const lines = [...prefix, REPORT_HEADING, "", title, ""];
  const rows = place === "comment" ? MAX_ROWS : 1000;
  if (failure.errors.length > 0) {
    lines.push(
      "Fix these errors (each is also annotated on its line in the pull request):",
      "",
      "| File | Line | Column | Field | Error |",
      "|---|---|---|---|---|",
    );
    for (const d of failure.errors.slice(0, rows))
      lines.push(
        `| ${markdownText(d.file, 200)} | ${d.line} | ${d.column} | ${markdownText(d.path, 200)} | ${markdownText(d.message, 400)} |`,
      );
    lines.push("");
    if (failure.errors.length > rows)
      lines.push(`_${failure.errors.length - rows} more errors not shown: see ${log}._`, "");
  }
  if (failure.detail !== undefined && failure.detail.trim() !== "") {
    const tail = failure.detail.trimEnd().split(/\r?\n/).slice(-MAX_DETAIL_LINES);
    lines.push(
      failure.errors.length > 0 ? "The end of the log:" : "What the log says:",
      "",
      // <pre> with escaped text: the log shows as it is, and nothing in it is read as Markdown or HTML.
      `<pre>${tail.map((line) => markdownText(clip(line, 400), 400)).join("\n")}</pre>`,
      "",
    );
  }
  lines.push(`Every message is in ${log}.`, "");
  return lines.join("\n");
}
