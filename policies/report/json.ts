import type { EnvironmentResult } from "../engine/finding";
import type { RuleDescription } from "../engine/rule";
import { openCounts, passes, waivedCount } from "./outcome";
import type { ReportOptions } from "./report-options";

/** The machine-readable report: every finding, waiver and rule, without the environment model. */
export function renderJson(
  results: readonly EnvironmentResult[],
  rules: readonly RuleDescription[],
  options: ReportOptions,
): string {
  const report = {
    failOn: options.failOn,
    passed: results.every((result) => passes(result, options.failOn)),
    environments: results.map((result) => ({
      environment: result.environment,
      tier: result.tier,
      stackFile: result.stackFile,
      environmentFile: result.model?.file ?? null,
      passed: passes(result, options.failOn),
      open: openCounts(result),
      waived: waivedCount(result),
      rulesEvaluated: result.rulesEvaluated,
      findings: result.findings,
      waivers: result.waivers,
      recommendations: result.recommendations ?? [],
    })),
    rules: rules.map(({ id, title, severity, tiers, rationale, remediation, anchors }) => ({
      id,
      title,
      severity,
      tiers,
      rationale,
      remediation,
      anchors,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
