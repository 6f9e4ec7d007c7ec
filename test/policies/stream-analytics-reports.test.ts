import { join } from "node:path";
import { loadEnvironmentFile } from "../../model/load-environment";
import { connectionCatalogFor } from "../../model/connection-catalog";
import { renderCatalogMarkdown } from "../../policies/catalog/render-catalog";
import { topologyOf } from "../../policies/topology/graph";
import { renderMermaid } from "../../policies/topology/mermaid";

const file = join(__dirname, "..", "fixtures", "stream-analytics", "prod.yaml");
const loaded = loadEnvironmentFile(file, { today: new Date("2026-11-23T00:00:00Z") });
if (!loaded.ok) throw new Error(`${file} is invalid`);
const model = loaded.model;

describe("a Stream Analytics job in the reports", () => {
  it("is drawn between the hub it reads and the queue it writes", () => {
    const { edges } = topologyOf(model);
    expect(edges.filter((e) => e.from.startsWith("asa__") || e.to.startsWith("asa__"))).toEqual([
      {
        from: "eh__telemetry__device_2d_telemetry",
        to: "asa__overheat_2d_detection",
        label: "telemetry (analytics)",
      },
      {
        from: "asa__overheat_2d_detection",
        to: "sb__orders__maintenance_2d_alerts",
        label: "maintenance-alerts",
      },
    ]);
  });

  it("renders as a Mermaid subroutine node", () => {
    expect(renderMermaid(topologyOf(model)).text).toContain(
      'asa__overheat_2d_detection[["Stream Analytics job overheat-detection"]]',
    );
  });

  it("is listed in the connection catalog with what it reads and writes", () => {
    const entry = connectionCatalogFor(model).entries.find((e) => e.kind === "streamAnalyticsJob");
    expect(entry).toEqual({
      name: "overheat-detection",
      kind: "streamAnalyticsJob",
      azureName: "asa-contoso-orders-overheat-detection-prod",
      endpoints: [],
      access: [],
      reads: ["telemetry/device-telemetry (consumer group analytics)"],
      writes: ["orders/maintenance-alerts"],
    });
    expect(renderCatalogMarkdown(connectionCatalogFor(model))).toContain(
      "| overheat-detection | asa-contoso-orders-overheat-detection-prod | reads telemetry/device-telemetry (consumer group analytics)<br>writes orders/maintenance-alerts |",
    );
  });
});
