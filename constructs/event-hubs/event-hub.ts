import { Construct } from "constructs";
import { Eventhub } from "@cdktf/provider-azurerm/lib/eventhub";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import type { DeliveryTarget } from "../shared/entity";
import {
  BuiltInRole,
  grantId,
  grantRole,
  type BuiltInRoleName,
  type Grantee,
} from "../shared/role-assignments";
import type { ITerraformDependable } from "cdktf";
import { AzapiUpdateResource } from "../shared/azapi-resource";
import { protectFromDestroy } from "../shared/stateful";
import type { EventHubsNamespace } from "./namespace";
import {
  captureIntervalSeconds,
  captureSizeLimitBytes,
  missingArchiveNameTokens,
} from "../../azure/event-hubs";

/** Where captured events are written: a blob container, by its account's ARM ID and its name. */
export interface CaptureDestination {
  readonly storageAccountId: string;
  readonly containerName: string;
}

/** Azure's name for capture to blob storage (REST API Destination.name). */
const captureDestinationName = "EventHubArchive.AzureBlockBlob";

/** The part of an event hub's ARM body that switches capture to the namespace's identity. */
interface EventHubCaptureBody extends Record<string, unknown> {
  readonly properties: {
    readonly captureDescription: {
      readonly enabled: true;
      readonly encoding: "Avro";
      readonly intervalInSeconds: number;
      readonly sizeLimitInBytes: number;
      readonly skipEmptyArchives: boolean;
      readonly destination: {
        readonly name: string;
        readonly identity: { readonly type: "SystemAssigned" };
        readonly properties: {
          readonly storageAccountResourceId: string;
          readonly blobContainer: string;
          readonly archiveNameFormat: string;
        };
      };
    };
  };
}

export interface EventHubProps {
  readonly namespace: EventHubsNamespace;
  /** Name of the event hub inside its namespace (the Kafka topic name). */
  readonly name: string;
  /**
   * Partitions; only Premium and dedicated namespaces can add partitions later.
   * @default - 1 partition
   */
  readonly partitionCount?: number;
  /**
   * Days events are kept (time-based retention).
   * @default - 1 day, unless `cleanupPolicy` is given
   */
  readonly retentionDays?: number;
  /**
   * Retention description instead of `retentionDays`: `Delete` keeps events `retentionHours`,
   * `Compact` keeps the latest event per key (log compaction; not on Basic).
   * @default - no retention description: `retentionDays` applies
   */
  readonly cleanupPolicy?: "Delete" | "Compact";
  /**
   * Hours events are kept under the `Delete` cleanup policy; required with it.
   * @default - none
   */
  readonly retentionHours?: number;
  /**
   * Hours tombstones are kept under the `Compact` cleanup policy; required with it.
   * @default - none
   */
  readonly tombstoneRetentionHours?: number;
  /**
   * Whether the hub takes sends and receives.
   * @default - `Active`: it takes both
   */
  readonly status?: "Active" | "Disabled" | "SendDisabled";
  /**
   * Capture every event to this blob container, in Avro (not on Basic).
   * @default - no capture
   */
  readonly captureDestination?: CaptureDestination;
  /**
   * Capture time window in seconds.
   * @default - 300 seconds
   */
  readonly captureIntervalSeconds?: number;
  /**
   * Capture size window in bytes.
   * @default - 314572800 bytes (300 MiB)
   */
  readonly captureSizeLimitBytes?: number;
  /**
   * Blob name of each capture file; must contain every placeholder azurerm requires.
   * @default - `{Namespace}/{EventHub}/{PartitionId}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}`
   */
  readonly captureArchiveNameFormat?: string;
  /**
   * Whether windows without events produce no file.
   * @default - true: empty windows write nothing
   */
  readonly captureSkipEmptyArchives?: boolean;
  /**
   * What gives the namespace's identity write access to the capture container. Capture switches to
   * that identity only once the access exists, so no capture window fails in between.
   * @default - no ordering: the access is granted outside this stack
   */
  readonly captureAccess?: ITerraformDependable;
  /**
   * Terraform's `prevent_destroy`: the hub holds events not yet consumed.
   * @default - false: a plan may destroy the hub
   */
  readonly preventDestroy?: boolean;
}

const defaultArchiveNameFormat =
  "{Namespace}/{EventHub}/{PartitionId}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}";

/**
 * An event hub (a Kafka topic). Other services deliver to it through `DeliveryTarget`; principals get
 * the narrowest data-plane role on this hub alone.
 */
export class EventHub extends Construct implements DeliveryTarget {
  readonly kind = "eventHub" as const;
  readonly label: string;
  readonly resourceId: string;
  readonly namespaceResourceId: string;
  readonly endpointUri: string;
  readonly entityPath: string;
  readonly name: string;
  readonly namespace: EventHubsNamespace;
  readonly partitionCount: number;
  readonly resource: Eventhub;
  private readonly grants = new Map<string, RoleAssignment>();

  constructor(scope: Construct, id: string, props: EventHubProps) {
    super(scope, id);
    validateEventHubProps(props);
    const { namespace } = props;

    this.name = props.name;
    this.namespace = namespace;
    this.partitionCount = props.partitionCount ?? 1;
    this.label = `${namespace.logicalName}/${props.name}`;
    this.entityPath = props.name;
    this.endpointUri = `sb://${namespace.fqdn}`;
    this.namespaceResourceId = namespace.id;

    const capture = props.captureDestination;
    const captureWindow = {
      intervalInSeconds: props.captureIntervalSeconds ?? 300,
      sizeLimitInBytes: props.captureSizeLimitBytes ?? 314572800,
      skipEmptyArchives: props.captureSkipEmptyArchives ?? true,
    };
    const archiveNameFormat = props.captureArchiveNameFormat ?? defaultArchiveNameFormat;
    this.resource = new Eventhub(this, "event-hub", {
      name: props.name,
      namespaceId: namespace.id,
      partitionCount: this.partitionCount,
      // azurerm takes exactly one of `message_retention` and `retention_description`.
      messageRetention: props.cleanupPolicy ? undefined : (props.retentionDays ?? 1),
      retentionDescription: props.cleanupPolicy
        ? {
            cleanupPolicy: props.cleanupPolicy,
            retentionTimeInHours: props.cleanupPolicy === "Delete" ? props.retentionHours : undefined,
            tombstoneRetentionTimeInHours:
              props.cleanupPolicy === "Compact" ? props.tombstoneRetentionHours : undefined,
          }
        : undefined,
      status: props.status ?? "Active",
      captureDescription: capture
        ? {
            enabled: true,
            encoding: "Avro",
            ...captureWindow,
            destination: {
              name: captureDestinationName,
              archiveNameFormat,
              blobContainerName: capture.containerName,
              storageAccountId: capture.storageAccountId,
            },
          }
        : undefined,
    });
    if (capture) {
      // Capture authenticates with the namespace's managed identity, so the storage account needs no
      // shared keys. The azurerm 4.55 binding cannot say so (its `storage_authentication` came in a
      // later provider); the Event Hubs REST API has `destination.identity` since 2022-10-01-preview
      // (2024-01-01: "Event Hubs - Create Or Update", Destination.identity). It is set here, and
      // re-set whenever azurerm updates the hub, since azurerm's update writes capture without it.
      const identityCapture = new AzapiUpdateResource<EventHubCaptureBody>(this, "capture-identity", {
        type: "Microsoft.EventHub/namespaces/eventhubs@2024-01-01",
        name: props.name,
        parentId: namespace.id,
        body: {
          properties: {
            captureDescription: {
              enabled: true,
              encoding: "Avro",
              ...captureWindow,
              destination: {
                name: captureDestinationName,
                identity: { type: "SystemAssigned" },
                properties: {
                  storageAccountResourceId: capture.storageAccountId,
                  blobContainer: capture.containerName,
                  archiveNameFormat,
                },
              },
            },
          },
        },
      });
      identityCapture.lifecycle = { replaceTriggeredBy: [this.resource] };
      if (props.captureAccess) identityCapture.dependsOn = [props.captureAccess.fqn];
    }
    protectFromDestroy(this.resource, props.preventDestroy ?? false);
    this.resourceId = this.resource.id;
  }

  /** Lets `grantee` publish events to this hub (Azure Event Hubs Data Sender on the hub). */
  grantSend(grantee: Grantee): RoleAssignment {
    return this.grant("send", BuiltInRole.eventHubsDataSender, grantee);
  }

  /**
   * Lets `grantee` read events from any consumer group of this hub (Azure Event Hubs Data Receiver on
   * the hub). Granting the same principal twice returns the first assignment: Azure refuses duplicates.
   */
  grantReceive(grantee: Grantee): RoleAssignment {
    return this.grant("receive", BuiltInRole.eventHubsDataReceiver, grantee);
  }

  /** Full data-plane access to this hub (Azure Event Hubs Data Owner on the hub). */
  grantOwner(grantee: Grantee): RoleAssignment {
    return this.grant("own", BuiltInRole.eventHubsDataOwner, grantee);
  }

  private grant(action: string, role: BuiltInRoleName, grantee: Grantee): RoleAssignment {
    const key = `${role}\u0000${grantee.name}`;
    const existing = this.grants.get(key);
    if (existing) return existing;
    const assignment = grantRole(this, grantId(action, grantee), {
      scopeId: this.resourceId,
      scopeLabel: this.label,
      role,
      grantee,
    });
    this.grants.set(key, assignment);
    return assignment;
  }
}

function validateEventHubProps(props: EventHubProps): void {
  const limits = props.namespace.limits;
  const where = `event hub ${props.namespace.logicalName}/${props.name}`;
  const partitions = props.partitionCount ?? 1;

  if (!Number.isInteger(partitions) || partitions < 1 || partitions > limits.maxPartitionsPerHub) {
    throw new Error(
      `${where}: partitionCount must be 1-${limits.maxPartitionsPerHub} on ${limits.tier}, got ${partitions}`,
    );
  }
  if (props.cleanupPolicy !== undefined) {
    if (props.retentionDays !== undefined) {
      throw new Error(
        `${where}: give retentionDays or cleanupPolicy, not both (got ${props.retentionDays} days and ${props.cleanupPolicy})`,
      );
    }
    validateRetentionDescription(props, where);
  } else {
    const days = props.retentionDays ?? 1;
    if (!Number.isInteger(days) || days < 1 || days > limits.maxRetentionDays) {
      throw new Error(
        `${where}: retentionDays must be 1-${limits.maxRetentionDays} on ${limits.tier}, got ${days}`,
      );
    }
    if (props.retentionHours !== undefined || props.tombstoneRetentionHours !== undefined) {
      throw new Error(`${where}: retentionHours and tombstoneRetentionHours need a cleanupPolicy`);
    }
  }
  if (props.captureDestination) {
    if (!limits.capture) throw new Error(`${where}: capture needs Standard or above, got ${limits.tier}`);
  } else if (
    props.captureIntervalSeconds !== undefined ||
    props.captureSizeLimitBytes !== undefined ||
    props.captureArchiveNameFormat !== undefined ||
    props.captureSkipEmptyArchives !== undefined
  ) {
    throw new Error(`${where}: capture settings need a captureDestination`);
  }
  const interval = props.captureIntervalSeconds;
  if (interval !== undefined && !inRange(interval, captureIntervalSeconds.min, captureIntervalSeconds.max)) {
    throw new Error(
      `${where}: captureIntervalSeconds must be ${captureIntervalSeconds.min}-${captureIntervalSeconds.max}, got ${interval}`,
    );
  }
  const size = props.captureSizeLimitBytes;
  if (size !== undefined && !inRange(size, captureSizeLimitBytes.min, captureSizeLimitBytes.max)) {
    throw new Error(
      `${where}: captureSizeLimitBytes must be ${captureSizeLimitBytes.min}-${captureSizeLimitBytes.max} (10-500 MiB), got ${size}`,
    );
  }
  const format = props.captureArchiveNameFormat;
  if (format !== undefined && missingArchiveNameTokens(format).length > 0) {
    throw new Error(
      `${where}: captureArchiveNameFormat lacks ${missingArchiveNameTokens(format).join(", ")}, got "${format}"`,
    );
  }
}

function validateRetentionDescription(props: EventHubProps, where: string): void {
  const limits = props.namespace.limits;
  if (props.cleanupPolicy === "Compact") {
    if (!limits.compaction)
      throw new Error(`${where}: cleanupPolicy Compact needs Standard or above, got ${limits.tier}`);
    if (props.tombstoneRetentionHours === undefined || props.retentionHours !== undefined) {
      throw new Error(`${where}: cleanupPolicy Compact takes tombstoneRetentionHours and no retentionHours`);
    }
    if (!Number.isInteger(props.tombstoneRetentionHours) || props.tombstoneRetentionHours < 1) {
      throw new Error(
        `${where}: tombstoneRetentionHours must be a whole number of hours >= 1, got ${props.tombstoneRetentionHours}`,
      );
    }
    return;
  }
  if (props.retentionHours === undefined || props.tombstoneRetentionHours !== undefined) {
    throw new Error(`${where}: cleanupPolicy Delete takes retentionHours and no tombstoneRetentionHours`);
  }
  const maxHours = limits.maxRetentionDays * 24;
  if (
    !Number.isInteger(props.retentionHours) ||
    props.retentionHours < 1 ||
    props.retentionHours > maxHours
  ) {
    throw new Error(
      `${where}: retentionHours must be 1-${maxHours} on ${limits.tier}, got ${props.retentionHours}`,
    );
  }
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
