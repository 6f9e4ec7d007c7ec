import { Construct } from "constructs";
import { derivedName } from "../../azure/naming";
import type { SharedInterfaceRequest } from "../../azure/namespace-capabilities";
import { diagnosticSettingsFor } from "./diagnostic-settings";
import { managedIdentity, type ManagedIdentityBlock } from "./identity";
import { deleteLockFor } from "./lock";
import { privateEndpointFor } from "./private-endpoint";

/** Where a resource's private endpoint goes. */
export interface PrivateEndpointOptions {
  /** Subnet the endpoint's network interface lives in. */
  readonly subnetId: string;
  /**
   * Private DNS zone the endpoint registers its A record in.
   * @default - no DNS zone group: the network's own DNS resolves the resource's name
   */
  readonly privateDnsZoneId?: string;
  /**
   * Region of the endpoint, which is its subnet's region.
   * @default - the resource's location
   */
  readonly location?: string;
  /**
   * Azure name of the endpoint.
   * @default - `<resource name>-pep`
   */
  readonly name?: string;
}

/** A customer-managed key in Key Vault, and the identity that reads it. */
export interface CustomerManagedKeyOptions {
  /** Key Vault key ID (versioned or not). */
  readonly keyVaultKeyId: string;
  /** User-assigned identity with access to the key; the resource is given it. */
  readonly identityId: string;
  /**
   * Whether data is encrypted a second time with a platform key.
   * @default - single encryption with the customer-managed key
   */
  readonly infrastructureEncryption?: boolean;
}

/**
 * The interfaces every namespace-level resource shares (Azure Verified Modules' interface specs):
 * network access, private endpoint, identities, encryption, diagnostics, lock and tags. Every
 * namespace-level construct takes these props with these names, shapes and defaults. An option
 * the resource's SKU does not offer is a validation error, never a silent no-op: the service's
 * facts (`azure/<service>.ts`) say which it offers.
 */
export interface NamespaceInterfaceProps {
  readonly location: string;
  readonly resourceGroupName: string;
  /**
   * Private endpoint of the resource, in the sub-resource the service defines.
   * @default - no private endpoint
   */
  readonly privateEndpoint?: PrivateEndpointOptions;
  /**
   * Whether the public endpoint accepts connections (subject to `allowedIpRanges`).
   * @default - closed when a private endpoint is given, open otherwise
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * IPv4 addresses or CIDR ranges admitted through the public endpoint; all others are denied.
   * @default - no IP filter: any address may connect when the public endpoint is open
   */
  readonly allowedIpRanges?: readonly string[];
  /**
   * Whether trusted Microsoft services pass the network rules.
   * @default - they do, so identity-based deliveries from other Azure services still arrive
   */
  readonly trustedServicesAllowed?: boolean;
  /**
   * Whether shared access keys (SAS) authenticate.
   * @default - off: only Entra ID identities with a data-plane role get in
   */
  readonly localAuth?: boolean;
  /**
   * User-assigned identities besides the system-assigned one.
   * @default - the system-assigned identity only
   */
  readonly userAssignedIdentityIds?: readonly string[];
  /**
   * Encryption at rest with a customer-managed key; its identity is attached to the resource.
   * @default - Microsoft-managed keys
   */
  readonly customerManagedKey?: CustomerManagedKeyOptions;
  /**
   * Log Analytics workspace that receives the resource's logs and metrics.
   * @default - no diagnostic settings
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Whether a `CanNotDelete` lock protects the resource and everything in it.
   * @default - no lock
   */
  readonly lock?: boolean;
  /**
   * Whether Terraform refuses plans that destroy the resource (`lifecycle.prevent_destroy`).
   * @default - destroyable
   */
  readonly preventDestroy?: boolean;
  /**
   * Tags of the resource and its private endpoint.
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The shared interfaces with every default applied. */
export interface ResolvedNamespaceInterfaces {
  readonly location: string;
  readonly resourceGroupName: string;
  readonly privateEndpoint?: PrivateEndpointOptions;
  readonly publicNetworkAccess: boolean;
  readonly allowedIpRanges: readonly string[];
  readonly trustedServicesAllowed: boolean;
  readonly localAuth: boolean;
  /** Every user-assigned identity, the customer-managed key's included, without repeats. */
  readonly userAssignedIdentityIds: readonly string[];
  readonly customerManagedKey?: Required<CustomerManagedKeyOptions>;
  readonly logAnalyticsWorkspaceId?: string;
  readonly lock: boolean;
  readonly preventDestroy: boolean;
  readonly tags: Readonly<Record<string, string>>;
  /** The `identity` block: system-assigned always, plus the user-assigned identities. */
  readonly identity: ManagedIdentityBlock;
}

/** Applies the documented defaults of {@link NamespaceInterfaceProps}, once, for every service. */
export function resolveNamespaceInterfaces(props: NamespaceInterfaceProps): ResolvedNamespaceInterfaces {
  const key = props.customerManagedKey;
  const identities = [...(props.userAssignedIdentityIds ?? [])];
  if (key && !identities.includes(key.identityId)) identities.push(key.identityId);
  return {
    location: props.location,
    resourceGroupName: props.resourceGroupName,
    privateEndpoint: props.privateEndpoint,
    publicNetworkAccess: props.publicNetworkAccess ?? props.privateEndpoint === undefined,
    allowedIpRanges: props.allowedIpRanges ?? [],
    trustedServicesAllowed: props.trustedServicesAllowed ?? true,
    localAuth: props.localAuth ?? false,
    userAssignedIdentityIds: identities,
    customerManagedKey: key
      ? { ...key, infrastructureEncryption: key.infrastructureEncryption ?? false }
      : undefined,
    logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
    lock: props.lock ?? false,
    preventDestroy: props.preventDestroy ?? false,
    tags: props.tags ?? {},
    identity: managedIdentity(identities),
  };
}

/** What the props ask for, as the shared capability rule (`sharedInterfaceProblems`) reads it. */
export function sharedInterfaceRequest(props: NamespaceInterfaceProps): SharedInterfaceRequest {
  return {
    privateEndpoint: props.privateEndpoint !== undefined,
    customerManagedKey: props.customerManagedKey !== undefined,
    localAuth: props.localAuth,
    publicNetworkAccess: props.publicNetworkAccess,
    allowedIpRanges: props.allowedIpRanges,
    trustedServicesAllowed: props.trustedServicesAllowed,
    userAssignedIdentityIds: props.userAssignedIdentityIds,
  };
}

export interface AttachSharedInterfacesProps {
  /** ARM ID of the resource the interfaces attach to. */
  readonly resourceId: string;
  /** The resource as the lock's note names it, e.g. `Relay namespace relay-prod`. */
  readonly resourceLabel: string;
  /** Azure name of the resource; the private endpoint is named after it by default. */
  readonly name: string;
  /** The private-link sub-resource (group ID) the service exposes: `namespace`, `topic`, `iotHub`. */
  readonly subresource: string;
  readonly interfaces: Pick<
    NamespaceInterfaceProps,
    "location" | "resourceGroupName" | "privateEndpoint" | "logAnalyticsWorkspaceId" | "lock" | "tags"
  >;
}

/**
 * Adds the interfaces that are resources of their own: diagnostic settings to Log Analytics, the
 * private endpoint, the delete lock. Children of `scope` keep the IDs `diagnostics`,
 * `private-endpoint` and `lock`, which are part of their Terraform addresses.
 */
export function attachSharedInterfaces(scope: Construct, props: AttachSharedInterfacesProps): void {
  const { interfaces } = props;
  if (interfaces.logAnalyticsWorkspaceId) {
    diagnosticSettingsFor(scope, "diagnostics", {
      targetResourceId: props.resourceId,
      logAnalyticsWorkspaceId: interfaces.logAnalyticsWorkspaceId,
    });
  }
  const endpoint = interfaces.privateEndpoint;
  if (endpoint) {
    privateEndpointFor(scope, "private-endpoint", {
      name: endpoint.name ?? derivedName(props.name, "pep"),
      location: endpoint.location ?? interfaces.location,
      resourceGroupName: interfaces.resourceGroupName,
      subnetId: endpoint.subnetId,
      targetResourceId: props.resourceId,
      subresource: props.subresource,
      privateDnsZoneId: endpoint.privateDnsZoneId,
      tags: interfaces.tags,
    });
  }
  if (interfaces.lock) deleteLockFor(scope, "lock", props.resourceId, props.resourceLabel);
}
