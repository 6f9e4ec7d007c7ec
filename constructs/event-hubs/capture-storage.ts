import { Construct } from "constructs";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageContainer } from "@cdktf/provider-azurerm/lib/storage-container";
import { StorageManagementPolicy } from "@cdktf/provider-azurerm/lib/storage-management-policy";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { derivedName } from "../../azure/naming";
import { privateEndpointFor } from "../shared/private-endpoint";
import { BuiltInRole, grantId, grantRole, type Grantee } from "../shared/role-assignments";
import { protectFromDestroy } from "../shared/stateful";
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
   * Subnet of a private endpoint for the blob sub-resource, for readers of the archive.
   * @default - no private endpoint
   */
  readonly privateEndpointSubnetId?: string;
  /**
   * Private DNS zone (`privatelink.blob.core.windows.net`) the endpoint registers in.
   * @default - no DNS zone group
   */
  readonly privateDnsZoneId?: string;
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

/** Azure storage account names: 3-24 characters, lowercase letters and digits only. */
const accountNamePattern = /^[a-z0-9]{3,24}$/;
/** Blob container names: 3-63 characters, lowercase letters, digits and single hyphens, starting with a letter or digit. */
const containerNamePattern = /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/;
/** azurerm validates lifecycle `delete_after_days_since_modification_greater_than` as 0-99999. */
const maxLifecycleDays = 99999;

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
    validateCaptureStorageProps(props);
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

    if (props.privateEndpointSubnetId) {
      privateEndpointFor(this, "private-endpoint", {
        name: derivedName(props.name, "blob-pep"),
        location: props.location,
        resourceGroupName: props.resourceGroupName,
        subnetId: props.privateEndpointSubnetId,
        targetResourceId: this.resource.id,
        subresource: "blob",
        privateDnsZoneId: props.privateDnsZoneId,
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

function validateCaptureStorageProps(props: CaptureStorageProps): void {
  const where = `capture storage ${props.name}`;
  if (!accountNamePattern.test(props.name)) {
    throw new Error(`${where}: name must be 3-24 lowercase letters and digits, got "${props.name}"`);
  }
  if (props.containers.length === 0) throw new Error(`${where}: containers must name at least one container`);
  const seen = new Set<string>();
  for (const container of props.containers) {
    if (!containerNamePattern.test(container.name)) {
      throw new Error(
        `${where}: container name must be 3-63 lowercase letters, digits and single hyphens, got "${container.name}"`,
      );
    }
    if (seen.has(container.name)) throw new Error(`${where}: container ${container.name} is listed twice`);
    seen.add(container.name);
    if (
      !Number.isInteger(container.retentionDays) ||
      container.retentionDays < 1 ||
      container.retentionDays > maxLifecycleDays
    ) {
      throw new Error(
        `${where}: retentionDays of container ${container.name} must be 1-${maxLifecycleDays}, got ${container.retentionDays}`,
      );
    }
  }
}
