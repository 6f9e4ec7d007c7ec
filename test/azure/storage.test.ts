import { blobEndpoint, storageAccountNameOf, storageTargetProblems } from "../../azure/storage";

const account = (name: string): string =>
  `/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${name}`;

describe("storage accounts and containers", () => {
  it("reads the account name from its ARM ID, and nothing from other IDs", () => {
    expect(storageAccountNameOf(account("stcontoso"))).toBe("stcontoso");
    expect(storageAccountNameOf("/subscriptions/0/resourceGroups/rg")).toBeUndefined();
  });

  it("addresses the account's blobs at its blob endpoint", () => {
    expect(blobEndpoint("stcontoso")).toBe("https://stcontoso.blob.core.windows.net/");
  });

  it("accepts container names of 3 and 63 characters", () => {
    expect(storageTargetProblems({ storageAccountId: account("stcontoso"), container: "abc" })).toEqual([]);
    expect(storageTargetProblems({ container: `a${"b".repeat(61)}c` })).toEqual([]);
  });

  it("refuses container names of 2 and 64 characters, and two hyphens in a row", () => {
    for (const container of ["ab", "a".repeat(64), "logs--archive"]) {
      expect(storageTargetProblems({ container }).map((p) => p.field)).toEqual(["container"]);
    }
  });

  it("refuses an account name with capitals, at storageAccountId", () => {
    expect(storageTargetProblems({ storageAccountId: account("StContoso") })).toEqual([
      {
        field: "storageAccountId",
        message:
          'storage account name "StContoso" may contain only lowercase letters and numbers, but has "S" at position 1; give the ARM ID of an existing storage account',
      },
    ]);
  });
});
