import type { PolicyModel, PolicyWaiver } from "../../model/policy-model";
import { compliantModel } from "../fixtures/policy/compliant-model";
import { evaluate, violatingStack } from "./support/fixtures";

const waiver = (overrides: Partial<PolicyWaiver>): PolicyWaiver => ({
  rule: "SB-PUBLIC-NETWORK",
  resource: "serviceBus/orders",
  reason: "partner cut-over",
  expires: "2026-12-31",
  source: { file: "environments/compliant.yaml", line: 60, column: 5, pointer: "/waivers/0" },
  ...overrides,
});

const withWaivers = (...waivers: PolicyWaiver[]): PolicyModel => ({ ...compliantModel, waivers });
const stack = violatingStack("SB-PUBLIC-NETWORK");

describe("waivers", () => {
  test("mark a covered finding as waived with the waiver's reason", () => {
    const result = evaluate(stack, withWaivers(waiver({})));
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: "SB-PUBLIC-NETWORK",
        status: "waived",
        waiver: { reason: "partner cut-over", expires: "2026-12-31" },
      }),
    ]);
  });

  test("still apply on their expiry day", () => {
    const result = evaluate(stack, withWaivers(waiver({})), undefined, new Date("2026-12-31T23:00:00Z"));
    expect(result.findings.map((f) => f.status)).toEqual(["waived"]);
  });

  test("stop applying the day after expiry, and report themselves as expired", () => {
    const result = evaluate(stack, withWaivers(waiver({})), undefined, new Date("2027-01-01T00:00:00Z"));
    expect(result.findings.map((f) => [f.ruleId, f.status])).toEqual([
      ["SB-PUBLIC-NETWORK", "open"],
      ["WAIVER-EXPIRED", "open"],
    ]);
  });

  test("locate an expired-waiver finding at the waiver's line", () => {
    const result = evaluate(stack, withWaivers(waiver({ expires: "2026-01-01" })));
    expect(result.findings.find((f) => f.ruleId === "WAIVER-EXPIRED")?.subject.source?.line).toBe(60);
  });

  test("that name an unknown rule are findings and waive nothing", () => {
    const result = evaluate(stack, withWaivers(waiver({ rule: "SB-PUBLIC-NETWORKS" })));
    expect(result.findings.map((f) => [f.ruleId, f.status])).toEqual([
      ["SB-PUBLIC-NETWORK", "open"],
      ["WAIVER-UNKNOWN-RULE", "open"],
    ]);
  });

  test("that name an undeclared resource are findings", () => {
    const result = evaluate(stack, withWaivers(waiver({ resource: "serviceBus/billing" })));
    expect(result.findings.map((f) => f.ruleId)).toContain("WAIVER-UNKNOWN-RESOURCE");
  });

  test("on a namespace cover the same rule's findings on its entities", () => {
    const result = evaluate(
      violatingStack("SB-MAX-DELIVERY-COUNT"),
      withWaivers(waiver({ rule: "SB-MAX-DELIVERY-COUNT" })),
    );
    expect(result.findings.map((f) => [f.subject.address, f.status])).toEqual([
      ["serviceBus/orders/orders-inbound", "waived"],
    ]);
  });

  test("that cover nothing are listed as unused", () => {
    const result = evaluate(violatingStack("SB-LOCK"), withWaivers(waiver({})));
    expect(result.waivers.map((w) => w.state)).toEqual(["unused"]);
  });
});
