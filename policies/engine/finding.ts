import type { SourceLocation } from "../../model/model";
import type { Tier } from "../../model/spec";
import type { PolicyModel } from "../../model/policy-model";
import type { Recommendation } from "../capacity/recommendations";
import type { Severity } from "./rule";

/** What a finding is about: a declared thing, located in its environment file when possible. */
export interface FindingSubject {
  /** Declaration address (`eventHubs/telemetry`), or the Terraform address for undeclared resources. */
  readonly address: string;
  /** The synthesized resource, when the finding comes from one. */
  readonly terraformAddress?: string;
  readonly source?: SourceLocation;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly title: string;
  readonly message: string;
  readonly remediation: string;
  readonly subject: FindingSubject;
  readonly status: "open" | "waived";
  /** The waiver that covers the finding, when it is waived. */
  readonly waiver?: { readonly reason: string; readonly expires: string };
}

export type WaiverState = "active" | "unused" | "expired" | "unknown-rule" | "unknown-resource";

export interface WaiverStatus {
  readonly rule: string;
  readonly resource: string;
  readonly reason: string;
  readonly expires: string;
  readonly source: SourceLocation;
  readonly state: WaiverState;
  /** Findings the waiver covers. */
  readonly covers: number;
}

/** The evaluation of one synthesized stack against its environment. */
export interface EnvironmentResult {
  readonly environment: string;
  readonly tier: Tier;
  /** The `cdk.tf.json` evaluated. */
  readonly stackFile: string;
  /** The environment file's model; absent when no file names this stack (evaluated as production). */
  readonly model?: PolicyModel;
  readonly rulesEvaluated: readonly string[];
  readonly findings: readonly Finding[];
  readonly waivers: readonly WaiverStatus[];
  /** Over-provisioning against the declared load; absent where nothing computed them (no environment file). */
  readonly recommendations?: readonly Recommendation[];
}
