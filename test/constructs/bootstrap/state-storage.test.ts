import type { Construct } from "constructs";
import { TerraformStateStorage, type TerraformStateStorageProps } from "../../../constructs/bootstrap";
import { onlyResource, synth } from "../synthesized";

const props: TerraformStateStorageProps = {
  name: "stcontosotfstate",
  resourceGroupName: "rg-tfstate-prod",
  location: "westeurope",
  containerName: "tfstate",
};
const storage = (scope: Construct, overrides: Partial<TerraformStateStorageProps> = {}) =>
  new TerraformStateStorage(scope, "state", { ...props, ...overrides });

describe("TerraformStateStorage", () => {
  const json = synth((scope) => storage(scope));
  const account = onlyResource(json, "azurerm_storage_account");

  it("takes Entra ID only: shared keys off, OAuth the default for the portal", () => {
    expect(account).toMatchObject({
      shared_access_key_enabled: false,
      default_to_oauth_authentication: true,
    });
  });

  it("keeps every version of a state file and deleted blobs and containers for 30 days", () => {
    expect(account.blob_properties).toEqual({
      versioning_enabled: true,
      delete_retention_policy: { days: 30 },
      container_delete_retention_policy: { days: 30 },
    });
  });

  it("is zone-redundant StorageV2 with TLS 1.2, HTTPS only and no public blobs", () => {
    expect(account).toMatchObject({
      account_kind: "StorageV2",
      account_replication_type: "ZRS",
      min_tls_version: "TLS1_2",
      https_traffic_only_enabled: true,
      allow_nested_items_to_be_public: false,
      cross_tenant_replication_enabled: false,
      infrastructure_encryption_enabled: true,
    });
  });

  it("creates the container through the management plane, by the account's ARM ID", () => {
    expect(onlyResource(json, "azurerm_storage_container")).toMatchObject({
      name: "tfstate",
      storage_account_id: expect.stringMatching(/^\$\{azurerm_storage_account\.[^}]+\.id\}$/),
      container_access_type: "private",
    });
  });

  it("refuses to be destroyed: prevent_destroy on account and container, a delete lock on the account", () => {
    expect(account.lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(json, "azurerm_storage_container").lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(json, "azurerm_management_lock")).toMatchObject({
      lock_level: "CanNotDelete",
      scope: expect.stringMatching(/^\$\{azurerm_storage_account\./),
    });
  });

  it("reports a name Azure would refuse and a retention azurerm would refuse, together", () => {
    let problems: string[] = [];
    synth((scope) => {
      problems = storage(scope, { name: "st-contoso", retentionDays: 400 }).node.validate();
    });
    expect(problems).toEqual([
      'name: storage account "st-contoso" may contain only lowercase letters and numbers, but has "-" at position 3',
      "retentionDays must be a whole number from 1 to 365, got 400",
    ]);
  });

  it("accepts its own defaults", () => {
    let problems: string[] = ["not run"];
    synth((scope) => {
      problems = storage(scope).node.validate();
    });
    expect(problems).toEqual([]);
  });
});
