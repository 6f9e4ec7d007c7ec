import type { JsonObject } from "./plan-format";
import { armTypeOf } from "./stateful-resources";

/** The kinds of stateful entity an environment file can name in `allowDestroy`. */
export type EntityFamily =
  | "serviceBus/namespace"
  | "serviceBus/queue"
  | "serviceBus/topic"
  | "serviceBus/subscription"
  | "eventHubs/namespace"
  | "eventHubs/hub"
  | "eventHubs/consumerGroup"
  | "eventGrid/namespace"
  | "relay/namespace"
  | "relay/hybridConnection"
  | "relay/wcfRelay"
  | "iotHub/hub"
  | "iotHub/deviceProvisioning";

/** An entity as Azure knows it: its family and the Azure names from the namespace down. */
export interface AzureIdentity {
  readonly family: EntityFamily;
  readonly names: readonly string[];
}

const armFamilies: Readonly<Record<string, EntityFamily>> = {
  "microsoft.servicebus/namespaces": "serviceBus/namespace",
  "microsoft.servicebus/namespaces/queues": "serviceBus/queue",
  "microsoft.servicebus/namespaces/topics": "serviceBus/topic",
  "microsoft.servicebus/namespaces/topics/subscriptions": "serviceBus/subscription",
  "microsoft.eventhub/namespaces": "eventHubs/namespace",
  "microsoft.eventhub/namespaces/eventhubs": "eventHubs/hub",
  "microsoft.eventhub/namespaces/eventhubs/consumergroups": "eventHubs/consumerGroup",
  "microsoft.eventgrid/namespaces": "eventGrid/namespace",
  "microsoft.relay/namespaces": "relay/namespace",
  "microsoft.relay/namespaces/hybridconnections": "relay/hybridConnection",
  "microsoft.relay/namespaces/wcfrelays": "relay/wcfRelay",
  "microsoft.devices/iothubs": "iotHub/hub",
  "microsoft.devices/provisioningservices": "iotHub/deviceProvisioning",
};

/** The family of an ARM type (`Microsoft.ServiceBus/namespaces/queues`), if it is a stateful entity's. */
export function entityFamilyOfArmType(armType: string): EntityFamily | undefined {
  return armFamilies[armType.toLowerCase()];
}

function text(values: JsonObject, key: string): string | undefined {
  const value = values[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * The resource names inside an ARM ID, from the first one after the resource provider:
 * `/subscriptions/…/providers/Microsoft.ServiceBus/namespaces/sb1/topics/t1` → `["sb1", "t1"]`.
 * A resource group ID (the parent of a top-level resource) has none.
 */
export function armNames(id: string): string[] {
  const parts = id.split("/").filter((part) => part !== "");
  const provider = parts.findIndex((part) => part.toLowerCase() === "providers");
  if (provider < 0) return [];
  return parts.slice(provider + 2).filter((_, index) => index % 2 === 1);
}

function fromIds(values: JsonObject, idKey: string, expected: number): string[] | undefined {
  const id = text(values, idKey);
  if (!id) return undefined;
  const names = armNames(id);
  return names.length === expected ? names : undefined;
}

function join(
  parents: readonly (string | undefined)[] | undefined,
  name: string | undefined,
): string[] | undefined {
  if (!parents || !name || parents.some((parent) => parent === undefined)) return undefined;
  return [...(parents as string[]), name];
}

function azurermIdentity(type: string, values: JsonObject): AzureIdentity | undefined {
  const name = text(values, "name");
  const names = ((): [EntityFamily, string[] | undefined] | undefined => {
    switch (type) {
      case "azurerm_servicebus_namespace":
        return ["serviceBus/namespace", join([], name)];
      case "azurerm_servicebus_queue":
        return ["serviceBus/queue", join(fromIds(values, "namespace_id", 1), name)];
      case "azurerm_servicebus_topic":
        return ["serviceBus/topic", join(fromIds(values, "namespace_id", 1), name)];
      case "azurerm_servicebus_subscription":
        return ["serviceBus/subscription", join(fromIds(values, "topic_id", 2), name)];
      case "azurerm_eventhub_namespace":
        return ["eventHubs/namespace", join([], name)];
      case "azurerm_eventhub":
        return [
          "eventHubs/hub",
          join(fromIds(values, "namespace_id", 1) ?? [text(values, "namespace_name")], name),
        ];
      case "azurerm_eventhub_consumer_group":
        return [
          "eventHubs/consumerGroup",
          join([text(values, "namespace_name"), text(values, "eventhub_name")], name),
        ];
      case "azurerm_eventgrid_namespace":
        return ["eventGrid/namespace", join([], name)];
      case "azurerm_relay_namespace":
        return ["relay/namespace", join([], name)];
      case "azurerm_relay_hybrid_connection":
        return ["relay/hybridConnection", join([text(values, "relay_namespace_name")], name)];
      case "azurerm_iothub":
        return ["iotHub/hub", join([], name)];
      case "azurerm_iothub_dps":
        return ["iotHub/deviceProvisioning", join([], name)];
      default:
        return undefined;
    }
  })();
  if (!names || !names[1]) return undefined;
  return { family: names[0], names: names[1] };
}

function azapiIdentity(values: JsonObject): AzureIdentity | undefined {
  const armType = armTypeOf(values);
  const family = armType ? armFamilies[armType.toLowerCase()] : undefined;
  const parentId = text(values, "parent_id");
  const name = text(values, "name");
  if (!family || !parentId || !name) return undefined;
  return { family, names: [...armNames(parentId), name] };
}

/** Which Azure entity a planned resource is, read from its attribute values; undefined when unknown. */
export function azureIdentityOf(type: string, values: JsonObject | null): AzureIdentity | undefined {
  if (values === null) return undefined;
  return type === "azapi_resource" ? azapiIdentity(values) : azurermIdentity(type, values);
}
