import { join } from "node:path";
import { loadEnvironmentFile } from "../../model/load-environment";
import { testToday } from "./helpers/document";

const example = join(__dirname, "..", "fixtures", "stream-analytics", "prod.yaml");

describe("prod.yaml's Stream Analytics job", () => {
  const result = loadEnvironmentFile(example, { today: testToday });
  const job = result.ok ? result.model.streamAnalytics[0] : undefined;

  it("validates: the hub behind IP rules and the private queue are both reached as a trusted service", () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("resolves the production profile's defaults and the query as read", () => {
    expect(job).toMatchObject({
      name: "overheat-detection",
      azureName: "asa-contoso-orders-overheat-detection-prod",
      sku: "StandardV2",
      streamingUnits: 1,
      compatibilityLevel: "1.2",
      outputErrorPolicy: "Stop",
      diagnostics: true,
      lock: true,
      query: { file: "queries/overheat-detection.asaql" },
    });
    expect(job?.query.text).toContain("INTO [maintenance-alerts]");
  });

  it("resolves the input to the hub's consumer group and the output to the queue", () => {
    expect(job?.inputs).toEqual([
      expect.objectContaining({
        alias: "telemetry",
        reads: expect.objectContaining({
          kind: "eventHub",
          namespace: "telemetry",
          entity: "device-telemetry",
        }),
        consumerGroup: "analytics",
        serialization: "Json",
      }),
    ]);
    expect(job?.outputs).toEqual([
      expect.objectContaining({
        alias: "maintenance-alerts",
        writes: expect.objectContaining({
          kind: "serviceBusQueue",
          namespace: "orders",
          entity: "maintenance-alerts",
        }),
      }),
    ]);
  });
});
