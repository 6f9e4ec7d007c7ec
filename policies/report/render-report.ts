import type { EnvironmentResult } from "../engine/finding";
import type { RuleDescription } from "../engine/rule";
import { renderGithub } from "./github";
import { renderJson } from "./json";
import { renderMarkdown } from "./markdown";
import type { ReportFormat, ReportOptions } from "./report-options";
import { renderSarif } from "./sarif";
import { renderText } from "./text";

/** Renders a policy run in one of the report formats. */
export function renderReport(
  format: ReportFormat,
  results: readonly EnvironmentResult[],
  rules: readonly RuleDescription[],
  options: ReportOptions,
): string {
  switch (format) {
    case "text":
      return renderText(results, options);
    case "markdown":
      return renderMarkdown(results, options);
    case "json":
      return renderJson(results, rules, options);
    case "sarif":
      return renderSarif(results, rules, options);
    case "github":
      return renderGithub(results, options);
  }
}
