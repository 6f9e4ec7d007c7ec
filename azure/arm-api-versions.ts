/**
 * The REST API version preflight reads each resource type at: a stable (non-preview) version from
 * the type's Azure REST API specification (github.com/Azure/azure-rest-api-specs,
 * `specification/<service>/resource-manager/<namespace>/stable/<version>`), new enough to return
 * every property read here.
 */
const versions: Readonly<Record<string, string>> = {
  "microsoft.network/virtualnetworks": "2024-05-01",
  "microsoft.network/virtualnetworks/subnets": "2024-05-01",
  "microsoft.network/privatednszones": "2024-06-01",
  "microsoft.network/privatednszones/virtualnetworklinks": "2024-06-01",
  "microsoft.operationalinsights/workspaces": "2023-09-01",
  "microsoft.keyvault/vaults": "2023-07-01",
  "microsoft.keyvault/vaults/keys": "2023-07-01",
  "microsoft.managedidentity/userassignedidentities": "2023-01-31",
  "microsoft.authorization/roleassignments": "2022-04-01",
  "microsoft.authorization/roledefinitions": "2022-04-01",
  "microsoft.storage/storageaccounts": "2023-05-01",
  "microsoft.storage/storageaccounts/blobservices/containers": "2023-05-01",
  "microsoft.servicebus/namespaces": "2021-11-01",
  "microsoft.eventhub/namespaces": "2024-01-01",
  "microsoft.eventhub/clusters": "2024-01-01",
  "microsoft.relay/namespaces": "2021-11-01",
  "microsoft.devices/iothubs": "2023-06-30",
  "microsoft.devices/provisioningservices": "2022-02-05",
  "microsoft.web/sites/functions": "2023-12-01",
};

/**
 * `Microsoft.Network/virtualNetworks/subnets` for
 * `/subscriptions/…/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet`; undefined for
 * an ID that names no provider resource.
 */
export function armTypeOf(id: string): string | undefined {
  const parts = id.split("/").filter((p) => p !== "");
  const at = parts.map((p) => p.toLowerCase()).lastIndexOf("providers");
  if (at < 0 || parts.length < at + 3) return undefined;
  const rest = parts.slice(at + 1);
  const types = rest.slice(1).filter((_, i) => i % 2 === 0);
  return [rest[0], ...types].join("/");
}

/** The API version to read a resource of `armType` at; undefined for a type preflight never reads. */
export function apiVersionOf(armType: string): string | undefined {
  return versions[armType.toLowerCase()];
}
