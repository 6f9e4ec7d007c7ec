import { Construct } from "constructs";
import type { TerraformResource } from "cdktf";
import {
  EventgridEventSubscription,
  type EventgridEventSubscriptionConfig,
} from "@cdktf/provider-azurerm/lib/eventgrid-event-subscription";
import { EventgridSystemTopicEventSubscription } from "@cdktf/provider-azurerm/lib/eventgrid-system-topic-event-subscription";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import {
  RetryLimits,
  defaultDeliverySchema,
  eventSubscriptionProblems,
  type DeliverySchema,
} from "../../azure/event-grid-subscriptions";
import type { Problem } from "../../azure/problem";
import { BuiltInRole, grantRole, type RoleGrantProps } from "../shared/role-assignments";
import { known, knownValues, validateWith } from "../shared/validation";
import { type AdvancedFilter, advancedFilterBlock } from "./advanced-filter";
import { type EventDestination, destinationProblems } from "./destination";
import type { EventSubscriptionSource } from "./event-source";
import { nameProblems } from "./names";

/** Which events a subscription delivers; every condition given must hold. */
export interface EventFilter {
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
  readonly caseSensitive?: boolean;
  /**
   * Filters on event fields, all of which must match.
   * @default - no advanced filtering
   */
  readonly advanced?: readonly AdvancedFilter[];
  /**
   * Whether advanced filters also match when the field is an array containing a matching value.
   * @default - array fields never match a single-value filter
   */
  readonly advancedFilteringOnArrays?: boolean;
}

/** How long and how often Event Grid retries a delivery before it drops or dead-letters the event. */
export interface RetryPolicy {
  /**
   * Delivery attempts.
   * @default - 30 attempts (Azure's default and maximum)
   */
  readonly maxDeliveryAttempts?: number;
  /**
   * Minutes an event is retried.
   * @default - 1,440 minutes (Azure's default and maximum)
   */
  readonly eventTimeToLiveMinutes?: number;
}

export interface EventSubscriptionProps {
  /** Azure name of the subscription, unique under its topic. */
  readonly name: string;
  /** The topic or system topic whose events are delivered; its identity delivers and dead-letters. */
  readonly source: EventSubscriptionSource;
  readonly destination: EventDestination;
  /**
   * Which events are delivered.
   * @default - every event the source publishes
   */
  readonly filter?: EventFilter;
  /**
   * Retry policy.
   * @default - no retry policy block: Azure retries 30 times for up to 1,440 minutes
   */
  readonly retry?: RetryPolicy;
  /**
   * Blob container undeliverable events are written to, with the source's identity. Give the
   * container's ARM ID when it is built in the same stack, so the role waits for the container.
   * @default - undeliverable events are dropped
   */
  readonly deadLetter?: {
    readonly storageAccountId: string;
    readonly container: string;
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
 * construct grants the narrowest sending role on the destination itself (once per stack: several
 * subscriptions of one topic that share a destination share its assignment).
 */
export class EventSubscription extends Construct {
  readonly name: string;
  readonly resource: EventgridEventSubscription | EventgridSystemTopicEventSubscription;
  /** Role assignments the delivery depends on (destination sender, dead-letter writer). */
  readonly grants: readonly RoleAssignment[];
  private readonly grantProblems: Problem[] = [];

  constructor(scope: Construct, id: string, props: EventSubscriptionProps) {
    super(scope, id);
    validateWith(this, `Event subscription ${props.name}`, () => [
      ...nameProblems("eventSubscription", known(props.name)),
      ...eventSubscriptionProblems(knownValues(props), props.source.inputSchema),
      ...destinationProblems(knownValues(props.destination)),
      ...this.grantProblems,
    ]);
    this.name = props.name;
    this.grants = this.grantDelivery(props);

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

  /** The source identity's roles on the destination and the dead-letter container. */
  private grantDelivery(props: EventSubscriptionProps): RoleAssignment[] {
    const { source, destination } = props;
    const grants: RoleAssignment[] = [];
    if (destination.kind === "deliveryTarget") grants.push(destination.target.grantSend(source.identity));
    if (destination.kind === "storageQueue") {
      grants.push(
        this.grantStorage("queue-sender", {
          scopeId: `${destination.storageAccountId}/queueServices/default/queues/${destination.queueName}`,
          scopeLabel: `${source.label}->queue/${destination.queueName}`,
          role: BuiltInRole.storageQueueDataMessageSender,
          grantee: source.identity,
        }),
      );
    }
    if (props.deadLetter) {
      const { storageAccountId, container, containerResourceId } = props.deadLetter;
      grants.push(
        this.grantStorage("dead-letter-writer", {
          scopeId: containerResourceId ?? `${storageAccountId}/blobServices/default/containers/${container}`,
          scopeLabel: `${source.label}->dead-letter/${container}`,
          role: BuiltInRole.storageBlobDataContributor,
          grantee: source.identity,
        }),
      );
    }
    return grants;
  }

  /**
   * A storage role of the source's identity, named after the queue or container name: another
   * subscription of the same source may have made it already for the same queue or container,
   * which is shared; for one of the same name in another account, it cannot be (Azure refuses two
   * role assignments of one name).
   */
  private grantStorage(id: string, props: RoleGrantProps): RoleAssignment {
    const assignment = grantRole(this, id, props);
    if (assignment.scopeInput !== props.scopeId) {
      this.grantProblems.push({
        field: id === "queue-sender" ? "destination/queueName" : "deadLetter/container",
        message: `${props.scopeLabel} is already granted on ${String(assignment.scopeInput)}, a different storage account; Azure refuses two role assignments of one name: use another name`,
      });
    }
    return assignment;
  }
}

type CommonConfig = Omit<EventgridEventSubscriptionConfig, "scope">;

/** The settings both azurerm subscription resources share, with identical shapes. */
function subscriptionConfig(props: EventSubscriptionProps): CommonConfig {
  const filter = props.filter ?? {};
  const retry = props.retry;
  const subjectFiltered =
    filter.subjectBeginsWith !== undefined ||
    filter.subjectEndsWith !== undefined ||
    filter.caseSensitive !== undefined;
  const retried = retry?.maxDeliveryAttempts !== undefined || retry?.eventTimeToLiveMinutes !== undefined;
  return {
    name: props.name,
    ...destinationConfig(props.destination),
    includedEventTypes: filter.includedEventTypes ? [...filter.includedEventTypes] : undefined,
    subjectFilter: subjectFiltered
      ? {
          subjectBeginsWith: filter.subjectBeginsWith,
          subjectEndsWith: filter.subjectEndsWith,
          caseSensitive: filter.caseSensitive,
        }
      : undefined,
    advancedFilter: advancedFilterBlock(filter.advanced ?? []),
    advancedFilteringOnArraysEnabled: filter.advancedFilteringOnArrays,
    retryPolicy: retried
      ? {
          maxDeliveryAttempts: retry?.maxDeliveryAttempts ?? RetryLimits.maxDeliveryAttempts,
          eventTimeToLive: retry?.eventTimeToLiveMinutes ?? RetryLimits.maxEventTimeToLiveMinutes,
        }
      : undefined,
    storageBlobDeadLetterDestination: props.deadLetter
      ? {
          storageAccountId: props.deadLetter.storageAccountId,
          storageBlobContainerName: props.deadLetter.container,
        }
      : undefined,
    deadLetterIdentity: props.deadLetter ? { type: "SystemAssigned" } : undefined,
    eventDeliverySchema: props.deliverySchema ?? defaultDeliverySchema(props.source.inputSchema),
    expirationTimeUtc: props.expiresOn,
    labels: props.labels && props.labels.length > 0 ? [...props.labels] : undefined,
  };
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
