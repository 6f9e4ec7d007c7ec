import { checkRelays } from "../../model/semantic/relay";
import { devHeader, diagnosticsOf, messagesOf } from "./helpers/semantic";

const relay = (fields: string): string => `${devHeader}relay:\n  - name: plant-bridge\n${fields}`;

describe("Relay semantic checks", () => {
  it("accepts prod.yaml's namespace", () => {
    expect(
      messagesOf(
        checkRelays,
        relay("    hybridConnections:\n      - { name: historian, requiresClientAuthorization: true }\n"),
      ),
    ).toEqual([]);
  });

  it("refuses localAuth, which Azure Relay has no switch for, at the field", () => {
    const [problem] = diagnosticsOf(checkRelays, relay("    localAuth: false\n"));
    expect(problem).toMatchObject({
      path: "relay[0].localAuth",
      message: expect.stringContaining("needs a disableLocalAuth property, which Azure Relay lacks"),
    });
  });

  it("refuses localAuth: true as well, which would state a setting that does nothing", () => {
    expect(diagnosticsOf(checkRelays, relay("    localAuth: true\n"))).toEqual([
      expect.objectContaining({ path: "relay[0].localAuth" }),
    ]);
  });

  it("refuses customer-managed keys", () => {
    expect(messagesOf(checkRelays, relay("    customerManagedKey: true\n"))).toEqual([
      "a customer-managed key needs a service that offers them (Azure Relay encrypts with Microsoft-managed keys only); this Relay namespace has none",
    ]);
  });

  it("says nothing of customerManagedKey: false, which asks for nothing", () => {
    expect(messagesOf(checkRelays, relay("    customerManagedKey: false\n"))).toEqual([]);
  });

  it("refuses user-assigned identities", () => {
    const id =
      "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id";
    expect(messagesOf(checkRelays, relay(`    userAssignedIdentityIds: [${id}]\n`))).toEqual([
      "user-assigned identities needs a resource that calls other services (a Relay namespace calls none, so it takes no identity); this Relay namespace has none",
    ]);
  });

  it("refuses IP ranges the file itself shuts out, once", () => {
    expect(
      messagesOf(
        checkRelays,
        relay("    publicNetworkAccess: false\n    allowedIpRanges: [203.0.113.0/24]\n"),
      ),
    ).toEqual([
      "allowedIpRanges admit nothing while publicNetworkAccess is false; remove them or allow public access",
    ]);
  });

  it("refuses IP ranges the production tier's closed default shuts out, naming the tier", () => {
    const text = relay("    allowedIpRanges: [203.0.113.0/24]\n").replace(
      "tier: development",
      "tier: production",
    );
    expect(messagesOf(checkRelays, text)).toEqual([
      expect.stringContaining("(the production tier's default)"),
    ]);
  });

  it("refuses blank user metadata on a relay, at the field", () => {
    const [problem] = diagnosticsOf(
      checkRelays,
      relay("    wcfRelays:\n      - { name: erp, relayType: NetTcp, userMetadata: ' ' }\n"),
    );
    expect(problem).toMatchObject({ path: "relay[0].wcfRelays[0].userMetadata" });
  });
});
