import { checkReferences } from "../../model/semantic/references";
import { devHeader, diagnosticsOf, messagesOf } from "./helpers/semantic";

const orders = `serviceBus:
  - name: orders
    sku: Standard
    queues:
      - name: payments
    topics:
      - name: order-events
        subscriptions: [{ name: audit }]
`;

describe("references", () => {
  it("suggests the nearest principal for a misspelt one", () => {
    const text = `${devHeader}serviceBus:\n  - name: orders\n    sku: Standard\n    queues:\n      - { name: payments, receivers: [biling-worker] }\n`;
    const [error] = diagnosticsOf(checkReferences, text);
    expect(error.path).toBe("serviceBus[0].queues[0].receivers[0]");
    expect(error.message).toContain('did you mean "billing-worker"?');
  });

  it("lists the declared principals when no name is close", () => {
    const text = `${devHeader}relay:\n  - name: bridge\n    hybridConnections: [{ name: historian, listeners: [plant-gateway] }]\n`;
    expect(messagesOf(checkReferences, text)[0]).toContain(
      'declared principals: "orders-api", "billing-worker"',
    );
  });

  it("tells a queue destination that names a topic to use serviceBusTopic", () => {
    const text = `${devHeader}${orders}eventGrid:
  topics:
    - name: lifecycle
      subscriptions:
        - { name: to-orders, destination: { serviceBusQueue: orders/order-events } }
`;
    expect(messagesOf(checkReferences, text)[0]).toContain(
      "is a topic, not a queue: write serviceBusTopic: orders/order-events",
    );
  });

  it("requires a system topic's source namespace to be declared", () => {
    const text = `${devHeader}${orders}eventGrid:
  systemTopics:
    - { name: orders-events, source: { serviceBus: order }, topicType: Microsoft.ServiceBus.Namespaces }
`;
    expect(messagesOf(checkReferences, text)[0]).toContain(
      'system topic source serviceBus "order" is not declared; did you mean "orders"?',
    );
  });

  it("refuses a site whose namespace has no MQTT broker", () => {
    const text = `${devHeader}eventGrid:
  namespaces:
    - name: plant-events
sites:
  - { name: plant-munich, mqttClient: { namespace: plant-events } }
`;
    expect(messagesOf(checkReferences, text)[0]).toContain(
      'Event Grid namespace "plant-events" has no mqtt broker',
    );
  });

  it("refuses a site route that names no entity", () => {
    const text = `${devHeader}${orders}eventGrid:
  namespaces:
    - { name: plant-mqtt, mqtt: {} }
sites:
  - { name: plant-munich, route: orders/paymens, mqttClient: { namespace: plant-mqtt } }
`;
    expect(messagesOf(checkReferences, text)[0]).toContain(
      'route "orders/paymens" names no event hub, queue or topic declared in this file; did you mean "orders/payments"?',
    );
  });

  it("accepts the consumer group Azure creates in every hub as the smoke consumer group", () => {
    const text = `${devHeader}eventHubs:
  - name: telemetry
    sku: Standard
    hubs: [{ name: device-telemetry }]
smoke: { eventHub: telemetry/device-telemetry, consumerGroup: $Default }
`;
    expect(messagesOf(checkReferences, text)).toEqual([]);
  });

  it("requires an enrichment's routes to be routes of its hub", () => {
    const text = `${devHeader}iotHub:
  - name: plants
    sku: S1
    enrichments: [{ key: site, value: $twin.tags.site, routes: [telemetri] }]
`;
    const [error] = diagnosticsOf(checkReferences, text);
    expect(error.path).toBe("iotHub[0].enrichments[0].routes[0]");
    expect(error.message).toContain('route "telemetri" is not declared in IoT hub "plants"');
  });
});
