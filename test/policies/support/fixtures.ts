import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateStack } from "../../../policies/engine/evaluate";
import type { EnvironmentResult } from "../../../policies/engine/finding";
import type { PolicyModel } from "../../../model/policy-model";
import type { Rule } from "../../../policies/engine/rule";
import type { JsonObject } from "../../../policies/engine/terraform-json";
import { isJsonObject } from "../../../policies/engine/terraform-json";
import { ruleCatalog } from "../../../policies/rules/catalog";
import { compliantModel } from "../../fixtures/policy/compliant-model";
import { mergePatch } from "./merge-patch";

export const FIXTURES = join(__dirname, "..", "..", "fixtures", "policy");

export function readJson(...path: string[]): JsonObject {
  const parsed: unknown = JSON.parse(readFileSync(join(FIXTURES, ...path), "utf8"));
  if (!isJsonObject(parsed)) throw new Error(`${path.join("/")} is not a JSON object`);
  return parsed;
}

export const compliantStack = (): JsonObject => readJson("compliant", "cdk.tf.json");

/** The compliant stack with one rule's violation patch applied to its `resource` tree. */
export function violatingStack(ruleId: string): JsonObject {
  const violations = readJson("violations.json").violations;
  if (!isJsonObject(violations) || !(ruleId in violations))
    throw new Error(`no violation fixture for ${ruleId}`);
  const stack = compliantStack();
  return { ...stack, resource: mergePatch(stack.resource, violations[ruleId]) };
}

export const TODAY = new Date("2026-11-23T12:00:00Z");

export function evaluate(
  document: JsonObject,
  model: PolicyModel | undefined = compliantModel,
  rules: readonly Rule[] = ruleCatalog,
  today = TODAY,
): EnvironmentResult {
  return evaluateStack(
    {
      environment: model?.name ?? "unnamed",
      stackFile: "cdktf.out/stacks/test/cdk.tf.json",
      document,
      model,
    },
    { rules, today },
  );
}

export function firedRules(result: EnvironmentResult): string[] {
  return [...new Set(result.findings.filter((f) => f.status === "open").map((f) => f.ruleId))].sort();
}
