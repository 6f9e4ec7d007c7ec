import { synthesizedStack } from "./helpers/synthesized";

interface AzurermProviderBlock {
  readonly features?: readonly {
    readonly storage?: readonly { readonly data_plane_available?: boolean }[];
  }[];
  readonly resource_provider_registrations?: string;
  readonly storage_use_azuread?: boolean;
}

/**
 * The azurerm provider block every environment's stack gets. Both settings let a narrow identity
 * plan and apply from outside the network; dropping either breaks deploys in a real tenant without
 * failing anything offline, so they are pinned here.
 */
describe.each(["environments/dev.yaml", "environments/prod.yaml", "test/fixtures/shared-examples/prod.yaml"])(
  "the azurerm provider of %s",
  (file) => {
    const [provider] = (
      synthesizedStack(file) as unknown as { provider: { azurerm: AzurermProviderBlock[] } }
    ).provider.azurerm;

    it("registers no resource provider (the plan identity may only read; preflight checks them)", () => {
      expect(provider.resource_provider_registrations).toBe("none");
    });

    it("reads no storage data plane (accounts behind a firewall stay unreachable from hosted runners)", () => {
      expect(provider.features).toEqual([{ storage: [{ data_plane_available: false }] }]);
    });

    it("creates no storage account with the data-plane blocks that setting cannot serve", () => {
      const accounts = Object.values(synthesizedStack(file).resource.azurerm_storage_account ?? {});
      expect(accounts.filter((a) => "queue_properties" in a || "static_website" in a)).toEqual([]);
    });

    it("reaches storage with Entra ID, never shared keys", () => {
      expect(provider.storage_use_azuread).toBe(true);
    });
  },
);
