import { connectionCatalogFor } from "../../model/connection-catalog";
import { renderDot } from "../../policies/topology/dot";
import { topologyOf } from "../../policies/topology/graph";
import { renderMermaid } from "../../policies/topology/mermaid";
import { prodModel } from "../fixtures/policy/prod-model";

const edges = () => topologyOf(prodModel).edges.map((e) => `${e.from} -${e.label}-> ${e.to}`);

describe("topology", () => {
  test("links a sender to the queue it sends to", () => {
    expect(edges()).toContain("principal__orders_2d_api -send-> sb__orders__orders_2d_inbound");
  });

  test("links a topic to its subscriptions and a subscription to its receivers", () => {
    expect(edges()).toEqual(
      expect.arrayContaining([
        "sb__orders__order_2d_events -filter-> sb__orders__order_2d_events__audit",
        "sb__orders__order_2d_events__audit -receive-> principal__analytics",
      ]),
    );
  });

  test("follows an event subscription to the queue it delivers to", () => {
    expect(edges()).toContain(
      "eg__topic__order_2d_lifecycle__to_2d_billing -deliver-> sb__orders__orders_2d_inbound",
    );
  });

  test("draws IoT routes and MQTT routing into the hub they target", () => {
    expect(edges()).toEqual(
      expect.arrayContaining([
        "iot__plants -route telemetry-> eh__telemetry__device_2d_telemetry",
        "egns__plant_2d_mqtt -route-> eh__telemetry__device_2d_telemetry",
      ]),
    );
  });

  test("renders Mermaid as a left-to-right flowchart with one subgraph per namespace", () => {
    const mermaid = renderMermaid(topologyOf(prodModel)).text;
    expect([mermaid.split("\n")[0], mermaid.match(/subgraph /g)?.length]).toEqual(["flowchart LR", 6]);
  });

  test("renders DOT with one cluster per namespace", () => {
    expect(renderDot(topologyOf(prodModel)).match(/subgraph "cluster_/g)?.length).toBe(6);
  });
});

describe("connection catalog", () => {
  const entry = (name: string) => connectionCatalogFor(prodModel).entries.find((e) => e.name === name);

  test("gives a Service Bus namespace its AMQP and AMQP-over-WebSockets endpoints", () => {
    expect(entry("orders")?.endpoints.map((e) => e.url)).toEqual(
      expect.arrayContaining([
        "amqps://sbns-contoso-orders-orders-prod.servicebus.windows.net",
        "wss://sbns-contoso-orders-orders-prod.servicebus.windows.net/$servicebus/websocket",
      ]),
    );
  });

  test("gives a Kafka-enabled Event Hubs namespace its Kafka endpoint on port 9093", () => {
    expect(entry("telemetry")?.endpoints).toContainEqual({
      protocol: "kafka",
      url: "evhns-contoso-orders-telemetry-prod.servicebus.windows.net:9093",
    });
  });

  test("gives an Event Grid topic its HTTPS publish URL", () => {
    expect(entry("order-lifecycle")?.endpoints).toEqual([
      {
        protocol: "https",
        url: "https://evgt-contoso-orders-order-lifecycle-prod.westeurope-1.eventgrid.azure.net/api/events",
      },
    ]);
  });

  test("gives an IoT hub its MQTT endpoint on port 8883", () => {
    expect(entry("plants")?.endpoints).toContainEqual({
      protocol: "mqtt",
      url: "iot-contoso-orders-plants-prod.azure-devices.net:8883",
    });
  });

  test("lists who holds which data role on an entity", () => {
    expect(entry("orders/payments")?.access).toEqual([
      {
        principal: "orders-api",
        objectId: "11111111-1111-1111-1111-111111111111",
        role: "Azure Service Bus Data Sender",
      },
      {
        principal: "billing-worker",
        objectId: "22222222-2222-2222-2222-222222222222",
        role: "Azure Service Bus Data Receiver",
      },
    ]);
  });

  test("labels the MQTT broker's derived host name as expected when Azure has not told it", () => {
    const broker = connectionCatalogFor(prodModel).entries.find((e) => e.kind === "eventGridNamespace");
    expect(broker?.endpoints).toContainEqual({
      protocol: "mqtt",
      url: expect.stringMatching(/\.westeurope-1\.ts\.eventgrid\.azure\.net:8883$/),
      expected: true,
    });
  });

  test("gives the MQTT broker at the host name Azure returned when the stack knows it", () => {
    const broker = prodModel.eventGrid.namespaces[0];
    const catalog = connectionCatalogFor(prodModel, { mqtt: new Map([[broker.name, "real.host"]]) });
    const entry = catalog.entries.find((e) => e.kind === "eventGridNamespace");
    expect(entry?.endpoints).toContainEqual({ protocol: "mqtt", url: "real.host:8883" });
  });

  test("is plain JSON, so a stack can emit it as a Terraform output", () => {
    const catalog = connectionCatalogFor(prodModel);
    expect(JSON.parse(JSON.stringify(catalog))).toEqual(catalog);
  });
});
