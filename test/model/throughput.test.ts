import { loadEnvironmentText } from "../../model/load-environment";

const file = (throughputs: Record<string, string>) =>
  [
    "name: dev",
    "tier: development",
    "location: westeurope",
    "naming: { prefix: contoso }",
    "serviceBus:",
    "  - name: orders",
    "    sku: Standard",
    "    queues:",
    `      - { name: inbound, throughput: ${throughputs.queue} }`,
    "    topics:",
    `      - { name: events, throughput: ${throughputs.topic} }`,
    "eventHubs:",
    "  - name: telemetry",
    "    sku: Standard",
    "    capacity: 4",
    "    hubs:",
    `      - { name: device-telemetry, partitions: 4, throughput: ${throughputs.hub} }`,
    "eventGrid:",
    "  namespaces:",
    `    - { name: plant-mqtt, capacity: 1, mqtt: {}, throughput: ${throughputs.mqtt} }`,
    "iotHub:",
    "  - name: plants",
    "    sku: S1",
    // 576,000 metered messages a day: two S1 units of 400,000 (the capacity check refuses one).
    "    capacity: 2",
    `    throughput: ${throughputs.iot}`,
    "",
  ].join("\n");

const accepted = {
  queue: "{ messagesPerSecond: 200, averageMessageBytes: 2048 }",
  topic: "{ messagesPerSecond: 0.5, averageMessageBytes: 100, peakFactor: 3 }",
  hub: "{ eventsPerSecond: 1000, averageEventBytes: 1024, peakFactor: 2 }",
  mqtt: "{ mqttClients: 500, messagesPerSecond: 100 }",
  iot: "{ devices: 2000, messagesPerDevicePerMinute: 0.2, averageMessageBytes: 512 }",
};

describe("declared load (throughput:)", () => {
  it("is carried into the model of every resource that declares it", () => {
    const result = loadEnvironmentText(file(accepted), "dev.yaml");
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { model } = result;
    expect(model.serviceBus[0].queues[0].throughput).toEqual({
      messagesPerSecond: 200,
      averageMessageBytes: 2048,
    });
    expect(model.serviceBus[0].topics[0].throughput?.peakFactor).toBe(3);
    expect(model.eventHubs[0].hubs[0].throughput?.eventsPerSecond).toBe(1000);
    expect(model.eventGrid.namespaces[0].throughput?.mqttClients).toBe(500);
    expect(model.iotHub[0].throughput?.messagesPerDevicePerMinute).toBe(0.2);
  });

  it.each([
    [
      "queue",
      "{ messagesPerSecond: 0, averageMessageBytes: 10 }",
      "serviceBus[0].queues[0].throughput.messagesPerSecond",
    ],
    ["topic", "{ messagesPerSecond: 1 }", "serviceBus[0].topics[0].throughput.averageMessageBytes"],
    [
      "hub",
      "{ eventsPerSecond: 1, averageEventBytes: 1, peakFactor: 0.5 }",
      "eventHubs[0].hubs[0].throughput.peakFactor",
    ],
    ["mqtt", "{ mqttClients: 1.5, messagesPerSecond: 1 }", "eventGrid.namespaces[0].throughput.mqttClients"],
    [
      "iot",
      "{ devices: 1, messagesPerDevicePerMinute: 1, averageMessageBytes: 262145 }",
      "iotHub[0].throughput.averageMessageBytes",
    ],
    [
      "queue",
      "{ messagesPerSecond: 1, averageMessageBytes: 1, burst: 2 }",
      "serviceBus[0].queues[0].throughput.burst",
    ],
  ])("refuses a %s load outside what the field allows: %s", (where, value, path) => {
    const result = loadEnvironmentText(file({ ...accepted, [where]: value }), "dev.yaml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual([path]);
  });
});
