import { TerraformStack, Testing } from "cdktf";
import { EntityRegistry } from "../../stacks/entity-registry";
import type { Principal, ServiceBusNamespace } from "../../model/model";
import { MessagingStack } from "../../stacks/messaging-stack";
import { addServiceBus } from "../../stacks/service-bus";
import { StackIds } from "../../stacks/ids/stack-ids";
import type { StackContext } from "../../stacks/stack-context";
import {
  devNamespace,
  ordersApi,
  environmentWith,
  prodNamespace,
  queueModel,
  subscriptionModel,
  topicModel,
} from "./helpers/service-bus-model";

interface Synthesized {
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, Record<string, unknown>>;
}

const WORKSPACE = "/workspaces/log";

function build(
  namespaces: readonly ServiceBusNamespace[],
  principals: readonly Principal[] = [],
): { json: Synthesized; entities: EntityRegistry } {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  const entities = new EntityRegistry();
  // Principals the namespaces name beside the helper's are declared too, as a resolved model has them.
  const base = environmentWith(namespaces);
  const model = {
    ...base,
    principals: new Map([...base.principals, ...principals.map((p) => [p.name, p] as const)]),
  };
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
  addServiceBus(ctx);
  return { json: JSON.parse(Testing.synth(stack)) as Synthesized, entities };
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

describe("addServiceBus", () => {
  it("builds each namespace under its Azure name with the model's SKU", () => {
    const { json } = build([devNamespace()]);
    expect(named(json, "azurerm_servicebus_namespace", "sbns-contoso-orders-dev")).toMatchObject({
      sku: "Standard",
      local_auth_enabled: false,
    });
  });

  it("builds every queue, topic and subscription of the namespace", () => {
    const { json } = build([devNamespace()]);
    expect(resources(json, "azurerm_servicebus_queue").map((q) => q.name)).toEqual(["orders-inbound"]);
    expect(resources(json, "azurerm_servicebus_topic").map((t) => t.name)).toEqual(["order-events"]);
    expect(resources(json, "azurerm_servicebus_subscription").map((s) => s.name)).toEqual(["audit"]);
  });

  it("grants senders and receivers at the queue's own scope", () => {
    const { json } = build([devNamespace()]);
    const queue = addressOf(json, "azurerm_servicebus_queue", "orders-inbound");
    const grants = resources(json, "azurerm_role_assignment").map((r) => [
      r.role_definition_name,
      r.scope,
      r.principal_id,
    ]);
    expect(grants.sort()).toEqual([
      ["Azure Service Bus Data Receiver", `\${${queue}.id}`, "11111111-1111-1111-1111-111111111111"],
      ["Azure Service Bus Data Sender", `\${${queue}.id}`, "11111111-1111-1111-1111-111111111111"],
    ]);
  });

  it("grants at the namespace only when the namespace itself lists principals", () => {
    const owner = { name: "ops", objectId: "44444444-4444-4444-4444-444444444444", type: "Group" as const };
    const { json } = build([devNamespace({ queues: [], topics: [], owners: [owner] })], [owner]);
    const namespace = addressOf(json, "azurerm_servicebus_namespace", "sbns-contoso-orders-dev");
    expect(resources(json, "azurerm_role_assignment")).toEqual([
      expect.objectContaining({
        role_definition_name: "Azure Service Bus Data Owner",
        scope: `\${${namespace}.id}`,
        principal_type: "Group",
      }),
    ]);
  });

  it("registers queues and topics for other services, labelled by the file's names", () => {
    const { entities } = build([devNamespace()]);
    const queue = entities.target("serviceBusQueue", "orders/orders-inbound");
    expect(queue.entityPath).toBe("orders-inbound");
    expect(entities.target("serviceBusTopic", "orders/order-events").entityPath).toBe("order-events");
    expect(entities.namespaceId("serviceBus", "orders")).toBe(queue.namespaceResourceId);
  });

  it("sends diagnostics to the stack's workspace when the model asks", () => {
    const { json } = build([devNamespace()]);
    expect(resources(json, "azurerm_monitor_diagnostic_setting")).toEqual([
      expect.objectContaining({ log_analytics_workspace_id: WORKSPACE }),
    ]);
  });

  it("resolves a forwarding chain declared before its targets", () => {
    const ns = devNamespace({
      topics: [],
      queues: [
        queueModel({ name: "a", forwardTo: "orders/b" }),
        queueModel({ name: "b", forwardTo: "orders/c" }),
        queueModel({ name: "c" }),
      ],
    });
    const { json } = build([ns]);
    expect(named(json, "azurerm_servicebus_queue", "b")?.forward_to).toBe(
      `\${${addressOf(json, "azurerm_servicebus_queue", "c")}.name}`,
    );
    expect(named(json, "azurerm_servicebus_queue", "a")?.forward_to).toBe(
      `\${${addressOf(json, "azurerm_servicebus_queue", "b")}.name}`,
    );
  });

  it("makes one assignment for a principal among a subscription's receivers and its owners", () => {
    const ns = devNamespace({
      queues: [],
      topics: [
        topicModel({
          name: "order-events",
          subscriptions: [subscriptionModel({ name: "audit", receivers: [ordersApi], owners: [ordersApi] })],
        }),
      ],
    });
    const { json } = build([ns]);
    const subscription = addressOf(json, "azurerm_servicebus_subscription", "audit");
    expect(resources(json, "azurerm_role_assignment")).toEqual([
      expect.objectContaining({
        role_definition_name: "Azure Service Bus Data Receiver",
        scope: `\${${subscription}.id}`,
        principal_id: ordersApi.objectId,
      }),
    ]);
  });

  it("finds a forwarding target named in another letter case, as Azure and validation do", () => {
    const ns = devNamespace({
      topics: [],
      queues: [
        queueModel({ name: "Orders", forwardDeadLetteredTo: "orders/POISON", forwardTo: "orders/next" }),
        queueModel({ name: "Next" }),
        queueModel({ name: "poison" }),
      ],
    });
    const { json } = build([ns]);
    expect(named(json, "azurerm_servicebus_queue", "Orders")).toMatchObject({
      forward_to: `\${${addressOf(json, "azurerm_servicebus_queue", "Next")}.name}`,
      forward_dead_lettered_messages_to: `\${${addressOf(json, "azurerm_servicebus_queue", "poison")}.name}`,
    });
  });

  it("names the geo-DR secondary's private endpoint as Service Bus endpoints have always been named", () => {
    const { json } = build([prodNamespace()]);
    expect(
      resources(json, "azurerm_private_endpoint")
        .map((e) => e.name)
        .sort(),
    ).toEqual(["pep-sbns-contoso-orders-orders-prod", "pep-sbns-contoso-orders-orders-prod-secondary"]);
  });

  it("lets a subscription forward to a queue of its namespace", () => {
    const ns = devNamespace({
      queues: [queueModel({ name: "audit-log" })],
      topics: [
        topicModel({
          name: "order-events",
          subscriptions: [subscriptionModel({ name: "audit", forwardTo: "orders/audit-log" })],
        }),
      ],
    });
    const { json } = build([ns]);
    expect(named(json, "azurerm_servicebus_subscription", "audit")?.forward_to).toBe(
      `\${${addressOf(json, "azurerm_servicebus_queue", "audit-log")}.name}`,
    );
  });

  it("outputs each namespace's endpoint and no key", () => {
    const { json } = build([devNamespace()]);
    expect(Object.keys(json.output ?? {})).toEqual(["service_bus_orders_endpoint"]);
    expect(json.output?.service_bus_orders_endpoint.value).toMatch(/\.endpoint\}$/);
  });

  it("outputs the SAS connection string as sensitive when the model opts into local auth", () => {
    const { json } = build([devNamespace({ localAuth: true })]);
    expect(json.output?.sbns_contoso_orders_dev_default_connection_string).toMatchObject({ sensitive: true });
  });

  describe("for a production Premium namespace", () => {
    const { json } = build([prodNamespace()]);

    it("closes the public endpoint and opens a private one", () => {
      expect(named(json, "azurerm_servicebus_namespace", "sbns-contoso-orders-orders-prod")).toMatchObject({
        public_network_access_enabled: false,
        minimum_tls_version: "1.2",
        local_auth_enabled: false,
      });
      expect(named(json, "azurerm_private_endpoint", "pep-sbns-contoso-orders-orders-prod")).toBeDefined();
    });

    it("encrypts with the environment's key, attaching the key's identity", () => {
      expect(named(json, "azurerm_servicebus_namespace", "sbns-contoso-orders-orders-prod")).toMatchObject({
        identity: { type: "SystemAssigned, UserAssigned", identity_ids: ["/identities/id-messaging-cmk"] },
        customer_managed_key: {
          identity_id: "/identities/id-messaging-cmk",
          infrastructure_encryption_enabled: true,
        },
      });
    });

    it("prevents destruction of every stateful entity", () => {
      for (const type of [
        "azurerm_servicebus_namespace",
        "azurerm_servicebus_queue",
        "azurerm_servicebus_topic",
        "azurerm_servicebus_subscription",
      ]) {
        for (const r of resources(json, type))
          expect([type, r.name, r.lifecycle]).toEqual([type, r.name, { prevent_destroy: true }]);
      }
    });

    it("pairs a geo-DR secondary and outputs the alias clients use", () => {
      expect(
        named(json, "azurerm_servicebus_namespace", "sbns-contoso-orders-orders-prod-secondary"),
      ).toMatchObject({ location: "northeurope" });
      expect(
        named(
          json,
          "azurerm_servicebus_namespace_disaster_recovery_config",
          "sbns-contoso-orders-orders-prod-alias",
        ),
      ).toBeDefined();
      expect(json.output?.service_bus_orders_alias_fqdn.value).toBe(
        "sbns-contoso-orders-orders-prod-alias.servicebus.windows.net",
      );
    });

    it("autoscales the messaging units", () => {
      expect(resources(json, "azurerm_monitor_autoscale_setting")).toEqual([
        expect.objectContaining({
          profile: [expect.objectContaining({ capacity: { minimum: 1, maximum: 4, default: 1 } })],
        }),
      ]);
    });

    it("replaces $Default on the filtered subscriptions", () => {
      const bodies = resources(json, "azapi_resource_action")
        .filter((r) => r.when !== "destroy")
        .map((r) => r.body);
      expect(bodies).toHaveLength(2);
      expect(bodies).toEqual(
        expect.arrayContaining([
          {
            properties: {
              filterType: "SqlFilter",
              sqlFilter: { sqlExpression: "region = 'EU' AND amount > 0" },
            },
          },
          { properties: { filterType: "CorrelationFilter", correlationFilter: { label: "order.created" } } },
        ]),
      );
    });

    it("forwards dead letters of payments to payments-poison", () => {
      expect(named(json, "azurerm_servicebus_queue", "payments")?.forward_dead_lettered_messages_to).toBe(
        `\${${addressOf(json, "azurerm_servicebus_queue", "payments-poison")}.name}`,
      );
    });

    it("takes duplicate detection windows from the model and leaves it off where the model has none", () => {
      expect(named(json, "azurerm_servicebus_queue", "payments")).toMatchObject({
        requires_duplicate_detection: true,
        duplicate_detection_history_time_window: "PT30M",
      });
      expect(named(json, "azurerm_servicebus_queue", "payments-poison")).toMatchObject({
        requires_duplicate_detection: false,
      });
    });
  });

  it("is part of the messaging stack", () => {
    const stack = new MessagingStack(Testing.app(), environmentWith([devNamespace()]));
    const json = JSON.parse(Testing.synth(stack)) as Synthesized;
    expect(named(json, "azurerm_servicebus_namespace", "sbns-contoso-orders-dev")).toBeDefined();
  });
});
