/**
 * Resources whose name is a DNS name under a suffix Azure shares among all its customers, so it
 * must be free worldwide, not only in one subscription: a name someone else holds fails the apply.
 * Each kind says which Terraform resources carry such a name and how ARM answers "is this name
 * free" (the provider's CheckNameAvailability operation, from its REST API specification).
 * Event Grid topics and namespaces are left out: their host names are per region
 * (`<name>.<region>-1.eventgrid.azure.net`) and ARM offers no availability check for them.
 */

export type GlobalNameKind =
  | "serviceBusNamespace"
  | "eventHubsNamespace"
  | "relayNamespace"
  | "iotHub"
  | "deviceProvisioningService"
  | "storageAccount";

export interface GlobalNameFacts {
  /** For messages: "Service Bus namespace". */
  readonly what: string;
  /** ARM resource type, for finding the resource in the environment's resource group. */
  readonly armType: string;
  /** The shared DNS suffix that makes the name global. */
  readonly dnsSuffix: string;
}

export const globalNames: Readonly<Record<GlobalNameKind, GlobalNameFacts>> = {
  // Service Bus, Event Hubs and Relay namespaces share one DNS zone, so they share one name space too.
  serviceBusNamespace: {
    what: "Service Bus namespace",
    armType: "Microsoft.ServiceBus/namespaces",
    dnsSuffix: "servicebus.windows.net",
  },
  eventHubsNamespace: {
    what: "Event Hubs namespace",
    armType: "Microsoft.EventHub/namespaces",
    dnsSuffix: "servicebus.windows.net",
  },
  relayNamespace: {
    what: "Relay namespace",
    armType: "Microsoft.Relay/namespaces",
    dnsSuffix: "servicebus.windows.net",
  },
  iotHub: { what: "IoT hub", armType: "Microsoft.Devices/IotHubs", dnsSuffix: "azure-devices.net" },
  deviceProvisioningService: {
    what: "Device Provisioning Service",
    armType: "Microsoft.Devices/provisioningServices",
    dnsSuffix: "azure-devices-provisioning.net",
  },
  storageAccount: {
    what: "storage account",
    armType: "Microsoft.Storage/storageAccounts",
    dnsSuffix: "core.windows.net",
  },
};

const byTerraformType: Readonly<Record<string, GlobalNameKind>> = {
  azurerm_servicebus_namespace: "serviceBusNamespace",
  azurerm_eventhub_namespace: "eventHubsNamespace",
  azurerm_relay_namespace: "relayNamespace",
  azurerm_iothub: "iotHub",
  azurerm_iothub_dps: "deviceProvisioningService",
  azurerm_storage_account: "storageAccount",
};

const byArmType: Readonly<Record<string, GlobalNameKind>> = Object.fromEntries(
  Object.entries(globalNames).map(([kind, facts]) => [facts.armType.toLowerCase(), kind as GlobalNameKind]),
);

/** The kind of a Terraform resource whose name is global, or undefined; azapi by its ARM type. */
export function globalNameKindOf(terraformType: string, azapiType?: string): GlobalNameKind | undefined {
  if (terraformType === "azapi_resource") return byArmType[(azapiType ?? "").split("@")[0].toLowerCase()];
  return byTerraformType[terraformType];
}
