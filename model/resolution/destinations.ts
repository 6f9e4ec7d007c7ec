import type { EntityRef, EventDestination } from "../model";
import { splitEntityRef } from "../resource-refs";
import type { EventDestinationSpec } from "../spec";

/** `orders/payments` as a typed reference; the checks guarantee the form. */
export function entityTarget(kind: EntityRef["kind"], text: string): EntityRef {
  const parts = splitEntityRef(text);
  if (!parts) throw new Error(`internal: "${text}" survived validation as a ${kind} reference`);
  return { kind, namespace: parts.namespace, entity: parts.entity };
}

/** The one destination an event subscription or an MQTT route declares. */
export function eventDestination(spec: EventDestinationSpec): EventDestination {
  if (spec.serviceBusQueue !== undefined) return entityTarget("serviceBusQueue", spec.serviceBusQueue);
  if (spec.serviceBusTopic !== undefined) return entityTarget("serviceBusTopic", spec.serviceBusTopic);
  if (spec.eventHub !== undefined) return entityTarget("eventHub", spec.eventHub);
  if (spec.webhook) return { kind: "webhook", ...spec.webhook };
  if (spec.storageQueue) return { kind: "storageQueue", ...spec.storageQueue };
  if (spec.azureFunction) return { kind: "azureFunction", ...spec.azureFunction };
  throw new Error("internal: a destination with no target survived validation");
}
