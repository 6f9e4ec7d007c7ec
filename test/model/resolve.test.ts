import { resolveEnvironment } from "../../model/resolve";
import type { EnvironmentModel } from "../../model/model";
import { documentFromFile, documentFromText, sharedExample, specOf } from "./helpers/document";
import { devHeader } from "./helpers/semantic";

const resolveFile = (path: string): EnvironmentModel => {
  const doc = documentFromFile(path);
  return resolveEnvironment(doc, specOf(doc));
};
const resolveText = (text: string): EnvironmentModel => {
  const doc = documentFromText(text);
  return resolveEnvironment(doc, specOf(doc));
};

const zones =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones";
const subnet =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net-prod/providers/Microsoft.Network/virtualNetworks/vnet-prod/subnets/snet-private-endpoints";

describe("the resolved prod example", () => {
  const model = resolveFile(sharedExample("prod"));
  const [orders] = model.serviceBus;
  const [telemetry] = model.eventHubs;
  const queue = (name: string) => orders.queues.find((q) => q.name === name);

  it("names every resource by the naming convention", () => {
    expect({
      resourceGroup: model.resourceGroupName,
      serviceBus: orders.azureName,
      eventHubs: telemetry.azureName,
      topic: model.eventGrid.topics[0].azureName,
      mqtt: model.eventGrid.namespaces[0].azureName,
      relay: model.relay[0].azureName,
      iotHub: model.iotHub[0].azureName,
      dps: model.iotHub[0].deviceProvisioning?.azureName,
    }).toEqual({
      resourceGroup: "rg-contoso-orders-messaging-prod",
      serviceBus: "sbns-contoso-orders-orders-prod",
      eventHubs: "evhns-contoso-orders-telemetry-prod",
      topic: "evgt-contoso-orders-order-lifecycle-prod",
      mqtt: "evgns-contoso-orders-plant-mqtt-prod",
      relay: "relay-contoso-orders-plant-bridge-prod",
      iotHub: "iot-contoso-orders-plants-prod",
      dps: "provs-contoso-orders-plants-prod",
    });
  });

  it("applies the production queue defaults where the file is silent", () => {
    expect(queue("payments")).toMatchObject({
      maxDeliveryCount: 10,
      lockDuration: "PT1M",
      messageTtl: "P14D",
      deadLetterOnExpiration: true,
      duplicateDetection: "PT30M",
      forwardDeadLetteredTo: "orders/payments-poison",
      preventDestroy: true,
    });
  });

  it("leaves duplicate detection off on a queue that does not ask for it", () => {
    expect(queue("payments-poison")?.duplicateDetection).toBeUndefined();
  });

  it("turns a subscription's single filter into the rule $Default", () => {
    const billing = orders.topics[0].subscriptions.find((s) => s.name === "billing");
    expect(billing?.rules).toEqual([{ name: "$Default", sql: "region = 'EU' AND amount > 0" }]);
  });

  it("resolves principals to their object IDs", () => {
    expect(queue("orders-inbound")?.senders).toEqual([
      { name: "orders-api", objectId: "11111111-1111-1111-1111-111111111111", type: "ServicePrincipal" },
    ]);
  });

  it("gives namespaces private endpoints in the network's subnet with the service's DNS zone", () => {
    expect(orders.privateEndpoint).toEqual({
      azureName: "pep-sbns-contoso-orders-orders-prod",
      subnetId: subnet,
      privateDnsZoneId: `${zones}/privatelink.servicebus.windows.net`,
    });
    expect(model.iotHub[0].privateEndpoint?.privateDnsZoneId).toBe(`${zones}/privatelink.azure-devices.net`);
  });

  it("uses the customer-managed key only where the SKU supports it", () => {
    expect({
      premiumServiceBus: orders.customerManagedKey?.keyVaultKeyId,
      standardEventHubs: telemetry.customerManagedKey,
      relay: model.relay[0].customerManagedKey,
    }).toEqual({
      premiumServiceBus: "https://kv-contoso-prod.vault.azure.net/keys/messaging",
      standardEventHubs: undefined,
      relay: undefined,
    });
  });

  it("pairs the Premium Service Bus namespace with one in the secondary region", () => {
    expect(orders.geoDisasterRecovery).toEqual({
      secondaryLocation: "northeurope",
      secondaryAzureName: "sbns-contoso-orders-orders-prod-geo",
      aliasName: "sbns-contoso-orders-orders-prod-alias",
    });
  });

  it("keeps the waived public network access of the telemetry namespace", () => {
    expect({ publicNetworkAccess: telemetry.publicNetworkAccess, localAuth: telemetry.localAuth }).toEqual({
      publicNetworkAccess: true,
      localAuth: false,
    });
  });

  it("adds the site's gateway to its MQTT namespace's clients", () => {
    expect(model.eventGrid.namespaces[0].mqtt?.clients).toEqual([
      expect.objectContaining({
        name: "plant-munich",
        authenticationName: "plant-munich",
        certificateThumbprint: "3f2504e04f8941d39a0c0305e82c3301aabbccdd",
        attributes: { role: "gateway", site: "plant-munich" },
        enabled: true,
      }),
    ]);
  });

  it("limits the site's session expiry to what the broker grants", () => {
    expect(model.sites[0]).toMatchObject({
      topicPrefix: "sites/plant-munich",
      qos: 1,
      offlineBufferHours: 72,
      sessionExpiryHours: 1,
    });
  });

  it("names each IoT route's endpoint after the route", () => {
    expect(model.iotHub[0].routes.map((r) => [r.endpointName, r.target])).toEqual([
      ["telemetry", { kind: "eventHub", namespace: "telemetry", entity: "device-telemetry" }],
      ["alarms", { kind: "serviceBusQueue", namespace: "orders", entity: "payments" }],
    ]);
  });

  it("records where each thing was declared", () => {
    expect([
      orders.source.line,
      queue("orders-inbound")?.source.line,
      telemetry.source.line,
      model.sites[0].source.line,
    ]).toEqual([62, 67, 101, 200]);
    expect(queue("orders-inbound")?.source.pointer).toBe("/serviceBus/0/queues/0");
  });

  it("merges the environment's tags with its name and the tool", () => {
    expect(orders.tags).toEqual({
      costCenter: "4711",
      owner: "platform-team@contoso.example",
      environment: "prod",
      managedBy: "cdktf",
    });
  });

  it("sets every alert threshold and a year of log retention", () => {
    expect(Object.keys(model.monitoring.alerts)).toHaveLength(23);
    expect({ retention: model.monitoring.retentionDays, alerts: model.monitoring.alertsEnabled }).toEqual({
      retention: 365,
      alerts: true,
    });
  });
});

describe("resolving other files", () => {
  it("gives development namespaces no private endpoint and no geo pair", () => {
    const dev = resolveFile(sharedExample("dev"));
    expect([
      dev.serviceBus[0].privateEndpoint,
      dev.serviceBus[0].geoDisasterRecovery,
      dev.serviceBus[0].lock,
    ]).toEqual([undefined, undefined, false]);
  });

  it("keeps Azure's catch-all rule on a subscription without a filter", () => {
    expect(resolveFile(sharedExample("dev")).serviceBus[0].topics[0].subscriptions[0].rules).toEqual([]);
  });

  it("lifts destroy protection from an entity the file allows to be destroyed", () => {
    const model = resolveText(`${devHeader.replace("tier: development", "tier: production")}serviceBus:
  - name: orders
    sku: Premium
    queues: [{ name: retired }, { name: kept }]
allowDestroy:
  - { resource: serviceBus/orders/retired, reason: retiring the old queue }
`);
    expect(model.serviceBus[0].queues.map((q) => [q.name, q.preventDestroy])).toEqual([
      ["retired", false],
      ["kept", true],
    ]);
  });

  it("gives a namespace without Premium no messaging units or partitions", () => {
    const model = resolveText(`${devHeader}serviceBus:\n  - { name: orders, sku: Standard }\n`);
    expect([model.serviceBus[0].capacity, model.serviceBus[0].partitions]).toEqual([0, 0]);
  });

  it("sends dead-lettered events to the environment's own container when deadLetter is true", () => {
    const model = resolveText(`${devHeader}eventGrid:
  topics:
    - name: lifecycle
      subscriptions:
        - { name: hook, destination: { webhook: { url: "https://example.com/h" } }, deadLetter: true }
`);
    expect(model.eventGrid.topics[0].subscriptions[0].deadLetter).toEqual({ container: "deadletter" });
  });
});
