import { calendarDate, checkWaivers } from "../../model/semantic/waivers";
import { devHeader, diagnosticsOf, messagesOf } from "./helpers/semantic";

const today = new Date(Date.UTC(2026, 5, 1));

const waivers = (...entries: string[]): string => `${devHeader}serviceBus:
  - { name: orders, sku: Standard }
waivers:
${entries.map((e) => `  - ${e}\n`).join("")}`;

const waiver = (expires: string, rule = "SB-LOCAL-AUTH"): string =>
  `{ rule: ${rule}, resource: serviceBus/orders, reason: legacy client, expires: "${expires}" }`;

describe("waivers", () => {
  it("knows that February has no 30th", () => {
    expect(calendarDate("2027-02-30")).toBeUndefined();
  });

  it("reads a real date as UTC midnight", () => {
    expect(calendarDate("2028-02-29")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });

  it("accepts a waiver expiring exactly one year from today", () => {
    expect(messagesOf(checkWaivers, waivers(waiver("2027-06-01")), today)).toEqual([]);
  });

  it("refuses a waiver expiring one year and a day from today", () => {
    const [error] = diagnosticsOf(checkWaivers, waivers(waiver("2027-06-02")), today);
    expect(error.path).toBe("waivers[0].expires");
    expect(error.message).toContain("more than one year ahead (latest allowed: 2027-06-01)");
  });

  it("leaves an expired waiver to the policy report", () => {
    expect(messagesOf(checkWaivers, waivers(waiver("2025-01-31")), today)).toEqual([]);
  });

  it("refuses the same rule waived twice for one resource", () => {
    const [error] = diagnosticsOf(checkWaivers, waivers(waiver("2026-09-30"), waiver("2026-12-31")), today);
    expect(error.path).toBe("waivers[1]");
    expect(error.message).toContain("already waived at line");
  });

  it("allows two rules waived for one resource", () => {
    expect(
      messagesOf(
        checkWaivers,
        waivers(waiver("2026-09-30"), waiver("2026-09-30", "SB-PUBLIC-NETWORK")),
        today,
      ),
    ).toEqual([]);
  });
});
