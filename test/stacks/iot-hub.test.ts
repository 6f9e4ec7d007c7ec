import { TerraformStack, Testing } from "cdktf";
import { EntityRegistry } from "../../stacks/entity-registry";
import type { IotHub } from "../../model/model";
import { addIotHub } from "../../stacks/iot-hub";
import { StackIds } from "../../stacks/ids/stack-ids";
import type { StackContext } from "../../stacks/stack-context";
import { fakeTarget } from "../constructs/event-grid/synth";
import { environmentWithIotHub, hubModel, routeModel } from "./helpers/iot-hub-model";
import { ordersApi } from "./helpers/service-bus-model";

interface Synthesized {
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
}

const WORKSPACE = "/workspaces/log";

function build(hubs: readonly IotHub[]): { json: Synthesized; entities: EntityRegistry } {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  const entities = new EntityRegistry();
  // Service Bus and Event Hubs run first in the real stack and register what the routes target.
  entities.register(fakeTarget(stack, "eventHub", "telemetry/device-telemetry"));
  entities.register(fakeTarget(stack, "serviceBusQueue", "orders/payments"));
  const model = environmentWithIotHub(hubs);
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
  addIotHub(ctx);
  return { json: JSON.parse(Testing.synth(stack)) as Synthesized, entities };
}

const resources = (json: Synthesized, type: string): Record<string, unknown>[] =>
  Object.values(json.resource[type] ?? {});
const provisioningServices = (json: Synthesized): Record<string, unknown>[] =>
  resources(json, "azapi_resource").filter((r) =>
    String(r.type).startsWith("Microsoft.Devices/provisioningServices@"),
  );

describe("addIotHub", () => {
  it("builds the hub under its Azure name with the model's SKU, partitions and security settings", () => {
    const { json } = build([hubModel({ preventDestroy: true })]);
    expect(resources(json, "azurerm_iothub")).toEqual([
      expect.objectContaining({
        name: "iot-contoso-plants-test",
        sku: { name: "S1", capacity: 2 },
        event_hub_partition_count: 4,
        local_authentication_enabled: false,
        public_network_access_enabled: false,
        lifecycle: { prevent_destroy: true },
      }),
    ]);
  });

  it("gives each route a custom endpoint of the same name on the entity it names", () => {
    const { json } = build([hubModel()]);
    expect(resources(json, "azurerm_iothub_endpoint_eventhub")).toEqual([
      expect.objectContaining({ name: "telemetry", entity_path: "device-telemetry" }),
    ]);
    expect(resources(json, "azurerm_iothub_endpoint_servicebus_queue")).toEqual([
      expect.objectContaining({ name: "alarms", entity_path: "payments" }),
    ]);
  });

  it("creates the routes with their sources and conditions", () => {
    const { json } = build([hubModel()]);
    expect(resources(json, "azurerm_iothub_route").map((r) => [r.name, r.source, r.condition])).toEqual(
      expect.arrayContaining([
        ["telemetry", "DeviceMessages", "$body.type = 'telemetry'"],
        ["alarms", "DeviceMessages", "$body.severity = 'critical'"],
      ]),
    );
  });

  it("enriches messages of the named routes only", () => {
    const { json } = build([hubModel()]);
    expect(resources(json, "azurerm_iothub_enrichment")).toEqual([
      expect.objectContaining({
        key: "site",
        endpoint_names: [expect.stringMatching(/azurerm_iothub_endpoint_eventhub\./)],
      }),
    ]);
  });

  it("adds the declared consumer groups to the built-in endpoint", () => {
    const { json } = build([hubModel()]);
    expect(resources(json, "azurerm_iothub_consumer_group")).toEqual([
      expect.objectContaining({ name: "operations", eventhub_endpoint_name: "events" }),
    ]);
  });

  it("links a Device Provisioning Service when the hub declares one", () => {
    const { json } = build([hubModel()]);
    expect(provisioningServices(json)).toEqual([
      expect.objectContaining({
        name: "provs-contoso-plants-test",
        parent_id: "/subscriptions/0/resourceGroups/rg-test",
        body: expect.objectContaining({
          properties: expect.objectContaining({ allocationPolicy: "Hashed" }),
        }),
      }),
    ]);
  });

  it("builds no Device Provisioning Service when none is declared", () => {
    const { json } = build([hubModel({ deviceProvisioning: undefined })]);
    expect(provisioningServices(json)).toEqual([]);
  });

  it("leaves cloud-to-device settings to Azure on a basic hub", () => {
    const { json } = build([hubModel({ sku: "B1", deviceProvisioning: undefined })]);
    expect(resources(json, "azurerm_iothub")[0].cloud_to_device).toBeUndefined();
  });

  it("turns the fallback route off when the model says so", () => {
    const { json } = build([hubModel({ fallbackRoute: false })]);
    expect(resources(json, "azurerm_iothub_fallback_route")).toEqual([
      expect.objectContaining({ enabled: false }),
    ]);
  });

  it("grants senders and owners IoT Hub Data Contributor once each", () => {
    const { json } = build([hubModel({ senders: [ordersApi], owners: [ordersApi] })]);
    const grants = resources(json, "azurerm_role_assignment").filter(
      (r) => r.principal_id === ordersApi.objectId,
    );
    expect(grants).toEqual([expect.objectContaining({ role_definition_name: "IoT Hub Data Contributor" })]);
  });

  it("shares one endpoint between routes that name the same endpoint", () => {
    const shared = [
      routeModel({ name: "telemetry" }),
      routeModel({ name: "telemetry-copy", endpointName: "telemetry" }),
    ];
    const { json } = build([hubModel({ routes: shared, enrichments: [] })]);
    expect(resources(json, "azurerm_iothub_endpoint_eventhub")).toHaveLength(1);
  });

  it("registers the hub so Event Grid system topics can use it as their source", () => {
    const { entities } = build([hubModel()]);
    expect(entities.namespaceId("iotHub", "plants")).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
  });

  it("puts the hub's and the provisioning service's private endpoints in the hub's subnet, each under its own name", () => {
    const privateEndpoint = { azureName: "iot-contoso-plants-test-pep", subnetId: "/subnets/pe" };
    const deviceProvisioning = {
      azureName: "provs-contoso-plants-test",
      allocationPolicy: "Hashed" as const,
      capacity: 1,
      dataResidency: false,
      privateDnsZoneId: "/zones/privatelink.azure-devices-provisioning.net",
    };
    const { json } = build([hubModel({ privateEndpoint, deviceProvisioning })]);
    const endpoints = resources(json, "azurerm_private_endpoint").map((e) => [e.name, e.subnet_id]);
    expect(endpoints).toHaveLength(2);
    expect(endpoints).toEqual(
      expect.arrayContaining([
        ["iot-contoso-plants-test-pep", "/subnets/pe"],
        ["provs-contoso-plants-test-pep", "/subnets/pe"],
      ]),
    );
  });
});
