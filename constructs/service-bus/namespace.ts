import { Construct } from "constructs";
import { TerraformOutput } from "cdktf";
import { ServicebusNamespace } from "@cdktf/provider-azurerm/lib/servicebus-namespace";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { managedIdentity } from "../shared/identity";
import { Abbreviation } from "../../azure/naming";
import {
  BuiltInRole,
  grantId,
  grantRole,
  type BuiltInRoleName,
  type Grantee,
} from "../shared/role-assignments";
import { attachSharedInterfaces } from "../shared/shared-interfaces";
import { protectFromDestroy } from "../shared/stateful";
import {
  PREMIUM_MESSAGE_SIZE_KILOBYTES,
  PREMIUM_MESSAGING_UNITS,
  PREMIUM_PARTITIONS,
  allowedMaxSizesMegabytes,
  type ServiceBusSkuName,
} from "../../azure/service-bus";

export {
  PREMIUM_MESSAGE_SIZE_KILOBYTES,
  PREMIUM_MESSAGING_UNITS,
  PREMIUM_PARTITIONS,
  allowedMaxSizesMegabytes,
  type ServiceBusSkuName,
};

export interface ServiceBusCustomerManagedKey {
  /** Key Vault key ID (versioned or not). */
  readonly keyVaultKeyId: string;
  /** User-assigned identity with access to the key; it must also be in `userAssignedIdentityIds`. */
  readonly identityId: string;
  /**
   * Whether data is encrypted a second time with a platform key.
   * @default - single encryption with the customer-managed key
   */
  readonly infrastructureEncryption?: boolean;
}

export interface ServiceBusPrivateEndpoint {
  /** Subnet the endpoint's network interface lives in. */
  readonly subnetId: string;
  /**
   * `privatelink.servicebus.windows.net` zone the endpoint registers in.
   * @default - no DNS registration: the network team's DNS resolves the namespace
   */
  readonly privateDnsZoneId?: string;
  /**
   * Region of the endpoint, which is its subnet's region.
   * @default - the namespace's location
   */
  readonly location?: string;
}

export interface ServiceBusNamespaceProps {
  /** Azure name of the namespace (globally unique). */
  readonly name: string;
  /**
   * Name the environment file uses for the namespace, in entity labels (`orders/payments`).
   * @default - the Azure name
   */
  readonly label?: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly sku: ServiceBusSkuName;
  /**
   * Messaging units (Premium only).
   * @default - as many units as partitions on Premium (the smallest Azure accepts); none elsewhere
   */
  readonly capacity?: number;
  /**
   * Partitions of a Premium namespace; every queue and topic in it is partitioned when above 1.
   * @default - 1 on Premium (not partitioned); none elsewhere
   */
  readonly partitions?: number;
  /**
   * Whether shared access keys (SAS) authenticate; when on, the default connection string becomes a
   * sensitive Terraform output.
   * @default - off: only Entra ID identities with a data-plane role get in
   */
  readonly localAuthEnabled?: boolean;
  /**
   * Whether the public endpoint accepts connections (subject to `allowedIpRanges`).
   * @default - on when no private endpoint is given, off when one is
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * IPv4 addresses or CIDR ranges admitted through the public endpoint; all others are denied.
   * @default - no IP filter: any address may connect when public access is on
   */
  readonly allowedIpRanges?: readonly string[];
  /**
   * Whether trusted Microsoft services (Event Grid, IoT Hub, ...) pass the network rules.
   * @default - allowed, so identity-based deliveries from other Azure services still arrive
   */
  readonly trustedServicesAllowed?: boolean;
  /**
   * User-assigned identities besides the system-assigned one.
   * @default - the system-assigned identity only
   */
  readonly userAssignedIdentityIds?: readonly string[];
  /**
   * Customer-managed key (Premium only).
   * @default - Microsoft-managed keys
   */
  readonly customerManagedKey?: ServiceBusCustomerManagedKey;
  /**
   * Private endpoint for the `namespace` sub-resource (Premium only).
   * @default - no private endpoint
   */
  readonly privateEndpoint?: ServiceBusPrivateEndpoint;
  /**
   * Log Analytics workspace that receives all logs and metrics.
   * @default - no diagnostic settings
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Whether a `CanNotDelete` lock protects the namespace and everything in it.
   * @default - no lock
   */
  readonly lock?: boolean;
  /**
   * Whether Terraform refuses plans that destroy the namespace (`lifecycle.prevent_destroy`).
   * @default - destroyable
   */
  readonly preventDestroy?: boolean;
  /**
   * Tags of the namespace and its private endpoint.
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The settings a namespace resolved to, every default applied (the geo-DR pair copies them). */
export type ServiceBusNamespaceSettings = Required<
  Omit<
    ServiceBusNamespaceProps,
    "capacity" | "partitions" | "customerManagedKey" | "privateEndpoint" | "logAnalyticsWorkspaceId"
  >
> &
  Pick<
    ServiceBusNamespaceProps,
    "capacity" | "partitions" | "customerManagedKey" | "privateEndpoint" | "logAnalyticsWorkspaceId"
  >;

function resolveSettings(props: ServiceBusNamespaceProps): ServiceBusNamespaceSettings {
  const premium = props.sku === "Premium";
  const partitions = props.partitions ?? (premium ? 1 : undefined);
  return {
    ...props,
    label: props.label ?? props.name,
    capacity: props.capacity ?? (premium ? partitions : undefined),
    partitions,
    localAuthEnabled: props.localAuthEnabled ?? false,
    publicNetworkAccess: props.publicNetworkAccess ?? props.privateEndpoint === undefined,
    allowedIpRanges: props.allowedIpRanges ?? [],
    trustedServicesAllowed: props.trustedServicesAllowed ?? true,
    userAssignedIdentityIds: props.userAssignedIdentityIds ?? [],
    lock: props.lock ?? false,
    preventDestroy: props.preventDestroy ?? false,
    tags: props.tags ?? {},
  };
}

function validate(s: ServiceBusNamespaceSettings): void {
  const where = `Service Bus namespace ${s.name}`;
  if (!s.publicNetworkAccess && s.allowedIpRanges.length > 0) {
    throw new Error(
      `${where}: allowedIpRanges admit nothing while publicNetworkAccess is false, got ${s.allowedIpRanges.join(", ")}`,
    );
  }
  if (s.sku !== "Premium") {
    // azurerm refuses capacity and partitions above 0 outside Premium (servicebus_namespace_resource.go);
    // customer-managed keys ("Configure customer-managed keys for Service Bus") and private
    // endpoints ("Network security for Azure Service Bus") are Premium features.
    const premiumOnly: [string, unknown][] = [
      ["capacity", s.capacity],
      ["partitions", s.partitions],
      ["customerManagedKey", s.customerManagedKey],
      ["privateEndpoint", s.privateEndpoint],
    ];
    for (const [field, value] of premiumOnly) {
      if (value !== undefined) {
        throw new Error(
          `${where}: ${field} applies only to the Premium SKU, got ${JSON.stringify(value)} on ${s.sku}`,
        );
      }
    }
    return;
  }
  const partitions = s.partitions ?? 1;
  if (!PREMIUM_PARTITIONS.includes(partitions)) {
    throw new Error(
      `${where}: partitions must be one of ${PREMIUM_PARTITIONS.join(", ")}, got ${partitions}`,
    );
  }
  const capacity = s.capacity ?? partitions;
  if (!PREMIUM_MESSAGING_UNITS.includes(capacity)) {
    throw new Error(
      `${where}: capacity must be one of ${PREMIUM_MESSAGING_UNITS.join(", ")} messaging units, got ${capacity}`,
    );
  }
  if (capacity % partitions !== 0) {
    throw new Error(`${where}: capacity must be a multiple of partitions (${partitions}), got ${capacity}`);
  }
  if (s.customerManagedKey && !s.userAssignedIdentityIds.includes(s.customerManagedKey.identityId)) {
    throw new Error(
      `${where}: the customer-managed key's identity must be one of userAssignedIdentityIds, got ${s.customerManagedKey.identityId}`,
    );
  }
}

/**
 * A Service Bus namespace with the project's secure defaults: TLS 1.2, no SAS keys, a managed
 * identity, and, when asked, a private endpoint, diagnostics, a delete lock and customer-managed
 * encryption. Zone redundancy is not a setting: azurerm 4.x removed `zone_redundant`, because
 * Azure enables availability zones on new namespaces wherever the region has them.
 */
export class ServiceBusNamespace extends Construct {
  readonly resource: ServicebusNamespace;
  /** ARM ID of the namespace. */
  readonly id: string;
  /** Azure name of the namespace. */
  readonly name: string;
  /** Name the environment file uses for the namespace. */
  readonly label: string;
  readonly sku: ServiceBusSkuName;
  /** Premium partitions; 0 outside Premium. */
  readonly partitions: number;
  /** `https://<name>.servicebus.windows.net:443/` — what clients connect to. */
  readonly endpoint: string;
  /** `sb://<name>.servicebus.windows.net` — the AMQP address identity-based routes use. */
  readonly endpointUri: string;
  /** Object ID of the namespace's system-assigned identity. */
  readonly principalId: string;
  /** Every setting with its default applied. */
  readonly settings: ServiceBusNamespaceSettings;

  constructor(scope: Construct, id: string, props: ServiceBusNamespaceProps) {
    super(scope, id);
    const s = resolveSettings(props);
    validate(s);
    this.settings = s;
    const premium = s.sku === "Premium";

    this.resource = new ServicebusNamespace(this, "namespace", {
      name: s.name,
      location: s.location,
      resourceGroupName: s.resourceGroupName,
      sku: s.sku,
      capacity: premium ? s.capacity : undefined,
      premiumMessagingPartitions: premium ? s.partitions : undefined,
      minimumTlsVersion: "1.2",
      localAuthEnabled: s.localAuthEnabled,
      publicNetworkAccessEnabled: s.publicNetworkAccess,
      // Always declared: the rule set's own public_network_access_enabled defaults to true and is
      // applied after the namespace, so leaving it out would re-open what the namespace closed.
      // azurerm accepts `Deny` only when there are IP or virtual-network rules to allow
      // (servicebus_namespace_resource.go, createNetworkRuleSetForNamespace).
      networkRuleSet: {
        defaultAction: s.allowedIpRanges.length > 0 ? "Deny" : "Allow",
        ipRules: s.allowedIpRanges.length > 0 ? [...s.allowedIpRanges] : undefined,
        publicNetworkAccessEnabled: s.publicNetworkAccess,
        trustedServicesAllowed: s.trustedServicesAllowed,
      },
      identity: managedIdentity(s.userAssignedIdentityIds),
      customerManagedKey: s.customerManagedKey
        ? {
            keyVaultKeyId: s.customerManagedKey.keyVaultKeyId,
            identityId: s.customerManagedKey.identityId,
            infrastructureEncryptionEnabled: s.customerManagedKey.infrastructureEncryption ?? false,
          }
        : undefined,
      tags: { ...s.tags },
    });
    protectFromDestroy(this.resource, s.preventDestroy);

    this.id = this.resource.id;
    this.name = s.name;
    this.label = s.label;
    this.sku = s.sku;
    this.partitions = s.partitions ?? 0;
    this.endpoint = this.resource.endpoint;
    this.endpointUri = `sb://${s.name}.servicebus.windows.net`;
    this.principalId = this.resource.identity.principalId;

    attachSharedInterfaces(this, {
      resourceId: this.resource.id,
      resourceLabel: `Service Bus namespace ${s.name}`,
      name: s.name,
      subresource: "namespace",
      interfaces: {
        location: s.location,
        resourceGroupName: s.resourceGroupName,
        tags: s.tags,
        logAnalyticsWorkspaceId: s.logAnalyticsWorkspaceId,
        privateEndpoint: s.privateEndpoint
          ? {
              ...s.privateEndpoint,
              name: `${Abbreviation.privateEndpoint}-${s.name}`,
            }
          : undefined,
        lock: s.lock,
      },
    });
    if (s.localAuthEnabled) {
      // Sensitive, so neither plan nor apply prints it; readers take it from state deliberately.
      const output = new TerraformOutput(this, "default-connection-string", {
        value: this.resource.defaultPrimaryConnectionString,
        sensitive: true,
        description: `Primary SAS connection string of ${s.name} (RootManageSharedAccessKey)`,
      });
      output.overrideLogicalId(`${s.name.replace(/[^A-Za-z0-9]/g, "_")}_default_connection_string`);
    }
  }

  /** Lets `grantee` send to every queue and topic in the namespace. */
  grantSend(grantee: Grantee): RoleAssignment {
    return this.grant("send", BuiltInRole.serviceBusDataSender, grantee);
  }

  /** Lets `grantee` receive from every queue and subscription in the namespace. */
  grantReceive(grantee: Grantee): RoleAssignment {
    return this.grant("receive", BuiltInRole.serviceBusDataReceiver, grantee);
  }

  /** Gives `grantee` full data-plane control of the namespace. */
  grantManage(grantee: Grantee): RoleAssignment {
    return this.grant("manage", BuiltInRole.serviceBusDataOwner, grantee);
  }

  private grant(action: string, role: BuiltInRoleName, grantee: Grantee): RoleAssignment {
    // The Azure name is globally unique, so two environments in one subscription never share an
    // assignment name.
    return grantRole(this, grantId(`grant-${action}`, grantee), {
      scopeId: this.id,
      scopeLabel: this.name,
      role,
      grantee,
    });
  }
}

/**
 * Checks the size options a queue or topic shares against its namespace's SKU; throws a message
 * naming the entity, the field and the value.
 */
export function validateEntitySizes(
  where: string,
  namespace: ServiceBusNamespace,
  maxSizeMegabytes: number | undefined,
  maxMessageSizeKilobytes: number | undefined,
  partitioned: boolean | undefined,
): void {
  const allowed = allowedMaxSizesMegabytes(namespace.sku);
  if (maxSizeMegabytes !== undefined && !allowed.includes(maxSizeMegabytes)) {
    throw new Error(
      `${where}: maxSizeMegabytes on ${namespace.sku} must be one of ${allowed.join(", ")}, got ${maxSizeMegabytes}`,
    );
  }
  if (maxMessageSizeKilobytes !== undefined) {
    if (namespace.sku !== "Premium") {
      throw new Error(
        `${where}: maxMessageSizeKilobytes applies only to the Premium SKU, got ${maxMessageSizeKilobytes} on ${namespace.sku}`,
      );
    }
    const { min, max } = PREMIUM_MESSAGE_SIZE_KILOBYTES;
    if (maxMessageSizeKilobytes < min || maxMessageSizeKilobytes > max) {
      throw new Error(
        `${where}: maxMessageSizeKilobytes must be between ${min} and ${max}, got ${maxMessageSizeKilobytes}`,
      );
    }
  }
  if (partitioned !== undefined && namespace.sku === "Premium") {
    // azurerm 4.x requires a Premium entity's partitioning to match the namespace's partitions.
    throw new Error(
      `${where}: partitioned is not an entity option on Premium; set partitions on namespace ${namespace.name}, got partitioned ${partitioned}`,
    );
  }
}

/**
 * `partitioning_enabled` for an entity: on Premium it must follow the namespace (azurerm 4.x
 * refuses non-partitioned entities in a partitioned namespace and the reverse).
 */
export function entityPartitioning(
  namespace: ServiceBusNamespace,
  partitioned: boolean | undefined,
): boolean {
  return namespace.sku === "Premium" ? namespace.partitions > 1 : (partitioned ?? false);
}
