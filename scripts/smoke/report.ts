import type { CheckResult, PropertyValue, SmokeSummary } from "./results";

function show(value: PropertyValue | undefined): string {
  if (value === undefined || value === null) return "(none)";
  if (Array.isArray(value)) return `[${value.join(", ")}]`;
  return String(value);
}

function line(result: CheckResult): string {
  const what = result.property ? `${result.resource}  ${result.property}` : result.resource;
  switch (result.status) {
    case "drift":
      return `DRIFT      ${what}: expected ${show(result.expected)}, found ${show(result.actual)}`;
    case "missing":
      return `MISSING    ${what}: declared in the file, not found in Azure`;
    case "unmanaged":
      return `UNMANAGED  ${what}: exists in Azure, not declared in the file`;
    case "error":
      return `ERROR      ${what}: ${result.detail ?? "check failed"}`;
    case "passed":
      return `passed     ${what}`;
  }
}

/** The table an operator reads: problems first, then a count of what passed. */
export function renderText(summary: SmokeSummary, verbose = false): string {
  const order = ["drift", "missing", "error", "unmanaged", "passed"] as const;
  const shown = summary.results
    .filter((r) => verbose || r.status !== "passed")
    .sort(
      (a, b) => order.indexOf(a.status) - order.indexOf(b.status) || a.resource.localeCompare(b.resource),
    );
  const rows = shown.map(line);
  rows.push("");
  rows.push(
    `${summary.environment}: ${summary.passed} passed, ${summary.drift} drift, ${summary.missing} missing, ${summary.unmanaged} unmanaged` +
      (summary.errors > 0 ? `, ${summary.errors} could not be checked` : ""),
  );
  return rows.join("\n") + "\n";
}

export function renderJson(summary: SmokeSummary): string {
  return JSON.stringify(summary, null, 2) + "\n";
}
