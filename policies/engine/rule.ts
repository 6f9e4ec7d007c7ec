import type { Tier } from "../../model/spec";
import type { RuleId } from "../../model/rule-ids";
import type { AzurePaths } from "./azure-path";
import type { Declaration } from "./declarations";
import type { PolicyModel } from "../../model/policy-model";
import type { StackIndex, TerraformResource } from "./stack-index";

export type Severity = "critical" | "high" | "medium" | "low";

/** Higher is more severe; `--fail-on` compares with this. */
export const severityRank: Readonly<Record<Severity, number>> = { low: 1, medium: 2, high: 3, critical: 4 };

export const severities: readonly Severity[] = ["critical", "high", "medium", "low"];

export function isSeverity(value: string): value is Severity {
  return (severities as readonly string[]).includes(value);
}

/** Where a rule comes from in other tools: the same control, checked elsewhere. */
export interface RuleAnchors {
  /** Checkov check IDs (`CKV_AZURE_203`). */
  readonly checkov: readonly string[];
  /** Azure Policy built-in definitions, by display name. */
  readonly azurePolicy: readonly string[];
}

/** What every report shows about a rule, including the engine's own rules about waivers. */
export interface RuleDescription {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** Tiers the rule is evaluated for. */
  readonly tiers: readonly Tier[];
  /** Why the rule exists, in a sentence or two. */
  readonly rationale: string;
  /** What to change in the environment file (or the construct) to comply. */
  readonly remediation: string;
  readonly anchors: RuleAnchors;
}

/** One resource (or environment-wide setting) that breaks a rule. */
export type Violation =
  | {
      /** The resource the finding is about (a namespace, an entity): its declaration locates the finding. */
      readonly resource: TerraformResource;
      readonly message: string;
    }
  | {
      /** A declaration with no resource of its own in the stack (the environment's monitoring settings). */
      readonly declaration: Declaration;
      readonly message: string;
    };

export interface RuleContext {
  readonly index: StackIndex;
  readonly paths: AzurePaths;
  /** The environment the stack was synthesized from, when its file was found. */
  readonly model?: PolicyModel;
  /** The environment-file declaration a resource comes from, when one matches. */
  declarationOf(resource: TerraformResource): Declaration | undefined;
}

export interface Rule extends RuleDescription {
  readonly id: RuleId;
  evaluate(context: RuleContext): Violation[];
}
