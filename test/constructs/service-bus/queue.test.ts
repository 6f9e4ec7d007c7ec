import type { Construct } from "constructs";
import {
  ServiceBusNamespace,
  ServiceBusQueue,
  ServiceBusTopic,
  type ServiceBusQueueProps,
} from "../../../constructs/service-bus";
import type { ServiceBusNamespaceProps } from "../../../constructs/service-bus";
import {
  namespace,
  namespaceProps,
  onlyResource,
  ordersApi,
  resourcesOf,
  synth,
  type Synthesized,
} from "./synth";

const QUEUE = "azurerm_servicebus_queue";

function queue(
  overrides: Partial<ServiceBusQueueProps> = {},
  ns: Partial<ServiceBusNamespaceProps> = {},
): Record<string, unknown> {
  return onlyResource(
    synth(
      (s) =>
        new ServiceBusQueue(s, "q", { namespace: namespace(s, ns), name: "orders-inbound", ...overrides }),
    ),
    QUEUE,
  );
}

function queueNamed(json: Synthesized, name: string): Record<string, unknown> {
  const found = resourcesOf(json, QUEUE).find((q) => q.name === name);
  if (!found) throw new Error(`no queue ${name}`);
  return found;
}

describe("ServiceBusQueue", () => {
  it("defaults to 10 deliveries, a one-minute lock, batching, no sessions and no duplicate detection", () => {
    expect(queue()).toMatchObject({
      name: "orders-inbound",
      max_delivery_count: 10,
      lock_duration: "PT1M",
      batched_operations_enabled: true,
      requires_session: false,
      requires_duplicate_detection: false,
      dead_lettering_on_message_expiration: false,
      max_size_in_megabytes: 1024,
      partitioning_enabled: false,
      status: "Active",
    });
  });

  it("passes every option through to the queue", () => {
    expect(
      queue(
        {
          sessions: true,
          duplicateDetectionWindow: "PT10M",
          maxDeliveryCount: 5,
          lockDuration: "PT2M",
          defaultMessageTtl: "P14D",
          deadLetterOnExpiration: true,
          maxSizeMegabytes: 81920,
          batchedOperations: false,
          autoDeleteOnIdle: "P30D",
          status: "SendDisabled",
          maxMessageSizeKilobytes: 4096,
        },
        { sku: "Premium" },
      ),
    ).toMatchObject({
      requires_session: true,
      requires_duplicate_detection: true,
      duplicate_detection_history_time_window: "PT10M",
      max_delivery_count: 5,
      lock_duration: "PT2M",
      default_message_ttl: "P14D",
      dead_lettering_on_message_expiration: true,
      max_size_in_megabytes: 81920,
      batched_operations_enabled: false,
      auto_delete_on_idle: "P30D",
      status: "SendDisabled",
      max_message_size_in_kilobytes: 4096,
    });
  });

  it("partitions a Standard queue when asked", () => {
    expect(queue({ partitioned: true })).toMatchObject({ partitioning_enabled: true });
  });

  it("follows the namespace's partitioning on Premium", () => {
    expect(queue({}, { sku: "Premium", capacity: 2, partitions: 2 })).toMatchObject({
      partitioning_enabled: true,
    });
    expect(queue({}, { sku: "Premium" })).toMatchObject({ partitioning_enabled: false });
  });

  it("refuses a queue-level partitioning choice on Premium", () => {
    expect(() => queue({ partitioned: false }, { sku: "Premium" })).toThrow(
      /partitioned is not an entity option on Premium/,
    );
  });

  it.each([
    [{ sessions: true }, /sessions are not available on the Basic SKU/],
    [
      { duplicateDetectionWindow: "PT10M" },
      /duplicate detection is not available on the Basic SKU, got duplicateDetectionWindow PT10M/,
    ],
  ])("refuses %j on Basic", (overrides, message) => {
    expect(() => queue(overrides, { sku: "Basic" })).toThrow(message);
  });

  it("refuses forwarding on Basic", () => {
    expect(() =>
      synth((s) => {
        const ns = namespace(s, { sku: "Basic" });
        const target = new ServiceBusQueue(s, "t", { namespace: ns, name: "target" });
        new ServiceBusQueue(s, "q", { namespace: ns, name: "source", forwardTo: target });
      }),
    ).toThrow(/forwardTo is not available on the Basic SKU, got orders\/target/);
  });

  it("refuses a max message size outside Premium and outside 1024–102400 KB", () => {
    expect(() => queue({ maxMessageSizeKilobytes: 2048 })).toThrow(
      /maxMessageSizeKilobytes applies only to the Premium SKU, got 2048 on Standard/,
    );
    expect(() => queue({ maxMessageSizeKilobytes: 512 }, { sku: "Premium" })).toThrow(
      /between 1024 and 102400, got 512/,
    );
  });

  it("refuses sizes the SKU does not offer", () => {
    expect(() => queue({ maxSizeMegabytes: 10240 })).toThrow(
      /maxSizeMegabytes on Standard must be one of 1024, 2048, 3072, 4096, 5120, got 10240/,
    );
  });

  it("refuses a max delivery count below 1", () => {
    expect(() => queue({ maxDeliveryCount: 0 })).toThrow(
      /maxDeliveryCount must be an integer of at least 1, got 0/,
    );
  });

  it("forwards by reference to the target's name, so Terraform creates the target first", () => {
    const json = synth((s) => {
      const ns = namespace(s);
      const poison = new ServiceBusQueue(s, "poison", { namespace: ns, name: "payments-poison" });
      const topic = new ServiceBusTopic(s, "events", { namespace: ns, name: "order-events" });
      new ServiceBusQueue(s, "payments", {
        namespace: ns,
        name: "payments",
        forwardTo: topic,
        forwardDeadLetteredTo: poison,
      });
    });
    const payments = queueNamed(json, "payments");
    expect(payments.forward_to).toMatch(/^\$\{azurerm_servicebus_topic\.[^.]+\.name\}$/);
    expect(payments.forward_dead_lettered_messages_to).toMatch(
      /^\$\{azurerm_servicebus_queue\.[^.]+\.name\}$/,
    );
  });

  it("refuses forwarding to another namespace", () => {
    expect(() =>
      synth((s: Construct) => {
        const other = new ServiceBusNamespace(s, "other", {
          ...namespaceProps,
          name: "sbns-other",
          label: "other",
        });
        const target = new ServiceBusQueue(s, "t", { namespace: other, name: "target" });
        new ServiceBusQueue(s, "q", { namespace: namespace(s), name: "source", forwardTo: target });
      }),
    ).toThrow(
      /forwardTo must name a queue or topic in namespace sbns-contoso-orders-test, got other\/target/,
    );
  });

  it("refuses forwardTo on a session-enabled queue", () => {
    expect(() =>
      synth((s) => {
        const ns = namespace(s);
        const target = new ServiceBusQueue(s, "t", { namespace: ns, name: "target" });
        new ServiceBusQueue(s, "q", { namespace: ns, name: "source", sessions: true, forwardTo: target });
      }),
    ).toThrow(/forwardTo is not supported on a session-enabled entity/);
  });

  it("prevents destruction when asked", () => {
    expect(queue({ preventDestroy: true }).lifecycle).toEqual({ prevent_destroy: true });
  });

  it.each([
    ["grantSend", "Azure Service Bus Data Sender"],
    ["grantReceive", "Azure Service Bus Data Receiver"],
    ["grantManage", "Azure Service Bus Data Owner"],
  ] as const)("%s assigns %s at the queue's own scope", (method, role) => {
    const json = synth((s) =>
      new ServiceBusQueue(s, "q", { namespace: namespace(s), name: "orders-inbound" })[method](ordersApi),
    );
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: role,
      principal_id: ordersApi.principalId,
      scope: expect.stringMatching(/^\$\{azurerm_servicebus_queue\.[^.]+\.id\}$/),
    });
  });

  it("describes itself as a delivery target labelled <namespace>/<queue>", () => {
    let target: ServiceBusQueue | undefined;
    synth((s) => {
      target = new ServiceBusQueue(s, "q", { namespace: namespace(s), name: "orders-inbound" });
    });
    expect(target).toMatchObject({
      kind: "serviceBusQueue",
      label: "orders/orders-inbound",
      entityPath: "orders-inbound",
      endpointUri: "sb://sbns-contoso-orders-test.servicebus.windows.net",
    });
  });
});
