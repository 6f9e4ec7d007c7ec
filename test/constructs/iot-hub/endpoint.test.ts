import type { Construct } from "constructs";
import { IotHub, IotHubEndpoint, type IotHubEndpointTarget } from "../../../constructs/iot-hub";
import { fakeTarget } from "../event-grid/synth";
import { validationErrors } from "../synthesized";
import { onlyResource, resourcesOf, synth } from "../synthesized";

const STORAGE =
  "/subscriptions/0/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stcontosoroutes";

function hubWithEndpoint(
  scope: Construct,
  target: (scope: Construct) => IotHubEndpointTarget,
  name = "telemetry",
): IotHubEndpoint {
  const hub = new IotHub(scope, "hub", {
    name: "iot-contoso-plants-test",
    location: "westeurope",
    resourceGroupName: "rg-test",
    sku: "S1",
  });
  return new IotHubEndpoint(scope, `endpoint-${name}`, { hub, name, target: target(scope) });
}

describe("IotHubEndpoint", () => {
  it("delivers to an event hub with the hub's identity, addressed by namespace URI and entity path", () => {
    const json = synth((scope) =>
      hubWithEndpoint(scope, (s) => fakeTarget(s, "eventHub", "telemetry/device-telemetry")),
    );
    expect(onlyResource(json, "azurerm_iothub_endpoint_eventhub")).toMatchObject({
      name: "telemetry",
      authentication_type: "identityBased",
      endpoint_uri: "sb://telemetry.servicebus.windows.net",
      entity_path: "device-telemetry",
    });
  });

  it("grants the hub's identity the target's data-sender role on the entity itself", () => {
    const json = synth((scope) =>
      hubWithEndpoint(scope, (s) => fakeTarget(s, "eventHub", "telemetry/device-telemetry")),
    );
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Azure Event Hubs Data Sender",
      scope: expect.stringMatching(/\/entities\/device-telemetry$/),
      principal_id: expect.stringMatching(/^\$\{azurerm_iothub\.[^}]+\.identity\[0\]\.principal_id\}$/),
    });
  });

  it("is created only after the grant, since IoT Hub checks the target is reachable", () => {
    const json = synth((scope) =>
      hubWithEndpoint(scope, (s) => fakeTarget(s, "eventHub", "telemetry/device-telemetry")),
    );
    expect(onlyResource(json, "azurerm_iothub_endpoint_eventhub").depends_on).toEqual([
      expect.stringMatching(/^azurerm_role_assignment\./),
    ]);
  });

  it("delivers to a Service Bus queue through a queue endpoint", () => {
    const json = synth((scope) =>
      hubWithEndpoint(scope, (s) => fakeTarget(s, "serviceBusQueue", "orders/payments")),
    );
    expect(onlyResource(json, "azurerm_iothub_endpoint_servicebus_queue")).toMatchObject({
      entity_path: "payments",
      authentication_type: "identityBased",
    });
  });

  it("delivers to a Service Bus topic through a topic endpoint", () => {
    const json = synth((scope) =>
      hubWithEndpoint(scope, (s) => fakeTarget(s, "serviceBusTopic", "orders/order-events")),
    );
    expect(onlyResource(json, "azurerm_iothub_endpoint_servicebus_topic")).toMatchObject({
      entity_path: "order-events",
      authentication_type: "identityBased",
    });
  });

  it("writes to a blob container addressed by the account's blob endpoint", () => {
    const json = synth((scope) =>
      hubWithEndpoint(scope, () => ({
        kind: "storageContainer",
        storageAccountId: STORAGE,
        container: "telemetry-archive",
      })),
    );
    expect(onlyResource(json, "azurerm_iothub_endpoint_storage_container")).toMatchObject({
      authentication_type: "identityBased",
      endpoint_uri: "https://stcontosoroutes.blob.core.windows.net/",
      container_name: "telemetry-archive",
      encoding: "Avro",
      batch_frequency_in_seconds: 300,
    });
  });

  it("grants Storage Blob Data Contributor on the container only", () => {
    const json = synth((scope) =>
      hubWithEndpoint(scope, () => ({
        kind: "storageContainer",
        storageAccountId: STORAGE,
        container: "telemetry-archive",
      })),
    );
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Storage Blob Data Contributor",
      scope: `${STORAGE}/blobServices/default/containers/telemetry-archive`,
    });
  });

  it("refuses a blob name format without the required time tokens", () => {
    const errors = validationErrors((scope) =>
      hubWithEndpoint(scope, () => ({
        kind: "storageContainer",
        storageAccountId: STORAGE,
        container: "archive",
        fileNameFormat: "{iothub}/{partition}",
      })),
    );
    expect(errors).toEqual([
      "IoT Hub endpoint telemetry: target/fileNameFormat: fileNameFormat must contain {YYYY}, {MM}, {DD}, {HH}, {mm}",
    ]);
  });

  it("refuses a container name Azure Storage does not accept", () => {
    const errors = validationErrors((scope) =>
      hubWithEndpoint(scope, () => ({
        kind: "storageContainer",
        storageAccountId: STORAGE,
        container: "Archive",
      })),
    );
    expect(errors).toEqual([expect.stringContaining("target/container: container must be 3-63 lowercase")]);
  });

  it("refuses a batch frequency outside 60 to 720 seconds", () => {
    const errors = validationErrors((scope) =>
      hubWithEndpoint(scope, () => ({
        kind: "storageContainer",
        storageAccountId: STORAGE,
        container: "archive",
        batchFrequencySeconds: 30,
      })),
    );
    expect(errors).toEqual([
      "IoT Hub endpoint telemetry: target/batchFrequencySeconds: batchFrequencySeconds must be a whole number from 60 to 720, got 30",
    ]);
  });

  it("refuses the reserved name events, in any letter case", () => {
    const errors = validationErrors((scope) =>
      hubWithEndpoint(scope, (s) => fakeTarget(s, "eventHub", "telemetry/device-telemetry"), "Events"),
    );
    expect(errors).toEqual([
      'IoT Hub endpoint Events: name: IoT Hub custom endpoint name "Events" must not be "events" (Azure reserves it)',
    ]);
  });

  it("grants the hub once per target however many endpoints share it", () => {
    const json = synth((scope) => {
      const hub = new IotHub(scope, "hub", {
        name: "iot-contoso-plants-test",
        location: "westeurope",
        resourceGroupName: "rg-test",
        sku: "S1",
      });
      const target = fakeTarget(scope, "eventHub", "telemetry/device-telemetry");
      new IotHubEndpoint(scope, "first", { hub, name: "first", target });
      new IotHubEndpoint(scope, "second", { hub, name: "second", target });
    });
    expect(resourcesOf(json, "azurerm_role_assignment")).toHaveLength(1);
  });
});
