import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadEnvironmentText } from "../../model/load-environment";
import type { EnvironmentModel } from "../../model/model";
import { capacityRecommendations } from "../../policies/capacity/recommendations";

function model(text: string): EnvironmentModel {
  const result = loadEnvironmentText(text, "env.yaml", { today: new Date("2026-11-23T00:00:00Z") });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.model;
}

const header = ["name: dev", "tier: development", "location: westeurope", "naming: { prefix: contoso }"];
/** With it, Premium namespaces get customer-managed keys by default: a Premium-only feature. */
const encryption = [
  "encryption:",
  "  keyVaultKeyId: https://kv-contoso.vault.azure.net/keys/messaging",
  "  identityId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id",
];
const file = (...lines: string[]): string => [...header, ...lines, ""].join("\n");
const recommended = (text: string): string[] =>
  capacityRecommendations(model(text)).map((r) => `${r.resource}: ${r.message}`);

const hubs = (capacity: number, extra = "") =>
  file(
    "eventHubs:",
    "  - name: telemetry",
    "    sku: Standard",
    `    capacity: ${capacity}`,
    extra,
    "    hubs:",
    "      - name: h",
    "        partitions: 4",
    "        throughput: { eventsPerSecond: 2000, averageEventBytes: 100 }",
  );

describe("capacity recommendations", () => {
  it("recommend fewer partitions for the shared production example, and nothing else", () => {
    const text = readFileSync(join(__dirname, "..", "fixtures", "capacity", "prod.yaml"), "utf8");
    expect(recommended(text)).toEqual([
      "eventHubs/telemetry/device-telemetry: 16 partitions, while the declared peak load needs 3 partitions (one per throughput unit): each reader runs a receiver per partition, so the rest only add receivers; a new hub with fewer partitions would do",
    ]);
  });

  it("recommend fewer throughput units above twice what the average needs, not at twice", () => {
    expect(recommended(hubs(4))).toEqual([]);
    expect(recommended(hubs(5))).toEqual([
      "eventHubs/telemetry: capacity 5 throughput units is more than 2 times the 2 throughput units the declared average load needs",
    ]);
  });

  it("recommend stating the average's units where auto-inflate would carry even the average", () => {
    expect(recommended(hubs(1, "    autoInflateMaxCapacity: 4"))).toEqual([
      "eventHubs/telemetry: the declared average load alone needs 2 throughput units, more than capacity 1: the namespace would run inflated all the time; state capacity 2",
    ]);
  });

  it("judge no capacity where a hub declares no load: it may use the rest", () => {
    const text = hubs(8).replace("    hubs:\n", "    hubs:\n      - name: quiet\n");
    expect(recommended(text)).toEqual([]);
  });

  it("recommend Standard for a Premium Event Hubs namespace that uses nothing Premium-only", () => {
    const premium = (encrypted: boolean) =>
      file(
        ...(encrypted ? encryption : []),
        "eventHubs:",
        "  - name: telemetry",
        "    sku: Premium",
        "    hubs:",
        "      - { name: h, partitions: 4, throughput: { eventsPerSecond: 100, averageEventBytes: 100 } }",
      );
    expect(recommended(premium(false))).toEqual([
      "eventHubs/telemetry: Premium, while Standard would carry the declared load (1 throughput unit at peak, of Standard's 40) and no Premium-only feature is used; Premium buys isolation and predictable latency",
    ]);
    expect(recommended(premium(true))).toEqual([]);
  });

  it("recommend Standard for a Premium Service Bus namespace without Premium-only features, else fewer units", () => {
    const premium = (encrypted: boolean, capacity = 1) =>
      file(
        ...(encrypted ? encryption : []),
        "serviceBus:",
        "  - name: orders",
        "    sku: Premium",
        `    capacity: ${capacity}`,
        "    queues:",
        "      - { name: inbound, throughput: { messagesPerSecond: 200, averageMessageBytes: 2048 } }",
      );
    expect(recommended(premium(false))).toEqual([
      "serviceBus/orders: Premium, while Standard would carry the declared load (400 credits/s at peak, of Standard's 1,000) and no Premium-only feature is used; Premium buys isolation and predictable latency",
    ]);
    expect(recommended(premium(true))).toEqual([]);
    expect(recommended(premium(true, 4))).toEqual([
      "serviceBus/orders: 4 messaging units for a load a Standard namespace would carry (400 credits/s at peak, of Standard's 1,000): Microsoft's guidance is to start with 1 or 2 and scale up when CPU passes 70% (guidance: no rate per messaging unit is published)",
    ]);
  });

  it("recommend no Standard where Standard's own rules would refuse an entity (80 GB queue, 500 h retention)", () => {
    const text = readFileSync(
      join(__dirname, "..", "fixtures", "capacity", "premium-only-limits.yaml"),
      "utf8",
    );
    expect(recommended(text)).toEqual([]);
    const withinStandard = text
      .replace("maxSizeMegabytes: 81920", "maxSizeMegabytes: 5120")
      .replace("retentionHours: 500", "retentionHours: 168");
    expect(recommended(withinStandard).map((r) => r.split(":")[0])).toEqual([
      "serviceBus/orders",
      "eventHubs/telemetry",
    ]);
  });

  it("recommend fewer IoT Hub units above twice the need", () => {
    const iot = (capacity: number) =>
      file(
        "iotHub:",
        "  - name: plants",
        "    sku: S1",
        `    capacity: ${capacity}`,
        "    throughput: { devices: 2000, messagesPerDevicePerMinute: 0.2, averageMessageBytes: 512 }",
      );
    expect(recommended(iot(4))).toEqual([]);
    expect(recommended(iot(5))).toEqual([
      "iotHub/plants: capacity 5 units is more than 2 times the 2 units the declared load needs",
    ]);
  });

  it("recommend fewer Event Grid throughput units above twice the need", () => {
    const mqtt = (capacity: number) =>
      file(
        "eventGrid:",
        "  namespaces:",
        `    - { name: plant-mqtt, capacity: ${capacity}, mqtt: {}, throughput: { mqttClients: 500, messagesPerSecond: 100 } }`,
      );
    expect(recommended(mqtt(2))).toEqual([]);
    expect(recommended(mqtt(3))).toEqual([
      "eventGrid/namespaces/plant-mqtt: capacity 3 throughput units is more than 2 times the 1 throughput unit the declared load needs",
    ]);
  });
});
