import { CaptureStorage, type CaptureStorageProps } from "../../../constructs/event-hubs";
import { onlyResource, resourcesOf, synth, validationErrors } from "./synth";

const props: CaptureStorageProps = {
  name: "stcontosocapprod",
  location: "westeurope",
  resourceGroupName: "rg-test",
  containers: [{ name: "capture", retentionDays: 30 }],
};

const namespaceIdentity = {
  name: "telemetry-capture",
  principalId: "${identity}",
  principalType: "ServicePrincipal",
} as const;

describe("CaptureStorage", () => {
  it("creates a StorageV2 account with hierarchical namespace, TLS 1.2 and infrastructure encryption", () => {
    const account = onlyResource(
      synth((s) => new CaptureStorage(s, "cap", props)),
      "azurerm_storage_account",
    );
    expect(account).toMatchObject({
      name: "stcontosocapprod",
      account_kind: "StorageV2",
      account_tier: "Standard",
      account_replication_type: "ZRS",
      is_hns_enabled: true,
      min_tls_version: "TLS1_2",
      infrastructure_encryption_enabled: true,
      allow_nested_items_to_be_public: false,
      default_to_oauth_authentication: true,
    });
  });

  it("turns shared-key access off: capture writes with the namespace's managed identity", () => {
    const account = onlyResource(
      synth((s) => new CaptureStorage(s, "cap", props)),
      "azurerm_storage_account",
    );
    expect(account.shared_access_key_enabled).toBe(false);
  });

  it("shuts the firewall to all but trusted Azure services by default", () => {
    const account = onlyResource(
      synth((s) => new CaptureStorage(s, "cap", props)),
      "azurerm_storage_account",
    );
    expect(account.network_rules).toEqual({ default_action: "Deny", bypass: ["AzureServices"] });
  });

  it("opens the firewall when public network access is asked for", () => {
    const account = onlyResource(
      synth((s) => new CaptureStorage(s, "cap", { ...props, publicNetworkAccess: true })),
      "azurerm_storage_account",
    );
    expect(account.network_rules).toMatchObject({ default_action: "Allow" });
  });

  it("creates each container private", () => {
    const json = synth(
      (s) =>
        new CaptureStorage(s, "cap", {
          ...props,
          containers: [
            { name: "capture", retentionDays: 30 },
            { name: "audit", retentionDays: 365 },
          ],
        }),
    );
    const containers = resourcesOf(json, "azurerm_storage_container").map((c) => [
      c.name,
      c.container_access_type,
    ]);
    expect(containers.sort()).toEqual([
      ["audit", "private"],
      ["capture", "private"],
    ]);
  });

  it("deletes each container's archives after its retention", () => {
    const json = synth(
      (s) =>
        new CaptureStorage(s, "cap", {
          ...props,
          containers: [
            { name: "capture", retentionDays: 30 },
            { name: "audit", retentionDays: 365 },
          ],
        }),
    );
    expect(onlyResource(json, "azurerm_storage_management_policy").rule).toEqual([
      {
        name: "delete-capture-after-30-days",
        enabled: true,
        filters: { blob_types: ["blockBlob"], prefix_match: ["capture/"] },
        actions: { base_blob: { delete_after_days_since_modification_greater_than: 30 } },
      },
      {
        name: "delete-audit-after-365-days",
        enabled: true,
        filters: { blob_types: ["blockBlob"], prefix_match: ["audit/"] },
        actions: { base_blob: { delete_after_days_since_modification_greater_than: 365 } },
      },
    ]);
  });

  it("adds a private endpoint for the blob sub-resource when a subnet is given", () => {
    const pe = onlyResource(
      synth((s) => new CaptureStorage(s, "cap", { ...props, privateEndpoint: { subnetId: "/subnet" } })),
      "azurerm_private_endpoint",
    );
    expect(pe).toMatchObject({
      name: "stcontosocapprod-blob-pep",
      private_service_connection: { subresource_names: ["blob"] },
    });
  });

  it("grants the namespace identity Storage Blob Data Contributor on the container", () => {
    const json = synth((s) =>
      new CaptureStorage(s, "cap", props).grantCaptureWrite(namespaceIdentity, "capture"),
    );
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Storage Blob Data Contributor",
      principal_id: "${identity}",
      scope: expect.stringMatching(/^\$\{azurerm_storage_container\.cap_container-capture_[^.]+\.id\}$/),
    });
  });

  it("hands out the destination of its own containers only", () => {
    synth((s) => {
      const storage = new CaptureStorage(s, "cap", props);
      expect(storage.destination("capture")).toEqual({
        storageAccountId: storage.id,
        containerName: "capture",
      });
      expect(() => storage.destination("other")).toThrow(/no container other; it has capture/);
    });
  });

  it.each([
    [
      { name: "st-Contoso" },
      'name: storage account name "st-Contoso" may contain only lowercase letters and numbers, but has "-" at position 3',
    ],
    [{ containers: [] }, "containers: name at least one container"],
    [
      { containers: [{ name: "Capture", retentionDays: 1 }] },
      'containers/0/name: blob container name "Capture" may contain only lowercase letters, numbers and hyphens, but has "C" at position 1',
    ],
    [
      { containers: [{ name: "cap--ture", retentionDays: 1 }] },
      'containers/0/name: blob container name "cap--ture" must not contain "--"',
    ],
    [
      {
        containers: [
          { name: "capture", retentionDays: 1 },
          { name: "capture", retentionDays: 2 },
        ],
      },
      "containers/1/name: container capture is listed twice",
    ],
    [
      { containers: [{ name: "capture", retentionDays: 0 }] },
      "containers/0/retentionDays: capture archives are kept 1-99999 days (the storage lifecycle rule's range), got 0",
    ],
  ])("refuses %j", (overrides: Partial<CaptureStorageProps>, message) => {
    expect(validationErrors((s) => new CaptureStorage(s, "cap", { ...props, ...overrides }))).toEqual([
      `capture storage ${overrides.name ?? props.name}: ${message}`,
    ]);
  });

  it("prevents destruction of the archive account when asked", () => {
    const account = onlyResource(
      synth((s) => new CaptureStorage(s, "cap", { ...props, preventDestroy: true })),
      "azurerm_storage_account",
    );
    expect(account.lifecycle).toEqual({ prevent_destroy: true });
  });
});
