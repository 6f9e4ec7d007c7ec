import { evaluate, violatingStack } from "./support/fixtures";

describe("findings", () => {
  test("name the declaration the resource comes from", () => {
    expect(evaluate(violatingStack("SB-MAX-DELIVERY-COUNT")).findings[0].subject).toMatchObject({
      address: "serviceBus/orders/orders-inbound",
      terraformAddress: "azurerm_servicebus_queue.q",
    });
  });

  test("are located at the environment-file line of that declaration", () => {
    expect(evaluate(violatingStack("SB-DEAD-LETTER-ON-EXPIRATION")).findings[0].subject.source).toMatchObject(
      { file: "environments/compliant.yaml", line: 21 },
    );
  });

  test("on a namespace-wide role name the principal", () => {
    expect(evaluate(violatingStack("SB-NARROW-ROLES")).findings[0].message).toMatch(
      /^orders-api holds Azure Service Bus Data Sender on the whole Service Bus namespace/,
    );
  });

  test("about a SAS rule are reported on its namespace", () => {
    expect(evaluate(violatingStack("EH-NO-NAMESPACE-SAS")).findings[0].subject.address).toBe(
      "eventHubs/stream",
    );
  });

  test("about environment-wide settings fall back to the environment file", () => {
    expect(evaluate(violatingStack("LOG-AUDIT-RETENTION")).findings[0].subject.source?.file).toBe(
      "environments/compliant.yaml",
    );
  });
});
