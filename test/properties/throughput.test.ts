import { test } from "@fast-check/jest";
import fc from "fast-check";
import { stringify } from "yaml";
import { capacityRecommendations } from "../../policies/capacity/recommendations";
import type { JsonObject } from "../../policies/engine/terraform-json";
import {
  deviceThroughput,
  eventThroughput,
  messageThroughput,
  mqttThroughput,
} from "./arbitraries/throughput";
import { generatedFile, load, runPolicy, synthesize } from "./harness";
import { propertyTimeout, runs, seed } from "./run-config";

/*
 * Declared load against declared capacity: on a file that is valid without its `throughput:` lines,
 * a generated load either validates, synthesizes and gets its recommendations and policy report, or
 * is refused with every error at a `throughput` field of the generated file.
 */

const capacities = fc.record({
  serviceBusSku: fc.constantFrom("Standard", "Premium"),
  subscriptions: fc.integer({ min: 0, max: 2 }),
  hubCapacity: fc.constantFrom(1, 2, 4),
  autoInflate: fc.constantFrom(undefined, 10, 40),
  partitions: fc.constantFrom(1, 2, 4, 16, 32),
  consumerGroups: fc.integer({ min: 0, max: 3 }),
  capture: fc.boolean(),
  iotSku: fc.constantFrom("S1", "S2", "B1"),
  iotCapacity: fc.constantFrom(1, 2, 10),
  mqttCapacity: fc.constantFrom(1, 2, 40),
});

const loads = fc.record({
  queue: messageThroughput,
  topic: messageThroughput,
  hub: eventThroughput,
  iot: deviceThroughput,
  mqtt: mqttThroughput,
});

type Capacities = typeof capacities extends fc.Arbitrary<infer T> ? T : never;
type Loads = typeof loads extends fc.Arbitrary<infer T> ? T : never;

/** The file with the loads, or without any (`l` absent). */
function file(c: Capacities, l?: Loads): string {
  return stringify({
    name: "load",
    tier: "development",
    location: "westeurope",
    naming: { prefix: "contoso" },
    serviceBus: [
      {
        name: "orders",
        sku: c.serviceBusSku,
        queues: [{ name: "inbound", throughput: l?.queue }],
        topics: [
          {
            name: "events",
            subscriptions: Array.from({ length: c.subscriptions }, (_, i) => ({ name: `s${i}` })),
            throughput: l?.topic,
          },
        ],
      },
    ],
    eventHubs: [
      {
        name: "telemetry",
        sku: "Standard",
        capacity: c.hubCapacity,
        autoInflateMaxCapacity: c.autoInflate,
        hubs: [
          {
            name: "device-telemetry",
            partitions: c.partitions,
            consumerGroups: Array.from({ length: c.consumerGroups }, (_, i) => `cg${i}`),
            capture: c.capture ? {} : undefined,
            throughput: l?.hub,
          },
        ],
      },
    ],
    iotHub: [{ name: "plants", sku: c.iotSku, capacity: c.iotCapacity, throughput: l?.iot }],
    eventGrid: {
      namespaces: [{ name: "plant-mqtt", capacity: c.mqttCapacity, mqtt: {}, throughput: l?.mqtt }],
    },
  });
}

test.prop([capacities, loads], { numRuns: runs(25), seed })(
  `a declared load synthesizes or is refused at its throughput line (seed ${seed})`,
  (c, l) => {
    const yaml = file(c, l);
    const result = load(yaml);
    if (result.ok) {
      const text = synthesize(result.model);
      runPolicy(result.model, JSON.parse(text) as JsonObject);
      capacityRecommendations(result.model);
      return;
    }
    for (const error of result.errors) {
      expect(error.file).toBe(generatedFile);
      expect(error.line).toBeGreaterThan(0);
      expect(error.path).toMatch(/\.throughput(\.|$)/);
    }
    // The same capacities without any load are accepted: the refusal is the load's.
    expect(load(file(c)).ok).toBe(true);
  },
  propertyTimeout,
);

it(`draws loads both accepted and refused (seed ${seed})`, () => {
  const outcomes = fc
    .sample(fc.tuple(capacities, loads), { numRuns: runs(25), seed })
    .map(([c, l]) => load(file(c, l)).ok);
  expect(new Set(outcomes)).toEqual(new Set([true, false]));
});
