import type { SourceLocation } from "../../model/model";
import { ruleIds } from "../../model/rule-ids";
import { AzurePaths } from "./azure-path";
import type { Declaration } from "./declarations";
import { DeclarationIndex } from "./declarations";
import type { EnvironmentResult, Finding } from "./finding";
import type { PolicyModel } from "../../model/policy-model";
import type { Rule, RuleContext, Violation } from "./rule";
import { severityRank } from "./rule";
import type { TerraformResource } from "./stack-index";
import { StackIndex } from "./stack-index";
import type { JsonObject } from "./terraform-json";
import { applyWaivers } from "./waivers";

export interface StackInput {
  /** Stack name: the environment's `name`. */
  readonly environment: string;
  readonly stackFile: string;
  readonly document: JsonObject;
  /** The environment's model; without one the stack is evaluated as production with no waivers. */
  readonly model?: PolicyModel;
}

export interface EvaluationOptions {
  readonly rules: readonly Rule[];
  /** The day waivers are judged against. */
  readonly today: Date;
}

function findingOf(
  rule: Rule,
  violation: Violation,
  context: RuleContext,
  fallback: SourceLocation | undefined,
): Finding {
  let declaration: Declaration | undefined;
  let terraformAddress: string | undefined;
  if ("declaration" in violation) {
    declaration = violation.declaration;
  } else {
    declaration = context.declarationOf(violation.resource);
    terraformAddress = violation.resource.address;
  }
  return {
    ruleId: rule.id,
    severity: rule.severity,
    title: rule.title,
    message: violation.message,
    remediation: rule.remediation,
    subject: {
      address: declaration?.address ?? terraformAddress ?? "",
      terraformAddress,
      source: declaration?.source ?? fallback,
    },
    status: "open",
  };
}

/** Evaluates one stack: index it once, run the rules of its tier, then apply its waivers. */
export function evaluateStack(input: StackInput, options: EvaluationOptions): EnvironmentResult {
  const index = new StackIndex(input.document);
  const paths = new AzurePaths(index);
  const declarations = new DeclarationIndex(input.model);
  const declarationOf = (resource: TerraformResource): Declaration | undefined => {
    const path = paths.of(resource);
    return path ? declarations.find(path.family, path.names) : undefined;
  };
  // A resource the file does not declare itself (an MQTT routing topic, a geo-DR alias) belongs to
  // the declared resource that refers to it.
  const context: RuleContext = {
    index,
    paths,
    model: input.model,
    declarationOf: (resource) =>
      declarationOf(resource) ??
      index
        .referrersOfAnyType(resource)
        .map((r) => declarationOf(r.resource))
        .find(Boolean),
  };
  const tier = input.model?.tier ?? "production";
  const fallback = input.model ? { file: input.model.file, line: 1, column: 1, pointer: "" } : undefined;
  const applicable = options.rules.filter((rule) => rule.tiers.includes(tier));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const rule of applicable) {
    for (const violation of rule.evaluate(context)) {
      const finding = findingOf(rule, violation, context, fallback);
      const key = `${finding.ruleId}|${finding.subject.address}|${finding.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  const waived = applyWaivers(findings, input.model?.waivers ?? [], {
    today: options.today,
    knownRules: ruleIds,
    declarations,
  });
  waived.findings.sort(
    (a, b) =>
      severityRank[b.severity] - severityRank[a.severity] ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.subject.address.localeCompare(b.subject.address),
  );
  return {
    environment: input.environment,
    tier,
    stackFile: input.stackFile,
    model: input.model,
    rulesEvaluated: applicable.map((rule) => rule.id),
    findings: waived.findings,
    waivers: waived.waivers,
  };
}
