import type { JsonObject, JsonValue } from "../../policies/engine/terraform-json";

/*
 * Two synthesized resources that Azure would know by one name: an apply creates the first and
 * fails on (or, worse, overwrites) the second, and no validation or plan shows it. Azure resource
 * names are unique within their parent (resource group, namespace, hub, ...) and compared without
 * regard to case ("Naming rules and restrictions for Azure resources": resource names are
 * case-insensitive), so names are compared lowercased within the same type and parent.
 */

/** Attributes that name the parent a resource's name must be unique in. */
const parentAttributes = [
  "resource_group_name",
  "resource_group_id",
  "namespace_id",
  "namespace_name",
  "primary_namespace_id",
  "topic_id",
  "subscription_id",
  "system_topic",
  "eventhub_name",
  // A Stream Analytics input or output is named within its job (`eventhub_name` is then its source).
  "stream_analytics_job_id",
  "stream_analytics_job_name",
  "eventhub_endpoint_name",
  "iothub_id",
  "iothub_name",
  "relay_namespace_name",
  "storage_account_id",
  "parent_id",
  "scope",
  "target_resource_id",
];

/**
 * Names unique across Azure, whatever their parent: storage accounts (`<name>.blob.core.windows.net`)
 * the namespaces of Service Bus, Event Hubs and Relay, which share `<name>.servicebus.windows.net`,
 * and Standard logic apps, which are App Service sites (`<name>.azurewebsites.net`).
 */
const globalNameSpaces: Readonly<Record<string, string>> = {
  azurerm_storage_account: "storage account (<name>.blob.core.windows.net)",
  azurerm_servicebus_namespace: "messaging namespace (<name>.servicebus.windows.net)",
  azurerm_eventhub_namespace: "messaging namespace (<name>.servicebus.windows.net)",
  azurerm_relay_namespace: "messaging namespace (<name>.servicebus.windows.net)",
  azurerm_logic_app_standard: "App Service site (<name>.azurewebsites.net)",
};

const isToken = (value: string): boolean => value.includes("${");

/** An azapi resource's type without its API version: `Microsoft.EventGrid/namespaces/clients`. */
function kindOf(type: string, body: JsonObject): string {
  const azapiType = body.type;
  if (type.startsWith("azapi_") && typeof azapiType === "string") return `${type} ${azapiType.split("@")[0]}`;
  return type;
}

function parentOf(body: JsonObject): string {
  return parentAttributes
    .filter((key) => body[key] !== undefined)
    .map((key) => `${key}=${JSON.stringify(body[key] as JsonValue)}`)
    .join(" ")
    .toLowerCase();
}

export interface NameClash {
  readonly name: string;
  readonly where: string;
  readonly addresses: readonly string[];
}

/** Every Azure name two or more synthesized resources share in one parent (or one global name space). */
export function azureNameClashes(document: JsonObject): NameClash[] {
  const groups = new Map<string, { name: string; where: string; addresses: string[] }>();
  const resources = (document.resource ?? {}) as Record<string, Record<string, JsonObject>>;
  for (const [type, byName] of Object.entries(resources)) {
    for (const [id, body] of Object.entries(byName)) {
      const name = body.name;
      if (typeof name !== "string" || isToken(name)) continue;
      const global = globalNameSpaces[type];
      const where = global ?? `${kindOf(type, body)} in ${parentOf(body) || "the subscription"}`;
      const key = `${where}\u0000${name.toLowerCase()}`;
      const group = groups.get(key) ?? { name, where, addresses: [] };
      group.addresses.push(`${type}.${id}`);
      groups.set(key, group);
    }
  }
  return [...groups.values()].filter((group) => group.addresses.length > 1);
}
