import { Construct } from "constructs";
import type { TerraformResource } from "cdktf";
import {
  EventgridEventSubscription,
  type EventgridEventSubscriptionConfig,
} from "@cdktf/provider-azurerm/lib/eventgrid-event-subscription";
import { EventgridSystemTopicEventSubscription } from "@cdktf/provider-azurerm/lib/eventgrid-system-topic-event-subscription";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { BuiltInRole, grantRole } from "../shared/role-assignments";
import { type AdvancedFilter, advancedFilterBlock, advancedFilterProblem } from "./advanced-filter";
import { type EventDestination, destinationProblem } from "./destination";
import { type DeliverySchema, type EventSubscriptionSource, deliverySchemasFor } from "./event-source";

/**
 * Retry limits ("Event Grid message delivery and retry"): 1 to 30 delivery attempts and an event
 * time-to-live of 1 to 1,440 minutes; both default to the maximum.
 */
export const RetryLimits = { maxDeliveryAttempts: 30, maxEventTimeToLiveMinutes: 1440 } as const;

/** Event subscription names: 3 to 64 letters, digits and hyphens (Microsoft.EventGrid naming rules). */
const subscriptionNamePattern = /^[A-Za-z0-9-]{3,64}$/;

export interface EventSubscriptionProps {
  /** Azure name of the subscription, unique under its topic. */
  readonly name: string;
  /** The topic or system topic whose events are delivered; its identity delivers and dead-letters. */
  readonly source: EventSubscriptionSource;
  readonly destination: EventDestination;
  /**
   * Event types delivered.
   * @default - every event type the source publishes
   */
  readonly includedEventTypes?: readonly string[];
  /**
   * Subject prefix an event must have.
   * @default - any subject
   */
  readonly subjectBeginsWith?: string;
  /**
   * Subject suffix an event must have.
   * @default - any subject
   */
  readonly subjectEndsWith?: string;
  /**
   * Whether the subject filters compare case-sensitively.
   * @default - case-insensitive comparison, as Azure does
   */
  readonly subjectCaseSensitive?: boolean;
  /**
   * Filters on event fields, all of which must match.
   * @default - no advanced filtering
   */
  readonly advancedFilters?: readonly AdvancedFilter[];
  /**
   * Whether advanced filters also match when the field is an array containing a matching value.
   * @default - array fields never match a single-value filter
   */
  readonly advancedFilteringOnArrays?: boolean;
  /**
   * Delivery attempts before an event is dropped or dead-lettered.
   * @default - 30 attempts (Azure's default and maximum)
   */
  readonly maxDeliveryAttempts?: number;
  /**
   * Minutes an event is retried before it is dropped or dead-lettered.
   * @default - 1,440 minutes (Azure's default and maximum)
   */
  readonly eventTimeToLiveMinutes?: number;
  /**
   * Blob container undeliverable events are written to, with the source's identity. Give the
   * container's ARM ID when it is built in the same stack, so the role waits for the container.
   * @default - undeliverable events are dropped
   */
  readonly deadLetter?: {
    readonly storageAccountId: string;
    readonly containerName: string;
    readonly containerResourceId?: string;
  };
  /**
   * Schema events are delivered in.
   * @default - the source's input schema
   */
  readonly deliverySchema?: DeliverySchema;
  /**
   * When the subscription expires (ISO-8601 date or date-time, UTC).
   * @default - never expires
   */
  readonly expiresOn?: string;
  /**
   * Labels for finding the subscription.
   * @default - no labels
   */
  readonly labels?: readonly string[];
}

/**
 * An Event Grid subscription on a custom or system topic. Delivery to Service Bus, Event Hubs and
 * storage queues, and dead-lettering, use the source topic's managed identity, which this
 * construct grants the narrowest sending role on the destination itself.
 */
export class EventSubscription extends Construct {
  readonly name: string;
  readonly resource: EventgridEventSubscription | EventgridSystemTopicEventSubscription;
  /** Role assignments the delivery depends on (destination sender, dead-letter writer). */
  readonly grants: readonly RoleAssignment[];

  constructor(scope: Construct, id: string, props: EventSubscriptionProps) {
    super(scope, id);
    validate(props);
    this.name = props.name;
    this.grants = grantDelivery(this, props);

    const config = subscriptionConfig(props);
    const dependsOn: TerraformResource[] = [...this.grants];
    const where = props.source.subscriptionScope;
    this.resource =
      where.kind === "topic"
        ? new EventgridEventSubscription(this, "subscription", { ...config, scope: where.topicId, dependsOn })
        : new EventgridSystemTopicEventSubscription(this, "subscription", {
            ...config,
            systemTopic: where.systemTopicName,
            resourceGroupName: where.resourceGroupName,
            dependsOn,
          });
  }

  get id(): string {
    return this.resource.id;
  }
}

function validate(props: EventSubscriptionProps): void {
  if (!subscriptionNamePattern.test(props.name)) {
    throw new Error(
      `event subscription name must be 3 to 64 letters, digits or hyphens, got "${props.name}"`,
    );
  }
  const destinationIssue = destinationProblem(props.destination);
  if (destinationIssue) throw new Error(`event subscription ${props.name}: ${destinationIssue}`);
  const filterIssue = advancedFilterProblem(props.advancedFilters ?? []);
  if (filterIssue) throw new Error(`event subscription ${props.name}: ${filterIssue}`);
  const attempts = props.maxDeliveryAttempts;
  if (
    attempts !== undefined &&
    !(Number.isInteger(attempts) && attempts >= 1 && attempts <= RetryLimits.maxDeliveryAttempts)
  ) {
    throw new Error(
      `maxDeliveryAttempts must be between 1 and ${RetryLimits.maxDeliveryAttempts}, got ${attempts}`,
    );
  }
  const ttl = props.eventTimeToLiveMinutes;
  if (
    ttl !== undefined &&
    !(Number.isInteger(ttl) && ttl >= 1 && ttl <= RetryLimits.maxEventTimeToLiveMinutes)
  ) {
    throw new Error(
      `eventTimeToLiveMinutes must be between 1 and ${RetryLimits.maxEventTimeToLiveMinutes}, got ${ttl}`,
    );
  }
  const allowed = deliverySchemasFor[props.source.inputSchema];
  if (props.deliverySchema && !allowed.includes(props.deliverySchema)) {
    throw new Error(
      `deliverySchema ${props.deliverySchema} cannot be used with input schema ${props.source.inputSchema}; allowed: ${allowed.join(", ")}`,
    );
  }
  if (props.expiresOn !== undefined && Number.isNaN(Date.parse(props.expiresOn))) {
    throw new Error(`expiresOn must be an ISO-8601 date or date-time, got "${props.expiresOn}"`);
  }
}

/** The source identity's roles on the destination and the dead-letter container. */
function grantDelivery(scope: Construct, props: EventSubscriptionProps): RoleAssignment[] {
  const { source, destination } = props;
  const grants: RoleAssignment[] = [];
  if (destination.kind === "deliveryTarget") {
    const target = destination.target;
    grants.push(
      source.grantOnce(`send:${target.kind}:${target.label}`, () => target.grantSend(source.identity)),
    );
  }
  if (destination.kind === "storageQueue") {
    const queueScope = `${destination.storageAccountId}/queueServices/default/queues/${destination.queueName}`;
    grants.push(
      source.grantOnce(`queue:${queueScope}`, () =>
        grantRole(scope, "queue-sender", {
          scopeId: queueScope,
          scopeLabel: `${source.label}->queue/${destination.queueName}`,
          role: BuiltInRole.storageQueueDataMessageSender,
          grantee: source.identity,
        }),
      ),
    );
  }
  if (props.deadLetter) {
    const { storageAccountId, containerName, containerResourceId } = props.deadLetter;
    const containerScope =
      containerResourceId ?? `${storageAccountId}/blobServices/default/containers/${containerName}`;
    grants.push(
      source.grantOnce(`dead-letter:${containerScope}`, () =>
        grantRole(scope, "dead-letter-writer", {
          scopeId: containerScope,
          scopeLabel: `${source.label}->dead-letter/${containerName}`,
          role: BuiltInRole.storageBlobDataContributor,
          grantee: source.identity,
        }),
      ),
    );
  }
  return grants;
}

type CommonConfig = Omit<EventgridEventSubscriptionConfig, "scope">;

/** The settings both azurerm subscription resources share, with identical shapes. */
function subscriptionConfig(props: EventSubscriptionProps): CommonConfig {
  const subjectFiltered =
    props.subjectBeginsWith !== undefined ||
    props.subjectEndsWith !== undefined ||
    props.subjectCaseSensitive !== undefined;
  const retried = props.maxDeliveryAttempts !== undefined || props.eventTimeToLiveMinutes !== undefined;
  return {
    name: props.name,
    ...destinationConfig(props.destination),
    includedEventTypes: props.includedEventTypes ? [...props.includedEventTypes] : undefined,
    subjectFilter: subjectFiltered
      ? {
          subjectBeginsWith: props.subjectBeginsWith,
          subjectEndsWith: props.subjectEndsWith,
          caseSensitive: props.subjectCaseSensitive,
        }
      : undefined,
    advancedFilter: advancedFilterBlock(props.advancedFilters ?? []),
    advancedFilteringOnArraysEnabled: props.advancedFilteringOnArrays,
    retryPolicy: retried
      ? {
          maxDeliveryAttempts: props.maxDeliveryAttempts ?? RetryLimits.maxDeliveryAttempts,
          eventTimeToLive: props.eventTimeToLiveMinutes ?? RetryLimits.maxEventTimeToLiveMinutes,
        }
      : undefined,
    storageBlobDeadLetterDestination: props.deadLetter
      ? {
          storageAccountId: props.deadLetter.storageAccountId,
          storageBlobContainerName: props.deadLetter.containerName,
        }
      : undefined,
    deadLetterIdentity: props.deadLetter ? { type: "SystemAssigned" } : undefined,
    eventDeliverySchema: props.deliverySchema ?? defaultDeliverySchema(props.source.inputSchema),
    expirationTimeUtc: props.expiresOn,
    labels: props.labels && props.labels.length > 0 ? [...props.labels] : undefined,
  };
}

function defaultDeliverySchema(input: EventSubscriptionSource["inputSchema"]): DeliverySchema {
  return input === "CustomEventSchema" ? "CustomInputSchema" : input;
}

/** The endpoint fields for one destination; identity-based where the destination supports it. */
function destinationConfig(destination: EventDestination): Partial<CommonConfig> {
  switch (destination.kind) {
    case "deliveryTarget": {
      const { target } = destination;
      const identity = { deliveryIdentity: { type: "SystemAssigned" } };
      if (target.kind === "serviceBusQueue")
        return { serviceBusQueueEndpointId: target.resourceId, ...identity };
      if (target.kind === "serviceBusTopic")
        return { serviceBusTopicEndpointId: target.resourceId, ...identity };
      return { eventhubEndpointId: target.resourceId, ...identity };
    }
    case "storageQueue":
      return {
        storageQueueEndpoint: {
          storageAccountId: destination.storageAccountId,
          queueName: destination.queueName,
          queueMessageTimeToLiveInSeconds: destination.messageTtlSeconds,
        },
        deliveryIdentity: { type: "SystemAssigned" },
      };
    case "webhook":
      return {
        webhookEndpoint: {
          url: destination.url,
          maxEventsPerBatch: destination.maxEventsPerBatch,
          preferredBatchSizeInKilobytes: destination.preferredBatchSizeKilobytes,
        },
      };
    case "azureFunction":
      return {
        azureFunctionEndpoint: {
          functionId: destination.functionId,
          maxEventsPerBatch: destination.maxEventsPerBatch,
          preferredBatchSizeInKilobytes: destination.preferredBatchSizeKilobytes,
        },
      };
  }
}
