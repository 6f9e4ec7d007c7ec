import type { Construct } from "constructs";
import { Eventhub } from "@cdktf/provider-azurerm/lib/eventhub";
import type { ITerraformDependable } from "cdktf";
import type { DeliveryTarget } from "../shared/entity";
import { AzapiUpdateResource } from "../shared/azapi-resource";
import { SendReceiveManageEntity, type GrantScope } from "../shared/grantable";
import { protectFromDestroy } from "../shared/stateful";
import { knownValues, validateWith } from "../shared/validation";
import { Members } from "./members";
import { namespaceHubs, type EventHubsNamespace } from "./namespace";
import { eventHubProblems, eventHubsRoles } from "../../azure/event-hubs";

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

/** Capture of every event to a blob container, in Avro. */
export interface EventHubCapture {
  /** The container captured events are written to. */
  readonly destination: CaptureDestination;
  /**
   * Capture time window in seconds.
   * @default - 300 seconds
   */
  readonly intervalSeconds?: number;
  /**
   * Capture size window in bytes.
   * @default - 314572800 bytes (300 MiB)
   */
  readonly sizeLimitBytes?: number;
  /**
   * Blob name of each capture file; must contain every placeholder azurerm requires.
   * @default - `{Namespace}/{EventHub}/{PartitionId}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}`
   */
  readonly archiveNameFormat?: string;
  /**
   * Whether windows without events produce no file.
   * @default - true: empty windows write nothing
   */
  readonly skipEmptyArchives?: boolean;
  /**
   * What gives the namespace's identity write access to the capture container. Capture switches to
   * that identity only once the access exists, so no capture window fails in between.
   * @default - no ordering: the access is granted outside this stack
   */
  readonly access?: ITerraformDependable;
}

/**
 * A retention description instead of `retentionDays`: `Delete` keeps events `retentionHours`,
 * `Compact` keeps the latest event per key (log compaction; not on Basic).
 */
export interface EventHubRetention {
  readonly cleanupPolicy: "Delete" | "Compact";
  /** Hours events are kept under the `Delete` cleanup policy; required with it. */
  readonly retentionHours?: number;
  /** Hours tombstones are kept under the `Compact` cleanup policy; required with it. */
  readonly tombstoneRetentionHours?: number;
}

export interface EventHubProps {
  readonly namespace: EventHubsNamespace;
  /** Name of the event hub inside its namespace (the Kafka topic name). */
  readonly name: string;
  /**
   * Partitions; only Premium and dedicated namespaces can add partitions later.
   * @default - 1 partition
   */
  readonly partitions?: number;
  /**
   * Days events are kept (time-based retention).
   * @default - 1 day, unless `retention` is given
   */
  readonly retentionDays?: number;
  /**
   * Retention by cleanup policy instead of `retentionDays`.
   * @default - no retention description: `retentionDays` applies
   */
  readonly retention?: EventHubRetention;
  /**
   * Whether the hub takes sends and receives.
   * @default - `Active`: it takes both
   */
  readonly status?: "Active" | "Disabled" | "SendDisabled";
  /**
   * Capture every event to a blob container, in Avro (not on Basic).
   * @default - no capture
   */
  readonly capture?: EventHubCapture;
  /**
   * Terraform's `prevent_destroy`: the hub holds events not yet consumed.
   * @default - false: a plan may destroy the hub
   */
  readonly preventDestroy?: boolean;
}

const defaultArchiveNameFormat =
  "{Namespace}/{EventHub}/{PartitionId}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}";

/** The consumer groups built on each hub, counted against its namespace's tier. */
export const hubConsumerGroups = new Members<EventHub, string>();

/**
 * An event hub (a Kafka topic). Other services deliver to it through `DeliveryTarget`; principals get
 * the narrowest data-plane role on this hub alone.
 */
export class EventHub extends SendReceiveManageEntity implements DeliveryTarget {
  readonly kind = "eventHub" as const;
  readonly label: string;
  readonly resourceId: string;
  readonly namespaceResourceId: string;
  readonly endpointUri: string;
  readonly entityPath: string;
  readonly name: string;
  readonly namespace: EventHubsNamespace;
  readonly partitions: number;
  readonly resource: Eventhub;
  protected readonly grantRoles = {
    send: { role: eventHubsRoles.send, idPrefix: "send" },
    receive: { role: eventHubsRoles.receive, idPrefix: "receive" },
    manage: { role: eventHubsRoles.manage, idPrefix: "own" },
  };

  constructor(scope: Construct, id: string, props: EventHubProps) {
    super(scope, id);
    const { namespace } = props;

    this.name = props.name;
    this.namespace = namespace;
    this.partitions = props.partitions ?? 1;
    this.label = `${namespace.label}/${props.name}`;
    this.entityPath = props.name;
    this.endpointUri = `sb://${namespace.fqdn}`;
    this.namespaceResourceId = namespace.id;
    namespaceHubs.add(namespace, { partitions: this.partitions });
    validateWith(this, `event hub ${this.label}`, () =>
      eventHubProblems(
        knownValues({
          partitions: props.partitions,
          retentionDays: props.retentionDays,
          retention: props.retention,
          capture: props.capture && {
            intervalSeconds: props.capture.intervalSeconds,
            sizeLimitBytes: props.capture.sizeLimitBytes,
            archiveNameFormat: props.capture.archiveNameFormat,
          },
          consumerGroups: hubConsumerGroups.of(this),
        }),
        namespace.tier,
      ),
    );

    const capture = props.capture;
    const captureWindow = {
      intervalInSeconds: capture?.intervalSeconds ?? 300,
      sizeLimitInBytes: capture?.sizeLimitBytes ?? 314572800,
      skipEmptyArchives: capture?.skipEmptyArchives ?? true,
    };
    const archiveNameFormat = capture?.archiveNameFormat ?? defaultArchiveNameFormat;
    const retention = props.retention;
    this.resource = new Eventhub(this, "event-hub", {
      name: props.name,
      namespaceId: namespace.id,
      partitionCount: this.partitions,
      // azurerm takes exactly one of `message_retention` and `retention_description`.
      messageRetention: retention ? undefined : (props.retentionDays ?? 1),
      retentionDescription: retention
        ? {
            cleanupPolicy: retention.cleanupPolicy,
            retentionTimeInHours: retention.cleanupPolicy === "Delete" ? retention.retentionHours : undefined,
            tombstoneRetentionTimeInHours:
              retention.cleanupPolicy === "Compact" ? retention.tombstoneRetentionHours : undefined,
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
              blobContainerName: capture.destination.containerName,
              storageAccountId: capture.destination.storageAccountId,
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
                  storageAccountResourceId: capture.destination.storageAccountId,
                  blobContainer: capture.destination.containerName,
                  archiveNameFormat,
                },
              },
            },
          },
        },
      });
      identityCapture.lifecycle = { replaceTriggeredBy: [this.resource] };
      if (capture.access) identityCapture.dependsOn = [capture.access.fqn];
    }
    protectFromDestroy(this.resource, props.preventDestroy ?? false);
    this.resourceId = this.resource.id;
  }

  /** Grants here apply to this hub alone (any of its consumer groups, for receivers). */
  protected grantScope(): GrantScope {
    return { id: this.resourceId, label: this.label };
  }
}
