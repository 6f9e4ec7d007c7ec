import type { EventGridTopicProps } from "../../../constructs/event-grid/topic";
import {
  onlyResource,
  synth,
  validationErrors,
  webhookSubscription,
  type SubscriptionOverrides,
  type Synthesized,
} from "./synth";

const SUBSCRIPTION = "azurerm_eventgrid_event_subscription";
const ACCOUNT =
  "/subscriptions/0/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdeadletters";

function build(
  overrides: SubscriptionOverrides = {},
  topicOverrides: Partial<EventGridTopicProps> = {},
): Synthesized {
  return synth((s) => webhookSubscription(s, "delivery", overrides, topicOverrides));
}

/** What cdktf refuses at synthesis in a subscription of a CloudEvents topic built with `overrides`. */
function errors(overrides: SubscriptionOverrides): string[] {
  return validationErrors((s) => webhookSubscription(s, "delivery", overrides));
}

function subscription(
  overrides: SubscriptionOverrides = {},
  topicOverrides: Partial<EventGridTopicProps> = {},
): Record<string, unknown> {
  return onlyResource(build(overrides, topicOverrides), SUBSCRIPTION);
}

describe("EventSubscription delivery settings", () => {
  it("sets the retry policy's attempts and event time-to-live", () => {
    expect(subscription({ retry: { maxDeliveryAttempts: 5, eventTimeToLiveMinutes: 60 } })).toMatchObject({
      retry_policy: { max_delivery_attempts: 5, event_time_to_live: 60 },
    });
  });

  it("fills the other retry setting with Azure's default when only one is given", () => {
    expect(subscription({ retry: { maxDeliveryAttempts: 3 } })).toMatchObject({
      retry_policy: { max_delivery_attempts: 3, event_time_to_live: 1440 },
    });
  });

  it("refuses 31 delivery attempts", () => {
    expect(errors({ retry: { maxDeliveryAttempts: 31 } })).toEqual([
      "Event subscription delivery: retry/maxDeliveryAttempts: maxDeliveryAttempts must be between 1 and 30, got 31",
    ]);
  });

  it("refuses an event time-to-live beyond 1,440 minutes", () => {
    expect(errors({ retry: { eventTimeToLiveMinutes: 1441 } })).toEqual([
      "Event subscription delivery: retry/eventTimeToLiveMinutes: eventTimeToLiveMinutes must be between 1 and 1440, got 1441",
    ]);
  });

  it("dead-letters to a blob container with the topic's identity", () => {
    expect(subscription({ deadLetter: { storageAccountId: ACCOUNT, container: "dead" } })).toMatchObject({
      storage_blob_dead_letter_destination: {
        storage_account_id: ACCOUNT,
        storage_blob_container_name: "dead",
      },
      dead_letter_identity: { type: "SystemAssigned" },
    });
  });

  it("grants the topic's identity Storage Blob Data Contributor on the dead-letter container only", () => {
    const json = build({ deadLetter: { storageAccountId: ACCOUNT, container: "dead" } });
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Storage Blob Data Contributor",
      scope: `${ACCOUNT}/blobServices/default/containers/dead`,
    });
  });

  it("scopes the dead-letter role to the container's own ID when it is given", () => {
    const json = build({
      deadLetter: {
        storageAccountId: ACCOUNT,
        container: "dead",
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
    expect(errors({ deliverySchema: "EventGridSchema" })).toEqual([
      "Event subscription delivery: deliverySchema: deliverySchema EventGridSchema cannot be delivered from input schema CloudEventSchemaV1_0; use CloudEventSchemaV1_0",
    ]);
  });

  it("expires at the given time", () => {
    expect(subscription({ expiresOn: "2027-03-31T00:00:00Z" })).toMatchObject({
      expiration_time_utc: "2027-03-31T00:00:00Z",
    });
  });

  it("refuses an expiry that is not a date", () => {
    expect(errors({ expiresOn: "next spring" })).toEqual([
      'Event subscription delivery: expiresOn: expiresOn must be an ISO-8601 date or date-time, got "next spring"',
    ]);
  });

  it("labels the subscription", () => {
    expect(subscription({ labels: ["billing", "eu"] })).toMatchObject({ labels: ["billing", "eu"] });
  });

  it("refuses a name Azure would refuse", () => {
    expect(errors({ name: "a" })).toEqual([
      'Event subscription a: name: Azure name "a" must be at least 3 characters (it is 1)',
    ]);
  });
});
