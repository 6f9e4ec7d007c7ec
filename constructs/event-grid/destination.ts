import type { DeliveryTarget } from "../shared/entity";

/**
 * Batching limits of push delivery ("Event Grid output batching": at most 5,000 events per batch
 * and a preferred batch size of at most 1,024 kilobytes).
 */
export const BatchLimits = { maxEventsPerBatch: 5000, maxPreferredBatchSizeKilobytes: 1024 } as const;

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

/** The first problem with a destination, in words, or undefined. */
export function destinationProblem(destination: EventDestination): string | undefined {
  if (destination.kind === "webhook" && !/^https:\/\/[^\s/]+/i.test(destination.url)) {
    return `webhook url must use https, got "${destination.url}"`;
  }
  if (destination.kind === "webhook" || destination.kind === "azureFunction") {
    const { maxEventsPerBatch, preferredBatchSizeKilobytes } = destination;
    if (maxEventsPerBatch !== undefined && !inRange(maxEventsPerBatch, 1, BatchLimits.maxEventsPerBatch)) {
      return `maxEventsPerBatch must be between 1 and ${BatchLimits.maxEventsPerBatch}, got ${maxEventsPerBatch}`;
    }
    if (
      preferredBatchSizeKilobytes !== undefined &&
      !inRange(preferredBatchSizeKilobytes, 1, BatchLimits.maxPreferredBatchSizeKilobytes)
    ) {
      return `preferredBatchSizeKilobytes must be between 1 and ${BatchLimits.maxPreferredBatchSizeKilobytes}, got ${preferredBatchSizeKilobytes}`;
    }
  }
  if (destination.kind === "storageQueue") {
    const ttl = destination.messageTtlSeconds;
    if (ttl !== undefined && ttl !== -1 && !(Number.isInteger(ttl) && ttl >= 1)) {
      return `messageTtlSeconds must be a positive number of seconds or -1 (never expires), got ${ttl}`;
    }
  }
  return undefined;
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
