import { Construct } from "constructs";
import { MonitorActivityLogAlert } from "@cdktf/provider-azurerm/lib/monitor-activity-log-alert";
import { DistinctIds, withTag } from "../shared/distinct-ids";

/**
 * Administrative operations that are security signals in a messaging resource group: deleting a
 * namespace or an entity that holds messages, and changing who may access them. Operation names
 * are the resource providers' ("Azure resource provider operations").
 */
export const watchedOperations: readonly { readonly operation: string; readonly what: string }[] = [
  { operation: "Microsoft.ServiceBus/namespaces/delete", what: "a Service Bus namespace was deleted" },
  { operation: "Microsoft.ServiceBus/namespaces/queues/delete", what: "a Service Bus queue was deleted" },
  { operation: "Microsoft.ServiceBus/namespaces/topics/delete", what: "a Service Bus topic was deleted" },
  { operation: "Microsoft.EventHub/namespaces/delete", what: "an Event Hubs namespace was deleted" },
  { operation: "Microsoft.EventHub/namespaces/eventhubs/delete", what: "an event hub was deleted" },
  { operation: "Microsoft.EventGrid/topics/delete", what: "an Event Grid topic was deleted" },
  { operation: "Microsoft.EventGrid/namespaces/delete", what: "an Event Grid namespace was deleted" },
  { operation: "Microsoft.Relay/namespaces/delete", what: "a Relay namespace was deleted" },
  { operation: "Microsoft.Devices/IotHubs/delete", what: "an IoT Hub was deleted" },
  {
    operation: "Microsoft.Authorization/roleAssignments/write",
    what: "a role assignment was created or changed",
  },
  { operation: "Microsoft.Authorization/roleAssignments/delete", what: "a role assignment was removed" },
  { operation: "Microsoft.Authorization/locks/delete", what: "a delete lock was removed" },
];

/** `Microsoft.ServiceBus/namespaces/delete` → `servicebus-namespaces-delete`. */
function slugOf(operation: string): string {
  return operation
    .replace(/^Microsoft\./, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .toLowerCase();
}

export interface ActivityLogAlertsProps {
  readonly resourceGroupName: string;
  /** The resource group the alerts watch. */
  readonly resourceGroupId: string;
  readonly actionGroupId: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/** One activity-log alert per watched operation (an alert's criteria take one operation name). */
export class ActivityLogAlerts extends Construct {
  constructor(scope: Construct, id: string, props: ActivityLogAlertsProps) {
    super(scope, id);
    // A slug is both the construct ID and, lowercase, the Azure name: distinct ignoring case.
    const slugs = new DistinctIds(
      watchedOperations.map(({ operation }) => ({
        parts: [operation],
        ids: (tag?: string) => [withTag(slugOf(operation), tag)],
      })),
      { ignoreCase: true },
    );
    for (const { operation, what } of watchedOperations) {
      const slug = slugs.one([operation]);
      new MonitorActivityLogAlert(this, slug, {
        name: `activity-${slug}`,
        resourceGroupName: props.resourceGroupName,
        // Activity-log alerts are global resources.
        location: "global",
        scopes: [props.resourceGroupId],
        description: `Security signal: ${what} in this resource group. What to do: confirm it was a reviewed change (a merged pull request or an approved break-glass); otherwise treat it as an incident.`,
        criteria: { category: "Administrative", operationName: operation },
        action: [{ actionGroupId: props.actionGroupId }],
        tags: props.tags ? { ...props.tags } : undefined,
      });
    }
  }
}
