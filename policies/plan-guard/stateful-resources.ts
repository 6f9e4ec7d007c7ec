import type { JsonObject } from "./plan-format";

/**
 * azurerm resource types whose destruction loses data: messages, events, checkpoints and
 * consumer offsets, device registries, a Stream Analytics job's output position, or captured and dead-lettered blobs. Every storage
 * account and container this project's stacks create holds Event Hubs captures, Event Grid dead
 * letters or IoT Hub file uploads, so all of them count.
 */
export const statefulAzurermTypes: ReadonlySet<string> = new Set([
  "azurerm_servicebus_namespace",
  "azurerm_servicebus_queue",
  "azurerm_servicebus_topic",
  "azurerm_servicebus_subscription",
  "azurerm_eventhub_namespace",
  "azurerm_eventhub",
  "azurerm_eventhub_consumer_group",
  "azurerm_eventhub_cluster",
  "azurerm_eventgrid_namespace",
  "azurerm_relay_namespace",
  "azurerm_relay_hybrid_connection",
  "azurerm_iothub",
  "azurerm_iothub_dps",
  // A job's checkpoints and output position: a replaced job re-reads or skips events.
  "azurerm_stream_analytics_job",
  "azurerm_storage_account",
  "azurerm_storage_container",
]);

/**
 * ARM resource types that hold data when declared through `azapi_resource` (where azurerm has no
 * binding). Event Grid namespace topics and their subscriptions queue events for pull delivery;
 * MQTT topic spaces, client groups, clients and permission bindings are configuration only.
 */
const statefulArmTypes: ReadonlySet<string> = new Set(
  [
    "Microsoft.ServiceBus/namespaces",
    "Microsoft.ServiceBus/namespaces/queues",
    "Microsoft.ServiceBus/namespaces/topics",
    "Microsoft.ServiceBus/namespaces/topics/subscriptions",
    "Microsoft.EventHub/clusters",
    "Microsoft.EventHub/namespaces",
    "Microsoft.EventHub/namespaces/eventhubs",
    "Microsoft.EventHub/namespaces/eventhubs/consumergroups",
    "Microsoft.EventGrid/namespaces",
    "Microsoft.EventGrid/namespaces/topics",
    "Microsoft.EventGrid/namespaces/topics/eventSubscriptions",
    "Microsoft.Relay/namespaces",
    "Microsoft.Relay/namespaces/hybridConnections",
    "Microsoft.Relay/namespaces/wcfRelays",
    "Microsoft.Devices/IotHubs",
    "Microsoft.Devices/provisioningServices",
    "Microsoft.StreamAnalytics/streamingjobs",
    "Microsoft.Storage/storageAccounts",
    "Microsoft.Storage/storageAccounts/blobServices/containers",
  ].map((type) => type.toLowerCase()),
);

/** The ARM type of an azapi resource without its API version: `Microsoft.EventGrid/namespaces/topics`. */
export function armTypeOf(values: JsonObject | null): string | undefined {
  const type = values?.type;
  return typeof type === "string" ? type.split("@")[0] : undefined;
}

/** Whether destroying this resource loses data; `values` are its before (or after) attributes. */
export function isStateful(resourceType: string, values: JsonObject | null): boolean {
  if (resourceType === "azapi_resource") {
    const armType = armTypeOf(values);
    return armType !== undefined && statefulArmTypes.has(armType.toLowerCase());
  }
  return statefulAzurermTypes.has(resourceType);
}
