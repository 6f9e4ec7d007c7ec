import type { JsonObject, JsonValue, ResourceChange } from "./plan-format";

/**
 * Attributes that make Terraform replace a resource instead of updating it: `ForceNew` in the
 * schema of azurerm 4.x (internal/services/<service>/<resource>_resource.go in
 * hashicorp/terraform-provider-azurerm; the registry docs say "Changing this forces a new
 * resource to be created"), plus `CustomizeDiff` rules that force a new resource: a Service Bus or
 * Event Hubs namespace moving to or from the Premium SKU, and removing a Service Bus namespace's
 * customer-managed key. Used only when the plan carries no `replace_paths`.
 */
const replacementAttributes: Readonly<Record<string, readonly string[]>> = {
  azurerm_servicebus_namespace: [
    "name",
    "location",
    "resource_group_name",
    "sku",
    "premium_messaging_partitions",
    "customer_managed_key",
  ],
  azurerm_servicebus_queue: [
    "name",
    "namespace_id",
    "requires_session",
    "requires_duplicate_detection",
    "partitioning_enabled",
  ],
  azurerm_servicebus_topic: ["name", "namespace_id", "requires_duplicate_detection", "partitioning_enabled"],
  azurerm_servicebus_subscription: ["name", "topic_id", "requires_session", "client_scoped_subscription"],
  azurerm_eventhub_namespace: ["name", "location", "resource_group_name", "sku", "dedicated_cluster_id"],
  // azurerm made `partition_count` updatable in 3.75 (PR #23499) but Azure only adds partitions
  // on Premium and Dedicated: on Basic and Standard the update fails at apply, and the only way to
  // get the new count is replacing the hub. So a replaced hub whose partition count changed is
  // attributed to it.
  azurerm_eventhub: ["name", "namespace_id", "partition_count", "retention_description"],
  azurerm_eventhub_consumer_group: ["name", "namespace_name", "eventhub_name", "resource_group_name"],
  azurerm_eventhub_cluster: ["name", "location", "resource_group_name"],
  azurerm_eventgrid_namespace: ["name", "location", "resource_group_name"],
  azurerm_relay_namespace: ["name", "location", "resource_group_name"],
  azurerm_relay_hybrid_connection: [
    "name",
    "relay_namespace_name",
    "resource_group_name",
    "requires_client_authorization",
  ],
  azurerm_iothub: ["name", "location", "resource_group_name"],
  azurerm_iothub_dps: ["name", "location", "resource_group_name", "data_residency_enabled"],
  azurerm_storage_account: [
    "name",
    "location",
    "resource_group_name",
    "account_tier",
    "is_hns_enabled",
    "nfsv3_enabled",
    "infrastructure_encryption_enabled",
    "queue_encryption_key_type",
    "table_encryption_key_type",
    "immutability_policy",
    "edge_zone",
  ],
  azurerm_storage_container: ["name", "storage_account_id", "storage_account_name"],
  // azapi: a new name, parent or resource type is a new ARM resource (azapi_resource docs).
  azapi_resource: ["type", "name", "parent_id"],
};

export type ForcingSource = "replace_paths" | "force-new-attributes" | "changed-attributes" | "none";

export interface ForcingAttributes {
  readonly source: ForcingSource;
  /** Paths such as `requires_session` or `capture_description[0].destination`. */
  readonly attributes: readonly string[];
}

/** `["capture_description", 0, "destination"]` → `capture_description[0].destination`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, step) => (typeof step === "number" ? `${text}[${step}]` : text === "" ? step : `${text}.${step}`),
    "",
  );
}

function unknownAfterApply(afterUnknown: JsonValue, attribute: string): boolean {
  if (typeof afterUnknown !== "object" || afterUnknown === null || Array.isArray(afterUnknown)) return false;
  return afterUnknown[attribute] === true;
}

function differs(before: JsonObject, after: JsonObject, attribute: string): boolean {
  return JSON.stringify(before[attribute] ?? null) !== JSON.stringify(after[attribute] ?? null);
}

/**
 * Why a resource is replaced: the provider's own `replace_paths` when the plan has them (Terraform
 * 1.2+ records them), else the known replacement attributes whose value differs between before
 * and after (a value known only after apply counts: a parent ID becomes unknown when the parent
 * is replaced), else every top-level attribute whose new value is known and differs, so a
 * reviewer still sees what moved (computed values such as `id` are unknown on every replacement
 * and would only be noise).
 */
export function forcingAttributes(resource: ResourceChange): ForcingAttributes {
  const { replacePaths, before, after, afterUnknown } = resource.change;
  if (replacePaths.length > 0) return { source: "replace_paths", attributes: replacePaths.map(formatPath) };
  if (before === null || after === null) return { source: "none", attributes: [] };
  const known = (replacementAttributes[resource.type] ?? []).filter(
    (attribute) => unknownAfterApply(afterUnknown, attribute) || differs(before, after, attribute),
  );
  if (known.length > 0) return { source: "force-new-attributes", attributes: known };
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const anyChanged = names.filter(
    (attribute) => !unknownAfterApply(afterUnknown, attribute) && differs(before, after, attribute),
  );
  return anyChanged.length > 0
    ? { source: "changed-attributes", attributes: anyChanged }
    : { source: "none", attributes: [] };
}
