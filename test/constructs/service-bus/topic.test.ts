import {
  ServiceBusTopic,
  type ServiceBusNamespaceProps,
  type ServiceBusTopicProps,
} from "../../../constructs/service-bus";
import { namespace, onlyResource, ordersApi, synth, validationErrors } from "./synth";

const TOPIC = "azurerm_servicebus_topic";

function topic(
  overrides: Partial<ServiceBusTopicProps> = {},
  ns: Partial<ServiceBusNamespaceProps> = {},
): Record<string, unknown> {
  return onlyResource(
    synth(
      (s) => new ServiceBusTopic(s, "t", { namespace: namespace(s, ns), name: "order-events", ...overrides }),
    ),
    TOPIC,
  );
}

function topicErrors(
  overrides: Partial<ServiceBusTopicProps> = {},
  ns: Partial<ServiceBusNamespaceProps> = {},
): string[] {
  return validationErrors(
    (s) => new ServiceBusTopic(s, "t", { namespace: namespace(s, ns), name: "order-events", ...overrides }),
  );
}

describe("ServiceBusTopic", () => {
  it("defaults to batching, 1 GB, no duplicate detection and no ordering", () => {
    expect(topic()).toMatchObject({
      name: "order-events",
      batched_operations_enabled: true,
      max_size_in_megabytes: 1024,
      requires_duplicate_detection: false,
      support_ordering: false,
      partitioning_enabled: false,
      status: "Active",
    });
  });

  it("passes every option through to the topic", () => {
    expect(
      topic(
        {
          duplicateDetection: "PT10M",
          messageTtl: "P7D",
          maxSizeMegabytes: 40960,
          maxMessageSizeKilobytes: 102400,
          batchedOperations: false,
          supportOrdering: true,
          autoDeleteOnIdle: "PT5M",
          status: "Disabled",
        },
        { sku: "Premium" },
      ),
    ).toMatchObject({
      requires_duplicate_detection: true,
      duplicate_detection_history_time_window: "PT10M",
      default_message_ttl: "P7D",
      max_size_in_megabytes: 40960,
      max_message_size_in_kilobytes: 102400,
      batched_operations_enabled: false,
      support_ordering: true,
      auto_delete_on_idle: "PT5M",
      status: "Disabled",
    });
  });

  it("partitions a Standard topic when asked and follows the namespace on Premium", () => {
    expect(topic({ partitioned: true })).toMatchObject({ partitioning_enabled: true });
    expect(topic({}, { sku: "Premium", capacity: 4, partitions: 4 })).toMatchObject({
      partitioning_enabled: true,
    });
  });

  it("refuses a topic on Basic", () => {
    expect(topicErrors({}, { sku: "Basic" })).toEqual([
      'Service Bus topic orders/order-events: topics need the Standard or Premium SKU; namespace "orders" is Basic',
    ]);
  });

  it("refuses a max message size on Standard", () => {
    expect(topicErrors({ maxMessageSizeKilobytes: 1024 })).toEqual([
      'Service Bus topic orders/order-events: maxMessageSizeKilobytes: maxMessageSizeKilobytes needs the Premium SKU (the limit is 256 KB elsewhere); namespace "orders" is Standard',
    ]);
  });

  it("refuses a duplicate detection window longer than seven days", () => {
    expect(topicErrors({ duplicateDetection: "P8D" })).toEqual([
      "Service Bus topic orders/order-events: duplicateDetection: duplicateDetection must be between 20 seconds and 7 days, got P8D (8 days)",
    ]);
  });

  it("prevents destruction when asked", () => {
    expect(topic({ preventDestroy: true }).lifecycle).toEqual({ prevent_destroy: true });
  });

  it.each([
    ["grantSend", "Azure Service Bus Data Sender"],
    ["grantReceive", "Azure Service Bus Data Receiver"],
    ["grantManage", "Azure Service Bus Data Owner"],
  ] as const)("%s assigns %s at the topic's own scope", (method, role) => {
    const json = synth((s) =>
      new ServiceBusTopic(s, "t", { namespace: namespace(s), name: "order-events" })[method](ordersApi),
    );
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: role,
      scope: expect.stringMatching(/^\$\{azurerm_servicebus_topic\.[^.]+\.id\}$/),
    });
  });

  it("describes itself as a delivery target labelled <namespace>/<topic>", () => {
    let target: ServiceBusTopic | undefined;
    synth((s) => {
      target = new ServiceBusTopic(s, "t", { namespace: namespace(s), name: "order-events" });
    });
    expect(target).toMatchObject({
      kind: "serviceBusTopic",
      label: "orders/order-events",
      entityPath: "order-events",
    });
  });
});
