import { contentShareBaseName } from "../../azure/logic-apps";
import { fitName } from "../../azure/naming";

/** azurerm's StorageShareName rules (internal/services/storage/validate/storage_share.go, v4.55.0). */
function shareNameRefusals(name: string): string[] {
  const refusals: string[] = [];
  if (!/^[0-9a-z-]+$/.test(name)) refusals.push("characters");
  if (name.length < 3 || name.length > 63) refusals.push("length");
  if (name.startsWith("-")) refusals.push("leading hyphen");
  if (/-{2,}/.test(name)) refusals.push("consecutive hyphens");
  return refusals;
}

describe("contentShareBaseName", () => {
  it("keeps azurerm's default for a site name with single hyphens", () => {
    expect(contentShareBaseName("logic-contoso-Invoice-Router-prod")).toBe(
      "logic-contoso-invoice-router-prod-content",
    );
  });

  it("collapses runs of hyphens, which a share name may not hold", () => {
    expect(contentShareBaseName("queue--reader")).toBe("queue-reader-content");
    expect(contentShareBaseName("a---b-")).toBe("a-b-content");
  });

  it.each(["queue--reader", "logic-x--y---z-dev", "Q-" + "a--".repeat(30), "-ab"])(
    "gives %s a share name azurerm accepts, once fitted to 63 characters",
    (site) => {
      expect(shareNameRefusals(fitName(contentShareBaseName(site), 63, "-"))).toEqual([]);
    },
  );
});
