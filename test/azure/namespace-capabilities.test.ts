import { sharedInterfaceProblems, type NamespaceCapabilities } from "../../azure/namespace-capabilities";

const everything: NamespaceCapabilities = {
  kind: "Service Bus namespace",
  sku: "Premium",
  privateEndpoint: true,
  customerManagedKey: true,
  localAuthSwitch: true,
  ipRules: true,
  trustedServices: true,
  userAssignedIdentities: true,
  publicNetworkAccessSwitch: true,
};
const standard: NamespaceCapabilities = {
  ...everything,
  sku: "Standard",
  privateEndpoint: { needs: "the Premium SKU" },
  customerManagedKey: { needs: "the Premium SKU" },
};

describe("sharedInterfaceProblems", () => {
  it("accepts what the SKU offers", () => {
    expect(
      sharedInterfaceProblems(everything, {
        privateEndpoint: true,
        customerManagedKey: true,
        localAuth: false,
      }),
    ).toEqual([]);
  });

  it("refuses each option the SKU lacks, at its field, naming what offers it", () => {
    expect(sharedInterfaceProblems(standard, { privateEndpoint: true, customerManagedKey: true })).toEqual([
      {
        field: "privateEndpoint",
        message: "a private endpoint needs the Premium SKU; this Service Bus namespace (Standard) has none",
      },
      {
        field: "customerManagedKey",
        message:
          "a customer-managed key needs the Premium SKU; this Service Bus namespace (Standard) has none",
      },
    ]);
  });

  it("says nothing of an option that is not asked for", () => {
    expect(sharedInterfaceProblems(standard, { privateEndpoint: false, customerManagedKey: false })).toEqual(
      [],
    );
  });

  it("refuses IP rules that could admit nobody", () => {
    expect(
      sharedInterfaceProblems(everything, {
        publicNetworkAccess: false,
        allowedIpRanges: ["203.0.113.0/24"],
      }),
    ).toEqual([
      {
        field: "allowedIpRanges",
        message:
          "allowedIpRanges admit nothing while publicNetworkAccess is false; remove them or allow public access",
      },
    ]);
  });

  it("refuses a local-auth setting where the service has no switch", () => {
    const relay = {
      ...everything,
      kind: "Relay namespace",
      sku: undefined,
      localAuthSwitch: { needs: "a switch Azure Relay does not have" },
    };
    expect(sharedInterfaceProblems(relay, { localAuth: false })).toEqual([
      {
        field: "localAuth",
        message:
          "switching local (SAS) authentication needs a switch Azure Relay does not have; this Relay namespace has none",
      },
    ]);
  });
});
