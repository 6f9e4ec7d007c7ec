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
  validationErrors,
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

/** What validation says about a queue `orders-inbound` with `overrides` in a namespace with `ns`. */
function queueErrors(
  overrides: Partial<ServiceBusQueueProps> = {},
  ns: Partial<ServiceBusNamespaceProps> = {},
): string[] {
  return validationErrors(
    (s) => new ServiceBusQueue(s, "q", { namespace: namespace(s, ns), name: "orders-inbound", ...overrides }),
  );
}

const where = "Service Bus queue orders/orders-inbound";

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
          duplicateDetection: "PT10M",
          maxDeliveryCount: 5,
          lockDuration: "PT2M",
          messageTtl: "P14D",
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
    expect(queueErrors({ partitioned: false }, { sku: "Premium" })).toEqual([
      `${where}: partitioned: partitioned is not an entity option on Premium: a Premium namespace partitions all its entities; set partitions on namespace "orders"`,
    ]);
  });

  it.each([
    [{ sessions: true }, "sessions: sessions need the Standard or Premium SKU"],
    [
      { duplicateDetection: "PT10M" },
      "duplicateDetection: duplicate detection needs the Standard or Premium SKU",
    ],
  ])("refuses %j on Basic", (overrides, message) => {
    expect(queueErrors(overrides, { sku: "Basic" })).toEqual([
      `${where}: ${message}; namespace "orders" is Basic`,
    ]);
  });

  it("refuses forwarding on Basic", () => {
    const errors = validationErrors((s) => {
      const ns = namespace(s, { sku: "Basic" });
      const target = new ServiceBusQueue(s, "t", { namespace: ns, name: "target" });
      new ServiceBusQueue(s, "q", { namespace: ns, name: "source", forwardTo: target });
    });
    expect(errors).toEqual([
      'Service Bus queue orders/source: forwardTo: auto-forwarding (forwardTo) needs the Standard or Premium SKU; namespace "orders" is Basic',
    ]);
  });

  it("refuses a max message size outside Premium", () => {
    expect(queueErrors({ maxMessageSizeKilobytes: 2048 })).toEqual([
      `${where}: maxMessageSizeKilobytes: maxMessageSizeKilobytes needs the Premium SKU (the limit is 256 KB elsewhere); namespace "orders" is Standard`,
    ]);
  });

  it("refuses a Premium max message size outside 1024–102400 KB", () => {
    expect(queueErrors({ maxMessageSizeKilobytes: 512 }, { sku: "Premium" })).toEqual([
      `${where}: maxMessageSizeKilobytes: maxMessageSizeKilobytes must be between 1024 and 102400, got 512`,
    ]);
  });

  it("refuses sizes the SKU does not offer", () => {
    expect(queueErrors({ maxSizeMegabytes: 10240 })).toEqual([
      `${where}: maxSizeMegabytes: maxSizeMegabytes on Standard must be one of 1024, 2048, 3072, 4096, 5120 (a partitioned entity holds 16 times this), got 10240`,
    ]);
  });

  it.each([0, 2.5])("refuses a max delivery count of %s, as validation of the file does", (count) => {
    expect(queueErrors({ maxDeliveryCount: count })).toEqual([
      `${where}: maxDeliveryCount: maxDeliveryCount must be a whole number of at least 1, got ${count}`,
    ]);
  });

  it("accepts a max delivery count of 1", () => {
    expect(queueErrors({ maxDeliveryCount: 1 })).toEqual([]);
  });

  it("refuses a lock longer than five minutes", () => {
    expect(queueErrors({ lockDuration: "PT6M" })).toEqual([
      `${where}: lockDuration: lockDuration must be between 5 seconds and 5 minutes, got PT6M (6 minutes)`,
    ]);
  });

  it("reports every problem at once", () => {
    expect(queueErrors({ maxDeliveryCount: 0, lockDuration: "PT6M", maxSizeMegabytes: 10 })).toHaveLength(3);
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
    const errors = validationErrors((s: Construct) => {
      const other = new ServiceBusNamespace(s, "other", {
        ...namespaceProps,
        name: "sbns-other",
        label: "other",
      });
      const target = new ServiceBusQueue(s, "t", { namespace: other, name: "target" });
      new ServiceBusQueue(s, "q", { namespace: namespace(s), name: "source", forwardDeadLetteredTo: target });
    });
    expect(errors).toEqual([
      "Service Bus queue orders/source: forwardDeadLetteredTo: forwardDeadLetteredTo must name a queue or topic in namespace orders, got other/target",
    ]);
  });

  it("refuses forwardTo on a session-enabled queue", () => {
    const errors = validationErrors((s) => {
      const ns = namespace(s);
      const target = new ServiceBusQueue(s, "t", { namespace: ns, name: "target" });
      new ServiceBusQueue(s, "q", { namespace: ns, name: "source", sessions: true, forwardTo: target });
    });
    expect(errors).toEqual([
      "Service Bus queue orders/source: forwardTo: forwardTo is not supported on a session-enabled entity (Azure auto-forwarding skips sessions); remove forwardTo or sessions",
    ]);
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
