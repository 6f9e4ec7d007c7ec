/** The outcome of one check of the deployed environment against its file. */
export type CheckStatus = "passed" | "drift" | "missing" | "unmanaged" | "error";

export type PropertyValue = string | number | boolean | null | readonly string[];

export interface CheckResult {
  readonly status: CheckStatus;
  /** What was checked, as the environment file names it: `serviceBus/orders/queues/payments`. */
  readonly resource: string;
  /** The property that drifted (absent for existence checks). */
  readonly property?: string;
  readonly expected?: PropertyValue;
  readonly actual?: PropertyValue;
  /** For errors: what went wrong and what to do. */
  readonly detail?: string;
}

export interface SmokeSummary {
  readonly environment: string;
  readonly passed: number;
  readonly drift: number;
  readonly missing: number;
  readonly unmanaged: number;
  readonly errors: number;
  readonly results: readonly CheckResult[];
}

export function summarize(environment: string, results: readonly CheckResult[]): SmokeSummary {
  const count = (status: CheckStatus) => results.filter((r) => r.status === status).length;
  return {
    environment,
    passed: count("passed"),
    drift: count("drift"),
    missing: count("missing"),
    unmanaged: count("unmanaged"),
    errors: count("error"),
    results,
  };
}

/** 1 when anything drifted, is missing or could not be checked; unmanaged resources are reported, not failed. */
export function exitCodeOf(summary: SmokeSummary): number {
  return summary.drift + summary.missing + summary.errors > 0 ? 1 : 0;
}
