import { azureNameProblem } from "../../azure/name-rule";
import {
  MAX_RELAY_ENDPOINTS,
  relayEntityEndpoints,
  relayEntityProblems,
  relayNameRules,
  relayNamespaceEndpoints,
  relayNamespaceProblems,
} from "../../azure/relay";

const relays = (count: number): { name: string }[] =>
  Array.from({ length: count }, (_, i) => ({ name: `r${i}` }));

describe("relayNamespaceProblems", () => {
  it("accepts exactly the quota of relay endpoints, hybrid connections and WCF relays together", () => {
    const half = MAX_RELAY_ENDPOINTS / 2;
    expect(relayNamespaceProblems({ hybridConnections: relays(half), wcfRelays: relays(half) })).toEqual([]);
  });

  it("refuses one relay endpoint over the quota, for the namespace as a whole", () => {
    expect(relayNamespaceProblems({ hybridConnections: relays(MAX_RELAY_ENDPOINTS + 1) })).toEqual([
      {
        field: "",
        message:
          "a Relay namespace holds at most 10000 relay endpoints (hybrid connections and WCF relays together), got 10001",
      },
    ]);
  });

  it("accepts every shared option Relay has: private endpoint, public access, IP rules, trusted services", () => {
    expect(
      relayNamespaceProblems({
        privateEndpoint: true,
        publicNetworkAccess: true,
        allowedIpRanges: ["203.0.113.0/24"],
        trustedServicesAllowed: false,
      }),
    ).toEqual([]);
  });

  it("refuses the shared options Relay lacks, each at its field", () => {
    const problems = relayNamespaceProblems({
      localAuth: true,
      customerManagedKey: true,
      userAssignedIdentityIds: ["/identities/a"],
    });
    expect(problems.map((p) => p.field)).toEqual([
      "customerManagedKey",
      "localAuth",
      "userAssignedIdentityIds",
    ]);
  });

  it("places a relay's problem under the list that holds it", () => {
    expect(relayNamespaceProblems({ wcfRelays: [{}, { userMetadata: "" }] })).toEqual([
      { field: "wcfRelays/1/userMetadata", message: 'userMetadata must be omitted or non-empty, got ""' },
    ]);
  });
});

describe("relayEntityProblems", () => {
  it("accepts both WCF relay types", () => {
    expect([
      ...relayEntityProblems({ relayType: "NetTcp" }),
      ...relayEntityProblems({ relayType: "Http" }),
    ]).toEqual([]);
  });

  it("refuses a relay type Azure does not offer", () => {
    expect(relayEntityProblems({ relayType: "BasicHttp" })).toEqual([
      { field: "relayType", message: 'relayType must be one of NetTcp, Http, got "BasicHttp"' },
    ]);
  });
});

describe("Relay's names and addresses", () => {
  it("accepts a namespace name of 6 characters and refuses one of 5", () => {
    expect(azureNameProblem(relayNameRules.namespace, "relay1")).toBeUndefined();
    expect(azureNameProblem(relayNameRules.namespace, "relay")).toBe(
      "must be at least 6 characters (it is 5)",
    );
  });

  it("lets a hybrid connection path contain slashes but not tildes", () => {
    expect(azureNameProblem(relayNameRules.hybridConnection, "plant/historian")).toBeUndefined();
    expect(azureNameProblem(relayNameRules.hybridConnection, "plant~historian")).toContain('"~"');
  });

  it("addresses relays on the namespace's servicebus.windows.net host", () => {
    expect(relayNamespaceEndpoints("relay-bridge")).toEqual([
      { protocol: "https", url: "https://relay-bridge.servicebus.windows.net/" },
    ]);
    expect(relayEntityEndpoints("relay-bridge", "historian")).toEqual([
      { protocol: "amqp-websockets", url: "wss://relay-bridge.servicebus.windows.net/$hc/historian" },
      { protocol: "https", url: "https://relay-bridge.servicebus.windows.net/historian" },
    ]);
  });
});
