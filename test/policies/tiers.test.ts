import type { PolicyModel } from "../../model/policy-model";
import { compliantModel } from "../fixtures/policy/compliant-model";
import { evaluate, violatingStack } from "./support/fixtures";

const development: PolicyModel = { ...compliantModel, tier: "development" };

describe("tiers", () => {
  test("a production-only rule is not evaluated for a development environment", () => {
    expect(evaluate(violatingStack("SB-LOCAL-AUTH"), development).rulesEvaluated).not.toContain(
      "SB-LOCAL-AUTH",
    );
  });

  test("a rule for every tier still fails a development environment", () => {
    expect(evaluate(violatingStack("SB-NARROW-ROLES"), development).findings.map((f) => f.ruleId)).toEqual([
      "SB-NARROW-ROLES",
    ]);
  });

  test("a stack without an environment file is evaluated as production", () => {
    expect(evaluate(violatingStack("SB-LOCAL-AUTH"), undefined).findings.map((f) => f.ruleId)).toEqual([
      "SB-LOCAL-AUTH",
    ]);
  });

  test("development audit retention is checked against the development period", () => {
    expect(evaluate(violatingStack("LOG-AUDIT-RETENTION"), development).findings).toEqual([]);
  });
});
