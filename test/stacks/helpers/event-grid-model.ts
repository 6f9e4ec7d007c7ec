import type {
  EnvironmentModel,
  EventGridNamespace,
  EventGridSystemTopic,
  EventGridTopic,
  EventSubscription,
  MqttBroker,
} from "../../../model/model";
import { generatedNamesFor } from "../../../model/resource-names";
import { namespaceDefaults, source } from "./model-defaults";
import { environmentWith, ordersApi } from "./service-bus-model";

/**
 * Hand-built Event Grid models for stack tests, shaped like the resolver's output for the shared
 * examples: every default applied (empty lists and strings mean "none").
 */

export function eventSubscriptionModel(
  overrides: Partial<EventSubscription> & { name: string },
): EventSubscription {
  return {
    destination: { kind: "serviceBusQueue", namespace: "orders", entity: "orders-inbound" },
    filter: {
      includedEventTypes: [],
      subjectBeginsWith: "",
      subjectEndsWith: "",
      caseSensitive: false,
      advanced: [],
      advancedFilteringOnArrays: false,
    },
    retry: { maxDeliveryAttempts: 30, eventTimeToLiveMinutes: 1440 },
    labels: [],
    source: source(`/subscriptions/${overrides.name}`),
    ...overrides,
  };
}

export function topicModel(overrides: Partial<EventGridTopic> & { name: string }): EventGridTopic {
  return {
    azureName: `evgt-contoso-${overrides.name}-test`,
    source: source(`/eventGrid/topics/${overrides.name}`),
    ...namespaceDefaults(),
    inputSchema: "CloudEventSchemaV1_0",
    subscriptions: [],
    ...overrides,
  };
}

export function systemTopicModel(
  overrides: Partial<EventGridSystemTopic> & { name: string },
): EventGridSystemTopic {
  return {
    azureName: `egst-contoso-${overrides.name}-test`,
    source: source(`/eventGrid/systemTopics/${overrides.name}`),
    sourceResource: { kind: "serviceBus", name: "orders" },
    topicType: "Microsoft.ServiceBus.Namespaces",
    subscriptions: [],
    diagnostics: true,
    tags: { environment: "test" },
    ...overrides,
  };
}

/** The MQTT broker of prod.yaml, with the plant-munich site gateway merged into its clients. */
export function prodBroker(overrides: Partial<MqttBroker> = {}): MqttBroker {
  return {
    topicSpaces: [{ name: "telemetry", templates: ["plants/+/telemetry/#"], source: source("/ts") }],
    clientGroups: [{ name: "gateways", query: "attributes.role = 'gateway'", source: source("/cg") }],
    permissions: [
      {
        name: "gateways-publisher-telemetry",
        clientGroup: "gateways",
        topicSpace: "telemetry",
        role: "publisher",
        source: source("/p"),
      },
    ],
    clients: [
      {
        name: "plant-munich",
        authenticationName: "plant-munich",
        certificateThumbprint: "3f2504e04f8941d39a0c0305e82c3301aabbccdd",
        attributes: { role: "gateway" },
        enabled: true,
        source: source("/sites/0"),
      },
    ],
    maxSessionExpiryHours: 1,
    maxClientSessionsPerAuthenticationName: 1,
    routeTo: { kind: "eventHub", namespace: "telemetry", entity: "device-telemetry" },
    ...overrides,
  };
}

export function namespaceModel(overrides: Partial<EventGridNamespace> = {}): EventGridNamespace {
  return {
    name: "plant-mqtt",
    azureName: "evgns-contoso-plant-mqtt-test",
    source: source("/eventGrid/namespaces/0"),
    ...namespaceDefaults(),
    publicNetworkAccess: false,
    sku: "Standard",
    capacity: 1,
    mqtt: prodBroker(),
    ...overrides,
  };
}

/** prod.yaml's Event Grid section: one CloudEvents topic with a filtered, dead-lettered subscription. */
export function prodTopic(): EventGridTopic {
  return topicModel({
    name: "order-lifecycle",
    senders: [ordersApi],
    subscriptions: [
      eventSubscriptionModel({
        name: "to-billing",
        filter: {
          includedEventTypes: ["com.contoso.order.created"],
          subjectBeginsWith: "/orders/",
          subjectEndsWith: "",
          caseSensitive: false,
          advanced: [{ key: "data.amount", operator: "NumberGreaterThan", value: 0 }],
          advancedFilteringOnArrays: false,
        },
        deadLetter: { container: "eventgrid-dead-letters" },
      }),
    ],
  });
}

export function environmentWithEventGrid(
  eventGrid: Partial<EnvironmentModel["eventGrid"]>,
): EnvironmentModel {
  const base = environmentWith([]);
  const namespaces = (eventGrid.namespaces ?? []).map((ns) => ns.name);
  return {
    ...base,
    eventGrid: { topics: [], systemTopics: [], namespaces: [], ...eventGrid },
    generatedNames: generatedNamesFor(base.naming, namespaces, source("/naming")),
  };
}
