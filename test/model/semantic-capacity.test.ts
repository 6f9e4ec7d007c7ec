import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadEnvironmentText, type LoadResult } from "../../model/load-environment";
import { synthesizedStack } from "../stacks/helpers/synthesized";

const prodFile = join(__dirname, "..", "fixtures", "capacity", "prod.yaml");
const prod = readFileSync(prodFile, "utf8");

function load(text: string): LoadResult {
  return loadEnvironmentText(text, "prod.yaml", { today: new Date("2026-11-23T00:00:00Z") });
}

/** Errors as `path @ line: message`, to see where each is reported. */
function errors(text: string): string[] {
  const result = load(text);
  return result.ok ? [] : result.errors.map((e) => `${e.path} @ ${e.line}: ${e.message}`);
}

const lineOf = (text: string, fragment: string): number =>
  text.split("\n").findIndex((l) => l.includes(fragment)) + 1;

function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the fixture has no ${from}`);
  return text.replace(from, to);
}

describe("capacity from declared load", () => {
  it("accepts the shared production example: its capacities fit its declared load", () => {
    expect(errors(prod)).toEqual([]);
  });

  it("synthesizes the shared production example with the capacities it states", () => {
    const json = synthesizedStack(prodFile);
    const namespaces = Object.values(json.resource.azurerm_eventhub_namespace ?? {});
    expect(namespaces).toContainEqual(expect.objectContaining({ capacity: 2, maximum_throughput_units: 10 }));
  });

  it("refuses the example's hub at capacity 1 without auto-inflate, at its throughput line", () => {
    const text = edit(prod, "    capacity: 2\n    autoInflateMaxCapacity: 10\n", "    capacity: 1\n");
    const line = lineOf(text, "throughput: { eventsPerSecond");
    expect(errors(text)).toEqual([
      `eventHubs[0].hubs[0].throughput @ ${line}: 1,000 events/s × 1 KB at peak factor 2 needs 2 throughput units in, 3 out; capacity 1, auto-inflate off. 3 readers (2 consumer groups + capture) each read every event; a throughput unit carries 1 MB/s or 1,000 events/s in and 2 MB/s or 4,096 events/s out`,
    ]);
  });

  it("accepts the hub at capacity 1 when auto-inflate reaches the peak's 3 units, not at 2", () => {
    const at = (max: number) =>
      edit(
        prod,
        "    capacity: 2\n    autoInflateMaxCapacity: 10\n",
        `    capacity: 1\n    autoInflateMaxCapacity: ${max}\n`,
      );
    expect(errors(at(3))).toEqual([]);
    expect(errors(at(2))).toEqual([expect.stringContaining("capacity 1, auto-inflate up to 2")]);
  });

  it("judges a hub's partitions by the tier's default where the file states none", () => {
    const text = edit(
      edit(prod, "        partitions: 16\n", ""),
      "{ eventsPerSecond: 1000, averageEventBytes: 1024, peakFactor: 2 }",
      "{ eventsPerSecond: 1000, averageEventBytes: 1024, peakFactor: 4 }",
    );
    expect(errors(text)).toEqual([expect.stringContaining("needs 6 partitions, the hub has 4")]);
  });

  it("refuses the example's IoT hub on one S1 unit: 576,000 metered messages a day", () => {
    const text = edit(prod, "    sku: S1\n    capacity: 2\n", "    sku: S1\n    capacity: 1\n");
    expect(errors(text)).toEqual([
      `iotHub[0].throughput @ ${lineOf(text, "throughput: { devices")}: 2,000 devices × 0.2 messages/min × 512 B send 576,000 messages a day (metered in 4 KB chunks) at 6.67 sends/s; S1 allows 400,000 messages a day per unit and throttles sends at the higher of 100 or 12 per unit: needs 2 units, capacity 1`,
    ]);
  });

  it("refuses a Standard namespace whose declared load spends more than 1,000 credits a second", () => {
    const text = [
      "name: dev",
      "tier: development",
      "location: westeurope",
      "naming: { prefix: contoso }",
      "serviceBus:",
      "  - name: orders",
      "    sku: Standard",
      "    queues:",
      "      - { name: inbound, throughput: { messagesPerSecond: 300, averageMessageBytes: 1024 } }",
      "      - { name: outbound, throughput: { messagesPerSecond: 201, averageMessageBytes: 1024 } }",
      "",
    ].join("\n");
    expect(errors(text)).toEqual([
      "serviceBus[0].queues[0].throughput @ 9: 300 messages/s × 1 KB spends 600 credits/s (a send and a receive per message, 1 credit each); with the namespace's other declared load, 1,002 credits/s; a Standard namespace is throttled above 1,000 credits/s: use Premium, or spread the load over namespaces",
      "serviceBus[0].queues[1].throughput @ 10: 201 messages/s × 1 KB spends 402 credits/s (a send and a receive per message, 1 credit each); with the namespace's other declared load, 1,002 credits/s; a Standard namespace is throttled above 1,000 credits/s: use Premium, or spread the load over namespaces",
    ]);
  });

  it("refuses an MQTT namespace with more clients than its units hold sessions", () => {
    const text = edit(
      prod,
      "    - name: plant-mqtt\n      capacity: 1\n",
      "    - name: plant-mqtt\n      capacity: 1\n      throughput: { mqttClients: 10001, messagesPerSecond: 10 }\n",
    );
    expect(errors(text)).toEqual([
      expect.stringMatching(/^eventGrid\.namespaces\[0\]\.throughput @ \d+: 10,001 MQTT clients/),
    ]);
  });
});

describe("Stream Analytics streaming units from declared input", () => {
  const jobFile = join(__dirname, "..", "fixtures", "stream-analytics", "prod.yaml");
  const jobFixture = readFileSync(jobFile, "utf8");
  const unitsLine = "    sku: StandardV2\n    streamingUnits: 1\n";

  /** The fixture's job on `sku` and `units`, reading `inputBytesPerSecond`, loaded beside its query. */
  function jobErrors(sku: string, units: string, inputBytesPerSecond: number): string[] {
    const text = edit(
      jobFixture,
      unitsLine,
      `    sku: ${sku}\n    streamingUnits: ${units}\n    throughput: { inputBytesPerSecond: ${inputBytesPerSecond} }\n`,
    );
    const result = loadEnvironmentText(text, jobFile, { today: new Date("2026-11-23T00:00:00Z") });
    return result.ok ? [] : result.errors.map((e) => `${e.path} @ ${e.line}: ${e.message}`);
  }

  const sevenMegabytes = 7 * 1024 * 1024;

  it("accepts one SU V2 at roughly 7 MB/s of input and refuses a byte more, at the throughput line", () => {
    expect(jobErrors("StandardV2", "1", sevenMegabytes)).toEqual([]);
    const line = lineOf(jobFixture, "streamingUnits: 1") + 1;
    expect(jobErrors("StandardV2", "1", sevenMegabytes + 1)).toEqual([
      expect.stringMatching(
        new RegExp(`^streamAnalytics\\[0\\]\\.throughput @ ${line}: .* needs about 2 SU V2; 1 SU V2 process`),
      ),
    ]);
  });

  it('counts "1/3" as a third of an SU V2 (not the REST API\'s 3)', () => {
    expect(jobErrors("StandardV2", '"1/3"', Math.floor(sevenMegabytes / 3))).toEqual([]);
    expect(jobErrors("StandardV2", '"1/3"', Math.floor(sevenMegabytes / 3) + 1)).toEqual([
      expect.stringContaining("needs about 1 SU V2; 0.33 SU V2 process"),
    ]);
    expect(jobErrors("StandardV2", '"2/3"', Math.floor((2 * sevenMegabytes) / 3))).toEqual([]);
    expect(jobErrors("StandardV2", '"2/3"', Math.floor((2 * sevenMegabytes) / 3) + 1)).toHaveLength(1);
  });

  it("counts Standard's SU V1 six to an SU V2: 6 units carry 7 MB/s, 3 units half of it", () => {
    expect(jobErrors("Standard", "6", sevenMegabytes)).toEqual([]);
    expect(jobErrors("Standard", "6", sevenMegabytes + 1)).toEqual([
      expect.stringContaining("needs about 12 streaming units (or 2 on StandardV2)"),
    ]);
    expect(jobErrors("Standard", "3", sevenMegabytes / 2)).toEqual([]);
    expect(jobErrors("Standard", "3", sevenMegabytes / 2 + 1)).toHaveLength(1);
  });
});
