import type { PlanGuardReport } from "./plan-guard";

/** The report for machines: one JSON object, stable field names, pretty-printed. */
export function formatJson(report: PlanGuardReport): string {
  return JSON.stringify(report, null, 2);
}
