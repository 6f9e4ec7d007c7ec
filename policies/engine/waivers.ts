import type { DeclarationIndex } from "./declarations";
import { expiryDay, isoDay } from "./calendar-day";
import type { Finding, WaiverState, WaiverStatus } from "./finding";
import type { PolicyWaiver } from "../../model/policy-model";
import type { RuleDescription } from "./rule";
import { waiverExpired, waiverUnknownResource, waiverUnknownRule } from "./waiver-rules";

export interface WaiverContext {
  /** The day waivers are judged against (tests inject it). */
  readonly today: Date;
  readonly knownRules: ReadonlySet<string>;
  readonly declarations: DeclarationIndex;
}

/** A waiver covers findings of its rule on its resource and on everything declared inside it. */
function covers(waiver: PolicyWaiver, finding: Finding): boolean {
  const address = finding.subject.address;
  return (
    waiver.rule === finding.ruleId &&
    (address === waiver.resource || address.startsWith(`${waiver.resource}/`))
  );
}

function stateOf(waiver: PolicyWaiver, context: WaiverContext): Exclude<WaiverState, "unused"> {
  if (!context.knownRules.has(waiver.rule)) return "unknown-rule";
  if (!context.declarations.has(waiver.resource)) return "unknown-resource";
  const expires = expiryDay(waiver.expires);
  return !/^\d{4}-\d{2}-\d{2}$/.test(expires) || isoDay(context.today) > expires ? "expired" : "active";
}

function waiverFinding(rule: RuleDescription, waiver: PolicyWaiver, message: string): Finding {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    title: rule.title,
    message,
    remediation: rule.remediation,
    subject: { address: `waivers/${waiver.rule}/${waiver.resource}`, source: waiver.source },
    status: "open",
  };
}

/**
 * Marks findings covered by an active waiver as waived, and turns every waiver that cannot apply
 * (expired, unknown rule, unknown resource) into a finding of its own at the waiver's line.
 */
export function applyWaivers(
  findings: readonly Finding[],
  waivers: readonly PolicyWaiver[],
  context: WaiverContext,
): { findings: Finding[]; waivers: WaiverStatus[] } {
  const states = waivers.map((waiver) => stateOf(waiver, context));
  const counts = waivers.map(() => 0);
  const result: Finding[] = findings.map((finding) => {
    const at = waivers.findIndex((waiver, i) => states[i] === "active" && covers(waiver, finding));
    if (at < 0) return finding;
    counts[at] += 1;
    const waiver = waivers[at];
    return {
      ...finding,
      status: "waived",
      waiver: { reason: waiver.reason, expires: expiryDay(waiver.expires) },
    };
  });
  waivers.forEach((waiver, i) => {
    const label = `waiver of ${waiver.rule} on ${waiver.resource}`;
    if (states[i] === "expired")
      result.push(waiverFinding(waiverExpired, waiver, `${label} expired on ${expiryDay(waiver.expires)}`));
    if (states[i] === "unknown-rule")
      result.push(waiverFinding(waiverUnknownRule, waiver, `${label} names no rule of the catalog`));
    if (states[i] === "unknown-resource")
      result.push(
        waiverFinding(waiverUnknownResource, waiver, `${label} names nothing the environment declares`),
      );
  });
  const statuses = waivers.map((waiver, i) => ({
    rule: waiver.rule,
    resource: waiver.resource,
    reason: waiver.reason,
    expires: expiryDay(waiver.expires),
    source: waiver.source,
    state: states[i] === "active" && counts[i] === 0 ? ("unused" as const) : states[i],
    covers: counts[i],
  }));
  return { findings: result, waivers: statuses };
}
