import { parsePriceTable, priceEntryId, retailPrices } from "../../azure/prices";
import { estimateCost } from "../../policies/cost/estimate";
import { resourceAmount, type EnvironmentEstimate } from "../../policies/cost/estimate-types";
import { join } from "node:path";
import { loadEnvironmentFile, loadEnvironmentText } from "../../model/load-environment";
import { meteredMessagesPerDay } from "../../azure/capacity-iot-hub";
import type { EnvironmentModel } from "../../model/model";
import { renderCostText } from "../../policies/cost/format-text";
import { fixedPrices, shippedModel } from "./support";

const prices = fixedPrices();

function resource(estimate: EnvironmentEstimate, key: string) {
  const found = estimate.resources.find((r) => r.key === key);
  if (!found) throw new Error(`no estimate for ${key}`);
  return found;
}

describe("the cost of the shipped environments", () => {
  it("prices prod's Premium namespace and IoT hub, and lists every other meter unpriced", () => {
    const estimate = estimateCost(shippedModel("prod"), prices);
    expect(estimate).toMatchObject({ environment: "prod", currency: "USD", hoursPerMonth: 730 });
    const orders = resource(estimate, "serviceBus/orders");
    expect(orders.lines).toEqual([
      expect.objectContaining({
        meter: "Premium messaging units",
        quantity: 730,
        monthly: 677.08,
        prices: ["service-bus-premium-premium-messaging-unit-westeurope-0"],
      }),
    ]);
    expect(resource(estimate, "iotHub/plants").lines[0]).toMatchObject({
      quantity: 2,
      monthly: 50,
      prices: ["iot-hub-s1-s1-unit-westeurope-0"],
    });
    expect(estimate.total).toBe(727.08);
    expect(estimate.unpriced).toBe(17);
    expect(estimate.budget).toEqual({ monthlyAmount: 8000 });
  });

  it("prices dev's Standard base charge and leaves undeclared operations unknown", () => {
    const estimate = estimateCost(shippedModel("dev"), prices);
    const orders = resource(estimate, "serviceBus/orders");
    expect(orders.lines[0]).toMatchObject({ meter: "Standard base charge", quantity: 730, monthly: 9.81 });
    expect(orders.lines[1]).toMatchObject({ meter: "Messaging operations", unpriced: expect.any(String) });
    expect(orders.lines[1].monthly).toBeUndefined();
    expect(orders.lines[1].quantity).toBeUndefined();
    expect(estimate.total).toBe(9.81);
    expect(estimate.unpriced).toBe(6);
  });
});

describe("unknown prices", () => {
  it("show as unpriced, never as zero", () => {
    const estimate = estimateCost(shippedModel("prod"), prices);
    const hubs = resource(estimate, "eventHubs/telemetry");
    expect(hubs.lines.every((line) => line.monthly === undefined && line.unpriced !== undefined)).toBe(true);
    expect(hubs.lines[0].unpriced).toBe(
      "no price for Event Hubs Standard Throughput Unit (Standard) in westeurope in the price table",
    );
    expect(resourceAmount(hubs)).toBe("unpriced");
    // A region the table does not price: the geo-DR secondary in northeurope.
    expect(resource(estimate, "serviceBus/orders#secondary").lines[0].monthly).toBeUndefined();
  });

  it("come back priced once the table has them, with no change to the estimator", () => {
    const withHubs = {
      entries: [
        ...prices.entries,
        {
          ...prices.entries[0],
          id: "synthetic-eh-tu",
          serviceName: "Event Hubs",
          skuName: "Standard",
          meterName: "Standard Throughput Unit",
          unitOfMeasure: "1 Hour",
          tierMinimumUnits: 0,
          unitPrice: 1,
        },
      ],
    };
    const hubs = resource(estimateCost(shippedModel("prod"), withHubs), "eventHubs/telemetry");
    expect(hubs.lines[0]).toMatchObject({ monthly: 1460, prices: ["synthetic-eh-tu"] });
  });
});

describe("Stream Analytics jobs and logic apps", () => {
  const fixture = (...path: string[]): EnvironmentModel => {
    const loaded = loadEnvironmentFile(join(__dirname, "..", "fixtures", ...path), {
      today: new Date("2026-11-23T00:00:00Z"),
    });
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.line} ${e.message}`).join("\n"));
    return loaded.model;
  };

  it("list a job's streaming-unit hours, unpriced (the table has no Stream Analytics price), never $0", () => {
    const model = fixture("stream-analytics", "prod.yaml");
    const job = resource(estimateCost(model, prices), "streamAnalytics/overheat-detection");
    expect(job).toMatchObject({ sku: "StandardV2", capacity: { value: 1, unit: "SU V2" } });
    expect(job.lines).toEqual([
      expect.objectContaining({ meter: "Streaming units", quantity: 730, unit: "SU V2-hours" }),
    ]);
    expect(job.lines[0].monthly).toBeUndefined();
    expect(job.lines[0].unpriced).toContain("no Stream Analytics streaming-unit price");
    expect(resourceAmount(job)).toBe("unpriced");
    const third = { ...model.streamAnalytics[0], streamingUnits: "1/3" as const };
    const small = estimateCost({ ...model, streamAnalytics: [third] }, prices);
    expect(resource(small, "streamAnalytics/overheat-detection").lines[0]).toMatchObject({
      quantity: 243.33,
      basis: "1/3 SU V2, running 730 hours",
    });
  });

  it("list a Consumption app's executions and a Standard app's plan hours, all unpriced", () => {
    const consumption = estimateCost(fixture("logic-apps", "dev.yaml"), prices);
    const standard = estimateCost(fixture("logic-apps", "prod.yaml"), prices);
    const [consumptionApp] = consumption.resources.filter((r) => r.key.startsWith("logicApps/"));
    const [standardApp] = standard.resources.filter((r) => r.key.startsWith("logicApps/"));
    expect(consumptionApp).toMatchObject({ sku: "Consumption" });
    expect(consumptionApp.lines.map((l) => l.meter)).toEqual(["Trigger and action executions"]);
    expect(standardApp.lines).toEqual([
      expect.objectContaining({ quantity: 730, unit: "hours" }),
      expect.objectContaining({ meter: "Runtime storage (data stored and operations)" }),
    ]);
    for (const app of [consumptionApp, standardApp]) {
      expect(app.lines.every((l) => l.monthly === undefined && l.unpriced !== undefined)).toBe(true);
      expect(resourceAmount(app)).toBe("unpriced");
    }
    const text = renderCostText(standard, prices);
    expect(text).toContain("Workflow Standard plan (WS1): 730 hours → unpriced");
    expect(text).not.toMatch(/logic app[^\n]*\$0/);
  });
});

describe("usage meters from throughput:", () => {
  function devWithLoad(messagesPerSecond: number, averageMessageBytes: number): EnvironmentModel {
    const dev = shippedModel("dev");
    const [ns] = dev.serviceBus;
    return {
      ...dev,
      serviceBus: [
        {
          ...ns,
          queues: ns.queues.map((q) => ({ ...q, throughput: { messagesPerSecond, averageMessageBytes } })),
          topics: [],
        },
      ],
    };
  }

  it("bills Standard operations past the 13 million included, tier by tier", () => {
    // 10 messages/s × 2,628,000 s × (send + receive) = 52.56 million; 39.56 million at $0.80.
    const orders = resource(estimateCost(devWithLoad(10, 1024), prices), "serviceBus/orders");
    expect(orders.lines[1]).toMatchObject({ meter: "Messaging operations", monthly: 31.65 });
    expect(orders.lines[1].quantity).toBeCloseTo(52.56, 6);
    expect(orders.lines[1].prices).toEqual([
      "service-bus-standard-standard-messaging-operations-westeurope-0",
      "service-bus-standard-standard-messaging-operations-westeurope-13",
    ]);
  });

  it("counts each 64 KB of a message as one operation", () => {
    const small = resource(estimateCost(devWithLoad(1, 64 * 1024), prices), "serviceBus/orders");
    const large = resource(estimateCost(devWithLoad(1, 64 * 1024 + 1), prices), "serviceBus/orders");
    expect(large.lines[1].quantity).toBeCloseTo(2 * (small.lines[1].quantity ?? 0), 6);
  });

  it("stays within the included operations at exactly 13 million", () => {
    const perSecond = 13e6 / (730 * 3600 * 2);
    const orders = resource(estimateCost(devWithLoad(perSecond, 100), prices), "serviceBus/orders");
    expect(orders.lines[1].monthly).toBe(0);
  });
});

describe("IoT Hub's metered messages", () => {
  it("count an F1 hub's messages in the capacity rule's 512 B chunks, as its capacity problem does", () => {
    const loaded = loadEnvironmentText(
      [
        "name: capc",
        "tier: development",
        "location: westeurope",
        "naming: { prefix: contoso }",
        "iotHub:",
        "  - name: plant",
        "    sku: F1",
        "    throughput: { devices: 2, messagesPerDevicePerMinute: 1, averageMessageBytes: 1024 }",
        "",
      ].join("\n"),
      "capc.yaml",
      { today: new Date("2026-11-23T00:00:00Z") },
    );
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const { sku, throughput } = loaded.model.iotHub[0];
    if (!throughput) throw new Error("the hub lost its throughput:");
    // 2 devices × 1,440 messages a day × two 512 B chunks each.
    expect(meteredMessagesPerDay(sku, throughput)).toBe(5760);
    const basis = resource(estimateCost(loaded.model, prices), "iotHub/plant").lines[0].basis;
    expect(basis).toContain("the declared load is 5,760 512 B chunks a day");
  });
});

describe("the price table", () => {
  it("names every problem of a malformed table, entry and field", () => {
    expect(parsePriceTable({ entries: [null, { id: "x", unitPrice: -1 }] })).toEqual({
      ok: false,
      problems: expect.arrayContaining([
        "entries[0] is not an object",
        "entries[1].serviceName must be a non-empty string",
        "entries[1].unitPrice must be a number of at least 0",
      ]),
    });
    const twice = { entries: [prices.entries[0], prices.entries[0]] };
    expect(parsePriceTable(twice)).toEqual({
      ok: false,
      problems: [`entry id ${prices.entries[0].id} appears twice`],
    });
  });

  it("gives every shipped entry its meter, region, currency, unit, date and source", () => {
    for (const entry of retailPrices.entries) {
      expect(entry.id).toBe(priceEntryId(entry));
      expect(entry).toMatchObject({
        armRegionName: expect.stringMatching(/^[a-z0-9]+$/),
        currencyCode: "USD",
        readOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        source: expect.stringMatching(/\S/),
      });
    }
  });
});
