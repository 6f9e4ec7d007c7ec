import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { IotHub, type IotHubProps } from "../../../constructs/iot-hub";
import { ordersApi } from "../event-grid/synth";
import { validationErrors } from "../synthesized";
import { onlyResource, resourcesOf, synth } from "../synthesized";

const STORAGE =
  "/subscriptions/0/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stcontosouploads";

const props: IotHubProps = {
  name: "iot-contoso-plants-test",
  location: "westeurope",
  resourceGroupName: "rg-test",
  sku: "S1",
};

const hub = (scope: Construct, overrides: Partial<IotHubProps> = {}): IotHub =>
  new IotHub(scope, "hub", { ...props, ...overrides });

const c2d = {
  maxDeliveryCount: 5,
  defaultTtl: "PT2H",
  feedback: { timeToLive: "PT1H", maxDeliveryCount: 10, lockDuration: "PT30S" },
};

const upload = {
  storageAccountId: STORAGE,
  container: "uploads",
  sasTtl: "PT1H",
  notifications: true,
  lockDuration: "PT1M",
  defaultTtl: "PT1H",
  maxDeliveryCount: 10,
};

describe("IotHub", () => {
  it("requires TLS 1.2, refuses shared keys and has a system-assigned identity by default", () => {
    const json = synth((scope) => hub(scope));
    expect(onlyResource(json, "azurerm_iothub")).toMatchObject({
      min_tls_version: "1.2",
      local_authentication_enabled: false,
      identity: { type: "SystemAssigned" },
    });
  });

  it("keeps the public endpoint open without a private endpoint and closes it with one", () => {
    const open = synth((scope) => hub(scope));
    const closed = synth((scope) => hub(scope, { privateEndpoint: { subnetId: "/subnets/pe" } }));
    expect(onlyResource(open, "azurerm_iothub").public_network_access_enabled).toBe(true);
    expect(onlyResource(closed, "azurerm_iothub").public_network_access_enabled).toBe(false);
  });

  it("accepts shared keys for service APIs when told", () => {
    const json = synth((scope) => hub(scope, { localAuth: true }));
    expect(onlyResource(json, "azurerm_iothub").local_authentication_enabled).toBe(true);
  });

  it("sizes the hub and its built-in endpoint from SKU, units, partitions and retention", () => {
    const json = synth((scope) => hub(scope, { sku: "S2", capacity: 3, partitions: 8, retentionDays: 7 }));
    expect(onlyResource(json, "azurerm_iothub")).toMatchObject({
      sku: { name: "S2", capacity: 3 },
      event_hub_partition_count: 8,
      event_hub_retention_in_days: 7,
    });
  });

  it("refuses more than 32 partitions, naming the field and the value", () => {
    expect(validationErrors((scope) => hub(scope, { partitions: 64 }))).toEqual([
      "IoT hub iot-contoso-plants-test: partitions: a S1 hub's built-in endpoint has at most 32 partitions (Azure's limit for basic and standard hubs), got 64",
    ]);
  });

  it("refuses more units than the SKU offers", () => {
    expect(validationErrors((scope) => hub(scope, { sku: "S3", capacity: 11 }))).toEqual([
      "IoT hub iot-contoso-plants-test: capacity: a S3 hub has at most 10 units, got 11",
    ]);
  });

  it("refuses cloud-to-device settings on a basic hub", () => {
    expect(validationErrors((scope) => hub(scope, { sku: "B1", cloudToDevice: c2d }))).toEqual([
      expect.stringContaining("cloudToDevice: cloudToDevice does not apply to a B1 hub"),
    ]);
  });

  it("refuses a cloud-to-device TTL beyond two days", () => {
    expect(validationErrors((scope) => hub(scope, { cloudToDevice: { ...c2d, defaultTtl: "P3D" } }))).toEqual(
      [
        "IoT hub iot-contoso-plants-test: cloudToDevice/defaultTtl: cloudToDevice.defaultTtl must be between 15 minutes and 2 days, got P3D (3 days)",
      ],
    );
  });

  it("writes the cloud-to-device settings with their feedback queue", () => {
    const json = synth((scope) => hub(scope, { cloudToDevice: c2d }));
    expect(onlyResource(json, "azurerm_iothub").cloud_to_device).toEqual({
      max_delivery_count: 5,
      default_ttl: "PT2H",
      feedback: [{ time_to_live: "PT1H", max_delivery_count: 10, lock_duration: "PT30S" }],
    });
  });

  it("refuses IP ranges while the public endpoint is closed", () => {
    const errors = validationErrors((scope) =>
      hub(scope, { publicNetworkAccess: false, allowedIpRanges: ["203.0.113.0/24"] }),
    );
    expect(errors).toEqual([expect.stringContaining("allowedIpRanges admit nothing")]);
  });

  it("refuses a private endpoint on the free tier, which has none", () => {
    const errors = validationErrors((scope) =>
      hub(scope, { sku: "F1", privateEndpoint: { subnetId: "/subnets/pe" } }),
    );
    expect(errors).toEqual([
      "IoT hub iot-contoso-plants-test: privateEndpoint: a private endpoint needs a basic or standard SKU (B1-B3 or S1-S3); this IoT hub (F1) has none",
    ]);
  });

  it("refuses letting trusted services through, which its IP filter cannot", () => {
    expect(validationErrors((scope) => hub(scope, { trustedServicesAllowed: true }))).toEqual([
      expect.stringContaining("trustedServicesAllowed: letting trusted Microsoft services through needs"),
    ]);
  });

  it("refuses a customer-managed key", () => {
    const customerManagedKey = { keyVaultKeyId: "https://kv/keys/k", identityId: "/identities/cmk" };
    expect(validationErrors((scope) => hub(scope, { customerManagedKey }))).toEqual([
      expect.stringContaining("customerManagedKey: a customer-managed key needs"),
    ]);
  });

  it("refuses an upload account ID that names no storage account", () => {
    const errors = validationErrors((scope) =>
      hub(scope, { fileUpload: { ...upload, storageAccountId: "/subscriptions/0" } }),
    );
    expect(errors).toEqual([
      expect.stringContaining("fileUpload/storageAccountId: must be a storage account's ARM ID"),
    ]);
  });

  it("refuses an upload account only known at apply, whose name builds the blob endpoint", () => {
    const errors = validationErrors((scope) => {
      const id = new TerraformVariable(scope, "account", { type: "string" }).stringValue;
      hub(scope, { fileUpload: { ...upload, storageAccountId: id } });
    });
    expect(errors).toEqual([
      expect.stringContaining("fileUpload/storageAccountId: must be the storage account's ARM ID as text"),
    ]);
  });

  it("admits only the allowed ranges on an open endpoint, the built-in event endpoint included", () => {
    const json = synth((scope) =>
      hub(scope, { publicNetworkAccess: true, allowedIpRanges: ["203.0.113.0/24"] }),
    );
    expect(onlyResource(json, "azurerm_iothub").network_rule_set).toEqual([
      {
        default_action: "Deny",
        apply_to_builtin_eventhub_endpoint: true,
        ip_rule: [{ name: "allowed-1", ip_mask: "203.0.113.0/24", action: "Allow" }],
      },
    ]);
  });

  it("uploads files with its identity through a connection string that carries no key", () => {
    const json = synth((scope) => hub(scope, { fileUpload: upload }));
    expect(onlyResource(json, "azurerm_iothub").file_upload).toMatchObject({
      authentication_type: "identityBased",
      connection_string:
        "DefaultEndpointsProtocol=https;AccountName=stcontosouploads;EndpointSuffix=core.windows.net",
      container_name: "uploads",
      notifications: true,
    });
  });

  it("grants its identity Storage Blob Data Contributor on the upload account", () => {
    const json = synth((scope) => hub(scope, { fileUpload: upload }));
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      scope: STORAGE,
      role_definition_name: "Storage Blob Data Contributor",
      principal_id: expect.stringMatching(/^\$\{azurerm_iothub\.[^}]+\.identity\[0\]\.principal_id\}$/),
    });
  });

  it("declares the fallback route to the built-in endpoint, enabled by default", () => {
    const json = synth((scope) => hub(scope));
    expect(onlyResource(json, "azurerm_iothub").fallback_route).toEqual({
      source: "DeviceMessages",
      condition: "true",
      endpoint_names: ["events"],
      enabled: true,
    });
    expect(resourcesOf(json, "azurerm_iothub_fallback_route")).toEqual([]);
  });

  it("disables the fallback route when told, so unmatched messages are dropped", () => {
    const json = synth((scope) => hub(scope, { fallbackRoute: false }));
    expect(onlyResource(json, "azurerm_iothub").fallback_route).toMatchObject({ enabled: false });
  });

  it("sends its logs to the given workspace", () => {
    const json = synth((scope) => hub(scope, { logAnalyticsWorkspaceId: "/workspaces/log" }));
    expect(onlyResource(json, "azurerm_monitor_diagnostic_setting").log_analytics_workspace_id).toBe(
      "/workspaces/log",
    );
  });

  it("gets a private endpoint on the iotHub sub-resource", () => {
    const json = synth((scope) => hub(scope, { privateEndpoint: { subnetId: "/subnets/pe" } }));
    expect(onlyResource(json, "azurerm_private_endpoint")).toMatchObject({
      name: "iot-contoso-plants-test-pep",
      private_service_connection: { subresource_names: ["iotHub"] },
    });
  });

  it("is locked and protected from destroy when told", () => {
    const json = synth((scope) => hub(scope, { lock: true, preventDestroy: true }));
    expect(onlyResource(json, "azurerm_management_lock").lock_level).toBe("CanNotDelete");
    expect(onlyResource(json, "azurerm_iothub").lifecycle).toEqual({ prevent_destroy: true });
  });

  it("grants IoT Hub Data Contributor on the hub itself", () => {
    const json = synth((scope) => hub(scope).grantDataContributor(ordersApi));
    const grants = resourcesOf(json, "azurerm_role_assignment");
    expect(grants).toEqual([
      expect.objectContaining({
        role_definition_name: "IoT Hub Data Contributor",
        scope: expect.stringContaining("azurerm_iothub."),
        principal_id: ordersApi.principalId,
      }),
    ]);
  });

  it("assigns a principal granted twice only once", () => {
    const json = synth((scope) => {
      const iot = hub(scope);
      iot.grantDataContributor(ordersApi);
      iot.grantDataContributor(ordersApi);
    });
    expect(resourcesOf(json, "azurerm_role_assignment")).toHaveLength(1);
  });
});
