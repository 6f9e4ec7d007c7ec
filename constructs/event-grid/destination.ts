import { pushDeliveryProblems, storageQueueDeliveryProblems } from "../../azure/event-grid-subscriptions";
import { under, type Problem } from "../../azure/problem";
import type { DeliveryTarget } from "../shared/entity";

/** Where an event subscription delivers. Entities built in the stack are `DeliveryTarget`s, never IDs. */
export type EventDestination =
  | { readonly kind: "deliveryTarget"; readonly target: DeliveryTarget }
  | {
      readonly kind: "webhook";
      /** HTTPS only: Event Grid sends events, and the validation handshake, to this URL. */
      readonly url: string;
      readonly maxEventsPerBatch?: number;
      readonly preferredBatchSizeKilobytes?: number;
    }
  | {
      readonly kind: "storageQueue";
      readonly storageAccountId: string;
      readonly queueName: string;
      /** Seconds a message lives in the queue; -1 for no expiry. */
      readonly messageTtlSeconds?: number;
    }
  | {
      readonly kind: "azureFunction";
      readonly functionId: string;
      readonly maxEventsPerBatch?: number;
      readonly preferredBatchSizeKilobytes?: number;
    };

/** Azure's rules for the destination's own settings, under `destination`. */
export function destinationProblems(destination: EventDestination): Problem[] {
  switch (destination.kind) {
    case "webhook":
    case "azureFunction":
      return under("destination", pushDeliveryProblems(destination));
    case "storageQueue":
      return under("destination", storageQueueDeliveryProblems(destination));
    case "deliveryTarget":
      return [];
  }
}
