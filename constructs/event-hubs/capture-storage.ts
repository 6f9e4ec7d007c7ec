import { Construct } from "constructs";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageContainer } from "@cdktf/provider-azurerm/lib/storage-container";
import { StorageManagementPolicy } from "@cdktf/provider-azurerm/lib/storage-management-policy";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { captureRetentionProblems } from "../../azure/event-hubs";
import { nameProblemsOf } from "../../azure/name-rules";
import { derivedName } from "../../azure/naming";
import { under, type Problem } from "../../azure/problem";
import { privateEndpointFor } from "../shared/private-endpoint";
import { BuiltInRole, grantId, grantRole, type Grantee } from "../shared/role-assignments";
import type { PrivateEndpointOptions } from "../shared/shared-interfaces";
import { protectFromDestroy } from "../shared/stateful";
import { known, validateWith } from "../shared/validation";
import type { CaptureDestination } from "./event-hub";

/** One container of captured events and how long its archives are kept. */
export interface CaptureContainer {
  readonly name: string;
  /** Days after which a captured archive is deleted by the account's lifecycle policy. */
  readonly retentionDays: number;
}

export interface CaptureStorageProps {
  /** Azure name of the storage account: 3-24 lowercase letters and digits, globally unique. */
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  /** The containers capture writes to; at least one. */
  readonly containers: readonly CaptureContainer[];
  /**
   * Whether any network may reach the blob endpoint. When false the firewall denies everything but
   * trusted Azure services (Event Hubs Capture is one) and private endpoints.
   * @default - false: only trusted Azure services and private endpoints reach the account
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * Private endpoint for the blob sub-resource, for readers of the archive; its DNS zone is
   * `privatelink.blob.core.windows.net`. Its name defaults to `<account>-blob-pep` and it sits in
   * the account's location unless told otherwise.
   * @default - no private endpoint
   */
  readonly privateEndpoint?: PrivateEndpointOptions;
  /**
   * Replication of the account.
   * @default - `ZRS`: the archive survives the loss of one availability zone
   */
  readonly replication?: "LRS" | "ZRS" | "GRS" | "GZRS";
  /**
   * Terraform's `prevent_destroy`: the account holds the event archive.
   * @default - false: a plan may destroy the account
   */
  readonly preventDestroy?: boolean;
  /** @default - no tags */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The account Event Hubs Capture writes its Avro archive to: StorageV2 with hierarchical namespace
 * (Data Lake Gen2 readers), TLS 1.2, infrastructure encryption, no public blobs, and a lifecycle policy
 * that deletes each container's archives after its retention.
 */
export class CaptureStorage extends Construct {
  readonly id: string;
  readonly name: string;
  readonly resource: StorageAccount;
  readonly containers: ReadonlyMap<string, StorageContainer>;

  constructor(scope: Construct, id: string, props: CaptureStorageProps) {
    super(scope, id);
    validateWith(this, `capture storage ${props.name}`, () => captureStorageProblems(props));
    this.name = props.name;
    const publicNetworkAccess = props.publicNetworkAccess ?? false;

    this.resource = new StorageAccount(this, "account", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      accountKind: "StorageV2",
      accountTier: "Standard",
      accountReplicationType: props.replication ?? "ZRS",
      isHnsEnabled: true,
      minTlsVersion: "TLS1_2",
      httpsTrafficOnlyEnabled: true,
      infrastructureEncryptionEnabled: true,
      allowNestedItemsToBePublic: false,
      crossTenantReplicationEnabled: false,
      defaultToOauthAuthentication: true,
      // Capture authenticates with the namespace's managed identity (see EventHub), so nothing needs
      // the account's keys: shared-key access stays off.
      sharedAccessKeyEnabled: false,
      // The public endpoint stays up so the trusted-service exception can admit Event Hubs Capture,
      // which does not write through private endpoints; the firewall shuts everyone else out.
      publicNetworkAccessEnabled: true,
      networkRules: {
        defaultAction: publicNetworkAccess ? "Allow" : "Deny",
        bypass: ["AzureServices"],
      },
      tags: props.tags ? { ...props.tags } : undefined,
    });
    protectFromDestroy(this.resource, props.preventDestroy ?? false);
    this.id = this.resource.id;

    const containers = new Map<string, StorageContainer>();
    for (const container of props.containers) {
      // A repeated container is a validation error; building it twice would hide that behind a crash.
      if (containers.has(container.name)) continue;
      containers.set(
        container.name,
        new StorageContainer(this, `container-${container.name}`, {
          name: container.name,
          storageAccountId: this.resource.id,
          containerAccessType: "private",
        }),
      );
    }
    this.containers = containers;

    new StorageManagementPolicy(this, "lifecycle", {
      storageAccountId: this.resource.id,
      rule: props.containers.map((container) => ({
        name: `delete-${container.name}-after-${container.retentionDays}-days`,
        enabled: true,
        filters: { blobTypes: ["blockBlob"], prefixMatch: [`${container.name}/`] },
        actions: { baseBlob: { deleteAfterDaysSinceModificationGreaterThan: container.retentionDays } },
      })),
    });

    const endpoint = props.privateEndpoint;
    if (endpoint) {
      privateEndpointFor(this, "private-endpoint", {
        name: endpoint.name ?? derivedName(props.name, "blob-pep"),
        location: endpoint.location ?? props.location,
        resourceGroupName: props.resourceGroupName,
        subnetId: endpoint.subnetId,
        targetResourceId: this.resource.id,
        subresource: "blob",
        privateDnsZoneId: endpoint.privateDnsZoneId,
        tags: props.tags,
      });
    }
  }

  /** The capture destination of one of this account's containers, for `EventHubProps.captureDestination`. */
  destination(containerName: string): CaptureDestination {
    if (!this.containers.has(containerName)) {
      throw new Error(
        `capture storage ${this.name}: no container ${containerName}; it has ${[...this.containers.keys()].join(", ")}`,
      );
    }
    return { storageAccountId: this.id, containerName };
  }

  /** Lets `grantee` (a namespace's identity) write archives to one container: Storage Blob Data Contributor on it. */
  grantCaptureWrite(grantee: Grantee, containerName: string): RoleAssignment {
    const container = this.containers.get(containerName);
    if (!container) {
      throw new Error(
        `capture storage ${this.name}: no container ${containerName}; it has ${[...this.containers.keys()].join(", ")}`,
      );
    }
    return grantRole(this, grantId(`capture-write-${containerName}`, grantee), {
      scopeId: container.id,
      scopeLabel: `${this.name}/${containerName}`,
      role: BuiltInRole.storageBlobDataContributor,
      grantee,
    });
  }
}

/** The account's and its containers' names, and what each container's lifecycle rule can keep. */
function captureStorageProblems(props: CaptureStorageProps): Problem[] {
  const problems: Problem[] = [];
  const name = known(props.name);
  if (name !== undefined) problems.push(...nameProblemsOf("storageAccount", name));
  if (props.containers.length === 0) {
    problems.push({ field: "containers", message: "name at least one container" });
  }
  const seen = new Set<string>();
  props.containers.forEach((container, i) => {
    const at = `containers/${i}`;
    problems.push(...under(at, nameProblemsOf("blobContainer", container.name)));
    if (seen.has(container.name)) {
      problems.push({ field: `${at}/name`, message: `container ${container.name} is listed twice` });
    }
    seen.add(container.name);
    problems.push(...under(at, captureRetentionProblems(known(container.retentionDays))));
  });
  return problems;
}
