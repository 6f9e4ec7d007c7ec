/**
 * Which changes make Terraform replace a messaging resource instead of updating it, and what a
 * replacement loses. One table, read by the plan guard (which attributes explain a planned
 * replacement) and by the pull-request report (which environment-file change will cause one).
 *
 * Attributes are `ForceNew` in the azurerm 4.x schema (hashicorp/terraform-provider-azurerm,
 * `internal/services/<service>/<resource>_resource.go`; the registry docs say "Changing this forces
 * a new resource to be created"), or forced by the resource's `CustomizeDiff`. `location` and
 * `resource_group_name` come from `commonschema.Location()` and `commonschema.ResourceGroupName()`,
 * which are `ForceNew` for every resource. What a replacement loses is from Microsoft's docs on
 * each service: deleting an entity deletes what it stores.
 */

/** What an environment file declares, by the kind of entity a resource is made from. */
export type DeclaringEntity =
  | "serviceBusNamespace"
  | "serviceBusQueue"
  | "serviceBusTopic"
  | "serviceBusSubscription"
  | "eventHubsNamespace"
  | "eventHub"
  | "consumerGroup"
  | "eventGridNamespace"
  | "relayNamespace"
  | "hybridConnection"
  | "iotHub"
  | "streamAnalyticsJob";

/**
 * When a change of the field replaces the resource. Field values are the environment file's (after
 * the tier profile's defaults): a field that is absent is `undefined`.
 */
export type ReplacementCondition =
  /** Any change of value. */
  | { readonly kind: "changed" }
  /** A change to or from one value (a namespace moving to or from Premium). */
  | { readonly kind: "toOrFrom"; readonly value: string }
  /** Turning the setting off, or removing it (a customer-managed key). */
  | { readonly kind: "turnedOff" }
  /** Setting or removing it; changing its value in place is an update (duplicate detection's window). */
  | { readonly kind: "setOrRemoved" }
  /**
   * Any change, unless the parent namespace has one of these SKUs or runs on a dedicated cluster:
   * there Azure applies it in place.
   */
  | {
      readonly kind: "changedUnlessParent";
      readonly skus: readonly string[];
      /** Parent fields whose presence means a dedicated cluster. */
      readonly dedicatedClusterFields: readonly string[];
    };

/** One attribute whose change replaces the resource, and the environment-file field that sets it. */
export interface ReplacementAttribute {
  /** Terraform attribute (a block name for nested blocks). */
  readonly attribute: string;
  /** Where the azurerm provider says so. */
  readonly source: string;
  /**
   * Fields of the declaring entity that set the attribute, as the environment file names them
   * (`sessions`, `deviceProvisioning.dataResidency`). Absent: the project derives it from the
   * entity's parent or its name, so no field of the entity changes it.
   */
  readonly fields?: readonly string[];
  /** Environment-level fields that set it for every resource of the type (`location`). */
  readonly environmentFields?: readonly string[];
  /** @default - any change of a field replaces the resource */
  readonly when?: ReplacementCondition;
  /** What a reviewer should know beyond "it is replaced". */
  readonly note?: string;
}

export interface ReplacementFacts {
  /** The Terraform resource type. */
  readonly resourceType: string;
  /**
   * The environment-file entity the resource is made from; absent for resources the project
   * derives without a declaration of their own (capture storage, azapi children).
   */
  readonly declaredBy?: DeclaringEntity;
  /**
   * Whether the resource is the entity itself (`entity`) or a companion resource the entity
   * declares through one of its fields (a dedicated cluster, a Device Provisioning Service).
   * @default - the entity itself
   */
  readonly role?: "entity" | "companion";
  /**
   * For a companion: the field of the entity that declares it (`deviceProvisioning`). It exists
   * only while that field does; adding or removing the field creates or deletes it.
   */
  readonly declaredThrough?: string;
  /** What the resource is, for a sentence: "replaces the <noun>". */
  readonly noun: string;
  /** What deleting or replacing the resource loses, completing "replacing it loses …". */
  readonly loses: string;
  readonly attributes: readonly ReplacementAttribute[];
}

const azurerm = (service: string, resource: string, detail: string): string =>
  `azurerm internal/services/${service}/${resource}_resource.go: ${detail}`;

const NAME_RULE = "`name` is ForceNew";
const LOCATION = "commonschema.Location() is ForceNew";
const RESOURCE_GROUP = "commonschema.ResourceGroupName() is ForceNew";

/** `name`, `location` and `resource_group_name` of a resource whose Azure name the file sets with `resourceName`. */
function namespaceIdentity(service: string, resource: string): readonly ReplacementAttribute[] {
  return [
    {
      attribute: "name",
      source: azurerm(service, resource, NAME_RULE),
      fields: ["resourceName"],
      environmentFields: ["name", "naming.prefix", "naming.workload"],
      note: "a new Azure name is a new resource",
    },
    {
      attribute: "location",
      source: azurerm(service, resource, LOCATION),
      environmentFields: ["location"],
    },
    {
      attribute: "resource_group_name",
      source: azurerm(service, resource, RESOURCE_GROUP),
      environmentFields: ["resourceGroupName"],
    },
  ];
}

/** The child's name and its parent's ID or name: a new parent is a new child. */
function childIdentity(
  service: string,
  resource: string,
  parents: readonly string[],
): ReplacementAttribute[] {
  return ["name", ...parents].map((attribute) => ({
    attribute,
    source: azurerm(service, resource, `\`${attribute}\` is ForceNew`),
  }));
}

export const replacementFacts: readonly ReplacementFacts[] = [
  {
    resourceType: "azurerm_servicebus_namespace",
    noun: "Service Bus namespace",
    declaredBy: "serviceBusNamespace",
    loses:
      "every queue, topic and subscription in the namespace, with their messages (active, scheduled and dead-lettered)",
    attributes: [
      ...namespaceIdentity("servicebus", "servicebus_namespace"),
      {
        attribute: "sku",
        source: azurerm(
          "servicebus",
          "servicebus_namespace",
          "CustomizeDiff forces new when `sku` moves to or from Premium",
        ),
        fields: ["sku"],
        when: { kind: "toOrFrom", value: "Premium" },
        note: "a namespace cannot move to or from Premium in place",
      },
      {
        attribute: "premium_messaging_partitions",
        source: azurerm("servicebus", "servicebus_namespace", "`premium_messaging_partitions` is ForceNew"),
        fields: ["partitions"],
      },
      {
        attribute: "customer_managed_key",
        source: azurerm(
          "servicebus",
          "servicebus_namespace",
          "CustomizeDiff forces new when `customer_managed_key` is removed",
        ),
        fields: ["customerManagedKey"],
        when: { kind: "turnedOff" },
        note: "a customer-managed key cannot be removed in place",
      },
    ],
  },
  {
    resourceType: "azurerm_servicebus_queue",
    noun: "queue",
    declaredBy: "serviceBusQueue",
    loses: "the queue's messages, including scheduled and dead-lettered ones",
    attributes: [
      ...childIdentity("servicebus", "servicebus_queue", ["namespace_id"]),
      {
        attribute: "requires_session",
        source: azurerm("servicebus", "servicebus_queue", "`requires_session` is ForceNew"),
        fields: ["sessions"],
      },
      {
        attribute: "requires_duplicate_detection",
        source: azurerm("servicebus", "servicebus_queue", "`requires_duplicate_detection` is ForceNew"),
        fields: ["duplicateDetection"],
        when: { kind: "setOrRemoved" },
      },
      {
        attribute: "partitioning_enabled",
        source: azurerm("servicebus", "servicebus_queue", "`partitioning_enabled` is ForceNew"),
        fields: ["partitioned"],
      },
    ],
  },
  {
    resourceType: "azurerm_servicebus_topic",
    noun: "topic",
    declaredBy: "serviceBusTopic",
    loses: "the topic's subscriptions with their messages, including scheduled and dead-lettered ones",
    attributes: [
      ...childIdentity("servicebus", "servicebus_topic", ["namespace_id"]),
      {
        attribute: "requires_duplicate_detection",
        source: azurerm("servicebus", "servicebus_topic", "`requires_duplicate_detection` is ForceNew"),
        fields: ["duplicateDetection"],
        when: { kind: "setOrRemoved" },
      },
      {
        attribute: "partitioning_enabled",
        source: azurerm("servicebus", "servicebus_topic", "`partitioning_enabled` is ForceNew"),
        fields: ["partitioned"],
      },
    ],
  },
  {
    resourceType: "azurerm_servicebus_subscription",
    noun: "subscription",
    declaredBy: "serviceBusSubscription",
    loses: "the subscription's messages, including dead-lettered ones",
    attributes: [
      ...childIdentity("servicebus", "servicebus_subscription", ["topic_id"]),
      {
        attribute: "requires_session",
        source: azurerm("servicebus", "servicebus_subscription", "`requires_session` is ForceNew"),
        fields: ["sessions"],
      },
      {
        attribute: "client_scoped_subscription",
        source: azurerm(
          "servicebus",
          "servicebus_subscription",
          "`client_scoped_subscription` (`client_id`, `is_client_scoped_subscription_shareable`) is ForceNew",
        ),
      },
    ],
  },
  {
    resourceType: "azurerm_eventhub_namespace",
    noun: "Event Hubs namespace",
    declaredBy: "eventHubsNamespace",
    loses:
      "every event hub in the namespace with its retained events, and every consumer group's committed offsets",
    attributes: [
      ...namespaceIdentity("eventhub", "eventhub_namespace"),
      {
        attribute: "sku",
        source: azurerm(
          "eventhub",
          "eventhub_namespace",
          "CustomizeDiff forces new when `sku` moves to or from Premium",
        ),
        fields: ["sku"],
        when: { kind: "toOrFrom", value: "Premium" },
        note: "a namespace cannot move to or from Premium in place",
      },
      {
        attribute: "dedicated_cluster_id",
        source: azurerm("eventhub", "eventhub_namespace", "`dedicated_cluster_id` is ForceNew"),
        fields: ["dedicatedClusterId", "dedicatedCluster"],
      },
    ],
  },
  {
    // azurerm made `partition_count` updatable in 3.75 (PR #23499) but Azure only adds partitions
    // on Premium and Dedicated: on Basic and Standard the update fails at apply, and the only way to
    // get the new count is replacing the hub. So a replaced hub whose partition count changed is
    // attributed to it.
    resourceType: "azurerm_eventhub",
    noun: "event hub",
    declaredBy: "eventHub",
    loses:
      "the hub's retained events; consumers' checkpoints no longer match, because sequence numbers start again",
    attributes: [
      ...childIdentity("eventhub", "eventhub", ["namespace_id"]),
      {
        attribute: "partition_count",
        source: azurerm(
          "eventhub",
          "eventhub",
          "Update refuses a new `partition_count` unless the namespace is Premium or on a dedicated cluster",
        ),
        fields: ["partitions"],
        when: {
          kind: "changedUnlessParent",
          skus: ["Premium"],
          dedicatedClusterFields: ["dedicatedClusterId", "dedicatedCluster"],
        },
        note: "Basic and Standard hubs cannot change their partition count: the apply fails, and only a new hub gets the new count",
      },
      {
        attribute: "retention_description",
        source: azurerm("eventhub", "eventhub", "`retention_description.cleanup_policy` is ForceNew"),
        fields: ["retention.cleanupPolicy"],
      },
    ],
  },
  {
    resourceType: "azurerm_eventhub_consumer_group",
    noun: "consumer group",
    declaredBy: "consumerGroup",
    loses: "the offsets its readers committed (Kafka consumer groups keep them in the service)",
    attributes: [
      ...childIdentity("eventhub", "eventhub_consumer_group", ["namespace_name", "eventhub_name"]),
      {
        attribute: "resource_group_name",
        source: azurerm("eventhub", "eventhub_consumer_group", RESOURCE_GROUP),
        environmentFields: ["resourceGroupName"],
      },
    ],
  },
  {
    resourceType: "azurerm_eventhub_cluster",
    noun: "dedicated Event Hubs cluster",
    declaredBy: "eventHubsNamespace",
    role: "companion",
    declaredThrough: "dedicatedCluster",
    loses: "the dedicated cluster: every namespace on it must move or is lost with its events",
    attributes: [
      {
        attribute: "name",
        source: azurerm("eventhub", "eventhub_cluster", NAME_RULE),
        fields: ["dedicatedCluster.name"],
        environmentFields: ["name", "naming.prefix", "naming.workload"],
      },
      {
        attribute: "location",
        source: azurerm("eventhub", "eventhub_cluster", LOCATION),
        environmentFields: ["location"],
      },
      {
        attribute: "resource_group_name",
        source: azurerm("eventhub", "eventhub_cluster", RESOURCE_GROUP),
        environmentFields: ["resourceGroupName"],
      },
    ],
  },
  {
    resourceType: "azurerm_eventgrid_namespace",
    noun: "Event Grid namespace",
    declaredBy: "eventGridNamespace",
    loses: "the namespace's MQTT sessions and retained messages, and events queued in its namespace topics",
    attributes: namespaceIdentity("eventgrid", "eventgrid_namespace"),
  },
  {
    resourceType: "azurerm_relay_namespace",
    noun: "Relay namespace",
    declaredBy: "relayNamespace",
    loses:
      "every hybrid connection and WCF relay in the namespace: listeners must register again with new keys",
    attributes: namespaceIdentity("relay", "relay_namespace"),
  },
  {
    resourceType: "azurerm_relay_hybrid_connection",
    noun: "hybrid connection",
    declaredBy: "hybridConnection",
    loses: "the hybrid connection's registered listeners and open connections",
    attributes: [
      ...childIdentity("relay", "relay_hybrid_connection", ["relay_namespace_name"]),
      {
        attribute: "resource_group_name",
        source: azurerm("relay", "relay_hybrid_connection", RESOURCE_GROUP),
        environmentFields: ["resourceGroupName"],
      },
      {
        attribute: "requires_client_authorization",
        source: azurerm("relay", "relay_hybrid_connection", "`requires_client_authorization` is ForceNew"),
        fields: ["requiresClientAuthorization"],
      },
    ],
  },
  {
    resourceType: "azurerm_iothub",
    noun: "IoT hub",
    declaredBy: "iotHub",
    loses:
      "the hub's device identity registry and device twins, undelivered cloud-to-device messages and the events in its built-in endpoint",
    attributes: namespaceIdentity("iothub", "iothub"),
  },
  {
    resourceType: "azurerm_stream_analytics_job",
    noun: "Stream Analytics job",
    declaredBy: "streamAnalyticsJob",
    // "Stream Analytics job outputs" / "Checkpoint and replay concepts in Azure Stream Analytics
    // jobs": a job resumes from its checkpoint and last output time; a new job has neither.
    loses:
      "the job's checkpoints and output position: a new job starts from scratch, so it re-reads or skips events and rebuilds its windows",
    attributes: [
      ...namespaceIdentity("streamanalytics", "stream_analytics_job"),
      {
        attribute: "type",
        source: azurerm("streamanalytics", "stream_analytics_job", "`type` is ForceNew"),
        note: "the project always deploys Cloud jobs",
      },
    ],
  },
  {
    resourceType: "azurerm_iothub_dps",
    noun: "Device Provisioning Service",
    declaredBy: "iotHub",
    role: "companion",
    declaredThrough: "deviceProvisioning",
    loses: "the Device Provisioning Service's enrollments and device registration records",
    attributes: [
      {
        attribute: "name",
        source: azurerm("iothub", "iothub_dps", NAME_RULE),
        fields: ["deviceProvisioning.resourceName"],
        environmentFields: ["name", "naming.prefix", "naming.workload"],
      },
      {
        attribute: "location",
        source: azurerm("iothub", "iothub_dps", LOCATION),
        environmentFields: ["location"],
      },
      {
        attribute: "resource_group_name",
        source: azurerm("iothub", "iothub_dps", RESOURCE_GROUP),
        environmentFields: ["resourceGroupName"],
      },
      {
        attribute: "data_residency_enabled",
        source: azurerm("iothub", "iothub_dps", "`data_residency_enabled` is ForceNew"),
        fields: ["deviceProvisioning.dataResidency"],
      },
    ],
  },
  {
    resourceType: "azurerm_storage_account",
    noun: "storage account",
    loses: "the blobs it holds: captured events, dead-lettered events and uploaded files",
    attributes: [
      { attribute: "name", source: azurerm("storage", "storage_account", NAME_RULE) },
      { attribute: "location", source: azurerm("storage", "storage_account", LOCATION) },
      { attribute: "resource_group_name", source: azurerm("storage", "storage_account", RESOURCE_GROUP) },
      ...[
        "account_tier",
        "is_hns_enabled",
        "nfsv3_enabled",
        "infrastructure_encryption_enabled",
        "queue_encryption_key_type",
        "table_encryption_key_type",
        "immutability_policy",
        "edge_zone",
      ].map((attribute) => ({
        attribute,
        source: azurerm("storage", "storage_account", `\`${attribute}\` is ForceNew`),
      })),
    ],
  },
  {
    resourceType: "azurerm_storage_container",
    noun: "storage container",
    loses: "the blobs in the container",
    attributes: childIdentity("storage", "storage_container", ["storage_account_id", "storage_account_name"]),
  },
  {
    // A new name, parent or resource type is a new ARM resource (azapi_resource docs: `type`,
    // `name` and `parent_id` "Changing this forces a new resource to be created").
    resourceType: "azapi_resource",
    noun: "resource",
    loses: "what the resource holds",
    attributes: ["type", "name", "parent_id"].map((attribute) => ({
      attribute,
      source: `azapi docs, azapi_resource: \`${attribute}\` forces a new resource`,
    })),
  },
];

const byType = new Map(replacementFacts.map((facts) => [facts.resourceType, facts]));

/** The Terraform attributes whose change replaces a resource of this type (none when unknown). */
export function replacementAttributesOf(resourceType: string): readonly string[] {
  return byType.get(resourceType)?.attributes.map((a) => a.attribute) ?? [];
}

/** The replacement facts of every resource an entity of this kind declares, the entity's own first. */
export function replacementFactsFor(entity: DeclaringEntity): readonly ReplacementFacts[] {
  return replacementFacts
    .filter((facts) => facts.declaredBy === entity)
    .sort((a, b) => Number(a.role === "companion") - Number(b.role === "companion"));
}
