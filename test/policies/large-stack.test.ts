import type { JsonObject } from "../../policies/engine/terraform-json";
import { evaluate } from "./support/fixtures";

/** A stack of `count` queues, each with a role assignment, under one namespace with its shared resources. */
function largeStack(count: number): JsonObject {
  const queues: JsonObject = {};
  const roles: JsonObject = {};
  for (let i = 0; i < count; i++) {
    queues[`q${i}`] = {
      name: `queue-${i}`,
      namespace_id: "${azurerm_servicebus_namespace.sb.id}",
      max_delivery_count: 10,
      dead_lettering_on_message_expiration: true,
      lifecycle: { prevent_destroy: true },
    };
    roles[`r${i}`] = {
      scope: `\${azurerm_servicebus_queue.q${i}.id}`,
      role_definition_name: "Azure Service Bus Data Sender",
      principal_id: "11111111-1111-1111-1111-111111111111",
      description: `app: sender on orders/queue-${i}`,
    };
  }
  return {
    resource: {
      azurerm_servicebus_namespace: {
        sb: {
          name: "sbns-large",
          sku: "Standard",
          local_auth_enabled: false,
          minimum_tls_version: "1.2",
          identity: { type: "SystemAssigned" },
        },
      },
      azurerm_servicebus_queue: queues,
      azurerm_role_assignment: roles,
    },
  };
}

// Its speed is a target of `npm run bench` (policy evaluation of 5,000 entities in under 2 s), not of this test.
describe("a large stack", () => {
  test("evaluates 5,000 entities (10,000 resources) with no finding on compliant queues", () => {
    const document = largeStack(5000);
    const result = evaluate(document, undefined);
    expect(result.rulesEvaluated.length).toBeGreaterThan(0);
    expect(
      result.findings.filter((f) =>
        (f.subject.terraformAddress ?? "").startsWith("azurerm_servicebus_queue."),
      ),
    ).toEqual([]);
  });
});
