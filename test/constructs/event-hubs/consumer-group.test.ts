import { ConsumerGroup } from "../../../constructs/event-hubs";
import { analytics, hub, onlyResource, resourcesOf, synth, validationErrors } from "./synth";

describe("ConsumerGroup", () => {
  it("creates the group in its hub and namespace, with its metadata", () => {
    const json = synth(
      (s) => new ConsumerGroup(s, "cg", { eventHub: hub(s), name: "analytics", userMetadata: "BI pipeline" }),
    );
    expect(onlyResource(json, "azurerm_eventhub_consumer_group")).toMatchObject({
      name: "analytics",
      eventhub_name: "device-telemetry",
      namespace_name: "evhns-contoso-telemetry-test",
      resource_group_name: "rg-test",
      user_metadata: "BI pipeline",
    });
  });

  it("is created after its hub", () => {
    const json = synth((s) => new ConsumerGroup(s, "cg", { eventHub: hub(s), name: "analytics" }));
    expect(onlyResource(json, "azurerm_eventhub_consumer_group").depends_on).toEqual([
      expect.stringMatching(/^azurerm_eventhub\.hub_event-hub_/),
    ]);
  });

  it("refuses $Default, which every hub already has", () => {
    expect(
      validationErrors((s) => new ConsumerGroup(s, "cg", { eventHub: hub(s), name: "$Default" })),
    ).toEqual([
      "consumer group telemetry/device-telemetry/$Default: $Default exists in every event hub already; remove it from consumerGroups",
      'consumer group telemetry/device-telemetry/$Default: name: consumer group name "$Default" may contain only letters, numbers, periods, hyphens and underscores, but has "$" at position 1',
    ]);
  });

  it("refuses names longer than 50 characters", () => {
    expect(
      validationErrors((s) => new ConsumerGroup(s, "cg", { eventHub: hub(s), name: "x".repeat(51) })),
    ).toEqual([
      `consumer group telemetry/device-telemetry/${"x".repeat(51)}: name: consumer group name "${"x".repeat(51)}" must be at most 50 characters (it is 51)`,
    ]);
  });

  it("refuses user metadata longer than azurerm's 1024 characters", () => {
    expect(
      validationErrors(
        (s) =>
          new ConsumerGroup(s, "cg", { eventHub: hub(s), name: "analytics", userMetadata: "m".repeat(1025) }),
      ),
    ).toEqual([
      "consumer group telemetry/device-telemetry/analytics: userMetadata: userMetadata must be 1-1024 characters, got 1025",
    ]);
  });

  it("gives receivers Azure Event Hubs Data Receiver on the hub", () => {
    const json = synth((s) =>
      new ConsumerGroup(s, "cg", { eventHub: hub(s), name: "analytics" }).grantReceive(analytics),
    );
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Azure Event Hubs Data Receiver",
      principal_id: analytics.principalId,
      scope: expect.stringMatching(/^\$\{azurerm_eventhub\.hub_event-hub_[^.]+\.id\}$/),
    });
  });

  it("adds no second assignment for a principal that already receives from the hub", () => {
    const json = synth((s) => {
      const eh = hub(s);
      eh.grantReceive(analytics);
      new ConsumerGroup(s, "a", { eventHub: eh, name: "analytics" }).grantReceive(analytics);
      new ConsumerGroup(s, "b", { eventHub: eh, name: "archive" }).grantReceive(analytics);
    });
    expect(resourcesOf(json, "azurerm_role_assignment")).toHaveLength(1);
  });
});
