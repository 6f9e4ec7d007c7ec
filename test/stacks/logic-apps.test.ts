import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnvironmentFile, loadEnvironmentText } from "../../model/load-environment";
import { synthesizeEnvironments } from "../../stacks/app";
import { synthesizedStack } from "./helpers/synthesized";

const fixtures = join(__dirname, "..", "fixtures", "logic-apps");
const dev = synthesizedStack(join(fixtures, "dev.yaml"));
const prod = synthesizedStack(join(fixtures, "prod.yaml"));

const only = (resources: Record<string, Record<string, unknown>> | undefined): Record<string, unknown> => {
  const list = Object.values(resources ?? {});
  expect(list).toHaveLength(1);
  return list[0];
};

describe("a Consumption logic app (dev example)", () => {
  const azapi = Object.values(dev.resource.azapi_resource);
  const workflow = azapi.find((r) => r.type === "Microsoft.Logic/workflows@2019-05-01");
  const connection = azapi.find((r) => r.type === "Microsoft.Web/connections@2016-06-01");

  it("is a workflow with its own identity and schema validation on", () => {
    expect(workflow).toMatchObject({ identity: { type: "SystemAssigned" } });
    expect(workflow?.schema_validation_enabled).not.toBe(false);
  });

  it("connects by managed identity to the namespace endpoint, never with a key", () => {
    expect(connection?.body).toMatchObject({
      properties: {
        parameterValueSet: {
          name: "managedIdentityAuth",
          values: { namespaceEndpoint: { value: "sb://sbns-contoso-orders-dev.servicebus.windows.net/" } },
        },
      },
    });
    expect(JSON.stringify(connection)).not.toMatch(/SharedAccessKey|connectionString/i);
  });

  it("wires the connection into $connections under the name the definition uses", () => {
    const body = workflow?.body as {
      properties: { parameters: { $connections: { value: Record<string, unknown> } } };
    };
    expect(body.properties.parameters.$connections.value.servicebus).toMatchObject({
      connectionProperties: { authentication: { type: "ManagedServiceIdentity" } },
    });
  });

  it("grants its identity the receiver role on the queue and the sender role on the topic only", () => {
    const roles = Object.values(dev.resource.azurerm_role_assignment)
      .filter((r) => String(r.description).startsWith("logicApps/order-relay"))
      .map((r) => r.role_definition_name)
      .sort();
    expect(roles).toEqual(["Azure Service Bus Data Receiver", "Azure Service Bus Data Sender"]);
  });
});

describe("a Standard logic app (prod example)", () => {
  const app = only(prod.resource.azurerm_logic_app_standard);

  it("runs on a WS1 plan with VNet integration, HTTPS only, TLS 1.2, FTP off and no public inbound", () => {
    expect(only(prod.resource.azurerm_service_plan)).toMatchObject({ sku_name: "WS1", os_type: "Windows" });
    expect(app).toMatchObject({
      https_only: true,
      public_network_access: "Disabled",
      ftp_publish_basic_authentication_enabled: false,
      identity: { type: "SystemAssigned" },
      site_config: { ftps_state: "Disabled", min_tls_version: "1.2", vnet_route_all_enabled: true },
    });
    expect(String(app.virtual_network_subnet_id)).toMatch(/snet-app-integration$/);
  });

  it("states the shared key the runtime storage needs, and closes the storage to the internet", () => {
    const storage = Object.values(prod.resource.azurerm_storage_account).find((r) =>
      String((r["//"] as { metadata: { path: string } }).metadata.path).startsWith("prod/logic-app-"),
    );
    expect(storage).toMatchObject({
      shared_access_key_enabled: true,
      public_network_access_enabled: false,
      min_tls_version: "TLS1_2",
    });
  });
});

describe("the Standard app's content package", () => {
  it("is written at synthesis with each workflow as the file has it and managed-identity connections", () => {
    const result = loadEnvironmentFile(join(fixtures, "prod.yaml"), {
      today: new Date("2026-11-23T00:00:00Z"),
    });
    if (!result.ok) throw new Error("prod fixture is invalid");
    const outdir = mkdtempSync(join(tmpdir(), "logic-app-stack-"));
    try {
      synthesizeEnvironments([result.model], outdir);
      const stackDir = join(outdir, "stacks", "prod");
      const json = JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8")) as {
        output: Record<string, { value: Record<string, { app: string; package: string }> }>;
      };
      const folder = join(stackDir, json.output.logic_app_packages.value["invoice-router"].package);
      expect(readFileSync(join(folder, "route-invoices", "workflow.json"), "utf8")).toBe(
        readFileSync(join(fixtures, "workflows", "route-invoices.json"), "utf8"),
      );
      const connections = JSON.parse(readFileSync(join(folder, "connections.json"), "utf8")) as unknown;
      expect(connections).toEqual({
        serviceProviderConnections: {
          serviceBus: {
            displayName: "serviceBus",
            parameterSetName: "ManagedServiceIdentity",
            parameterValues: {
              fullyQualifiedNamespace: "sbns-contoso-orders-orders-prod.servicebus.windows.net",
              authProvider: { Type: "ManagedServiceIdentity" },
            },
            serviceProvider: { id: "/serviceProviders/serviceBus" },
          },
        },
      });
      expect(existsSync(join(folder, "host.json"))).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe("failed-run alerts", () => {
  it("watch a Consumption workflow's RunsFailed metric", () => {
    const alert = Object.values(dev.resource.azurerm_monitor_metric_alert).find((a) =>
      String(a.name).startsWith("logicApps-order-relay"),
    );
    expect(alert).toMatchObject({
      criteria: [{ metric_namespace: "Microsoft.Logic/workflows", metric_name: "RunsFailed", threshold: 0 }],
    });
  });

  it("query a Standard app's workflow runtime log for failed runs", () => {
    const alert = Object.values(prod.resource.azurerm_monitor_scheduled_query_rules_alert_v2).find((a) =>
      String(a.name).startsWith("logicApps-invoice-router"),
    );
    expect(JSON.stringify(alert)).toContain('WorkflowRunCompleted\\" and Status == \\"Failed\\"');
  });
});

describe("an app reading a queue that shares its label with an event hub", () => {
  // The file's check refuses `receives: [orders/inbound]` when both namespaces declare "inbound";
  // the stack must not depend on that to grant on the right entity, so the model is renamed by hand.
  const text = `name: dev
tier: development
location: westeurope
naming:
  prefix: contoso
serviceBus:
  - name: orders
    sku: Standard
    queues:
      - name: inbound
eventHubs:
  - name: telemetry
    sku: Standard
    hubs:
      - name: inbound
        partitions: 2
        retentionDays: 1
logicApps:
  - name: queue-reader
    hosting: Standard
    workflows:
      - name: read-queue
        definition: workflows/read-inbound-queue.json
    connections:
      sb: serviceBus/orders
    receives: [orders/inbound]
`;

  it("is granted Azure Service Bus Data Receiver on the queue, not the Event Hubs role on the hub", () => {
    const result = loadEnvironmentText(text, join(fixtures, "shared-label.yaml"), {
      today: new Date("2026-11-23T00:00:00Z"),
    });
    if (!result.ok) throw new Error(`shared-label model is invalid: ${JSON.stringify(result.errors)}`);
    const model = {
      ...result.model,
      eventHubs: result.model.eventHubs.map((ns) => ({ ...ns, name: "orders" })),
    };
    const outdir = mkdtempSync(join(tmpdir(), "logic-app-stack-"));
    try {
      synthesizeEnvironments([model], outdir);
      const json = JSON.parse(readFileSync(join(outdir, "stacks", "dev", "cdk.tf.json"), "utf8")) as {
        resource: Record<string, Record<string, Record<string, unknown>>>;
      };
      const grants = Object.values(json.resource.azurerm_role_assignment).filter((r) =>
        String(r.description).startsWith("logicApps/queue-reader"),
      );
      expect(grants.map((r) => r.role_definition_name)).toEqual(["Azure Service Bus Data Receiver"]);
      expect(String(grants[0].scope)).toMatch(/^\$\{azurerm_servicebus_queue\./);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe("a Consumption workflow whose definition declares no $connections", () => {
  const text = `name: dev
tier: development
location: westeurope
naming:
  prefix: contoso
logicApps:
  - name: ticker
    hosting: Consumption
    workflows:
      - name: tick
        definition: workflows/tick.json
`;

  it("is deployed without a parameters value, which Azure would refuse as undeclared", () => {
    const result = loadEnvironmentText(text, join(fixtures, "ticker.yaml"), {
      today: new Date("2026-11-23T00:00:00Z"),
    });
    if (!result.ok) throw new Error(`ticker model is invalid: ${JSON.stringify(result.errors)}`);
    const outdir = mkdtempSync(join(tmpdir(), "logic-app-stack-"));
    try {
      synthesizeEnvironments([result.model], outdir);
      const json = JSON.parse(readFileSync(join(outdir, "stacks", "dev", "cdk.tf.json"), "utf8")) as {
        resource: Record<string, Record<string, Record<string, unknown>>>;
      };
      const workflow = Object.values(json.resource.azapi_resource).find(
        (r) => r.type === "Microsoft.Logic/workflows@2019-05-01",
      );
      const body = workflow?.body as { properties: Record<string, unknown> };
      expect(body.properties).toHaveProperty("definition");
      expect(body.properties).not.toHaveProperty("parameters");
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
