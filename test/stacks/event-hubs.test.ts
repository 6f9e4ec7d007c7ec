import { TerraformStack, Testing } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { loadEnvironmentText } from "../../model/load-environment";
import { EntityRegistry } from "../../stacks/entity-registry";
import type { EventHubsNamespace, Tier } from "../../model/model";
import { addEventHubs } from "../../stacks/event-hubs";
import { MessagingStack } from "../../stacks/messaging-stack";
import { StackIds } from "../../stacks/ids/stack-ids";
import type { StackContext } from "../../stacks/stack-context";
import {
  analytics,
  captureModel,
  consumerGroupModel,
  devTelemetry,
  environmentWith,
  hubModel,
  plantGateway,
  prodTelemetry,
} from "./helpers/event-hubs-model";

interface Synthesized {
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, { value: unknown }>;
}

const WORKSPACE = "/workspaces/log";
const PE_SUBNET =
  "/subscriptions/0/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/v/subnets/pe";

function build(
  namespaces: readonly EventHubsNamespace[],
  tier: Tier = "development",
): { json: Synthesized; entities: EntityRegistry } {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  const entities = new EntityRegistry();
  const model = environmentWith(namespaces, tier);
  const ctx: StackContext = {
    scope: stack,
    model,
    resourceGroupName: "rg-test",
    resourceGroupId: "/subscriptions/0/resourceGroups/rg-test",
    location: "westeurope",
    logAnalyticsWorkspaceId: WORKSPACE,
    entities,
    ids: new StackIds(model),
  };
  addEventHubs(ctx);
  // With the constructs' own validation, as `npm run synth` runs it.
  return { json: JSON.parse(Testing.synth(stack, true)) as Synthesized, entities };
}

const resources = (json: Synthesized, type: string): Record<string, unknown>[] =>
  Object.values(json.resource[type] ?? {});
const named = (json: Synthesized, type: string, name: string): Record<string, unknown> | undefined =>
  resources(json, type).find((r) => r.name === name);
/** The Terraform address of the resource of `type` named `name`, as other resources reference it. */
function addressOf(json: Synthesized, type: string, name: string): string {
  const entry = Object.entries(json.resource[type] ?? {}).find(([, r]) => r.name === name);
  if (!entry) throw new Error(`no ${type} named ${name}`);
  return `${type}.${entry[0]}`;
}

describe("addEventHubs", () => {
  it("builds each namespace under its Azure name with the model's SKU, capacity and security settings", () => {
    const { json } = build([prodTelemetry()]);
    expect(named(json, "azurerm_eventhub_namespace", "evhns-contoso-telemetry-test")).toMatchObject({
      sku: "Standard",
      capacity: 2,
      auto_inflate_enabled: true,
      maximum_throughput_units: 10,
      minimum_tls_version: "1.2",
      local_authentication_enabled: false,
      network_rulesets: [
        expect.objectContaining({
          default_action: "Deny",
          ip_rule: [{ ip_mask: "203.0.113.0/24", action: "Allow" }],
        }),
      ],
      lifecycle: { prevent_destroy: true },
    });
  });

  it("sends the namespace's logs to the environment's workspace", () => {
    const { json } = build([devTelemetry()]);
    expect(resources(json, "azurerm_monitor_diagnostic_setting")).toEqual([
      expect.objectContaining({ log_analytics_workspace_id: WORKSPACE }),
    ]);
  });

  it("builds every hub with its partitions and retention", () => {
    const { json } = build([prodTelemetry()]);
    expect(named(json, "azurerm_eventhub", "device-telemetry")).toMatchObject({
      partition_count: 16,
      message_retention: 7,
      status: "Active",
    });
  });

  it("registers every hub as a delivery target <namespace>/<hub>, and the namespace by name", () => {
    const { entities } = build([devTelemetry()]);
    const target = entities.target("eventHub", "telemetry/device-telemetry");
    expect(target.entityPath).toBe("device-telemetry");
    expect(target.endpointUri).toBe("sb://evhns-contoso-telemetry-test.servicebus.windows.net");
    expect(entities.namespaceId("eventHubs", "telemetry")).toBe(target.namespaceResourceId);
  });

  it("outputs the FQDN, the Kafka bootstrap server and the hub names", () => {
    const { json } = build([devTelemetry()]);
    expect(json.output).toMatchObject({
      event_hubs_telemetry_fqdn: { value: "evhns-contoso-telemetry-test.servicebus.windows.net" },
      event_hubs_telemetry_kafka_bootstrap_server: {
        value: "evhns-contoso-telemetry-test.servicebus.windows.net:9093",
      },
      event_hubs_telemetry_hub_names: { value: ["device-telemetry"] },
    });
  });

  it("outputs no Kafka bootstrap server for a Basic namespace", () => {
    const { json } = build([devTelemetry({ sku: "Basic", kafka: false })]);
    expect(Object.keys(json.output ?? {})).toEqual([
      "event_hubs_telemetry_fqdn",
      "event_hubs_telemetry_hub_names",
    ]);
  });

  it("never outputs keys or connection strings", () => {
    const { json } = build([prodTelemetry()]);
    expect(JSON.stringify(json.output)).not.toMatch(/key|connection_string/i);
  });

  it("gives senders and receivers their roles on the hub", () => {
    const { json } = build([prodTelemetry()]);
    const hub = addressOf(json, "azurerm_eventhub", "device-telemetry");
    const assignments = resources(json, "azurerm_role_assignment").map((r) => [
      r.role_definition_name,
      r.principal_id,
      r.scope,
    ]);
    expect(assignments).toEqual(
      expect.arrayContaining([
        ["Azure Event Hubs Data Sender", plantGateway.objectId, `\${${hub}.id}`],
        ["Azure Event Hubs Data Receiver", analytics.objectId, `\${${hub}.id}`],
      ]),
    );
  });

  it("creates the hub's consumer groups, and grants their receivers on the hub", () => {
    const namespace = devTelemetry({
      hubs: [
        hubModel({
          name: "device-telemetry",
          consumerGroups: [consumerGroupModel("archive", [plantGateway])],
        }),
      ],
    });
    const { json } = build([namespace]);
    expect(named(json, "azurerm_eventhub_consumer_group", "archive")).toMatchObject({
      eventhub_name: "device-telemetry",
    });
    expect(resources(json, "azurerm_role_assignment")).toEqual([
      expect.objectContaining({
        role_definition_name: "Azure Event Hubs Data Receiver",
        principal_id: plantGateway.objectId,
      }),
    ]);
  });

  it("grants at namespace scope only the principals the namespace itself names", () => {
    const { json: none } = build([devTelemetry()]);
    const { json } = build([devTelemetry({ owners: [analytics] })]);
    expect(resources(none, "azurerm_role_assignment")).toEqual([]);
    expect(resources(json, "azurerm_role_assignment")).toEqual([
      expect.objectContaining({
        role_definition_name: "Azure Event Hubs Data Owner",
        scope: `\${${addressOf(json, "azurerm_eventhub_namespace", "evhns-contoso-telemetry-test")}.id}`,
      }),
    ]);
  });

  it("captures into the environment's own capture account and lets the namespace identity write there", () => {
    const { json } = build([prodTelemetry()]);
    const account = addressOf(json, "azurerm_storage_account", "stcontosocaptest");
    const namespace = addressOf(json, "azurerm_eventhub_namespace", "evhns-contoso-telemetry-test");
    expect(named(json, "azurerm_eventhub", "device-telemetry")?.capture_description).toMatchObject({
      encoding: "Avro",
      interval_in_seconds: 300,
      size_limit_in_bytes: 314572800,
      destination: { blob_container_name: "capture", storage_account_id: `\${${account}.id}` },
    });
    expect(resources(json, "azurerm_role_assignment")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          role_definition_name: "Storage Blob Data Contributor",
          principal_id: `\${${namespace}.identity[0].principal_id}`,
          scope: `\${${addressOf(json, "azurerm_storage_container", "capture")}.id}`,
        }),
      ]),
    );
    expect(resources(json, "azurerm_storage_management_policy")).toEqual([
      expect.objectContaining({
        rule: [
          expect.objectContaining({
            actions: { base_blob: { delete_after_days_since_modification_greater_than: 30 } },
          }),
        ],
      }),
    ]);
  });

  it("captures into a given account without creating one", () => {
    const given =
      "/subscriptions/0/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stlake";
    const { json } = build([
      devTelemetry({
        hubs: [
          hubModel({
            name: "device-telemetry",
            capture: captureModel({ storageAccountId: given, container: "raw" }),
          }),
        ],
      }),
    ]);
    expect(resources(json, "azurerm_storage_account")).toEqual([]);
    expect(named(json, "azurerm_eventhub", "device-telemetry")?.capture_description).toMatchObject({
      destination: { blob_container_name: "raw", storage_account_id: given },
    });
  });

  it("creates no capture account when no hub captures", () => {
    expect(resources(build([devTelemetry()]).json, "azurerm_storage_account")).toEqual([]);
  });

  it("shuts the capture account's firewall in production and gives it a blob private endpoint beside the namespace's", () => {
    const { json } = build(
      [
        prodTelemetry({
          publicNetworkAccess: false,
          allowedIpRanges: [],
          privateEndpoint: { azureName: "evhns-contoso-telemetry-test-pep", subnetId: PE_SUBNET },
        }),
      ],
      "production",
    );
    expect(named(json, "azurerm_storage_account", "stcontosocaptest")?.network_rules).toEqual({
      default_action: "Deny",
      bypass: ["AzureServices"],
    });
    expect(
      resources(json, "azurerm_private_endpoint").map(
        (pe) => (pe.private_service_connection as { subresource_names: string[] }).subresource_names,
      ),
    ).toEqual(expect.arrayContaining([["namespace"], ["blob"]]));
  });

  it("leaves the capture account's firewall open in development", () => {
    const { json } = build([prodTelemetry()]);
    expect(named(json, "azurerm_storage_account", "stcontosocaptest")?.network_rules).toMatchObject({
      default_action: "Allow",
    });
  });

  it("registers the namespace's schema groups", () => {
    const { json } = build([prodTelemetry()]);
    expect(named(json, "azurerm_eventhub_namespace_schema_group", "telemetry-schemas")).toMatchObject({
      schema_compatibility: "Backward",
      schema_type: "Avro",
    });
  });

  it("pairs the namespace with a secondary in the secondary region under the alias", () => {
    const geo = {
      secondaryLocation: "northeurope",
      secondaryAzureName: "evhns-contoso-telemetry-test-geo",
      aliasName: "evhns-contoso-telemetry-test-alias",
    };
    const { json } = build([devTelemetry({ geoDisasterRecovery: geo })]);
    expect(named(json, "azurerm_eventhub_namespace", geo.secondaryAzureName)).toMatchObject({
      location: "northeurope",
      sku: "Standard",
    });
    expect(named(json, "azurerm_eventhub_namespace_disaster_recovery_config", geo.aliasName)).toMatchObject({
      namespace_name: "evhns-contoso-telemetry-test",
      partner_namespace_id: `\${${addressOf(json, "azurerm_eventhub_namespace", geo.secondaryAzureName)}.id}`,
    });
  });

  it("refuses to geo-pair a namespace on a dedicated cluster, whose secondary would need a cluster of its own", () => {
    const geo = {
      secondaryLocation: "northeurope",
      secondaryAzureName: "evhns-geo",
      aliasName: "evhns-alias",
    };
    expect(() =>
      build([devTelemetry({ dedicatedClusterId: "/clusters/c", geoDisasterRecovery: geo })]),
    ).toThrow(/this namespace is on a dedicated cluster and the secondary cannot be/);
  });

  it("builds a declared dedicated cluster and places the namespace on it", () => {
    const { json } = build([
      devTelemetry({ dedicatedCluster: { name: "big", azureName: "evhcl-contoso-big-test", capacity: 2 } }),
    ]);
    expect(named(json, "azurerm_eventhub_cluster", "evhcl-contoso-big-test")).toMatchObject({
      sku_name: "Dedicated_2",
    });
    expect(
      named(json, "azurerm_eventhub_namespace", "evhns-contoso-telemetry-test")?.dedicated_cluster_id,
    ).toBe(`\${${addressOf(json, "azurerm_eventhub_cluster", "evhcl-contoso-big-test")}.id}`);
  });

  it("names the namespace's private endpoint as the model does, and the secondary's after the secondary", () => {
    const geo = {
      secondaryLocation: "northeurope",
      secondaryAzureName: "evhns-contoso-telemetry-test-geo",
      aliasName: "evhns-contoso-telemetry-test-alias",
    };
    const { json } = build([
      devTelemetry({
        geoDisasterRecovery: geo,
        privateEndpoint: { azureName: "pep-from-the-model", subnetId: PE_SUBNET, privateDnsZoneId: "/zone" },
      }),
    ]);
    expect(named(json, "azurerm_private_endpoint", "pep-from-the-model")).toMatchObject({
      location: "westeurope",
      private_dns_zone_group: { private_dns_zone_ids: ["/zone"] },
    });
    expect(named(json, "azurerm_private_endpoint", "evhns-contoso-telemetry-test-geo-pep")).toMatchObject({
      location: "westeurope",
      subnet_id: PE_SUBNET,
    });
  });

  it("gives owners Azure Event Hubs Data Owner on the hub and the namespace", () => {
    const { json } = build([
      devTelemetry({
        owners: [analytics],
        hubs: [hubModel({ name: "device-telemetry", owners: [plantGateway] })],
      }),
    ]);
    expect(
      resources(json, "azurerm_role_assignment")
        .map((r) => `${String(r.principal_id)} ${String(r.role_definition_name)}`)
        .sort(),
    ).toEqual([
      `${analytics.objectId} Azure Event Hubs Data Owner`,
      `${plantGateway.objectId} Azure Event Hubs Data Owner`,
    ]);
  });

  it("is part of the messaging stack", () => {
    const app = Testing.app();
    const stack = new MessagingStack(app, environmentWith([devTelemetry()]));
    const json = JSON.parse(Testing.synth(stack)) as Synthesized;
    expect(named(json, "azurerm_eventhub_namespace", "evhns-contoso-telemetry-test")).toBeDefined();
  });
});

/** What `npm run synth` does with an environment file: validate, then synthesize with construct validation. */
function synthesizeFile(lines: readonly string[]): void {
  const result = loadEnvironmentText(lines.join("\n"), "env.yaml", { today: new Date("2026-01-01") });
  if (!result.ok)
    throw new Error(result.errors.map((e) => `${e.line}:${e.column} ${e.path} ${e.message}`).join("\n"));
  Testing.synth(new MessagingStack(Testing.app(), result.model), true);
}

const header = ["name: test", "location: westeurope", "naming: { prefix: contoso }"];

describe("an Event Hubs environment file", () => {
  it("with a Basic namespace on a dedicated cluster is refused at the SKU: Azure places only Standard namespaces there", () => {
    expect(() =>
      synthesizeFile([
        ...header,
        "tier: development",
        "eventHubs:",
        "  - name: telemetry",
        "    sku: Basic",
        "    dedicatedCluster: { name: big }",
        "    hubs: [{ name: h }]",
      ]),
    ).toThrow(/^7:10 eventHubs\[0\]\.sku a namespace on a dedicated cluster is a Standard namespace/);
  });

  it("with geoDisasterRecovery: true into the primary's own region is refused at the field", () => {
    expect(() =>
      synthesizeFile([
        ...header,
        "tier: development",
        "secondaryLocation: westeurope",
        "eventHubs:",
        "  - name: telemetry",
        "    sku: Standard",
        "    geoDisasterRecovery: true",
      ]),
    ).toThrow(
      /^9:26 eventHubs\[0\]\.geoDisasterRecovery geo-disaster recovery pairs the namespace with one in another region/,
    );
  });

  it("whose production tier pairs a namespace into the primary's own region by default is refused at the namespace", () => {
    expect(() =>
      synthesizeFile([
        ...header,
        "tier: production",
        "secondaryLocation: westeurope",
        "network: { privateEndpointSubnetId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe }",
        "monitoring: { logAnalyticsWorkspaceId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log, alertEmails: [ops@contoso.example] }",
        "eventHubs:",
        "  - name: telemetry",
        "    sku: Standard",
      ]),
    ).toThrow(/^9:5 eventHubs\[0\] geo-disaster recovery is on \(the production tier's default\)/);
  });
});
