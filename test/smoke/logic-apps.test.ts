import { join } from "node:path";
import { isJsonObject } from "../../azure/workflow-definition";
import { loadEnvironmentFile } from "../../model/load-environment";
import type { EnvironmentModel, LogicApp } from "../../model/model";
import { createArmClients } from "../../scripts/smoke/arm-clients";
import { armTarget } from "../../scripts/smoke/clouds";
import { runSmoke } from "../../scripts/smoke/run-smoke";
import type { SmokeSummary } from "../../scripts/smoke/results";
import { publishEnvironment, subscriptionId } from "./helpers/arm-world";
import { FakeArmServer, staticTestCredential, testCa } from "./helpers/fake-arm-server";

/** A fixture's model with only its logic apps, so the checks below are theirs alone. */
function logicAppsOnly(name: "dev" | "prod"): EnvironmentModel {
  const result = loadEnvironmentFile(join(__dirname, "..", "fixtures", "logic-apps", `${name}.yaml`), {
    today: new Date("2026-11-23T00:00:00Z"),
  });
  if (!result.ok) throw new Error(`${name} fixture is invalid`);
  const model = result.model;
  return {
    ...model,
    serviceBus: [],
    eventHubs: [],
    eventGrid: { topics: [], systemTopics: [], namespaces: [] },
    relay: [],
    iotHub: [],
    sites: [],
    smoke: undefined,
  };
}

const definitionOf = (app: LogicApp, i = 0): unknown => {
  const document = app.workflows[i].definition.document;
  return isJsonObject(document) ? document.definition : undefined;
};

/** Publishes the apps as ARM answers them ("Workflows - Get", "Web Apps - Get", "Web Apps - List Workflows", "Connections - Get"). */
function publishLogicApps(server: FakeArmServer, model: EnvironmentModel): Record<string, string> {
  const rg = `/subscriptions/${subscriptionId}/resourceGroups/${model.resourceGroupName}`;
  const paths: Record<string, string> = {};
  for (const app of model.logicApps) {
    if (app.hosting === "Consumption") {
      const id = `${rg}/providers/Microsoft.Logic/workflows/${app.azureName}`;
      paths[app.name] = id;
      server.set(id, {
        id,
        name: app.azureName,
        type: "Microsoft.Logic/workflows",
        location: model.location,
        properties: { provisioningState: "Succeeded", state: "Enabled", definition: definitionOf(app) },
      });
      for (const connection of app.connections) {
        const connectionId = `${rg}/providers/Microsoft.Web/connections/${connection.azureName ?? ""}`;
        paths[`${app.name}/${connection.name}`] = connectionId;
        server.set(connectionId, {
          id: connectionId,
          name: connection.azureName,
          type: "Microsoft.Web/connections",
          properties: { statuses: [{ status: "Connected" }] },
        });
      }
      continue;
    }
    const id = `${rg}/providers/Microsoft.Web/sites/${app.azureName}`;
    paths[app.name] = id;
    server.set(id, {
      id,
      name: app.azureName,
      type: "Microsoft.Web/sites",
      kind: "functionapp,workflowapp",
      properties: { state: "Running" },
    });
    server.set(`${id}/workflows`, {
      value: app.workflows.map((workflow) => ({
        id: `${id}/workflows/${workflow.name}`,
        name: `${app.azureName}/${workflow.name}`,
        type: "Microsoft.Web/sites/workflows",
        kind: "Stateful",
        // The documented envelope: files by name, workflow.json beside the app's connections.json.
        properties: {
          flowState: "Enabled",
          files: {
            "workflow.json": workflow.definition.document,
            "connections.json": { serviceProviderConnections: {}, managedApiConnections: {} },
          },
        },
      })),
    });
    paths[`${app.name}/workflows`] = `${id}/workflows`;
  }
  return paths;
}

describe("smoke tests of logic apps against a loopback ARM endpoint", () => {
  const server = new FakeArmServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  async function smoke(model: EnvironmentModel): Promise<SmokeSummary> {
    const target = armTarget({ armEndpoint: server.endpoint });
    const clients = createArmClients(staticTestCredential, subscriptionId, target, { trustedCa: testCa });
    return runSmoke({ model, clients, subscriptionId, timeoutMs: 10000 });
  }

  function world(name: "dev" | "prod"): { model: EnvironmentModel; paths: Record<string, string> } {
    const model = logicAppsOnly(name);
    publishEnvironment(server, model);
    return { model, paths: publishLogicApps(server, model) };
  }

  it("passes a Consumption workflow that is enabled, runs the file's definition and whose connection is Connected", async () => {
    const { model } = world("dev");
    const summary = await smoke(model);
    expect(summary.results.filter((r) => r.resource.startsWith("logicApps/"))).toEqual([
      { status: "passed", resource: "logicApps/order-relay" },
      { status: "passed", resource: "logicApps/order-relay/definition" },
      { status: "passed", resource: "logicApps/order-relay/connections/servicebus" },
    ]);
  });

  it("reports a disabled workflow, a changed definition and a connection that is not Connected", async () => {
    const { model, paths } = world("dev");
    const workflow = server.get(paths["order-relay"]) as { properties: Record<string, unknown> };
    workflow.properties.state = "Disabled";
    workflow.properties.definition = { triggers: {}, actions: {} };
    const connection = server.get(paths["order-relay/servicebus"]) as { properties: Record<string, unknown> };
    connection.properties.statuses = [{ status: "Error" }];
    const drift = (await smoke(model)).results
      .filter((r) => r.status === "drift")
      .map((r) => `${r.resource} ${r.property}`);
    expect(drift).toEqual([
      "logicApps/order-relay state",
      "logicApps/order-relay definition",
      "logicApps/order-relay/connections/servicebus status",
    ]);
  });

  it("passes a running Standard app that has every declared workflow with the file's definition", async () => {
    const { model } = world("prod");
    const summary = await smoke(model);
    expect(summary.results.filter((r) => r.resource.startsWith("logicApps/"))).toEqual([
      { status: "passed", resource: "logicApps/invoice-router" },
      { status: "passed", resource: "logicApps/invoice-router/workflows/route-invoices" },
      { status: "passed", resource: "logicApps/invoice-router/workflows/route-invoices/definition" },
    ]);
  });

  it("reports a stopped Standard app, a missing workflow and one the file does not declare", async () => {
    const { model, paths } = world("prod");
    const site = server.get(paths["invoice-router"]) as { properties: Record<string, unknown> };
    site.properties.state = "Stopped";
    server.set(paths["invoice-router/workflows"], {
      value: [
        {
          name: "site/hand-made",
          type: "Microsoft.Web/sites/workflows",
          properties: { flowState: "Enabled" },
        },
      ],
    });
    const results = (await smoke(model)).results.filter((r) => r.resource.startsWith("logicApps/"));
    expect(results).toEqual([
      {
        status: "drift",
        resource: "logicApps/invoice-router",
        property: "state",
        expected: "Running",
        actual: "Stopped",
      },
      { status: "missing", resource: "logicApps/invoice-router/workflows/route-invoices" },
      { status: "unmanaged", resource: "logicApps/invoice-router/workflows/hand-made" },
    ]);
  });

  it("reports a deployed Standard workflow whose definition differs from the file as drift", async () => {
    const { model, paths } = world("prod");
    const list = server.get(paths["invoice-router/workflows"]) as {
      value: { properties: { files: Record<string, unknown> } }[];
    };
    list.value[0].properties.files["workflow.json"] = {
      definition: { triggers: {}, actions: {} },
      kind: "Stateful",
    };
    const drift = (await smoke(model)).results.filter((r) => r.status === "drift");
    expect(drift).toEqual([
      {
        status: "drift",
        resource: "logicApps/invoice-router/workflows/route-invoices",
        property: "definition",
        expected: "workflows/route-invoices.json",
        actual: "a different definition",
      },
    ]);
  });
});
