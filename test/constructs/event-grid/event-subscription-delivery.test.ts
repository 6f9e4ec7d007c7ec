import {
  EventSubscription,
  type EventSubscriptionProps,
} from "../../../constructs/event-grid/event-subscription";
import { onlyResource, synth, topic, type Synthesized } from "./synth";
import type { EventGridTopicProps } from "../../../constructs/event-grid/topic";

const SUBSCRIPTION = "azurerm_eventgrid_event_subscription";
const ACCOUNT =
  "/subscriptions/0/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdeadletters";

function build(
  overrides: Partial<Omit<EventSubscriptionProps, "source">> = {},
  topicOverrides: Partial<EventGridTopicProps> = {},
): Synthesized {
  return synth(
    (s) =>
      new EventSubscription(s, "sub", {
        name: "delivery",
        source: topic(s, topicOverrides),
        destination: { kind: "webhook", url: "https://hooks.contoso.example/events" },
        ...overrides,
      }),
  );
}

function subscription(
  overrides: Partial<Omit<EventSubscriptionProps, "source">> = {},
  topicOverrides: Partial<EventGridTopicProps> = {},
): Record<string, unknown> {
  return onlyResource(build(overrides, topicOverrides), SUBSCRIPTION);
}

describe("EventSubscription delivery settings", () => {
  it("sets the retry policy's attempts and event time-to-live", () => {
    expect(subscription({ maxDeliveryAttempts: 5, eventTimeToLiveMinutes: 60 })).toMatchObject({
      retry_policy: { max_delivery_attempts: 5, event_time_to_live: 60 },
    });
  });

  it("fills the other retry setting with Azure's default when only one is given", () => {
    expect(subscription({ maxDeliveryAttempts: 3 })).toMatchObject({
      retry_policy: { max_delivery_attempts: 3, event_time_to_live: 1440 },
    });
  });

  it("refuses 31 delivery attempts", () => {
    expect(() => subscription({ maxDeliveryAttempts: 31 })).toThrow(
      "maxDeliveryAttempts must be between 1 and 30, got 31",
    );
  });

  it("refuses an event time-to-live beyond 1,440 minutes", () => {
    expect(() => subscription({ eventTimeToLiveMinutes: 1441 })).toThrow(
      "eventTimeToLiveMinutes must be between 1 and 1440, got 1441",
    );
  });

  it("dead-letters to a blob container with the topic's identity", () => {
    expect(subscription({ deadLetter: { storageAccountId: ACCOUNT, containerName: "dead" } })).toMatchObject({
      storage_blob_dead_letter_destination: {
        storage_account_id: ACCOUNT,
        storage_blob_container_name: "dead",
      },
      dead_letter_identity: { type: "SystemAssigned" },
    });
  });

  it("grants the topic's identity Storage Blob Data Contributor on the dead-letter container only", () => {
    const json = build({ deadLetter: { storageAccountId: ACCOUNT, containerName: "dead" } });
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Storage Blob Data Contributor",
      scope: `${ACCOUNT}/blobServices/default/containers/dead`,
    });
  });

  it("scopes the dead-letter role to the container's own ID when it is given", () => {
    const json = build({
      deadLetter: {
        storageAccountId: ACCOUNT,
        containerName: "dead",
        containerResourceId: "/containers/dead",
      },
    });
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({ scope: "/containers/dead" });
  });

  it("delivers in the topic's input schema by default", () => {
    expect(subscription({}, { inputSchema: "EventGridSchema" })).toMatchObject({
      event_delivery_schema: "EventGridSchema",
    });
  });

  it("delivers a custom input schema as the custom schema by default", () => {
    expect(subscription({}, { inputSchema: "CustomEventSchema" })).toMatchObject({
      event_delivery_schema: "CustomInputSchema",
    });
  });

  it("converts Event Grid schema input to CloudEvents when asked", () => {
    expect(
      subscription({ deliverySchema: "CloudEventSchemaV1_0" }, { inputSchema: "EventGridSchema" }),
    ).toMatchObject({
      event_delivery_schema: "CloudEventSchemaV1_0",
    });
  });

  it("refuses Event Grid schema delivery from a CloudEvents topic", () => {
    expect(() => subscription({ deliverySchema: "EventGridSchema" })).toThrow(
      "deliverySchema EventGridSchema cannot be used with input schema CloudEventSchemaV1_0; allowed: CloudEventSchemaV1_0",
    );
  });

  it("expires at the given time", () => {
    expect(subscription({ expiresOn: "2027-03-31T00:00:00Z" })).toMatchObject({
      expiration_time_utc: "2027-03-31T00:00:00Z",
    });
  });

  it("refuses an expiry that is not a date", () => {
    expect(() => subscription({ expiresOn: "next spring" })).toThrow(
      'expiresOn must be an ISO-8601 date or date-time, got "next spring"',
    );
  });

  it("labels the subscription", () => {
    expect(subscription({ labels: ["billing", "eu"] })).toMatchObject({ labels: ["billing", "eu"] });
  });

  it("refuses a name Azure would refuse", () => {
    expect(() => subscription({ name: "a" })).toThrow(
      'event subscription name must be 3 to 64 letters, digits or hyphens, got "a"',
    );
  });
});
