import fc from "fast-check";
import { usually, type Json } from "./common";

/*
 * Declared load (`throughput:`) for queues, topics, hubs, IoT hubs and MQTT namespaces: mostly
 * loads the generated capacities carry, sometimes loads at a unit's boundary or far beyond it (the
 * capacity checks must refuse those at the `throughput` line), rarely values the schema refuses.
 */

const peakFactor = usually(fc.constantFrom(1, 1.5, 2, 3), [10, 100, 0.5, 0]);

const rate = (plausible: readonly number[], heavy: readonly number[]): fc.Arbitrary<number> =>
  usually(fc.constantFrom(...plausible), [...heavy, 0, -1]);

export const messageThroughput: fc.Arbitrary<Json> = fc.record(
  {
    messagesPerSecond: rate([0.5, 10, 200, 500], [501, 5000, 1e6]),
    averageMessageBytes: usually(fc.constantFrom(100, 1024, 2048, 65536), [262145, 104857600, 104857601]),
    peakFactor,
  },
  { requiredKeys: ["messagesPerSecond", "averageMessageBytes"] },
);

export const eventThroughput: fc.Arbitrary<Json> = fc.record(
  {
    eventsPerSecond: rate([1, 100, 1000], [1001, 4096, 50000, 1e6]),
    averageEventBytes: usually(fc.constantFrom(100, 512, 1024), [1048576, 1048577, 20971520]),
    peakFactor,
  },
  { requiredKeys: ["eventsPerSecond", "averageEventBytes"] },
);

export const deviceThroughput: fc.Arbitrary<Json> = fc.record({
  devices: usually(fc.constantFrom(1, 100, 2000), [1000000, 1000001, 0]),
  messagesPerDevicePerMinute: rate([0.01, 0.2, 1], [60, 6000]),
  averageMessageBytes: usually(fc.constantFrom(64, 512, 4096), [4097, 262144]),
});

export const mqttThroughput: fc.Arbitrary<Json> = fc.record({
  mqttClients: usually(fc.constantFrom(1, 500, 10000), [10001, 400001]),
  messagesPerSecond: rate([1, 100, 1000], [1001, 40001]),
});
