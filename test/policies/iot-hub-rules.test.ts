import { evaluate, firedRules, violatingStack } from "./support/fixtures";
import { mergePatch } from "./support/merge-patch";

/** The compliant stack's hub without its private endpoint, on `sku`. */
function hubWithoutPrivateEndpointOn(sku: string): ReturnType<typeof violatingStack> {
  const stack = violatingStack("IOT-PRIVATE-ENDPOINT");
  return {
    ...stack,
    resource: mergePatch(stack.resource, { azurerm_iothub: { iot: { sku: { name: sku, capacity: 1 } } } }),
  };
}

describe("IOT-PRIVATE-ENDPOINT", () => {
  it("holds a basic hub to a private endpoint", () => {
    expect(firedRules(evaluate(hubWithoutPrivateEndpointOn("B1")))).toContain("IOT-PRIVATE-ENDPOINT");
  });

  it("holds no free hub to a private endpoint its tier does not offer", () => {
    expect(firedRules(evaluate(hubWithoutPrivateEndpointOn("F1")))).not.toContain("IOT-PRIVATE-ENDPOINT");
  });
});
