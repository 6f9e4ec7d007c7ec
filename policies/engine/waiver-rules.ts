import type { RuleDescription } from "./rule";

const anyTier = ["development", "production"] as const;
const none = { checkov: [], azurePolicy: [] };

/** The engine's own rules about waivers: they cannot themselves be waived. */
export const waiverExpired: RuleDescription = {
  id: "WAIVER-EXPIRED",
  title: "Waivers are renewed or removed before they expire",
  severity: "high",
  tiers: anyTier,
  rationale:
    "An exception is granted until a date; after it the finding it covered counts again and the waiver must be decided anew.",
  remediation:
    "Fix what the waiver covers and remove it, or agree a new expiry with a reason and update `expires`.",
  anchors: none,
};

export const waiverUnknownRule: RuleDescription = {
  id: "WAIVER-UNKNOWN-RULE",
  title: "Waivers name a rule of the catalog",
  severity: "high",
  tiers: anyTier,
  rationale: "A waiver for a misspelled or retired rule waives nothing and hides the mistake.",
  remediation: "Correct `rule` to an ID listed in the policy report's rule catalog, or remove the waiver.",
  anchors: none,
};

export const waiverUnknownResource: RuleDescription = {
  id: "WAIVER-UNKNOWN-RESOURCE",
  title: "Waivers name a resource the environment declares",
  severity: "high",
  tiers: anyTier,
  rationale:
    "A waiver for a resource that does not exist waives nothing; it is usually a typo or a leftover.",
  remediation:
    "Correct `resource` to `<section>/<name>[/<entity>]` as declared (e.g. `eventHubs/telemetry`), or remove the waiver.",
  anchors: none,
};

export const waiverRules: readonly RuleDescription[] = [
  waiverExpired,
  waiverUnknownRule,
  waiverUnknownResource,
];
