import { formatText } from "../../policies/plan-guard/format-text";
import { planGuard } from "../../policies/plan-guard/plan-guard";
import { fixturePlan } from "./plan-guard-fixtures";

describe("formatText", () => {
  const replaced = formatText(planGuard(fixturePlan("replace.json")), "environments/prod.yaml");

  it("lists a blocked replacement with its address, order and forcing attribute", () => {
    expect(replaced).toContain(
      "BLOCKED  azurerm_servicebus_queue.orders_orders-inbound: replace (destroy the old object, then create the new one)",
    );
    expect(replaced).toContain("forced by: requires_session (the plan's replace_paths)");
  });

  it("tells how to allow the destroy in the environment file", () => {
    expect(replaced).toContain("add to allowDestroy in environments/prod.yaml");
  });

  it("prints the plan's totals", () => {
    expect(replaced).toContain("plan: 0 to create, 0 to update, 1 to replace, 0 to delete, 0 unchanged");
  });

  it("ends with the verdict", () => {
    expect(
      formatText(planGuard(fixturePlan("no-op.json")))
        .split("\n")
        .at(-1),
    ).toMatch(/^plan guard: passed/);
  });
});
