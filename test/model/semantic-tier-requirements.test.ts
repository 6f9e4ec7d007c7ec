import { checkTierRequirements } from "../../model/semantic/tier-requirements";
import { devHeader, diagnosticsOf, messagesOf } from "./helpers/semantic";

const production = (
  namespace: string,
  extra = "",
): string => `${devHeader.replace("tier: development", "tier: production")}network:
  privateEndpointSubnetId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s
eventHubs:
  - { name: telemetry, sku: Standard${namespace} }
${extra}`;

describe("tier requirements", () => {
  it("refuses public network access in production without a waiver", () => {
    const [error] = diagnosticsOf(checkTierRequirements, production(", publicNetworkAccess: true"));
    expect(error.path).toBe("eventHubs[0].publicNetworkAccess");
    expect(error.message).toContain(
      "(policy EH-PUBLIC-NETWORK); remove the field, or add a waiver { rule: EH-PUBLIC-NETWORK, resource: eventHubs/telemetry",
    );
  });

  it("accepts public network access in production when the matching rule is waived for that namespace", () => {
    const waiver =
      "waivers:\n  - { rule: EH-PUBLIC-NETWORK, resource: eventHubs/telemetry, reason: partner, expires: 2026-12-31 }\n";
    expect(messagesOf(checkTierRequirements, production(", publicNetworkAccess: true", waiver))).toEqual([]);
  });

  it("does not let a waiver for another rule cover the requirement", () => {
    const waiver =
      "waivers:\n  - { rule: EH-LOCAL-AUTH, resource: eventHubs/telemetry, reason: partner, expires: 2026-12-31 }\n";
    expect(messagesOf(checkTierRequirements, production(", publicNetworkAccess: true", waiver))).toHaveLength(
      1,
    );
  });

  it("accepts stating the required value explicitly", () => {
    expect(messagesOf(checkTierRequirements, production(", localAuth: false, lock: true"))).toEqual([]);
  });

  it("lets development switch public network access on", () => {
    const text = `${devHeader}eventHubs:\n  - { name: telemetry, sku: Standard, publicNetworkAccess: true }\n`;
    expect(messagesOf(checkTierRequirements, text)).toEqual([]);
  });

  it("asks for a network when a namespace asks for a private endpoint", () => {
    const text = `${devHeader}eventHubs:\n  - { name: telemetry, sku: Standard, privateEndpoint: true }\n`;
    const [error] = diagnosticsOf(checkTierRequirements, text);
    expect(error.path).toBe("eventHubs[0].privateEndpoint");
    expect(error.message).toContain("add network.privateEndpointSubnetId");
  });

  it("asks for secondaryLocation when geo-disaster recovery is requested", () => {
    const text = `${devHeader}serviceBus:\n  - { name: orders, sku: Premium, geoDisasterRecovery: true }\n`;
    expect(messagesOf(checkTierRequirements, text)).toEqual([
      expect.stringContaining("needs secondaryLocation"),
    ]);
  });

  it("expects no network for a production namespace whose SKU has no private endpoints", () => {
    const text =
      `${devHeader.replace("tier: development", "tier: production")}serviceBus:\n` +
      "  - { name: orders, sku: Standard, publicNetworkAccess: true, allowedIpRanges: [203.0.113.0/24] }\n" +
      "waivers:\n  - { rule: SB-PUBLIC-NETWORK, resource: serviceBus/orders, reason: partner, expires: 2027-03-31 }\n";
    expect(messagesOf(checkTierRequirements, text)).toEqual([]);
  });

  it("refuses a production namespace that neither private nor public traffic could reach", () => {
    const text = `${devHeader.replace("tier: development", "tier: production")}serviceBus:\n  - { name: orders, sku: Standard }\n`;
    expect(messagesOf(checkTierRequirements, text)).toEqual([
      expect.stringContaining(
        "serviceBus/orders would be unreachable: its public endpoint is off (the production tier's default) and the Standard SKU has no private endpoints",
      ),
    ]);
  });
});
