import { synthesizeEnvironments } from "../../stacks/app";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EnvironmentModel } from "../../model/model";
import { resolveEnvironment } from "../../model/resolve";
import { walkEnvironment, walkKinds, type WalkedResource } from "../../model/walk";
import { documentFromFile, specOf } from "./helpers/document";

const everyField = join(__dirname, "..", "fixtures", "schema", "every-field.yaml");
const shipped = ["environments/dev.yaml", "environments/prod.yaml"];
/** The shared examples' logic apps (Consumption in dev, Standard in prod), beside the shipped files. */
const logicAppExamples = ["test/fixtures/logic-apps/dev.yaml", "test/fixtures/logic-apps/prod.yaml"];

/** Resolves a file without the semantic checks: every-field.yaml is shaped right but not meant to pass them. */
function resolved(path: string): {
  model: EnvironmentModel;
  locate: (pointer: string) => { line: number; column: number };
} {
  const doc = documentFromFile(path);
  return { model: resolveEnvironment(doc, specOf(doc)), locate: doc.locate };
}

/** The Azure type of each synthesized resource the walk accounts for, by Terraform type. */
const armTypes: Readonly<Record<string, string>> = {
  azurerm_servicebus_namespace: "Microsoft.ServiceBus/namespaces",
  azurerm_servicebus_namespace_disaster_recovery_config:
    "Microsoft.ServiceBus/namespaces/disasterRecoveryConfigs",
  azurerm_servicebus_queue: "Microsoft.ServiceBus/namespaces/queues",
  azurerm_servicebus_topic: "Microsoft.ServiceBus/namespaces/topics",
  azurerm_servicebus_subscription: "Microsoft.ServiceBus/namespaces/topics/subscriptions",
  azurerm_servicebus_subscription_rule: "Microsoft.ServiceBus/namespaces/topics/subscriptions/rules",
  azurerm_monitor_autoscale_setting: "Microsoft.Insights/autoscaleSettings",
  azurerm_eventhub_namespace: "Microsoft.EventHub/namespaces",
  azurerm_eventhub_namespace_disaster_recovery_config:
    "Microsoft.EventHub/namespaces/disasterRecoveryConfigs",
  azurerm_eventhub_cluster: "Microsoft.EventHub/clusters",
  azurerm_eventhub: "Microsoft.EventHub/namespaces/eventhubs",
  azurerm_eventhub_consumer_group: "Microsoft.EventHub/namespaces/eventhubs/consumergroups",
  azurerm_eventhub_namespace_schema_group: "Microsoft.EventHub/namespaces/schemagroups",
  azurerm_eventgrid_topic: "Microsoft.EventGrid/topics",
  azurerm_eventgrid_event_subscription: "Microsoft.EventGrid/eventSubscriptions",
  azurerm_eventgrid_system_topic: "Microsoft.EventGrid/systemTopics",
  azurerm_eventgrid_system_topic_event_subscription: "Microsoft.EventGrid/systemTopics/eventSubscriptions",
  azurerm_eventgrid_namespace: "Microsoft.EventGrid/namespaces",
  azurerm_relay_namespace: "Microsoft.Relay/namespaces",
  azurerm_relay_hybrid_connection: "Microsoft.Relay/namespaces/hybridConnections",
  azurerm_iothub: "Microsoft.Devices/IotHubs",
  azurerm_iothub_route: "Microsoft.Devices/IotHubs/routing.routes",
  azurerm_iothub_endpoint_eventhub: "Microsoft.Devices/IotHubs/routing.endpoints",
  azurerm_iothub_endpoint_servicebus_queue: "Microsoft.Devices/IotHubs/routing.endpoints",
  azurerm_iothub_endpoint_servicebus_topic: "Microsoft.Devices/IotHubs/routing.endpoints",
  azurerm_iothub_endpoint_storage_container: "Microsoft.Devices/IotHubs/routing.endpoints",
  azurerm_iothub_consumer_group: "Microsoft.Devices/IotHubs/eventHubEndpoints/ConsumerGroups",
  azurerm_private_endpoint: "Microsoft.Network/privateEndpoints",
  azurerm_storage_account: "Microsoft.Storage/storageAccounts",
  azurerm_user_assigned_identity: "Microsoft.ManagedIdentity/userAssignedIdentities",
  azurerm_log_analytics_workspace: "Microsoft.OperationalInsights/workspaces",
  azurerm_monitor_action_group: "Microsoft.Insights/actionGroups",
  azurerm_consumption_budget_resource_group: "Microsoft.Consumption/budgets",
  azurerm_logic_app_standard: "Microsoft.Web/sites",
  azurerm_service_plan: "Microsoft.Web/serverfarms",
  azurerm_stream_analytics_job: "Microsoft.StreamAnalytics/streamingjobs",
  azurerm_stream_analytics_stream_input_eventhub_v2: "Microsoft.StreamAnalytics/streamingjobs/inputs",
  azurerm_stream_analytics_stream_input_iothub: "Microsoft.StreamAnalytics/streamingjobs/inputs",
  azurerm_stream_analytics_output_servicebus_queue: "Microsoft.StreamAnalytics/streamingjobs/outputs",
  azurerm_stream_analytics_output_servicebus_topic: "Microsoft.StreamAnalytics/streamingjobs/outputs",
  azurerm_stream_analytics_output_eventhub: "Microsoft.StreamAnalytics/streamingjobs/outputs",
  azurerm_stream_analytics_output_blob: "Microsoft.StreamAnalytics/streamingjobs/outputs",
};

/** azapi resources (created or, for the `$Default` rule, replaced) the walk accounts for, by ARM type. */
const azapiTypes = new Set([
  // A subscription's `filter` replaces the rule Azure creates with every subscription, `$Default`.
  "Microsoft.ServiceBus/namespaces/topics/subscriptions/rules",
  "Microsoft.EventGrid/namespaces/topicSpaces",
  "Microsoft.EventGrid/namespaces/clientGroups",
  "Microsoft.EventGrid/namespaces/permissionBindings",
  "Microsoft.EventGrid/namespaces/clients",
  "Microsoft.Relay/namespaces/wcfRelays",
  "Microsoft.Devices/provisioningServices",
  "Microsoft.Logic/workflows",
  "Microsoft.Web/connections",
]);

type Resources = Record<
  string,
  Record<string, { name?: string; type?: string; resource_id?: string; when?: string }>
>;

function synthesizedNames(model: EnvironmentModel): string[] {
  const outdir = mkdtempSync(join(tmpdir(), "walk-"));
  try {
    synthesizeEnvironments([model], outdir);
    const json = JSON.parse(readFileSync(join(outdir, "stacks", model.name, "cdk.tf.json"), "utf8")) as {
      resource: Resources;
    };
    return Object.entries(json.resource).flatMap(([type, resources]) =>
      Object.values(resources).flatMap((body) => {
        const azapi =
          type === "azapi_resource" || type === "azapi_update_resource" || type === "azapi_resource_action";
        const armType = azapi ? String(body.type).split("@")[0] : armTypes[type];
        if (armType === undefined || (azapi && !azapiTypes.has(armType))) return [];
        // A destroy-time PUT (`when = "destroy"`) restores a resource another action wrote: no resource of its own.
        if (type === "azapi_resource_action" && body.when === "destroy") return [];
        // A PUT (azapi_resource_action) names its resource by the last segment of its ID.
        return [`${armType} ${body.name ?? String(body.resource_id).split("/").pop()}`];
      }),
    );
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const walkedNames = (resources: readonly WalkedResource[]): string[] =>
  resources.map((r) => `${r.azureType} ${r.azureName}`);

describe("the walk over a resolved environment", () => {
  it("yields every kind of resource across every-field.yaml and the shipped environments", () => {
    const kinds = new Set(
      [everyField, ...shipped].flatMap((path) => walkEnvironment(resolved(path).model).map((r) => r.kind)),
    );
    expect([...walkKinds].filter((kind) => !kinds.has(kind))).toEqual([]);
  });

  it.each([everyField, ...shipped])("locates every resource of %s at a line of its file", (path) => {
    const { model, locate } = resolved(path);
    for (const resource of walkEnvironment(model)) {
      expect(resource.source.file).toBe(path);
      expect({ ref: resource.ref, ...locate(resource.source.pointer) }).toEqual({
        ref: resource.ref,
        line: resource.source.line,
        column: resource.source.column,
      });
    }
  });

  it.each([...shipped, ...logicAppExamples])(
    "names exactly the resources the stack of %s creates",
    (path) => {
      const { model } = resolved(path);
      // A Standard app's workflows are its content, which the deploy pipeline publishes, not Terraform.
      const walked = walkEnvironment(model).filter((r) => r.kind !== "logicAppWorkflow");
      expect(walkedNames(walked).sort()).toEqual(synthesizedNames(model).sort());
    },
  );

  it("refers to each declared resource by its reference in the file's grammar", () => {
    const walked = walkEnvironment(resolved("environments/prod.yaml").model);
    const refs = walked.filter((r) => r.refersToItself).map((r) => r.ref);
    expect(refs).toEqual(
      expect.arrayContaining([
        "serviceBus/orders",
        "serviceBus/orders/orders-inbound",
        "serviceBus/orders/order-events/billing",
        "eventHubs/telemetry/device-telemetry/analytics",
        "eventGridTopics/order-lifecycle/to-billing",
        "eventGridNamespaces/plant-mqtt/telemetry",
        "relay/plant-bridge/historian",
        "iotHub/plants/telemetry",
      ]),
    );
  });

  it("gives a derived resource the reference and the line of what it derives from", () => {
    const walked = walkEnvironment(resolved("environments/prod.yaml").model);
    const namespace = walked.find((r) => r.ref === "serviceBus/orders" && r.kind === "serviceBusNamespace");
    const secondary = walked.find((r) => r.kind === "geoSecondaryNamespace" && r.ref === "serviceBus/orders");
    expect(secondary).toMatchObject({
      azureName: "sbns-contoso-orders-orders-prod-geo",
      refersToItself: false,
      origin: "derived",
      source: namespace?.source,
      scope: { key: "dns:servicebus.windows.net" },
    });
  });
});
