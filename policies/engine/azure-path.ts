import type { Family } from "./declarations";
import type { StackIndex, TerraformResource } from "./stack-index";

/** Namespace-like resource types and the family each belongs to. */
const ROOT_TYPES: Readonly<Record<string, Family>> = {
  azurerm_servicebus_namespace: "serviceBus",
  azurerm_eventhub_namespace: "eventHubs",
  azurerm_eventgrid_topic: "eventGridTopic",
  azurerm_eventgrid_domain: "eventGridDomain",
  azurerm_eventgrid_system_topic: "eventGridSystemTopic",
  azurerm_eventgrid_namespace: "eventGridNamespace",
  azurerm_relay_namespace: "relay",
  azurerm_iothub: "iotHub",
  azurerm_stream_analytics_job: "streamAnalytics",
  azurerm_logic_app_standard: "logicApp",
};

/** ARM types of namespace-like resources (azapi declares them by these; the model's walk names them so). */
const ROOT_ARM_TYPES: Readonly<Record<string, Family>> = {
  "microsoft.servicebus/namespaces": "serviceBus",
  "microsoft.eventhub/namespaces": "eventHubs",
  "microsoft.eventgrid/topics": "eventGridTopic",
  "microsoft.eventgrid/domains": "eventGridDomain",
  "microsoft.eventgrid/systemtopics": "eventGridSystemTopic",
  "microsoft.eventgrid/namespaces": "eventGridNamespace",
  "microsoft.relay/namespaces": "relay",
  "microsoft.devices/iothubs": "iotHub",
  "microsoft.streamanalytics/streamingjobs": "streamAnalytics",
  // A Consumption logic app is a workflow; a Standard one is an App Service site.
  "microsoft.logic/workflows": "logicApp",
  "microsoft.web/sites": "logicApp",
};

/** The family of a namespace-like ARM type (`Microsoft.ServiceBus/namespaces`), or undefined. */
export function familyOfArmType(armType: string): Family | undefined {
  return ROOT_ARM_TYPES[armType.toLowerCase()];
}

/** Child resource types and the attributes that name their parent, in the order they are tried. */
const PARENT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  azurerm_servicebus_queue: ["namespace_id"],
  azurerm_servicebus_topic: ["namespace_id"],
  azurerm_servicebus_subscription: ["topic_id"],
  azurerm_servicebus_subscription_rule: ["subscription_id"],
  azurerm_eventhub: ["namespace_id", "namespace_name"],
  azurerm_eventhub_consumer_group: ["eventhub_name"],
  azurerm_eventhub_namespace_schema_group: ["namespace_id"],
  azurerm_eventgrid_event_subscription: ["scope"],
  azurerm_eventgrid_system_topic_event_subscription: ["system_topic"],
  azurerm_relay_hybrid_connection: ["relay_namespace_name"],
  azurerm_iothub_route: ["iothub_name"],
  azurerm_iothub_enrichment: ["iothub_name"],
  azurerm_iothub_consumer_group: ["iothub_name"],
  azurerm_stream_analytics_stream_input_eventhub_v2: ["stream_analytics_job_id"],
  azurerm_stream_analytics_stream_input_iothub: ["stream_analytics_job_name"],
  azurerm_stream_analytics_output_servicebus_queue: ["stream_analytics_job_name"],
  azurerm_stream_analytics_output_servicebus_topic: ["stream_analytics_job_name"],
  azurerm_stream_analytics_output_eventhub: ["stream_analytics_job_name"],
  azurerm_stream_analytics_output_blob: ["stream_analytics_job_name"],
  azapi_resource: ["parent_id"],
};

/** The ARM type of an azapi resource without its API version, lower-cased (`microsoft.relay/namespaces`). */
export function armTypeOf(resource: TerraformResource): string | undefined {
  const type = resource.body.type;
  return typeof type === "string" ? type.split("@")[0].toLowerCase() : undefined;
}

/** The family of a namespace-like resource, or undefined for anything else. */
export function rootFamilyOf(resource: TerraformResource): Family | undefined {
  if (resource.type === "azapi_resource") {
    const armType = armTypeOf(resource);
    return armType ? ROOT_ARM_TYPES[armType] : undefined;
  }
  return ROOT_TYPES[resource.type];
}

export interface AzurePath {
  readonly family: Family;
  /** Azure names from the namespace down: `["sbns-contoso-orders-prod", "payments"]`. */
  readonly names: readonly string[];
  /** The namespace-like resource at the top of the path. */
  readonly root: TerraformResource;
}

/**
 * Resolves where a resource sits in Azure's hierarchy by following its parent references up to a
 * namespace-like resource. Results are memoized, so resolving every resource of a stack is linear.
 */
export class AzurePaths {
  private readonly cache = new Map<string, AzurePath | null>();

  constructor(private readonly index: StackIndex) {}

  of(resource: TerraformResource): AzurePath | undefined {
    const cached = this.cache.get(resource.address);
    if (cached !== undefined) return cached ?? undefined;
    this.cache.set(resource.address, null);
    const resolved = this.resolve(resource);
    this.cache.set(resource.address, resolved ?? null);
    return resolved;
  }

  private resolve(resource: TerraformResource): AzurePath | undefined {
    const name = typeof resource.body.name === "string" ? resource.body.name : resource.name;
    const family = rootFamilyOf(resource);
    if (family) return { family, names: [name], root: resource };
    for (const attribute of PARENT_ATTRIBUTES[resource.type] ?? []) {
      const parent = this.index.target(resource, attribute);
      const parentPath = parent ? this.of(parent) : undefined;
      if (parentPath) return { ...parentPath, names: [...parentPath.names, name] };
    }
    return undefined;
  }
}
