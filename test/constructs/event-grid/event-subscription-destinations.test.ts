import type { Construct } from "constructs";
import type { EventDestination } from "../../../constructs/event-grid/destination";
import { EventSubscription } from "../../../constructs/event-grid/event-subscription";
import { EventGridSystemTopic } from "../../../constructs/event-grid/system-topic";
import {
  fakeTarget,
  onlyResource,
  resourcesOf,
  synth,
  topic,
  validationErrors,
  type Synthesized,
} from "./synth";

const SUBSCRIPTION = "azurerm_eventgrid_event_subscription";

function subscribe(destination: (scope: Construct) => EventDestination): Synthesized {
  return synth(
    (s) =>
      new EventSubscription(s, "sub", { name: "to-target", source: topic(s), destination: destination(s) }),
  );
}

function errors(destination: EventDestination): string[] {
  return validationErrors(
    (s) => new EventSubscription(s, "sub", { name: "to-target", source: topic(s), destination }),
  );
}

function topicKey(json: Synthesized): string {
  return Object.keys(json.resource.azurerm_eventgrid_topic)[0];
}

describe("EventSubscription destinations", () => {
  it("delivers to a Service Bus queue with the topic's identity", () => {
    const json = subscribe((s) => ({
      kind: "deliveryTarget",
      target: fakeTarget(s, "serviceBusQueue", "orders/orders-inbound"),
    }));
    expect(onlyResource(json, SUBSCRIPTION)).toMatchObject({
      name: "to-target",
      scope: `\${azurerm_eventgrid_topic.${topicKey(json)}.id}`,
      service_bus_queue_endpoint_id:
        "/subscriptions/0/resourceGroups/rg-test/providers/Microsoft.Fake/namespaces/orders/entities/orders-inbound",
      delivery_identity: { type: "SystemAssigned" },
    });
  });

  it("grants the topic's identity the queue's sender role", () => {
    const json = subscribe((s) => ({
      kind: "deliveryTarget",
      target: fakeTarget(s, "serviceBusQueue", "orders/orders-inbound"),
    }));
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Azure Service Bus Data Sender",
      scope:
        "/subscriptions/0/resourceGroups/rg-test/providers/Microsoft.Fake/namespaces/orders/entities/orders-inbound",
      principal_id: `\${azurerm_eventgrid_topic.${topicKey(json)}.identity[0].principal_id}`,
    });
  });

  it("creates the subscription only after its delivery role exists", () => {
    const json = subscribe((s) => ({
      kind: "deliveryTarget",
      target: fakeTarget(s, "serviceBusQueue", "orders/orders-inbound"),
    }));
    const roleKey = Object.keys(json.resource.azurerm_role_assignment)[0];
    expect(onlyResource(json, SUBSCRIPTION).depends_on).toEqual([`azurerm_role_assignment.${roleKey}`]);
  });

  it("delivers to a Service Bus topic with the topic's identity", () => {
    const json = subscribe((s) => ({
      kind: "deliveryTarget",
      target: fakeTarget(s, "serviceBusTopic", "orders/order-events"),
    }));
    expect(onlyResource(json, SUBSCRIPTION)).toMatchObject({
      service_bus_topic_endpoint_id: expect.stringContaining("/entities/order-events"),
      delivery_identity: { type: "SystemAssigned" },
    });
  });

  it("delivers to an event hub with the topic's identity, granted Event Hubs Data Sender", () => {
    const json = subscribe((s) => ({
      kind: "deliveryTarget",
      target: fakeTarget(s, "eventHub", "telemetry/device-telemetry"),
    }));
    expect(onlyResource(json, SUBSCRIPTION)).toMatchObject({
      eventhub_endpoint_id: expect.stringContaining("/entities/device-telemetry"),
      delivery_identity: { type: "SystemAssigned" },
    });
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Azure Event Hubs Data Sender",
    });
  });

  it("delivers to an HTTPS webhook with its batching settings", () => {
    const json = subscribe(() => ({
      kind: "webhook",
      url: "https://hooks.contoso.example/events",
      maxEventsPerBatch: 50,
      preferredBatchSizeKilobytes: 256,
    }));
    const subscription = onlyResource(json, SUBSCRIPTION);
    expect(subscription).toMatchObject({
      webhook_endpoint: {
        url: "https://hooks.contoso.example/events",
        max_events_per_batch: 50,
        preferred_batch_size_in_kilobytes: 256,
      },
    });
    expect(subscription).not.toHaveProperty("delivery_identity");
  });

  it("refuses a webhook that is not HTTPS", () => {
    expect(errors({ kind: "webhook", url: "http://hooks.contoso.example/events" })).toEqual([
      'Event subscription to-target: destination/url: webhook url must use https, got "http://hooks.contoso.example/events"',
    ]);
  });

  it("refuses more than 5,000 events per batch", () => {
    expect(errors({ kind: "webhook", url: "https://h.example/e", maxEventsPerBatch: 5001 })).toEqual([
      "Event subscription to-target: destination/maxEventsPerBatch: maxEventsPerBatch must be between 1 and 5000, got 5001",
    ]);
  });

  it("refuses a preferred batch size above 1,024 kilobytes", () => {
    expect(
      errors({ kind: "azureFunction", functionId: "/functions/f", preferredBatchSizeKilobytes: 2048 }),
    ).toEqual([
      "Event subscription to-target: destination/preferredBatchSizeKilobytes: preferredBatchSizeKilobytes must be between 1 and 1024, got 2048",
    ]);
  });

  it("refuses a storage queue message time-to-live of zero seconds", () => {
    expect(
      errors({
        kind: "storageQueue",
        storageAccountId: "/accounts/st",
        queueName: "q",
        messageTtlSeconds: 0,
      }),
    ).toEqual([
      "Event subscription to-target: destination/messageTtlSeconds: messageTtlSeconds must be a positive number of seconds or -1 (never expires), got 0",
    ]);
  });

  it("delivers to a storage queue with the topic's identity, granted Storage Queue Data Message Sender on the queue", () => {
    const account =
      "/subscriptions/0/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata";
    const json = subscribe(() => ({
      kind: "storageQueue",
      storageAccountId: account,
      queueName: "orders",
      messageTtlSeconds: 3600,
    }));
    expect(onlyResource(json, SUBSCRIPTION)).toMatchObject({
      storage_queue_endpoint: {
        storage_account_id: account,
        queue_name: "orders",
        queue_message_time_to_live_in_seconds: 3600,
      },
      delivery_identity: { type: "SystemAssigned" },
    });
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Storage Queue Data Message Sender",
      scope: `${account}/queueServices/default/queues/orders`,
    });
  });

  it("delivers to an Azure Function with its batching settings", () => {
    const json = subscribe(() => ({
      kind: "azureFunction",
      functionId: "/sites/fn/functions/handle",
      maxEventsPerBatch: 10,
    }));
    expect(onlyResource(json, SUBSCRIPTION)).toMatchObject({
      azure_function_endpoint: { function_id: "/sites/fn/functions/handle", max_events_per_batch: 10 },
    });
  });

  it("grants a destination shared by two subscriptions of one topic only once", () => {
    const json = synth((s) => {
      const source = topic(s);
      const target = fakeTarget(s, "serviceBusQueue", "orders/orders-inbound");
      new EventSubscription(s, "a", {
        name: "first",
        source,
        destination: { kind: "deliveryTarget", target },
      });
      new EventSubscription(s, "b", {
        name: "second",
        source,
        destination: { kind: "deliveryTarget", target },
      });
    });
    expect(resourcesOf(json, SUBSCRIPTION)).toHaveLength(2);
    expect(resourcesOf(json, "azurerm_role_assignment")).toHaveLength(1);
  });

  it("grants a storage queue shared by two subscriptions of one topic only once", () => {
    const queue: EventDestination = {
      kind: "storageQueue",
      storageAccountId: "/accounts/st",
      queueName: "q",
    };
    const json = synth((s) => {
      const source = topic(s);
      new EventSubscription(s, "a", { name: "first", source, destination: queue });
      new EventSubscription(s, "b", { name: "second", source, destination: queue });
    });
    expect(resourcesOf(json, "azurerm_role_assignment")).toHaveLength(1);
  });

  it("refuses a second storage queue of the same name in another account, whose role would take the first one's name", () => {
    const found = validationErrors((s) => {
      const source = topic(s);
      for (const [id, account] of [
        ["a", "/accounts/one"],
        ["b", "/accounts/two"],
      ]) {
        new EventSubscription(s, id, {
          name: `to-${id}`,
          source,
          destination: { kind: "storageQueue", storageAccountId: account, queueName: "q" },
        });
      }
    });
    expect(found).toEqual([
      "Event subscription to-b: destination/queueName: eventGrid/topics/orders->queue/q is already granted on /accounts/one/queueServices/default/queues/q, a different storage account; Azure refuses two role assignments of one name: use another name",
    ]);
  });

  it("subscribes to a system topic through the system-topic subscription resource", () => {
    const json = synth((s) => {
      const source = new EventGridSystemTopic(s, "st", {
        name: "egst-contoso-orders-test",
        location: "westeurope",
        resourceGroupName: "rg-test",
        sourceResourceId:
          "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/orders",
        topicType: "Microsoft.ServiceBus.Namespaces",
      });
      new EventSubscription(s, "sub", {
        name: "to-hub",
        source,
        destination: {
          kind: "deliveryTarget",
          target: fakeTarget(s, "eventHub", "telemetry/device-telemetry"),
        },
      });
    });
    expect(resourcesOf(json, SUBSCRIPTION)).toHaveLength(0);
    expect(onlyResource(json, "azurerm_eventgrid_system_topic_event_subscription")).toMatchObject({
      name: "to-hub",
      resource_group_name: "rg-test",
      eventhub_endpoint_id: expect.stringContaining("device-telemetry"),
      delivery_identity: { type: "SystemAssigned" },
      event_delivery_schema: "EventGridSchema",
    });
  });
});
