import { bytes, count, unitsFor } from "../../azure/capacity-load";
import { eventGridCapacityProblems } from "../../azure/capacity-event-grid";
import {
  eventHubsCapacityProblems,
  hubThroughputUnits,
  partitionsNeeded,
  readersOf,
  type EventHubsCapacityInput,
  type HubCapacityInput,
} from "../../azure/capacity-event-hubs";
import {
  iotHubCapacityProblems,
  iotHubUnitsNeeded,
  meteredMessagesPerDay,
  sendThrottle,
} from "../../azure/capacity-iot-hub";
import { serviceBusCapacityProblems, standardCarries } from "../../azure/capacity-service-bus";
import { streamAnalyticsCapacityProblems } from "../../azure/capacity-stream-analytics";

const MB = 1024 * 1024;

const hub = (over: Partial<HubCapacityInput> = {}): HubCapacityInput => ({
  name: "h",
  partitions: 32,
  consumerGroups: 0,
  capture: false,
  ...over,
});
const namespace = (over: Partial<EventHubsCapacityInput> = {}): EventHubsCapacityInput => ({
  sku: "Standard",
  capacity: 1,
  hubs: [hub()],
  ...over,
});
const messages = (list: { message: string }[]): string[] => list.map((p) => p.message);

describe("capacity arithmetic", () => {
  it("needs a unit exactly at its capacity and the next one just above", () => {
    expect(unitsFor(1000, 1000)).toBe(1);
    expect(unitsFor(1001, 1000)).toBe(2);
    expect(unitsFor(0.2 * 3, 0.6)).toBe(1);
  });

  it("writes counts and sizes as people read them", () => {
    expect(count(576000)).toBe("576,000");
    expect(count(20 / 3)).toBe("6.67");
    expect([bytes(512), bytes(1024), bytes(1536), bytes(2 * MB)]).toEqual([
      "512 B",
      "1 KB",
      "1.5 KB",
      "2 MB",
    ]);
  });
});

describe("Event Hubs throughput units", () => {
  it("counts the declared consumer groups plus capture as readers, and one reader without either", () => {
    expect(readersOf({ consumerGroups: 2, capture: true })).toBe(3);
    expect(readersOf({ consumerGroups: 0, capture: false })).toBe(1);
  });

  it("reproduces the issue's example: 1,000 events/s × 1 KB at peak factor 2 with 3 readers", () => {
    const h = hub({
      consumerGroups: 2,
      capture: true,
      throughput: { eventsPerSecond: 1000, averageEventBytes: 1024, peakFactor: 2 },
    });
    expect(hubThroughputUnits(h, "peak")).toEqual({ in: 2, out: 3 });
    expect(hubThroughputUnits(h, "average")).toEqual({ in: 1, out: 2 });
    const [problem] = eventHubsCapacityProblems(namespace({ hubs: [h] }));
    expect(problem.field).toBe("hubs/0/throughput");
    expect(problem.message).toMatch(
      /^1,000 events\/s × 1 KB at peak factor 2 needs 2 throughput units in, 3 out; capacity 1, auto-inflate off\. 3 readers \(2 consumer groups \+ capture\) each read every event; a throughput unit carries 1 MB\/s or 1,000 events\/s in and 2 MB\/s or 4,096 events\/s out$/,
    );
  });

  it("accepts 1,000 events/s in on one unit and refuses 1,001", () => {
    const at = (eventsPerSecond: number) =>
      eventHubsCapacityProblems(
        namespace({ hubs: [hub({ throughput: { eventsPerSecond, averageEventBytes: 1 } })] }),
      );
    expect(at(1000)).toEqual([]);
    expect(messages(at(1001))).toEqual([
      expect.stringContaining("needs 2 throughput units in, 1 out; capacity 1"),
    ]);
  });

  it("accepts 1 MB/s in on one unit and refuses a byte more", () => {
    const at = (averageEventBytes: number) =>
      eventHubsCapacityProblems(
        namespace({ hubs: [hub({ throughput: { eventsPerSecond: 1, averageEventBytes } })] }),
      );
    expect(at(MB)).toEqual([]);
    expect(at(MB + 1)).toHaveLength(1);
  });

  it("accepts 4,096 events/s out on one unit and refuses one more event", () => {
    // Eight readers of 512 events/s of 1 byte: in fits one unit, out is exactly its 4,096 events/s.
    const at = (eventsPerSecond: number) =>
      eventHubsCapacityProblems(
        namespace({
          hubs: [hub({ consumerGroups: 8, throughput: { eventsPerSecond, averageEventBytes: 1 } })],
        }),
      );
    expect(at(512)).toEqual([]);
    expect(messages(at(512.125))).toEqual([expect.stringContaining("needs 1 throughput unit in, 2 out")]);
  });

  it("accepts 2 MB/s out on one unit and refuses a byte more", () => {
    const at = (averageEventBytes: number) =>
      eventHubsCapacityProblems(
        namespace({
          hubs: [hub({ consumerGroups: 2, throughput: { eventsPerSecond: 1, averageEventBytes } })],
        }),
      );
    expect(at(MB)).toEqual([]);
    expect(messages(at(MB + 1))).toEqual([expect.stringContaining("needs 2 throughput units in, 2 out")]);
  });

  it("lets the peak reach auto-inflate's ceiling, not beyond", () => {
    const load = { eventsPerSecond: 1000, averageEventBytes: 1024, peakFactor: 2 };
    const at = (autoInflateMaxCapacity: number) =>
      eventHubsCapacityProblems(
        namespace({
          autoInflateMaxCapacity,
          hubs: [hub({ consumerGroups: 2, capture: true, throughput: load })],
        }),
      );
    expect(at(3)).toEqual([]);
    expect(messages(at(2))).toEqual([expect.stringContaining("capacity 1, auto-inflate up to 2")]);
  });

  it("sizes the namespace from every hub's load together: the units are shared", () => {
    const load = { eventsPerSecond: 600, averageEventBytes: 1 };
    const problems = eventHubsCapacityProblems(
      namespace({ hubs: [hub({ name: "a", throughput: load }), hub({ name: "b", throughput: load })] }),
    );
    expect(problems.map((p) => p.field)).toEqual(["hubs/0/throughput", "hubs/1/throughput"]);
    expect(problems[0].message).toContain(
      "needs 1 throughput unit in, 1 out; with the other 1 hub declaring load, the namespace needs 2 throughput units in, 1 out",
    );
  });

  it("says when the load is beyond Standard's 40 units", () => {
    const problems = eventHubsCapacityProblems(
      namespace({ hubs: [hub({ throughput: { eventsPerSecond: 41000, averageEventBytes: 1 } })] }),
    );
    expect(problems[0].message).toContain("more than the 40 throughput units");
  });

  it("does not size Premium or dedicated namespaces: Microsoft publishes no throttle for them", () => {
    const heavy = [hub({ throughput: { eventsPerSecond: 1e6, averageEventBytes: 1024 } })];
    expect(eventHubsCapacityProblems(namespace({ sku: "Premium", hubs: heavy }))).toEqual([]);
    expect(eventHubsCapacityProblems(namespace({ dedicatedClusterId: "/x", hubs: heavy }))).toEqual([]);
  });
});

describe("Event Hubs partitions", () => {
  it("needs a partition per throughput unit of the hub's peak, in or out", () => {
    const h = hub({
      consumerGroups: 2,
      capture: true,
      throughput: { eventsPerSecond: 1000, averageEventBytes: 1024, peakFactor: 2 },
    });
    expect(partitionsNeeded(h)).toBe(3);
    const at = (partitions: number) =>
      eventHubsCapacityProblems(namespace({ capacity: 3, hubs: [{ ...h, partitions }] }));
    expect(at(3)).toEqual([]);
    expect(messages(at(2))).toEqual([
      "1,000 events/s × 1 KB at peak factor 2 needs 3 partitions, the hub has 2: Microsoft's partition guidance counts one throughput unit per partition (1 MB/s or 1,000 events/s in, 2 MB/s or 4,096 events/s out), and 3 readers (2 consumer groups + capture) each read every event",
    ]);
  });
});

describe("Service Bus Standard credits", () => {
  const ns = (messagesPerSecond: number, subscriptions?: number) =>
    subscriptions === undefined
      ? {
          sku: "Standard" as const,
          queues: [{ name: "q", throughput: { messagesPerSecond, averageMessageBytes: 1024 } }],
          topics: [],
        }
      : {
          sku: "Standard" as const,
          queues: [],
          topics: [
            { name: "t", subscriptions, throughput: { messagesPerSecond, averageMessageBytes: 1024 } },
          ],
        };

  it("accepts a queue at 500 messages/s (1,000 credits: a send and a receive each) and refuses 501", () => {
    expect(serviceBusCapacityProblems(ns(500))).toEqual([]);
    expect(serviceBusCapacityProblems(ns(501))).toEqual([
      {
        field: "queues/0/throughput",
        message:
          "501 messages/s × 1 KB spends 1,002 credits/s (a send and a receive per message, 1 credit each); a Standard namespace is throttled above 1,000 credits/s: use Premium, or spread the load over namespaces",
      },
    ]);
  });

  it("counts a topic's send plus a filter evaluation and a receive per subscription", () => {
    // 1 + 2 × 2 = 5 credits a message: 200 messages/s is 1,000 credits.
    expect(serviceBusCapacityProblems(ns(200, 2))).toEqual([]);
    expect(messages(serviceBusCapacityProblems(ns(200.25, 2)))).toEqual([
      expect.stringContaining("a send, then a filter evaluation and a receive for each of 2 subscriptions"),
    ]);
  });

  it("judges the peak", () => {
    const peak = {
      sku: "Standard" as const,
      queues: [{ name: "q", throughput: { messagesPerSecond: 250, averageMessageBytes: 1, peakFactor: 2 } }],
      topics: [],
    };
    expect(serviceBusCapacityProblems(peak)).toEqual([]);
    const over = {
      ...peak,
      queues: [
        { name: "q", throughput: { messagesPerSecond: 250, averageMessageBytes: 1, peakFactor: 2.01 } },
      ],
    };
    expect(serviceBusCapacityProblems(over)).toHaveLength(1);
  });

  it("refuses nothing on Premium, whose messaging units have no published rate", () => {
    expect(serviceBusCapacityProblems({ ...ns(100000), sku: "Premium" })).toEqual([]);
  });

  it("knows when Standard would carry the load: credits and message size", () => {
    expect(standardCarries(ns(500))).toBe(true);
    expect(standardCarries(ns(501))).toBe(false);
    const large = {
      sku: "Premium" as const,
      queues: [{ name: "q", throughput: { messagesPerSecond: 1, averageMessageBytes: 256 * 1024 + 1 } }],
      topics: [],
    };
    expect(standardCarries(large)).toBe(false);
  });
});

describe("IoT Hub units", () => {
  const fleet = (devices: number, averageMessageBytes = 512, messagesPerDevicePerMinute = 1) => ({
    devices,
    messagesPerDevicePerMinute,
    averageMessageBytes,
  });

  it("meters messages in 4 KB chunks (0.5 KB on the free tier)", () => {
    expect(meteredMessagesPerDay("S1", fleet(1, 4096))).toBe(1440);
    expect(meteredMessagesPerDay("S1", fleet(1, 4097))).toBe(2880);
    expect(meteredMessagesPerDay("F1", fleet(1, 513))).toBe(2880);
  });

  it("accepts 400,000 metered messages a day on one S1 unit and refuses more", () => {
    // 400,000 / 1,440 minutes = 277.78 messages a minute.
    const at = (devices: number) =>
      iotHubCapacityProblems({
        sku: "S1",
        capacity: 1,
        throughput: fleet(devices, 512, 400000 / 1440 / devices),
      });
    expect(at(1)).toEqual([]);
    const over = iotHubCapacityProblems({ sku: "S1", capacity: 1, throughput: fleet(1, 512, 400001 / 1440) });
    expect(messages(over)).toEqual([expect.stringContaining("needs 2 units, capacity 1")]);
  });

  it("throttles sends at the higher of 100/s or 12/s per unit on S1, 120/s per unit on S2", () => {
    expect([sendThrottle("S1", 1), sendThrottle("S1", 8), sendThrottle("S1", 9)]).toEqual([100, 100, 108]);
    expect(sendThrottle("S2", 10)).toBe(1200);
    expect(sendThrottle("S3", 2)).toBe(12000);
  });

  it("needs the units of the daily quota, which binds before the send throttle on every SKU", () => {
    // 1,200 sends/s on S2 is 103,680,000 messages a day: 18 units of 6,000,000, beyond the 10 the throttle needs.
    const load = { devices: 1, messagesPerDevicePerMinute: 1200 * 60, averageMessageBytes: 1 };
    expect(iotHubUnitsNeeded("S2", load)).toBe(18);
    expect(iotHubCapacityProblems({ sku: "S2", capacity: 18, throughput: load })).toEqual([]);
    expect(iotHubCapacityProblems({ sku: "S2", capacity: 17, throughput: load })).toHaveLength(1);
  });

  it("words the problem with the fleet, the metered messages and what the SKU allows", () => {
    expect(
      messages(
        iotHubCapacityProblems({
          sku: "S1",
          capacity: 1,
          throughput: { devices: 2000, messagesPerDevicePerMinute: 0.2, averageMessageBytes: 512 },
        }),
      ),
    ).toEqual([
      "2,000 devices × 0.2 messages/min × 512 B send 576,000 messages a day (metered in 4 KB chunks) at 6.67 sends/s; S1 allows 400,000 messages a day per unit and throttles sends at the higher of 100 or 12 per unit: needs 2 units, capacity 1",
    ]);
  });
});

describe("Event Grid namespace throughput units", () => {
  it("holds 10,000 MQTT sessions and 1,000 messages/s in per unit", () => {
    const at = (mqttClients: number, messagesPerSecond: number) =>
      eventGridCapacityProblems({ capacity: 1, mqtt: true, throughput: { mqttClients, messagesPerSecond } });
    expect(at(10000, 1000)).toEqual([]);
    expect(at(10001, 1)).toHaveLength(1);
    expect(messages(at(1, 1001))).toEqual([
      "1 MQTT clients publishing 1,001 messages/s need 2 throughput units, capacity 1: a throughput unit holds 10,000 sessions and takes 1,000 MQTT messages/s in",
    ]);
  });
});

describe("Stream Analytics streaming units (guidance)", () => {
  it("takes roughly 7 MB/s per SU V2 and six V1 units per V2 unit", () => {
    const v2 = (inputBytesPerSecond: number) =>
      streamAnalyticsCapacityProblems({
        sku: "StandardV2",
        streamingUnits: 1,
        throughput: { inputBytesPerSecond },
      });
    expect(v2(7 * MB)).toEqual([]);
    expect(messages(v2(7 * MB + 1))).toEqual([expect.stringContaining("needs about 2 SU V2")]);
    const v1 = (streamingUnits: number) =>
      streamAnalyticsCapacityProblems({
        sku: "Standard",
        streamingUnits,
        throughput: { inputBytesPerSecond: 7 * MB, peakFactor: 1 },
      });
    expect(v1(6)).toEqual([]);
    expect(messages(v1(3))).toEqual([
      expect.stringContaining("Microsoft's guidance is roughly 7 MB/s of input per SU V2"),
    ]);
  });

  it("judges the peak: the shared example's 2 MB/s at peak fits one SU V2", () => {
    expect(
      streamAnalyticsCapacityProblems({
        sku: "StandardV2",
        streamingUnits: 1,
        throughput: { inputBytesPerSecond: 1024000, peakFactor: 2 },
      }),
    ).toEqual([]);
    expect(
      streamAnalyticsCapacityProblems({
        sku: "StandardV2",
        streamingUnits: 1 / 3,
        throughput: { inputBytesPerSecond: 1024000, peakFactor: 3 },
      }),
    ).toHaveLength(1);
  });
});
