import { compareEstimates } from "../../policies/cost/delta";
import { describeCostChange } from "../../policies/cost/delta-wording";
import { estimateCost } from "../../policies/cost/estimate";
import type { EnvironmentModel } from "../../model/model";
import { fixedPrices, shippedModel } from "./support";

const prices = fixedPrices();

function withOrders(model: EnvironmentModel, change: Partial<EnvironmentModel["serviceBus"][number]>) {
  return { ...model, serviceBus: model.serviceBus.map((ns) => ({ ...ns, ...change })) };
}

describe("the change a pull request makes to the estimate", () => {
  const prod = shippedModel("prod");
  const base = estimateCost(prod, prices);

  it("says what a capacity change costs, per resource", () => {
    const head = estimateCost(withOrders(prod, { capacity: 2 }), prices);
    const comparison = compareEstimates(base, head);
    expect(comparison.amount).toBe(677.07); // 2 × $677.075 is $1,354.15; 1 × is $677.08 to the cent
    expect(comparison.changes.map((c) => describeCostChange(c))).toEqual([
      "+$677.07/month: Premium namespace orders, 1 → 2 messaging units",
      "unpriced: Premium namespace orders (geo-DR secondary), 1 → 2 messaging units",
    ]);
  });

  it("names a SKU change, and a saving with a minus sign", () => {
    const dev = shippedModel("dev");
    const premiumDev = withOrders(dev, { sku: "Premium", capacity: 1, queues: [], topics: [] });
    const comparison = compareEstimates(estimateCost(premiumDev, prices), estimateCost(dev, prices));
    expect(describeCostChange(comparison.changes[0])).toBe(
      "−$667.27/month: Standard namespace orders, Premium → Standard, 1 → none messaging units (+ 1 unpriced)",
    );
  });

  it("lists added and removed resources, and nothing for an unchanged environment", () => {
    const withoutHub = { ...prod, iotHub: [] };
    const removed = compareEstimates(base, estimateCost(withoutHub, prices));
    expect(removed.changes.map((c) => describeCostChange(c))).toEqual([
      "−$50/month: S1 IoT hub plants, removed (+ 1 unpriced)",
    ]);
    const added = compareEstimates(estimateCost(withoutHub, prices), base);
    expect(describeCostChange(added.changes[0])).toBe("+$50/month: S1 IoT hub plants, new (+ 1 unpriced)");
    expect(compareEstimates(base, estimateCost(prod, prices)).changes).toEqual([]);
  });

  it("treats a new environment as added in whole", () => {
    const comparison = compareEstimates(undefined, base);
    expect(comparison.amount).toBe(727.08);
    expect(comparison.changes.every((c) => c.change === "added")).toBe(true);
  });
});
