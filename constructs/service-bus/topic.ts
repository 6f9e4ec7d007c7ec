import { Construct } from "constructs";
import { ServicebusTopic } from "@cdktf/provider-azurerm/lib/servicebus-topic";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import type { DeliveryTarget } from "../shared/entity";
import {
  BuiltInRole,
  grantId,
  grantRole,
  type BuiltInRoleName,
  type Grantee,
} from "../shared/role-assignments";
import { protectFromDestroy } from "../shared/stateful";
import { entityPartitioning, validateEntitySizes, type ServiceBusNamespace } from "./namespace";

export interface ServiceBusTopicProps {
  /** A Standard or Premium namespace (Basic has no topics). */
  readonly namespace: ServiceBusNamespace;
  /** Topic name inside the namespace. */
  readonly name: string;
  /**
   * Duplicate detection history window (ISO-8601, 20 seconds to 7 days).
   * @default - no duplicate detection
   */
  readonly duplicateDetectionWindow?: string;
  /**
   * Default message time to live (ISO-8601).
   * @default - Azure's: unbounded
   */
  readonly defaultMessageTtl?: string;
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
export class ServiceBusTopic extends Construct implements DeliveryTarget {
  readonly kind = "serviceBusTopic";
  readonly resource: ServicebusTopic;
  readonly namespace: ServiceBusNamespace;
  readonly name: string;
  readonly label: string;
  readonly resourceId: string;
  readonly namespaceResourceId: string;
  readonly endpointUri: string;
  readonly entityPath: string;

  constructor(scope: Construct, id: string, props: ServiceBusTopicProps) {
    super(scope, id);
    const ns = props.namespace;
    const where = `Service Bus topic ${ns.label}/${props.name}`;
    // "Service Bus Premium and Standard messaging tiers", feature table: topics need Standard or Premium.
    if (ns.sku === "Basic")
      throw new Error(`${where}: topics are not available on the Basic SKU (namespace ${ns.name})`);
    validateEntitySizes(where, ns, props.maxSizeMegabytes, props.maxMessageSizeKilobytes, props.partitioned);

    this.resource = new ServicebusTopic(this, "topic", {
      name: props.name,
      namespaceId: ns.id,
      requiresDuplicateDetection: props.duplicateDetectionWindow !== undefined,
      duplicateDetectionHistoryTimeWindow: props.duplicateDetectionWindow,
      defaultMessageTtl: props.defaultMessageTtl,
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

  /** Lets `grantee` publish to this topic only (Azure Service Bus Data Sender at the topic). */
  grantSend(grantee: Grantee): RoleAssignment {
    return this.grant("send", BuiltInRole.serviceBusDataSender, grantee);
  }

  /** Lets `grantee` receive from every subscription of this topic (Data Receiver at the topic). */
  grantReceive(grantee: Grantee): RoleAssignment {
    return this.grant("receive", BuiltInRole.serviceBusDataReceiver, grantee);
  }

  /** Gives `grantee` full data-plane control of this topic and its subscriptions (Data Owner at the topic). */
  grantManage(grantee: Grantee): RoleAssignment {
    return this.grant("manage", BuiltInRole.serviceBusDataOwner, grantee);
  }

  private grant(action: string, role: BuiltInRoleName, grantee: Grantee): RoleAssignment {
    return grantRole(this, grantId(`grant-${action}`, grantee), {
      scopeId: this.resourceId,
      scopeLabel: `${this.namespace.name}/${this.name}`,
      role,
      grantee,
    });
  }
}
