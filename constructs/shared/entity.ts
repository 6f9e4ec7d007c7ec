import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import type { Grantee } from "./role-assignments";

/**
 * An entity other services deliver to: a Service Bus queue or topic, or an event hub. Event Grid
 * subscriptions, MQTT routing and IoT Hub routes take one of these (never a bare ID string), and
 * grant their own managed identity the right to send to it.
 */
export interface DeliveryTarget {
  readonly kind: "serviceBusQueue" | "serviceBusTopic" | "eventHub";
  /** `<namespace>/<entity>`, as written in the environment file. */
  readonly label: string;
  /** ARM ID of the entity (a token until apply). */
  readonly resourceId: string;
  /** ARM ID of the entity's namespace. */
  readonly namespaceResourceId: string;
  /** `sb://<namespace>.servicebus.windows.net` — the AMQP endpoint identity-based routes use. */
  readonly endpointUri: string;
  /** The entity's name inside its namespace. */
  readonly entityPath: string;
  /** Lets `grantee` send to this entity, with the narrowest built-in data-sender role. */
  grantSend(grantee: Grantee): RoleAssignment;
}

/**
 * An entity others read from: a Service Bus queue or topic subscription, or an event hub. Logic
 * apps and Stream Analytics inputs take one of these and grant their own managed identity the
 * right to receive from it.
 */
export interface ReadableEntity {
  /** `<namespace>/<entity>` (a subscription: `<namespace>/<topic>/<subscription>`), as written in the environment file. */
  readonly label: string;
  /** The entity's path inside its namespace, as AMQP clients address it. */
  readonly entityPath: string;
  /** Lets `grantee` receive from this entity, with the narrowest built-in data-receiver role. */
  grantReceive(grantee: Grantee): RoleAssignment;
}
