import { Construct } from "constructs";
import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageContainer } from "@cdktf/provider-azurerm/lib/storage-container";
import { nameProblemOf as azureNameProblem } from "../../azure/name-rules";

/**
 * azurerm validates `blob_properties.delete_retention_policy.days` and
 * `container_delete_retention_policy.days` as 1-365 (internal/services/storage/storage_account_resource.go).
 */
const maxRetentionDays = 365;

/** Replication types azurerm accepts for `account_replication_type` (same file). */
export type StateReplication = "LRS" | "ZRS" | "GRS" | "RAGRS" | "GZRS" | "RAGZRS";

export interface TerraformStateStorageProps {
  /** Storage account name: 3-24 lowercase letters and numbers, unique in all of Azure. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** The blob container the backend keeps state files in. */
  readonly containerName: string;
  /**
   * How the account is replicated.
   * @default - ZRS: a zone outage loses no state and takes no lock away
   */
  readonly replication?: StateReplication;
  /**
   * Days a deleted or overwritten state blob, and a deleted container, can be brought back.
   * @default - 30 days
   */
  readonly retentionDays?: number;
  /**
   * Tags on the account.
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The storage account and container Terraform keeps remote state in, reached with Entra ID only:
 * shared keys off (the state holds every secret Azure returns), blob versioning and soft delete so a
 * broken or deleted state file can be restored, TLS 1.2, no public blobs, and a delete lock plus
 * `prevent_destroy` so neither Azure nor Terraform removes it by accident.
 */
export class TerraformStateStorage extends Construct {
  readonly account: StorageAccount;
  readonly container: StorageContainer;

  constructor(scope: Construct, id: string, props: TerraformStateStorageProps) {
    super(scope, id);
    const retentionDays = props.retentionDays ?? 30;
    const problems = [
      azureNameProblem("storageAccount", props.name) &&
        `name: storage account "${props.name}" ${azureNameProblem("storageAccount", props.name)}`,
      (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > maxRetentionDays) &&
        `retentionDays must be a whole number from 1 to ${maxRetentionDays}, got ${retentionDays}`,
    ].filter((p): p is string => typeof p === "string");
    this.node.addValidation({ validate: () => problems });

    this.account = new StorageAccount(this, "account", {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      accountKind: "StorageV2",
      accountTier: "Standard",
      accountReplicationType: props.replication ?? "ZRS",
      minTlsVersion: "TLS1_2",
      httpsTrafficOnlyEnabled: true,
      sharedAccessKeyEnabled: false,
      defaultToOauthAuthentication: true,
      allowNestedItemsToBePublic: false,
      crossTenantReplicationEnabled: false,
      infrastructureEncryptionEnabled: true,
      blobProperties: {
        versioningEnabled: true,
        deleteRetentionPolicy: { days: retentionDays },
        containerDeleteRetentionPolicy: { days: retentionDays },
      },
      tags: props.tags ? { ...props.tags } : undefined,
      lifecycle: { preventDestroy: true },
    });

    this.container = new StorageContainer(this, "container", {
      name: props.containerName,
      // By the account's ARM ID: the container is created through the management plane, so the
      // bootstrap needs no data-plane role and no network path to the blob endpoint.
      storageAccountId: this.account.id,
      containerAccessType: "private",
      lifecycle: { preventDestroy: true },
    });

    new ManagementLock(this, "lock", {
      name: "lock-cannot-delete",
      scope: this.account.id,
      lockLevel: "CanNotDelete",
      notes:
        "Holds the Terraform state of the messaging environments; deleting it orphans every resource they manage.",
    });
  }
}
