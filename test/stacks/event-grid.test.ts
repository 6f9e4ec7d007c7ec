import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import type { EnvironmentModel } from "../../model/model";
import { EntityRegistry } from "../../stacks/entity-registry";
import { addEventGrid } from "../../stacks/event-grid";
import { StackIds } from "../../stacks/ids/stack-ids";
import type { StackContext } from "../../stacks/stack-context";
import { fakeTarget } from "../constructs/event-grid/synth";
import {
  environmentWithEventGrid,
  eventSubscriptionModel,
  namespaceModel,
  prodBroker,
  prodTopic,
  systemTopicModel,
  topicModel,
} from "./helpers/event-grid-model";

interface Synthesized {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
}

const SB_NAMESPACE_ID =
  "/subscriptions/0/resourceGroups/rg-test/providers/Microsoft.ServiceBus/namespaces/sbns-orders";
const QUEUE_ID =
  "/subscriptions/0/resourceGroups/rg-test/providers/Microsoft.Fake/namespaces/orders/entities/orders-inbound";

/** Synthesizes Event Grid's part alone, with the entities earlier services would have registered. */
function build(model: EnvironmentModel): {
  json: Synthesized;
  entities: EntityRegistry;
  stack: TerraformStack;
} {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  const entities = new EntityRegistry();
  entities.register(fakeTarget(stack, "serviceBusQueue", "orders/orders-inbound"));
  entities.register(fakeTarget(stack, "serviceBusTopic", "orders/order-events"));
  entities.register(fakeTarget(stack, "eventHub", "telemetry/device-telemetry"));
  entities.registerNamespace("serviceBus", "orders", SB_NAMESPACE_ID);
  const ctx: StackContext = {
    scope: stack,
    model,
    resourceGroupName: "rg-contoso-messaging-test",
    resourceGroupId: "/subscriptions/0/resourceGroups/rg-contoso-messaging-test",
    location: "westeurope",
    logAnalyticsWorkspaceId: "/workspaces/log",
    entities,
    ids: new StackIds(model),
  };
  addEventGrid(ctx);
  return { json: JSON.parse(Testing.synth(stack)) as Synthesized, entities, stack };
}

function all(json: Synthesized, type: string): Record<string, unknown>[] {
  return Object.values(json.resource?.[type] ?? {});
}

function one(
  json: Synthesized,
  type: string,
  where: (r: Record<string, unknown>) => boolean = () => true,
): Record<string, unknown> {
  const found = all(json, type).filter(where);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}

function key(json: Synthesized, type: string, where: (r: Record<string, unknown>) => boolean): string {
  const found = Object.entries(json.resource?.[type] ?? {}).find(([, r]) => where(r));
  if (!found) throw new Error(`no ${type} matched`);
  return found[0];
}

describe("addEventGrid", () => {
  it("adds nothing when the environment declares no Event Grid resources", () => {
    expect(build(environmentWithEventGrid({})).json.resource).toBeUndefined();
  });

  it("builds each topic from its resolved settings", () => {
    const { json } = build(
      environmentWithEventGrid({
        topics: [topicModel({ name: "order-lifecycle", publicNetworkAccess: false, lock: true })],
      }),
    );
    expect(one(json, "azurerm_eventgrid_topic")).toMatchObject({
      name: "evgt-contoso-order-lifecycle-test",
      input_schema: "CloudEventSchemaV1_0",
      local_auth_enabled: false,
      public_network_access_enabled: false,
      tags: { environment: "test" },
    });
    expect(one(json, "azurerm_management_lock")).toMatchObject({ lock_level: "CanNotDelete" });
    expect(one(json, "azurerm_monitor_diagnostic_setting")).toMatchObject({
      log_analytics_workspace_id: "/workspaces/log",
    });
  });

  it("gives the topic's senders EventGrid Data Sender on the topic", () => {
    const { json } = build(environmentWithEventGrid({ topics: [prodTopic()] }));
    expect(
      one(json, "azurerm_role_assignment", (r) => r.role_definition_name === "EventGrid Data Sender"),
    ).toMatchObject({
      principal_id: "11111111-1111-1111-1111-111111111111",
    });
  });

  it("delivers prod.yaml's subscription to the declared queue with its filters and retry policy", () => {
    const { json } = build(environmentWithEventGrid({ topics: [prodTopic()] }));
    expect(one(json, "azurerm_eventgrid_event_subscription")).toMatchObject({
      name: "to-billing",
      service_bus_queue_endpoint_id: QUEUE_ID,
      delivery_identity: { type: "SystemAssigned" },
      included_event_types: ["com.contoso.order.created"],
      subject_filter: { subject_begins_with: "/orders/" },
      advanced_filter: { number_greater_than: [{ key: "data.amount", value: 0 }] },
      retry_policy: { max_delivery_attempts: 30, event_time_to_live: 1440 },
    });
    expect(
      one(json, "azurerm_role_assignment", (r) => r.role_definition_name === "Azure Service Bus Data Sender"),
    ).toMatchObject({ scope: QUEUE_ID });
  });

  it("creates the environment's dead-letter storage, closed to shared keys and old TLS, when a subscription asks for it", () => {
    const { json } = build(environmentWithEventGrid({ topics: [prodTopic()] }));
    expect(one(json, "azurerm_storage_account")).toMatchObject({
      name: "stcontosoegdltest",
      shared_access_key_enabled: false,
      min_tls_version: "TLS1_2",
      allow_nested_items_to_be_public: false,
      network_rules: { default_action: "Deny", bypass: ["AzureServices"] },
    });
    expect(one(json, "azurerm_storage_container")).toMatchObject({
      name: "eventgrid-dead-letters",
      container_access_type: "private",
    });
  });

  it("dead-letters to that container with the topic's identity, granted Storage Blob Data Contributor on the container", () => {
    const { json } = build(environmentWithEventGrid({ topics: [prodTopic()] }));
    const account = key(json, "azurerm_storage_account", () => true);
    const container = key(json, "azurerm_storage_container", () => true);
    expect(one(json, "azurerm_eventgrid_event_subscription")).toMatchObject({
      storage_blob_dead_letter_destination: {
        storage_account_id: `\${azurerm_storage_account.${account}.id}`,
        storage_blob_container_name: "eventgrid-dead-letters",
      },
      dead_letter_identity: { type: "SystemAssigned" },
    });
    expect(
      one(json, "azurerm_role_assignment", (r) => r.role_definition_name === "Storage Blob Data Contributor"),
    ).toMatchObject({
      scope: `\${azurerm_storage_container.${container}.id}`,
    });
  });

  it("shares one dead-letter storage account among all subscriptions, with a container per resolved container name", () => {
    const topics = [
      prodTopic(),
      topicModel({
        name: "other",
        subscriptions: [eventSubscriptionModel({ name: "again", deadLetter: { container: "x" } })],
      }),
    ];
    const { json } = build(environmentWithEventGrid({ topics }));
    expect(all(json, "azurerm_storage_account")).toHaveLength(1);
    expect(all(json, "azurerm_storage_container").map((c) => c.name)).toEqual([
      "eventgrid-dead-letters",
      "x",
    ]);
  });

  it("dead-letters to a given storage account without creating one", () => {
    const account =
      "/subscriptions/0/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stown";
    const topic = topicModel({
      name: "orders",
      subscriptions: [
        eventSubscriptionModel({ name: "own", deadLetter: { storageAccountId: account, container: "dead" } }),
      ],
    });
    const { json } = build(environmentWithEventGrid({ topics: [topic] }));
    expect(all(json, "azurerm_storage_account")).toHaveLength(0);
    expect(one(json, "azurerm_eventgrid_event_subscription")).toMatchObject({
      storage_blob_dead_letter_destination: {
        storage_account_id: account,
        storage_blob_container_name: "dead",
      },
    });
  });

  it("turns the file's [low, high] pairs into range filters", () => {
    const filter = {
      includedEventTypes: [],
      subjectBeginsWith: "",
      subjectEndsWith: "",
      caseSensitive: false,
      advancedFilteringOnArrays: true,
      advanced: [
        { key: "data.amount", operator: "NumberInRange" as const, values: [[0, 10] as const] },
        { key: "data.region", operator: "StringIn" as const, values: ["EU", "UK"] },
      ],
    };
    const topic = topicModel({
      name: "orders",
      subscriptions: [eventSubscriptionModel({ name: "ranged", filter })],
    });
    expect(
      one(build(environmentWithEventGrid({ topics: [topic] })).json, "azurerm_eventgrid_event_subscription"),
    ).toMatchObject({
      advanced_filter: {
        number_in_range: [{ key: "data.amount", values: [[0, 10]] }],
        string_in: [{ key: "data.region", values: ["EU", "UK"] }],
      },
      advanced_filtering_on_arrays_enabled: true,
    });
  });

  it("sources a system topic from a namespace declared in the file", () => {
    const systemTopic = systemTopicModel({
      name: "orders-events",
      subscriptions: [
        eventSubscriptionModel({
          name: "to-topic",
          destination: { kind: "serviceBusTopic", namespace: "orders", entity: "order-events" },
        }),
      ],
    });
    const { json } = build(environmentWithEventGrid({ systemTopics: [systemTopic] }));
    expect(one(json, "azurerm_eventgrid_system_topic")).toMatchObject({
      name: "egst-contoso-orders-events-test",
      source_resource_id: SB_NAMESPACE_ID,
      topic_type: "Microsoft.ServiceBus.Namespaces",
      location: "westeurope",
    });
    expect(one(json, "azurerm_eventgrid_system_topic_event_subscription")).toMatchObject({
      name: "to-topic",
      service_bus_topic_endpoint_id: expect.stringContaining("order-events"),
    });
  });

  it("sources a system topic from an ARM ID, in the global region for a resource group", () => {
    const rg = "/subscriptions/0/resourceGroups/rg-apps";
    const { json } = build(
      environmentWithEventGrid({
        systemTopics: [
          systemTopicModel({
            name: "rg-events",
            sourceResource: { kind: "resourceId", resourceId: rg },
            topicType: "Microsoft.Resources.ResourceGroups",
          }),
        ],
      }),
    );
    expect(one(json, "azurerm_eventgrid_system_topic")).toMatchObject({
      source_resource_id: rg,
      location: "global",
    });
  });

  it("builds prod.yaml's MQTT broker: topic space, client group, permission binding and the site gateway client", () => {
    const { json } = build(environmentWithEventGrid({ namespaces: [namespaceModel()] }));
    const bodies = Object.fromEntries(
      all(json, "azapi_resource").map((r) => [String(r.type).split("@")[0].split("/").pop(), r.body]),
    );
    expect(bodies).toEqual({
      topicSpaces: { properties: { topicTemplates: ["plants/+/telemetry/#"] } },
      clientGroups: { properties: { query: "attributes.role = 'gateway'" } },
      permissionBindings: {
        properties: { clientGroupName: "gateways", topicSpaceName: "telemetry", permission: "Publisher" },
      },
      clients: {
        properties: {
          authenticationName: "plant-munich",
          clientCertificateAuthentication: {
            validationScheme: "ThumbprintMatch",
            allowedThumbprints: ["3f2504e04f8941d39a0c0305e82c3301aabbccdd"],
          },
          attributes: { role: "gateway" },
          state: "Enabled",
        },
      },
    });
  });

  it("enables the broker on the namespace with the resolved session limits", () => {
    const { json } = build(
      environmentWithEventGrid({
        namespaces: [
          namespaceModel({
            mqtt: prodBroker({ maxSessionExpiryHours: 4, maxClientSessionsPerAuthenticationName: 2 }),
          }),
        ],
      }),
    );
    expect(one(json, "azurerm_eventgrid_namespace")).toMatchObject({
      name: "evgns-contoso-plant-mqtt-test",
      public_network_access: "Disabled",
      topic_spaces_configuration: [
        { maximum_session_expiry_in_hours: 4, maximum_client_sessions_per_authentication_name: 2 },
      ],
    });
  });

  it("routes MQTT messages through a route topic on to the declared event hub", () => {
    const { json } = build(environmentWithEventGrid({ namespaces: [namespaceModel()] }));
    const routeTopic = key(
      json,
      "azurerm_eventgrid_topic",
      (r) => r.name === "evgt-contoso-plant-mqtt-route-test",
    );
    expect(one(json, "azurerm_eventgrid_namespace").topic_spaces_configuration).toEqual([
      expect.objectContaining({ route_topic_id: `\${azurerm_eventgrid_topic.${routeTopic}.id}` }),
    ]);
    expect(one(json, "azurerm_eventgrid_event_subscription")).toMatchObject({
      scope: `\${azurerm_eventgrid_topic.${routeTopic}.id}`,
      eventhub_endpoint_id: expect.stringContaining("device-telemetry"),
      delivery_identity: { type: "SystemAssigned" },
    });
  });

  it("validates a client given by certificate subject through the CA chain, authenticating as that subject", () => {
    const client = {
      name: "press-07",
      authenticationName: "press-07",
      certificateSubject: "CN=press-07",
      attributes: {},
      enabled: true,
      source: { file: "f", line: 1, column: 1, pointer: "/c" },
    };
    const { json } = build(
      environmentWithEventGrid({
        namespaces: [namespaceModel({ mqtt: prodBroker({ clients: [client], routeTo: undefined }) })],
      }),
    );
    expect(one(json, "azapi_resource", (r) => String(r.type).includes("/clients@")).body).toEqual({
      properties: {
        authenticationName: "CN=press-07",
        clientCertificateAuthentication: { validationScheme: "SubjectMatchesAuthenticationName" },
        state: "Enabled",
      },
    });
  });

  it("registers each namespace so system topics can use it as a source", () => {
    const { entities, stack, json } = build(
      environmentWithEventGrid({ namespaces: [namespaceModel({ mqtt: undefined })] }),
    );
    new TerraformOutput(stack, "registered", {
      value: entities.namespaceId("eventGridNamespace", "plant-mqtt"),
    });
    const withOutput = JSON.parse(Testing.synth(stack)) as { output: Record<string, { value: string }> };
    const namespace = key(json, "azurerm_eventgrid_namespace", () => true);
    expect(withOutput.output.registered.value).toBe(`\${azurerm_eventgrid_namespace.${namespace}.id}`);
  });
});
