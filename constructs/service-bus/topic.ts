import type { Construct } from "constructs";
import { ServicebusTopic } from "@cdktf/provider-azurerm/lib/servicebus-topic";
import { serviceBusTopicProblems } from "../../azure/service-bus-entity-rules";
import type { DeliveryTarget } from "../shared/entity";
import { SendReceiveManageEntity, type GrantScope } from "../shared/grantable";
import { protectFromDestroy } from "../shared/stateful";
import { knownValues, validateWith } from "../shared/validation";
import { entityPartitioning, serviceBusGrantRoles, type ServiceBusNamespace } from "./namespace";

export interface ServiceBusTopicProps {
  /** A Standard or Premium namespace (Basic has no topics). */
  readonly namespace: ServiceBusNamespace;
  /** Topic name inside the namespace. */
  readonly name: string;
  /**
   * Duplicate detection history window (ISO-8601, 20 seconds to 7 days).
   * @default - no duplicate detection
   */
  readonly duplicateDetection?: string;
  /**
   * Default message time to live (ISO-8601).
   * @default - Azure's: unbounded
   */
  readonly messageTtl?: string;
  /**
   * Maximum size in MB (1024–5120 on Standard, up to 81920 on Premium).
   * @default - 1 GB
   */
  readonly maxSizeMegabytes?: number;
  /**
   * Largest message accepted, in KB (Premium only, 1024–102400).
   * @default - 1024 KB on Premium, 256 KB on Standard (Azure's limits)
   */
  readonly maxMessageSizeKilobytes?: number;
  /**
   * Whether the topic is partitioned (Standard only; Premium follows the namespace).
   * @default - not partitioned on Standard; the namespace's partitioning on Premium
   */
  readonly partitioned?: boolean;
  /**
   * Whether the broker batches store operations.
   * @default - batched
   */
  readonly batchedOperations?: boolean;
  /**
   * Whether the topic keeps messages in the order they were sent.
   * @default - no ordering guarantee
   */
  readonly supportOrdering?: boolean;
  /**
   * Idle time after which Azure deletes the topic (ISO-8601, at least 5 minutes).
   * @default - never deleted for idleness
   */
  readonly autoDeleteOnIdle?: string;
  /**
   * Entity status.
   * @default - Active
   */
  readonly status?: "Active" | "Disabled" | "SendDisabled";
  /**
   * Whether Terraform refuses plans that destroy the topic.
   * @default - destroyable
   */
  readonly preventDestroy?: boolean;
}

/** A Service Bus topic that Event Grid, IoT Hub and others can deliver to. */
export class ServiceBusTopic extends SendReceiveManageEntity implements DeliveryTarget {
  readonly kind = "serviceBusTopic";
  readonly resource: ServicebusTopic;
  readonly namespace: ServiceBusNamespace;
  readonly name: string;
  readonly label: string;
  readonly resourceId: string;
  readonly namespaceResourceId: string;
  readonly endpointUri: string;
  readonly entityPath: string;
  protected readonly grantRoles = serviceBusGrantRoles;

  constructor(scope: Construct, id: string, props: ServiceBusTopicProps) {
    super(scope, id);
    const ns = props.namespace;
    validateWith(this, `Service Bus topic ${ns.label}/${props.name}`, () =>
      serviceBusTopicProblems({ name: ns.label, sku: ns.sku }, knownValues(props)),
    );

    this.resource = new ServicebusTopic(this, "topic", {
      name: props.name,
      namespaceId: ns.id,
      requiresDuplicateDetection: props.duplicateDetection !== undefined,
      duplicateDetectionHistoryTimeWindow: props.duplicateDetection,
      defaultMessageTtl: props.messageTtl,
      maxSizeInMegabytes: props.maxSizeMegabytes ?? 1024,
      maxMessageSizeInKilobytes: props.maxMessageSizeKilobytes,
      partitioningEnabled: entityPartitioning(ns, props.partitioned),
      batchedOperationsEnabled: props.batchedOperations ?? true,
      supportOrdering: props.supportOrdering ?? false,
      autoDeleteOnIdle: props.autoDeleteOnIdle,
      status: props.status ?? "Active",
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

  /** Grants apply to this topic and, for receivers and owners, every subscription of it. */
  protected grantScope(): GrantScope {
    return { id: this.resourceId, label: `${this.namespace.name}/${this.name}` };
  }
}
