import type { InputSchema } from "../../azure/event-grid";
import type { Grantee } from "../shared/role-assignments";

/** Where an event subscription hangs: a custom topic (by ID) or a system topic (by name). */
export type EventSubscriptionScope =
  | { readonly kind: "topic"; readonly topicId: string }
  | { readonly kind: "systemTopic"; readonly systemTopicName: string; readonly resourceGroupName: string };

/**
 * A topic that event subscriptions deliver from: `EventGridTopic` and `EventGridSystemTopic`.
 * Its system-assigned identity is what subscriptions deliver and dead-letter with.
 */
export interface EventSubscriptionSource {
  /** A stable label for role-assignment names, e.g. `eventGrid/topics/order-lifecycle`. */
  readonly label: string;
  readonly subscriptionScope: EventSubscriptionScope;
  readonly inputSchema: InputSchema;
  /** The source's system-assigned identity. */
  readonly identity: Grantee;
}
