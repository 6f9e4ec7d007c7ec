import { checkUniqueNames } from "../../model/semantic/unique-names";
import { devHeader, diagnosticsOf, messagesOf } from "./helpers/semantic";

const serviceBus = (entities: string): string => `${devHeader}serviceBus:
  - name: orders
    sku: Standard
${entities}`;

describe("unique names", () => {
  it("reports a repeated queue at the repeat, naming the line of the first", () => {
    const [error] = diagnosticsOf(
      checkUniqueNames,
      serviceBus("    queues:\n      - name: payments\n      - name: payments\n"),
    );
    expect(error.path).toBe("serviceBus[0].queues[1].name");
    expect(error.line).toBe(14);
    expect(error.message).toContain("is already declared at line 13");
  });

  it("compares names without regard to case, as Azure does", () => {
    expect(
      messagesOf(
        checkUniqueNames,
        serviceBus("    queues:\n      - name: Payments\n      - name: payments\n"),
      ),
    ).toHaveLength(1);
  });

  it("treats queues and topics of one namespace as one name space", () => {
    const messages = messagesOf(
      checkUniqueNames,
      serviceBus("    queues:\n      - name: events\n    topics:\n      - name: events\n"),
    );
    expect(messages[0]).toContain('duplicate queue or topic name "events"');
  });

  it("allows the same subscription name under two topics", () => {
    const text = serviceBus(`    topics:
      - name: a
        subscriptions: [{ name: audit }]
      - name: b
        subscriptions: [{ name: audit }]
`);
    expect(messagesOf(checkUniqueNames, text)).toEqual([]);
  });

  it("counts a site's gateway as a client of its MQTT namespace", () => {
    const text = `${devHeader}eventGrid:
  namespaces:
    - name: plant-mqtt
      mqtt:
        clients:
          - { name: plant-munich, certificateThumbprint: 3f2504e04f8941d39a0c0305e82c3301aabbccdd }
sites:
  - name: plant-munich
    mqttClient: { namespace: plant-mqtt, certificateThumbprint: 3f2504e04f8941d39a0c0305e82c3301aabbccdd }
`;
    expect(messagesOf(checkUniqueNames, text)[0]).toContain('duplicate MQTT client name "plant-munich"');
  });

  it("refuses two namespaces of different services with one Azure name", () => {
    const text = `${devHeader}serviceBus:
  - { name: orders, resourceName: contoso-messaging, sku: Standard }
relay:
  - { name: bridge, resourceName: contoso-messaging }
`;
    const [error] = diagnosticsOf(checkUniqueNames, text);
    expect(error.path).toBe("relay[0].resourceName");
    expect(error.message).toContain("is also the Azure name of serviceBus/orders");
  });

  it("reports two namespaces with one logical name once", () => {
    const text = `${devHeader}serviceBus:\n  - { name: orders, sku: Standard }\n  - { name: orders, sku: Standard }\n`;
    expect(messagesOf(checkUniqueNames, text)).toHaveLength(1);
  });

  it("treats hybrid connections and WCF relays of one namespace as one name space", () => {
    const text = `${devHeader}relay:
  - name: bridge
    hybridConnections: [{ name: historian }]
    wcfRelays: [{ name: historian, relayType: NetTcp }]
`;
    expect(messagesOf(checkUniqueNames, text)[0]).toContain(
      'duplicate hybrid connection or WCF relay name "historian"',
    );
  });
});
