import { replacementAttributesOf, replacementFacts, type DeclaringEntity } from "../../azure/replacement";
import schema from "../../model/environment.schema.json";
import type { ResourceKind } from "../../model/resource-refs";

interface SchemaNode {
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
}

const definitions = (schema as { $defs: Record<string, SchemaNode> }).$defs;

/** The schema node at a dotted field path below `node`, following `$ref`s; undefined when absent. */
function fieldAt(node: SchemaNode | undefined, path: string): SchemaNode | undefined {
  let current = node;
  for (const step of path.split(".")) {
    while (current?.$ref) current = definitions[current.$ref.replace("#/$defs/", "")];
    current = current?.properties?.[step];
  }
  return current;
}

// Every declaring entity is a kind the environment file's reference grammar knows.
const kinds: Record<DeclaringEntity, ResourceKind> = {
  serviceBusNamespace: "serviceBusNamespace",
  serviceBusQueue: "serviceBusQueue",
  serviceBusTopic: "serviceBusTopic",
  serviceBusSubscription: "serviceBusSubscription",
  eventHubsNamespace: "eventHubsNamespace",
  eventHub: "eventHub",
  consumerGroup: "consumerGroup",
  eventGridNamespace: "eventGridNamespace",
  relayNamespace: "relayNamespace",
  hybridConnection: "hybridConnection",
  iotHub: "iotHub",
  streamAnalyticsJob: "streamAnalyticsJob",
};

describe("the replacement facts", () => {
  it("give the plan guard exactly the attributes it has always blamed for a replacement", () => {
    expect(
      Object.fromEntries(
        replacementFacts.map((f) => [f.resourceType, replacementAttributesOf(f.resourceType)]),
      ),
    ).toEqual({
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
      azurerm_servicebus_topic: [
        "name",
        "namespace_id",
        "requires_duplicate_detection",
        "partitioning_enabled",
      ],
      azurerm_servicebus_subscription: ["name", "topic_id", "requires_session", "client_scoped_subscription"],
      azurerm_eventhub_namespace: ["name", "location", "resource_group_name", "sku", "dedicated_cluster_id"],
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
      azurerm_stream_analytics_job: ["name", "location", "resource_group_name", "type"],
      azapi_resource: ["type", "name", "parent_id"],
    });
  });

  it("know no attribute for a resource type they do not cover", () => {
    expect(replacementAttributesOf("azurerm_role_assignment")).toEqual([]);
  });

  const declared = replacementFacts.flatMap((facts) =>
    facts.declaredBy === undefined
      ? []
      : facts.attributes.flatMap((a) =>
          (a.fields ?? []).map((field) => [facts.resourceType, facts.declaredBy, field] as const),
        ),
  );

  it.each(declared)("relate %s to %s.%s, a field the environment schema declares", (_type, entity, field) => {
    expect(fieldAt(definitions[kinds[entity as DeclaringEntity]], field)).toBeDefined();
  });

  const environmentWide = replacementFacts.flatMap((facts) =>
    facts.attributes.flatMap((a) =>
      (a.environmentFields ?? []).map((field) => [facts.resourceType, field] as const),
    ),
  );

  it.each(environmentWide)(
    "relate %s to the environment's %s, a top-level field of the schema",
    (_type, field) => {
      expect(fieldAt(schema as SchemaNode, field)).toBeDefined();
    },
  );

  it("cite the azurerm source (or the azapi docs) for every attribute", () => {
    const uncited = replacementFacts.flatMap((facts) =>
      facts.attributes
        .filter(
          (a) => !/^azurerm internal\/services\/[a-z]+\/[a-z_]+_resource\.go: |^azapi docs/.test(a.source),
        )
        .map((a) => `${facts.resourceType}.${a.attribute}`),
    );
    expect(uncited).toEqual([]);
  });

  it("say what every replacement loses", () => {
    expect(replacementFacts.filter((f) => f.loses.trim() === "").map((f) => f.resourceType)).toEqual([]);
  });
});
