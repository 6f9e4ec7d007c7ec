import type { Construct } from "constructs";
import { ServicebusQueue } from "@cdktf/provider-azurerm/lib/servicebus-queue";
import { serviceBusQueueProblems } from "../../azure/service-bus-entity-rules";
import type { DeliveryTarget } from "../shared/entity";
import { SendReceiveManageEntity, type GrantScope } from "../shared/grantable";
import { protectFromDestroy } from "../shared/stateful";
import { knownValues, validateWith } from "../shared/validation";
import { sameNamespaceProblems } from "./forwarding";
import { entityPartitioning, serviceBusGrantRoles, type ServiceBusNamespace } from "./namespace";
import type { ServiceBusTopic } from "./topic";

/** Where auto-forwarding sends messages: a queue or topic of the same namespace. */
export type ServiceBusForwardTarget = ServiceBusQueue | ServiceBusTopic;

export interface ServiceBusQueueProps {
  readonly namespace: ServiceBusNamespace;
  /** Queue name inside the namespace. */
  readonly name: string;
  /**
   * Whether receivers must accept a session (FIFO per session ID). Not on Basic.
   * @default - no sessions: any receiver takes any message
   */
  readonly sessions?: boolean;
  /**
   * Duplicate detection history window (ISO-8601, 20 seconds to 7 days). Not on Basic.
   * @default - no duplicate detection
   */
  readonly duplicateDetection?: string;
  /**
   * Deliveries before a message moves to the dead-letter queue (poison-message detection).
   * @default - messages that fail 10 deliveries are dead-lettered
   */
  readonly maxDeliveryCount?: number;
  /**
   * Peek-lock duration (ISO-8601, at most 5 minutes).
   * @default - a lock lasts 1 minute
   */
  readonly lockDuration?: string;
  /**
   * Default message time to live (ISO-8601).
   * @default - Azure's: unbounded on Standard and Premium, 14 days on Basic
   */
  readonly messageTtl?: string;
  /**
   * Whether expired messages move to the dead-letter queue.
   * @default - expired messages are dropped
   */
  readonly deadLetterOnExpiration?: boolean;
  /**
   * Queue or topic every message is forwarded to (same namespace; not with sessions; not on Basic).
   * @default - no forwarding: receivers read this queue
   */
  readonly forwardTo?: ServiceBusForwardTarget;
  /**
   * Queue or topic dead-lettered messages are forwarded to (same namespace; not on Basic).
   * @default - dead-lettered messages stay in this queue's dead-letter sub-queue
   */
  readonly forwardDeadLetteredTo?: ServiceBusForwardTarget;
  /**
   * Maximum size in MB (1024–5120 on Basic/Standard, up to 81920 on Premium).
   * @default - 1 GB
   */
  readonly maxSizeMegabytes?: number;
  /**
   * Whether the queue is partitioned (Basic and Standard only; Premium follows the namespace).
   * @default - not partitioned on Basic/Standard; the namespace's partitioning on Premium
   */
  readonly partitioned?: boolean;
  /**
   * Whether the broker batches store operations (higher throughput, a short window of risk).
   * @default - batched
   */
  readonly batchedOperations?: boolean;
  /**
   * Idle time after which Azure deletes the queue (ISO-8601, at least 5 minutes).
   * @default - never deleted for idleness
   */
  readonly autoDeleteOnIdle?: string;
  /**
   * Entity status.
   * @default - Active
   */
  readonly status?: "Active" | "Disabled" | "SendDisabled" | "ReceiveDisabled";
  /**
   * Largest message accepted, in KB (Premium only, 1024–102400).
   * @default - 1024 KB on Premium, 256 KB elsewhere (Azure's limits)
   */
  readonly maxMessageSizeKilobytes?: number;
  /**
   * Whether Terraform refuses plans that destroy the queue.
   * @default - destroyable
   */
  readonly preventDestroy?: boolean;
}

/** A Service Bus queue that Event Grid, IoT Hub and others can deliver to. */
export class ServiceBusQueue extends SendReceiveManageEntity implements DeliveryTarget {
  readonly kind = "serviceBusQueue";
  readonly resource: ServicebusQueue;
  readonly namespace: ServiceBusNamespace;
  readonly name: string;
  readonly label: string;
  readonly resourceId: string;
  readonly namespaceResourceId: string;
  readonly endpointUri: string;
  readonly entityPath: string;
  protected readonly grantRoles = serviceBusGrantRoles;

  constructor(scope: Construct, id: string, props: ServiceBusQueueProps) {
    super(scope, id);
    const ns = props.namespace;
    validateWith(this, `Service Bus queue ${ns.label}/${props.name}`, () => [
      ...serviceBusQueueProblems(
        { name: ns.label, sku: ns.sku },
        knownValues({
          ...props,
          forwardTo: props.forwardTo?.label,
          forwardDeadLetteredTo: props.forwardDeadLetteredTo?.label,
        }),
      ),
      ...sameNamespaceProblems(ns, props),
    ]);

    this.resource = new ServicebusQueue(this, "queue", {
      name: props.name,
      namespaceId: ns.id,
      requiresSession: props.sessions ?? false,
      requiresDuplicateDetection: props.duplicateDetection !== undefined,
      duplicateDetectionHistoryTimeWindow: props.duplicateDetection,
      maxDeliveryCount: props.maxDeliveryCount ?? 10,
      lockDuration: props.lockDuration ?? "PT1M",
      defaultMessageTtl: props.messageTtl,
      deadLetteringOnMessageExpiration: props.deadLetterOnExpiration ?? false,
      // The target's name as a reference, so Terraform creates the target first (Azure refuses a
      // forward to an entity that does not exist yet).
      forwardTo: props.forwardTo?.resource.name,
      forwardDeadLetteredMessagesTo: props.forwardDeadLetteredTo?.resource.name,
      maxSizeInMegabytes: props.maxSizeMegabytes ?? 1024,
      partitioningEnabled: entityPartitioning(ns, props.partitioned),
      batchedOperationsEnabled: props.batchedOperations ?? true,
      autoDeleteOnIdle: props.autoDeleteOnIdle,
      status: props.status ?? "Active",
      maxMessageSizeInKilobytes: props.maxMessageSizeKilobytes,
    });
    protectFromDestroy(this.resource, props.preventDestroy ?? false);

    this.namespace = ns;
    this.name = props.name;
    this.label = `${ns.label}/${props.name}`;
    this.resourceId = this.resource.id;
    this.namespaceResourceId = ns.id;
    this.endpointUri = ns.endpointUri;
    this.entityPath = props.name;
  }

  /** Grants apply to this queue only. */
  protected grantScope(): GrantScope {
    return { id: this.resourceId, label: `${this.namespace.name}/${this.name}` };
  }
}
