import { join } from "node:path";
import { readPlan } from "../../policies/plan-guard/plan-format";
import { readPlanFile } from "../../policies/plan-guard/read-plan-file";
import { plansDir } from "./plan-guard-fixtures";

function failure(result: ReturnType<typeof readPlan>): string {
  if (result.ok) throw new Error("expected the plan to be refused");
  return result.message;
}

describe("readPlan", () => {
  it("refuses a plan in a format major version it does not know", () => {
    expect(failure(readPlan({ format_version: "2.0", planned_values: {} }))).toMatch(
      /unsupported plan format_version 2\.0/,
    );
  });

  it("refuses a state file passed instead of a plan", () => {
    expect(failure(readPlanFile(join(plansDir, "state-not-plan.json")))).toMatch(
      /looks like a state, not a plan/,
    );
  });

  it("refuses an action the plan format does not define, naming the resource", () => {
    expect(failure(readPlanFile(join(plansDir, "unknown-action.json")))).toMatch(
      /azurerm_servicebus_queue\.orders.*unknown action "destroy"/,
    );
  });

  it("reads a plan with no resource changes as an empty plan", () => {
    const result = readPlan({ format_version: "1.2", planned_values: { root_module: {} } });
    expect(result.ok && result.plan.resourceChanges).toEqual([]);
  });
});

describe("readPlanFile", () => {
  it("reports a file that is not JSON", () => {
    expect(failure(readPlanFile(join(plansDir, "malformed.json")))).toMatch(/malformed\.json is not JSON/);
  });

  it("reports a file that cannot be read", () => {
    expect(failure(readPlanFile(join(plansDir, "missing.json")))).toMatch(/cannot read .*missing\.json/);
  });
});
