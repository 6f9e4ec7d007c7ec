import { Construct } from "constructs";
import { TerraformVariable } from "cdktf";
import { known, knownValues, validateWith } from "../../../constructs/shared/validation";
import { validationErrors } from "../synthesized";

describe("validateWith", () => {
  it("reports every problem at synthesis, prefixed with what and field", () => {
    const errors = validationErrors((stack) => {
      const thing = new Construct(stack, "thing");
      validateWith(thing, "Service Bus queue orders/payments", () => [
        { field: "maxDeliveryCount", message: "must be at least 1, got 0" },
        { field: "", message: "is broken as a whole" },
      ]);
    });
    expect(errors).toEqual([
      "Service Bus queue orders/payments: maxDeliveryCount: must be at least 1, got 0",
      "Service Bus queue orders/payments: is broken as a whole",
    ]);
  });
});

describe("known values", () => {
  it("drops Terraform tokens and keeps literals, at any depth", () => {
    validationErrors((stack) => {
      const count = new TerraformVariable(stack, "count", { type: "number" }).numberValue;
      const name = new TerraformVariable(stack, "name", { type: "string" }).stringValue;
      expect(known(count)).toBeUndefined();
      expect(known(5)).toBe(5);
      expect(knownValues({ capacity: count, name, nested: { list: [name, "a"] }, sku: "Premium" })).toEqual({
        capacity: undefined,
        name: undefined,
        nested: { list: [undefined, "a"] },
        sku: "Premium",
      });
    });
  });
});
