import { join } from "node:path";
import { connectionCatalogFor } from "../../model/connection-catalog";
import { loadEnvironmentFile } from "../../model/load-environment";
import type { EnvironmentModel } from "../../model/model";
import { topologyOf } from "../../policies/topology/graph";
import { renderMermaid } from "../../policies/topology/mermaid";

function load(name: "dev" | "prod"): EnvironmentModel {
  const result = loadEnvironmentFile(join(__dirname, "..", "fixtures", "logic-apps", `${name}.yaml`), {
    today: new Date("2026-11-23T00:00:00Z"),
  });
  if (!result.ok) throw new Error(`${name} fixture is invalid`);
  return result.model;
}

describe("logic apps in the topology", () => {
  it("draws queue → workflow → topic from what the definition reads and writes", () => {
    const topology = topologyOf(load("dev"));
    const label = (id: string): string | undefined => topology.nodes.find((n) => n.id === id)?.label;
    const flow = topology.edges
      .filter((e) => label(e.from)?.startsWith("workflow") || label(e.to)?.startsWith("workflow"))
      .map((e) => `${label(e.from)} -${e.label}-> ${label(e.to)}`);
    expect(flow).toEqual([
      "queue orders-inbound -trigger-> workflow relay-orders",
      "workflow relay-orders -send-> topic order-events",
    ]);
  });

  it("renders the workflow in Mermaid inside its app's group", () => {
    const mermaid = renderMermaid(topologyOf(load("prod"))).text;
    expect(mermaid).toContain('["Logic app invoice-router"]');
    expect(mermaid).toContain('[["workflow route-invoices"]]');
  });
});

describe("logic apps in the connection catalog", () => {
  it("lists a Standard app with its host and the entities its identity reads and writes", () => {
    const entry = connectionCatalogFor(load("prod")).entries.find((e) => e.kind === "logicApp");
    expect(entry).toEqual({
      name: "invoice-router",
      kind: "logicApp",
      azureName: "logic-contoso-orders-invoice-router-prod",
      endpoints: [
        { protocol: "https", url: "https://logic-contoso-orders-invoice-router-prod.azurewebsites.net/" },
      ],
      access: [],
      receives: ["orders/payments"],
      sends: ["orders/order-events"],
    });
  });

  it("lists a Consumption app without a trigger URL, which would carry a signature", () => {
    const entry = connectionCatalogFor(load("dev")).entries.find((e) => e.kind === "logicApp");
    expect(entry?.endpoints).toEqual([]);
  });
});
