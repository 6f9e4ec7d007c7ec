import {
  EventGridSystemTopic,
  type EventGridSystemTopicProps,
} from "../../../constructs/event-grid/system-topic";
import { onlyResource, synth, validationErrors } from "./synth";

const props: EventGridSystemTopicProps = {
  name: "egst-contoso-storage-test",
  location: "westeurope",
  resourceGroupName: "rg-test",
  sourceResourceId:
    "/subscriptions/0/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata",
  topicType: "Microsoft.Storage.StorageAccounts",
};

describe("EventGridSystemTopic", () => {
  it("publishes the source resource's events with its topic type and a system-assigned identity", () => {
    const json = synth((s) => new EventGridSystemTopic(s, "st", props));
    expect(onlyResource(json, "azurerm_eventgrid_system_topic")).toMatchObject({
      name: "egst-contoso-storage-test",
      source_resource_id: props.sourceResourceId,
      topic_type: "Microsoft.Storage.StorageAccounts",
      identity: { type: "SystemAssigned" },
    });
  });

  it("sends delivery logs to Log Analytics when a workspace is given", () => {
    const json = synth(
      (s) => new EventGridSystemTopic(s, "st", { ...props, logAnalyticsWorkspaceId: "/workspaces/log" }),
    );
    expect(onlyResource(json, "azurerm_monitor_diagnostic_setting")).toMatchObject({
      log_analytics_workspace_id: "/workspaces/log",
    });
  });

  it("refuses a topic type that is not Microsoft.<Provider>.<Type>", () => {
    expect(
      validationErrors((s) => new EventGridSystemTopic(s, "st", { ...props, topicType: "StorageAccounts" })),
    ).toEqual([
      'Event Grid system topic egst-contoso-storage-test: topicType: topicType must look like Microsoft.<Provider>.<Type> (e.g. Microsoft.Storage.StorageAccounts), got "StorageAccounts"',
    ]);
  });

  it("refuses a source that is not an ARM ID", () => {
    expect(
      validationErrors((s) => new EventGridSystemTopic(s, "st", { ...props, sourceResourceId: "stdata" })),
    ).toEqual([
      'Event Grid system topic egst-contoso-storage-test: sourceResourceId: sourceResourceId must be an ARM resource ID, got "stdata"',
    ]);
  });
});
