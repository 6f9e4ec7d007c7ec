import { join } from "node:path";
import { formatDiagnostic } from "../../model/diagnostics";
import { loadEnvironmentFile } from "../../model/load-environment";
import type { EnvironmentModel } from "../../model/model";
import { testToday } from "./helpers/document";

const fixtures = join(__dirname, "..", "fixtures", "logic-apps");

function load(name: "dev" | "prod"): EnvironmentModel {
  const result = loadEnvironmentFile(join(fixtures, `${name}.yaml`), { today: testToday });
  if (!result.ok) throw new Error(result.errors.map(formatDiagnostic).join("\n"));
  return result.model;
}

describe("the shared examples' logic apps", () => {
  it("resolve dev's Consumption app with one managed-identity API connection", () => {
    const [app] = load("dev").logicApps;
    expect({
      hosting: app.hosting,
      workflows: app.workflows.map((w) => w.name),
      connections: app.connections.map((c) => [c.name, c.service, c.host, c.azureName]),
      standard: app.standard,
    }).toEqual({
      hosting: "Consumption",
      workflows: ["relay-orders"],
      connections: [
        ["servicebus", "serviceBus", "sbns-contoso-orders-dev.servicebus.windows.net", expect.any(String)],
      ],
      standard: undefined,
    });
  });

  it("reads what each workflow receives and sends from its definition", () => {
    const [app] = load("dev").logicApps;
    expect(app.workflows[0].uses.map((u) => `${u.direction} ${u.kind} ${u.reference}`)).toEqual([
      "receive serviceBusQueue orders/orders-inbound",
      "send serviceBusTopic orders/order-events",
    ]);
  });

  it("resolve prod's Standard app into the integration subnet, closed to public traffic", () => {
    const [app] = load("prod").logicApps;
    expect({
      hosting: app.hosting,
      publicNetworkAccess: app.publicNetworkAccess,
      diagnostics: app.diagnostics,
      sku: app.standard?.sku,
      subnet: app.standard?.integrationSubnetId?.split("/").pop(),
      inbound: app.standard?.privateEndpoint !== undefined,
      storageEndpoints: app.standard?.storagePrivateEndpoints.map((e) => e.subresource),
      receives: app.receives.map((a) => `${a.kind} ${a.reference}`),
      sends: app.sends.map((a) => `${a.kind} ${a.reference}`),
    }).toEqual({
      hosting: "Standard",
      publicNetworkAccess: false,
      diagnostics: true,
      sku: "WS1",
      subnet: "snet-app-integration",
      inbound: true,
      storageEndpoints: ["blob", "file", "queue", "table"],
      receives: ["serviceBusQueue orders/payments"],
      sends: ["serviceBusTopic orders/order-events"],
    });
  });
});
