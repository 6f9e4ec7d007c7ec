import { ruleIdList, ruleIds } from "../../model/rule-ids";
import { ruleCatalog } from "../../policies/rules/catalog";
import { compliantStack, evaluate, firedRules, violatingStack } from "./support/fixtures";

describe("rule catalog", () => {
  test("defines exactly the rule IDs that waivers may name", () => {
    expect(ruleCatalog.map((rule) => rule.id).sort()).toEqual([...ruleIdList].sort());
  });

  test("gives every rule a unique ID", () => {
    expect(new Set(ruleCatalog.map((rule) => rule.id)).size).toBe(ruleCatalog.length);
  });

  test("exports the IDs as a set for the environment validator", () => {
    expect(ruleIds.has("EH-PUBLIC-NETWORK")).toBe(true);
  });

  test("lets the compliant production stack pass every rule", () => {
    expect(firedRules(evaluate(compliantStack()))).toEqual([]);
  });
});

/** Rules that judge the environment model, not the stack: each has its own test (test/cost/budget.test.ts). */
const modelRules = new Set(["COST-BUDGET"]);

describe.each(ruleCatalog.map((rule) => rule.id).filter((id) => !modelRules.has(id)))("%s", (ruleId) => {
  test("is broken by its violation fixture, and no other rule is", () => {
    expect(firedRules(evaluate(violatingStack(ruleId)))).toEqual([ruleId]);
  });
});
