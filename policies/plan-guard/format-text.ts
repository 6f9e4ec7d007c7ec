import type { DestroyFinding, PlanGuardReport, PlanSummary } from "./plan-guard";

function describeAction(finding: DestroyFinding): string {
  if (finding.action === "delete")
    return finding.deposed ? `delete (deposed object ${finding.deposed})` : "delete";
  return finding.order === "create-before-destroy"
    ? "replace (create the new object, then destroy the old one)"
    : "replace (destroy the old object, then create the new one)";
}

function describeForcing(finding: DestroyFinding): string | undefined {
  const forcing = finding.forcing;
  if (!forcing) return undefined;
  switch (forcing.source) {
    case "replace_paths":
      return `forced by: ${forcing.attributes.join(", ")} (the plan's replace_paths)`;
    case "force-new-attributes":
      return `forced by: ${forcing.attributes.join(", ")} (attributes that cannot change in place)`;
    case "changed-attributes":
      return `changed: ${forcing.attributes.join(", ")} (none is known to force replacement)`;
    case "none":
      return undefined;
  }
}

function findingLines(finding: DestroyFinding, environmentFile: string | undefined): string[] {
  const status = finding.blocking ? "BLOCKED" : finding.stateful ? "ALLOWED" : "allowed";
  const lines = [`${status.padEnd(8)} ${finding.address}: ${describeAction(finding)}`];
  const details: string[] = [];
  if (finding.reference) details.push(`environment reference: ${finding.reference}`);
  const forcing = describeForcing(finding);
  if (forcing) details.push(forcing);
  if (finding.actionReason) details.push(`terraform's reason: ${finding.actionReason}`);
  if (!finding.stateful) details.push("holds no data (configuration only)");
  if (finding.allowedBy)
    details.push(`allowDestroy ${finding.allowedBy.resource}: ${finding.allowedBy.reason}`);
  if (finding.blocking) {
    const where = environmentFile ?? "the environment file";
    details.push(
      `to accept the data loss, add to allowDestroy in ${where}: { resource: ${finding.reference ?? finding.address}, reason: <why> }`,
    );
  }
  return [...lines, ...details.map((detail) => `         ${detail}`)];
}

export function formatSummary(summary: PlanSummary): string {
  return [
    `${summary.create} to create`,
    `${summary.update} to update`,
    `${summary.replace} to replace`,
    `${summary.delete} to delete`,
    `${summary.unchanged} unchanged`,
    ...(summary.read > 0 ? [`${summary.read} to read`] : []),
    ...(summary.forget > 0 ? [`${summary.forget} to forget`] : []),
  ].join(", ");
}

/** The report for a person: each destroying change, the plan's totals, then the verdict. */
export function formatText(report: PlanGuardReport, environmentFile?: string): string {
  const blocking = report.findings.filter((finding) => finding.blocking).length;
  const verdict =
    blocking > 0
      ? `plan guard: FAILED: ${blocking} change(s) would destroy stateful messaging resources without an allowDestroy entry`
      : "plan guard: passed: no stateful resource is destroyed without an allowDestroy entry";
  return [
    ...report.findings.flatMap((finding) => findingLines(finding, environmentFile)),
    `plan: ${formatSummary(report.summary)}`,
    verdict,
  ].join("\n");
}
