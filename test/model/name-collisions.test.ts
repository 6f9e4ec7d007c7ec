import type { Diagnostic } from "../../model/diagnostics";
import { loadEnvironmentText } from "../../model/load-environment";
import { devHeader } from "./helpers/semantic";
import { checkModel } from "../../model/checks";
import { resolveEnvironment } from "../../model/resolve";
import { documentFromText, specOf, testToday } from "./helpers/document";

/** The errors of a file that passes every check before resolution. */
function errorsOf(text: string): readonly Diagnostic[] {
  const result = loadEnvironmentText(text, "env.yaml", { today: testToday });
  return result.ok ? [] : result.errors;
}

/** The model checks alone, on a file resolved without the checks before them. */
function modelErrorsOf(text: string): readonly Diagnostic[] {
  const doc = documentFromText(text, "env.yaml");
  return checkModel(doc, resolveEnvironment(doc, specOf(doc)));
}

const network = `network:
  privateEndpointSubnetId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-pe
`;

describe("Azure names compared as Azure compares them", () => {
  it("refuses two Event Grid topics with one resourceName, at both lines, naming the other", () => {
    const errors = errorsOf(`${devHeader}eventGrid:
  topics:
    - { name: orders, resourceName: evgt-shared }
    - { name: billing, resourceName: evgt-shared }
`);
    expect(errors.map((e) => [e.line, e.path])).toEqual([
      [11, "eventGrid.topics[0].resourceName"],
      [12, "eventGrid.topics[1].resourceName"],
    ]);
    expect(errors[0].message).toBe(
      'Azure name "evgt-shared" of Event Grid topic eventGridTopics/orders is also the name of Event Grid topic eventGridTopics/billing (line 12): names in the DNS zone westeurope-1.eventgrid.azure.net are host names, unique across all of Azure; give one of them a different name or resourceName',
    );
    expect(errors[1].message).toContain(
      "is also the name of Event Grid topic eventGridTopics/orders (line 11)",
    );
  });

  it("refuses namespaces of two services that share the servicebus.windows.net zone", () => {
    const errors = errorsOf(`${devHeader}serviceBus:
  - { name: orders, resourceName: contoso-messaging, sku: Standard }
relay:
  - { name: bridge, resourceName: contoso-messaging }
`);
    expect(errors.map((e) => e.path)).toEqual(["serviceBus[0].resourceName", "relay[0].resourceName"]);
    expect(errors[1].message).toContain(
      "of Relay namespace relay/bridge is also the name of Service Bus namespace serviceBus/orders (line 10): names in the DNS zone servicebus.windows.net",
    );
  });

  it("compares names ignoring letter case where Azure does", () => {
    const errors = errorsOf(`${devHeader}serviceBus:
  - { name: orders, resourceName: Contoso-Messaging, sku: Standard }
eventHubs:
  - { name: telemetry, resourceName: contoso-messaging, sku: Standard }
`);
    expect(errors).toHaveLength(2);
    expect(errors[0].message).toContain("and Azure compares them ignoring letter case");
  });

  it("refuses two dedicated clusters with one name in the resource group", () => {
    const errors = errorsOf(`${devHeader}eventHubs:
  - { name: telemetry, sku: Standard, dedicatedCluster: { name: big } }
  - { name: audit, sku: Standard, dedicatedCluster: { name: big } }
`);
    expect(errors.map((e) => e.path)).toEqual([
      "eventHubs[0].dedicatedCluster.name",
      "eventHubs[1].dedicatedCluster.name",
    ]);
    expect(errors[0].message).toContain(
      'Azure name "evhcl-contoso-big-dev" of Event Hubs dedicated cluster of Event Hubs namespace eventHubs/telemetry is also the name of Event Hubs dedicated cluster of Event Hubs namespace eventHubs/audit (line 11): names of resources of one type must differ within resource group rg-contoso-messaging-dev',
    );
  });

  it("refuses a topic named like a queue of its namespace", () => {
    const errors = errorsOf(`${devHeader}serviceBus:
  - name: orders
    sku: Standard
    queues: [{ name: events }]
    topics: [{ name: Events }]
`);
    expect(errors.map((e) => e.path)).toEqual([
      "serviceBus[0].queues[0].name",
      "serviceBus[0].topics[0].name",
    ]);
    expect(errors[0].message).toContain(
      "names must differ among the queues and topics of Service Bus namespace serviceBus/orders, and Azure compares them ignoring letter case; rename one of them",
    );
  });

  it("refuses a hybrid connection and a WCF relay with one path", () => {
    const errors = errorsOf(`${devHeader}relay:
  - name: bridge
    hybridConnections: [{ name: historian }]
    wcfRelays: [{ name: historian, relayType: NetTcp }]
`);
    expect(errors[0].message).toContain(
      "among the hybrid connections and WCF relays of Relay namespace relay/bridge",
    );
  });

  describe("with edge sites", () => {
    const broker = (mqtt: string): string => `${devHeader}eventGrid:
  namespaces:
    - name: plant-mqtt
      mqtt:
${mqtt}sites:
  - name: munich
    mqttClient: { namespace: plant-mqtt, certificateThumbprint: 3f2504e04f8941d39a0c0305e82c3301aabbccdd }
`;

    it("refuses a permission binding named like one a site generates", () => {
      const errors = errorsOf(
        broker(`        topicSpaces: [{ name: telemetry, templates: ["plants/#"] }]
        clientGroups: [{ name: gateways, query: "attributes.role = 'gateway'" }]
        permissions: [{ name: site-munich-publisher, clientGroup: gateways, topicSpace: telemetry, role: publisher }]
`),
      );
      expect(errors.map((e) => [e.line, e.path])).toEqual([
        [15, "eventGrid.namespaces[0].mqtt.permissions[0].name"],
        [17, "sites[0].name"],
      ]);
      expect(errors[0].message).toBe(
        'Azure name "site-munich-publisher" of MQTT permission binding eventGridNamespaces/plant-mqtt/site-munich-publisher is also the name of MQTT permission binding of edge site munich (line 17): names must differ among the permission bindings of Event Grid namespace eventGridNamespaces/plant-mqtt; rename one of them',
      );
    });

    it("refuses a declared client named like a site's gateway", () => {
      const errors = errorsOf(
        broker(`        clients: [{ name: Munich, certificateThumbprint: 3f2504e04f8941d39a0c0305e82c3301aabbccdd }]
`),
      );
      expect(errors.map((e) => e.path)).toEqual([
        "eventGrid.namespaces[0].mqtt.clients[0].name",
        "sites[0].name",
      ]);
      expect(errors[1].message).toContain(
        "of MQTT client of edge site munich is also the name of MQTT client eventGridNamespaces/plant-mqtt/Munich",
      );
    });
  });

  describe("names the project derives", () => {
    it("refuses private endpoints derived from names that do not collide themselves", () => {
      // Different DNS zones, but both private endpoints are <name>-pep in one resource group.
      const errors = errorsOf(`${devHeader}${network}eventGrid:
  topics:
    - { name: orders, resourceName: contoso-shared, privateEndpoint: true }
relay:
  - { name: bridge, resourceName: contoso-shared, privateEndpoint: true }
`);
      expect(errors.map((e) => e.path)).toEqual([
        "eventGrid.topics[0].resourceName",
        "relay[0].resourceName",
      ]);
      expect(errors[0].message).toBe(
        'Azure name "contoso-shared-pep" of private endpoint of Event Grid topic eventGridTopics/orders is also the name of private endpoint of Relay namespace relay/bridge (line 15): names of resources of one type must differ within resource group rg-contoso-messaging-dev; its name is derived from Event Grid topic eventGridTopics/orders: rename one of them',
      );
    });

    it("reports colliding namespaces once, not again for their private endpoints", () => {
      const errors = errorsOf(`${devHeader}${network}eventHubs:
  - { name: telemetry, resourceName: contoso-shared, sku: Standard, privateEndpoint: true }
  - { name: audit, resourceName: contoso-shared, sku: Standard, privateEndpoint: true }
`);
      expect(errors.map((e) => e.message)).toEqual([
        expect.stringContaining(
          "of Event Hubs namespace eventHubs/telemetry is also the name of Event Hubs namespace eventHubs/audit",
        ),
        expect.stringContaining(
          "of Event Hubs namespace eventHubs/audit is also the name of Event Hubs namespace eventHubs/telemetry",
        ),
      ]);
    });

    it("refuses a namespace named like another's geo-disaster-recovery secondary", () => {
      const errors = errorsOf(
        `${devHeader.replace("location: westeurope", "location: westeurope\nsecondaryLocation: northeurope")}serviceBus:
  - { name: orders, resourceName: contoso-orders, sku: Premium, geoDisasterRecovery: true }
  - { name: spare, resourceName: contoso-orders-geo, sku: Standard }
`,
      );
      expect(errors.map((e) => e.path)).toEqual(["serviceBus[0].resourceName", "serviceBus[1].resourceName"]);
      expect(errors[0].message).toContain(
        'Azure name "contoso-orders-geo" of geo-disaster-recovery secondary namespace of Service Bus namespace serviceBus/orders is also the name of Service Bus namespace serviceBus/spare',
      );
    });

    it("refuses a derived name Azure would not accept", () => {
      const errors =
        errorsOf(`${devHeader.replace("name: dev", "name: dev\nresourceGroupName: rg.messaging")}serviceBus:
  - { name: orders, sku: Standard }
budget: { monthlyAmount: 100, alertEmails: [finops@contoso.example] }
`);
      expect(errors.map((e) => [e.path, e.message])).toEqual([
        [
          "budget",
          'Azure name "budget-rg.messaging" of the environment\'s budget may contain only letters, numbers, underscores and hyphens, but has "." at position 10: shorten resourceGroupName (or naming.prefix and naming.workload)',
        ],
      ]);
    });
  });

  it("returns no model while a name collides", () => {
    const result = loadEnvironmentText(
      `${devHeader}serviceBus:\n  - { name: orders, sku: Standard, queues: [{ name: a }], topics: [{ name: a }] }\n`,
      "env.yaml",
      { today: testToday },
    );
    expect(result.ok).toBe(false);
  });
});

describe("the resources waivers and allowDestroy name", () => {
  const orders = `serviceBus:
  - name: orders
    sku: Standard
    topics: [{ name: order-events, subscriptions: [{ name: audit }] }]
`;

  it("accepts a waiver on a subscription", () => {
    expect(
      errorsOf(`${devHeader}${orders}waivers:
  - { rule: SB-MAX-DELIVERY-COUNT, resource: serviceBus/orders/order-events/audit, reason: replay tool, expires: 2026-12-31 }
`),
    ).toEqual([]);
  });

  it("accepts a waiver on the scoping an edge site adds to its broker", () => {
    expect(
      errorsOf(`${devHeader}eventGrid:
  namespaces: [{ name: plant-mqtt, mqtt: {} }]
sites:
  - name: munich
    mqttClient: { namespace: plant-mqtt, certificateThumbprint: 3f2504e04f8941d39a0c0305e82c3301aabbccdd }
waivers:
  - { rule: EG-NAMESPACE-PUBLIC-NETWORK, resource: eventGridNamespaces/plant-mqtt/site-munich, reason: lab, expires: 2026-12-31 }
`),
    ).toEqual([]);
  });

  it("names the services a waiver resource may start with", () => {
    // The schema refuses this shape already; the model check says the same to a caller without it.
    const [error] = modelErrorsOf(`${devHeader}${orders}waivers:
  - { rule: SB-LOCAL-AUTH, resource: servicebus/orders, reason: legacy, expires: 2026-12-31 }
`);
    expect(error.path).toBe("waivers[0].resource");
    expect(error.message).toContain("with <service> one of serviceBus, eventHubs, eventGridTopics");
  });

  it("suggests the declared resource an allowDestroy entry probably means", () => {
    const [error] = errorsOf(`${devHeader}${orders}allowDestroy:
  - { resource: serviceBus/orders/order-event, reason: retired }
`);
    expect(error).toMatchObject({ line: 14, path: "allowDestroy[0].resource" });
    expect(error.message).toContain('did you mean "serviceBus/orders/order-events"?');
  });
});
