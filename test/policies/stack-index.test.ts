import { AzurePaths } from "../../policies/engine/azure-path";
import { StackIndex } from "../../policies/engine/stack-index";
import { attributeAt, blocksOf, preventsDestroy } from "../../policies/engine/terraform-json";

const namespace = { name: "sbns-a", sku: "Premium" };

describe("StackIndex", () => {
  test("reads resources written as an array of type objects", () => {
    const index = new StackIndex({
      resource: [
        { azurerm_servicebus_namespace: { ns: namespace } },
        { azurerm_servicebus_queue: { q: { name: "q" } } },
      ],
    });
    expect(index.ofType("azurerm_servicebus_queue").map((r) => r.address)).toEqual([
      "azurerm_servicebus_queue.q",
    ]);
  });

  test("merges a resource body written as an array of objects", () => {
    const index = new StackIndex({
      resource: { azurerm_servicebus_namespace: { ns: [namespace, { local_auth_enabled: false }] } },
    });
    expect(index.get("azurerm_servicebus_namespace.ns")?.body).toMatchObject({
      name: "sbns-a",
      local_auth_enabled: false,
    });
  });

  test("finds the resources that reference a target through a given attribute", () => {
    const index = new StackIndex({
      resource: {
        azurerm_servicebus_namespace: { ns: namespace },
        azurerm_monitor_diagnostic_setting: {
          d: { target_resource_id: "${azurerm_servicebus_namespace.ns.id}" },
        },
      },
    });
    const ns = index.get("azurerm_servicebus_namespace.ns");
    expect(
      ns &&
        index
          .referrers(ns, "azurerm_monitor_diagnostic_setting", "target_resource_id")
          .map((r) => r.resource.name),
    ).toEqual(["d"]);
  });

  test("resolves references nested in function calls and block arrays", () => {
    const index = new StackIndex({
      resource: {
        azurerm_servicebus_namespace: { ns: namespace },
        azurerm_private_endpoint: {
          pe: {
            private_service_connection: [
              { private_connection_resource_id: "${lower(azurerm_servicebus_namespace.ns.id)}" },
            ],
          },
        },
      },
    });
    const pe = index.get("azurerm_private_endpoint.pe");
    expect(pe && index.target(pe, "private_service_connection.private_connection_resource_id")?.address).toBe(
      "azurerm_servicebus_namespace.ns",
    );
  });

  test("ignores traversals that name no resource of the stack", () => {
    const index = new StackIndex({
      resource: { azurerm_role_assignment: { ra: { scope: "${data.azurerm_servicebus_namespace.ns.id}" } } },
    });
    const ra = index.get("azurerm_role_assignment.ra");
    expect(ra && index.target(ra, "scope")).toBeUndefined();
  });
});

describe("Terraform JSON blocks", () => {
  test("treat a block object and a one-element block array alike", () => {
    expect(blocksOf({ type: "SystemAssigned" })).toEqual(blocksOf([{ type: "SystemAssigned" }]));
  });

  test("read nested attributes through array-shaped blocks", () => {
    expect(
      attributeAt(
        { customer_managed_key: [{ infrastructure_encryption_enabled: true }] },
        "customer_managed_key.infrastructure_encryption_enabled",
      ),
    ).toBe(true);
  });

  test("see prevent_destroy set by an override in array form", () => {
    expect(preventsDestroy({ lifecycle: [{ prevent_destroy: true }] })).toBe(true);
  });
});

describe("AzurePaths", () => {
  test("walks from a subscription up to its namespace", () => {
    const index = new StackIndex({
      resource: {
        azurerm_servicebus_namespace: { ns: namespace },
        azurerm_servicebus_topic: {
          t: { name: "events", namespace_id: "${azurerm_servicebus_namespace.ns.id}" },
        },
        azurerm_servicebus_subscription: {
          s: { name: "audit", topic_id: "${azurerm_servicebus_topic.t.id}" },
        },
      },
    });
    const sub = index.get("azurerm_servicebus_subscription.s");
    expect(sub && new AzurePaths(index).of(sub)?.names).toEqual(["sbns-a", "events", "audit"]);
  });
});
