import { evaluateStack } from "../../policies/engine/evaluate";
import { budgetRule } from "../../policies/rules/budget";
import { compliantStack, TODAY } from "../policies/support/fixtures";
import type { EnvironmentModel } from "../../model/model";
import { fixedPrices, shippedModel } from "./support";

const rule = budgetRule(fixedPrices());

function evaluate(model: EnvironmentModel) {
  return evaluateStack(
    {
      environment: model.name,
      stackFile: "cdktf.out/stacks/prod/cdk.tf.json",
      document: compliantStack(),
      model,
    },
    { rules: [rule], today: TODAY },
  );
}

function withBudget(monthlyAmount: number, waivers: EnvironmentModel["waivers"] = []): EnvironmentModel {
  const prod = shippedModel("prod");
  if (!prod.budget) throw new Error("the shipped prod declares a budget");
  return { ...prod, budget: { ...prod.budget, monthlyAmount }, waivers };
}

describe("COST-BUDGET", () => {
  it("finds nothing while the estimate is within the budget, at the boundary too", () => {
    expect(evaluate(withBudget(8000)).findings).toEqual([]);
    expect(evaluate(withBudget(727.08)).findings).toEqual([]);
  });

  it("fires when the estimate exceeds the budget, at the budget line", () => {
    const model = withBudget(727.07);
    const [finding] = evaluate(model).findings;
    expect(finding).toMatchObject({
      ruleId: "COST-BUDGET",
      status: "open",
      message:
        "the estimated cost, $727.08/month + 17 unpriced, exceeds budget.monthlyAmount of $727.07/month",
      subject: { address: "monitoring", source: model.budget?.source },
    });
  });

  it("is waivable like every rule", () => {
    const prod = shippedModel("prod");
    const waiver = {
      rule: "COST-BUDGET",
      resource: "monitoring",
      reason: "capacity for the launch month",
      expires: "2027-01-31",
      source: prod.waivers[0].source,
    };
    const [finding] = evaluate(withBudget(100, [waiver])).findings;
    expect(finding).toMatchObject({ ruleId: "COST-BUDGET", status: "waived" });
  });

  it("has nothing to judge without a budget", () => {
    const dev = shippedModel("dev");
    expect(dev.budget).toBeUndefined();
    expect(evaluate(dev).findings).toEqual([]);
  });
});
