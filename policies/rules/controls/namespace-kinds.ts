import type { Family } from "../../engine/declarations";
import { armTypeOf, rootFamilyOf } from "../../engine/azure-path";
import type { StackIndex, TerraformResource } from "../../engine/stack-index";

/** A child type that holds data or access of its own (a queue, a hub, a hybrid connection). */
export interface EntityType {
  /** Terraform type (`azurerm_servicebus_queue`), or `azapi_resource` with `armType`. */
  readonly type: string;
  /** Lower-case ARM type without API version, for azapi-declared entities. */
  readonly armType?: string;
}

/** What the controls need to know about one kind of namespace-like resource. */
export interface NamespaceKind {
  readonly family: Family;
  /** How people call it: "Service Bus namespace". */
  readonly label: string;
  /** The azurerm resource type (namespaces declared through azapi are found by family). */
  readonly type: string;
  /** Entities inside it that take their own role assignments. */
  readonly entities: readonly EntityType[];
  /** Data-plane roles that should be granted on an entity rather than on the whole namespace. */
  readonly entityDataRoles?: RegExp;
  /** Namespace-level shared access (SAS) resources and the attribute naming the namespace. */
  readonly sharedAccessTypes: readonly { readonly type: string; readonly attribute: string }[];
}

export const serviceBusNamespace: NamespaceKind = {
  family: "serviceBus",
  label: "Service Bus namespace",
  type: "azurerm_servicebus_namespace",
  entities: [{ type: "azurerm_servicebus_queue" }, { type: "azurerm_servicebus_topic" }],
  entityDataRoles: /^Azure Service Bus Data (Sender|Receiver|Owner)$/,
  sharedAccessTypes: [{ type: "azurerm_servicebus_namespace_authorization_rule", attribute: "namespace_id" }],
};

export const eventHubsNamespace: NamespaceKind = {
  family: "eventHubs",
  label: "Event Hubs namespace",
  type: "azurerm_eventhub_namespace",
  entities: [{ type: "azurerm_eventhub" }],
  entityDataRoles: /^Azure Event Hubs Data (Sender|Receiver|Owner)$/,
  sharedAccessTypes: [{ type: "azurerm_eventhub_namespace_authorization_rule", attribute: "namespace_name" }],
};

export const eventGridTopic: NamespaceKind = {
  family: "eventGridTopic",
  label: "Event Grid topic",
  type: "azurerm_eventgrid_topic",
  entities: [],
  sharedAccessTypes: [],
};

export const eventGridDomain: NamespaceKind = {
  family: "eventGridDomain",
  label: "Event Grid domain",
  type: "azurerm_eventgrid_domain",
  entities: [{ type: "azurerm_eventgrid_domain_topic" }],
  entityDataRoles: /^EventGrid Data Sender$/,
  sharedAccessTypes: [],
};

export const eventGridNamespace: NamespaceKind = {
  family: "eventGridNamespace",
  label: "Event Grid namespace",
  type: "azurerm_eventgrid_namespace",
  entities: [
    { type: "azapi_resource", armType: "microsoft.eventgrid/namespaces/topicspaces" },
    { type: "azapi_resource", armType: "microsoft.eventgrid/namespaces/topics" },
  ],
  entityDataRoles: /^EventGrid (TopicSpaces Publisher|TopicSpaces Subscriber|Data Sender|Data Receiver)$/,
  sharedAccessTypes: [],
};

export const relayNamespace: NamespaceKind = {
  family: "relay",
  label: "Relay namespace",
  type: "azurerm_relay_namespace",
  entities: [
    { type: "azurerm_relay_hybrid_connection" },
    { type: "azapi_resource", armType: "microsoft.relay/namespaces/wcfrelays" },
  ],
  entityDataRoles: /^Azure Relay (Listener|Sender|Owner)$/,
  sharedAccessTypes: [{ type: "azurerm_relay_namespace_authorization_rule", attribute: "namespace_name" }],
};

export const iotHub: NamespaceKind = {
  family: "iotHub",
  label: "IoT hub",
  type: "azurerm_iothub",
  entities: [],
  sharedAccessTypes: [{ type: "azurerm_iothub_shared_access_policy", attribute: "iothub_name" }],
};

/** A Stream Analytics job: its inputs and outputs are configuration, not entities with roles of their own. */
export const streamAnalyticsJob: NamespaceKind = {
  family: "streamAnalytics",
  label: "Stream Analytics job",
  type: "azurerm_stream_analytics_job",
  entities: [],
  sharedAccessTypes: [],
};

/** A logic app: a Standard app (azurerm) or a Consumption workflow (azapi); it holds no entities. */
export const logicApp: NamespaceKind = {
  family: "logicApp",
  label: "logic app",
  type: "azurerm_logic_app_standard",
  entities: [],
  sharedAccessTypes: [],
};

/** Every resource of this kind in the stack, whether declared through azurerm or azapi. */
export function namespacesOf(index: StackIndex, kind: NamespaceKind): TerraformResource[] {
  const viaAzapi = index
    .ofType("azapi_resource")
    .filter((resource) => rootFamilyOf(resource) === kind.family);
  return [...index.ofType(kind.type), ...viaAzapi];
}

/** Whether the namespace holds at least one entity that could carry a narrower role assignment. */
export function hasEntities(index: StackIndex, kind: NamespaceKind, namespace: TerraformResource): boolean {
  return kind.entities.some((entity) =>
    index
      .referrers(namespace, entity.type)
      .some((referrer) => !entity.armType || armTypeOf(referrer.resource) === entity.armType),
  );
}

/** `Service Bus namespace "sbns-contoso-orders-prod"`: how messages name a resource. */
export function describe(kind: NamespaceKind, resource: TerraformResource): string {
  const name = typeof resource.body.name === "string" ? resource.body.name : resource.address;
  return `${kind.label} "${name}"`;
}
