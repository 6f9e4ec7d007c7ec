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

  it("refuses localAuth: false, which Azure Relay cannot honour, at the field", () => {
    const [problem] = diagnosticsOf(checkRelays, relay("    localAuth: false\n"));
    expect(problem).toMatchObject({
      path: "relay[0].localAuth",
      message: expect.stringContaining("Azure Relay cannot disable local (SAS) authentication"),
    });
  });

  it("refuses customer-managed keys", () => {
    expect(messagesOf(checkRelays, relay("    customerManagedKey: true\n"))).toEqual([
      "Azure Relay namespaces do not support customer-managed keys: remove customerManagedKey",
    ]);
  });

  it("refuses user-assigned identities", () => {
    const id =
      "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id";
    expect(messagesOf(checkRelays, relay(`    userAssignedIdentityIds: [${id}]\n`))).toEqual([
      "Azure Relay namespaces take no managed identities (they call no other service): remove userAssignedIdentityIds",
    ]);
  });

  it("refuses more than 10,000 relay endpoints in one namespace", () => {
    const many = Array.from({ length: 10001 }, (_, i) => `      - { name: hc${i} }\n`).join("");
    expect(messagesOf(checkRelays, relay(`    hybridConnections:\n${many}`))).toEqual([
      "a Relay namespace holds at most 10000 relay endpoints (hybrid connections and WCF relays together), got 10001",
    ]);
  });
});
