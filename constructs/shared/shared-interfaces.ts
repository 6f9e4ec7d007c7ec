import { Construct } from "constructs";
import { diagnosticSettingsFor } from "./diagnostic-settings";
import { deleteLockFor } from "./lock";
import { derivedName } from "../../azure/naming";
import { privateEndpointFor } from "./private-endpoint";

/** Where a resource's private endpoint goes and what it exposes. */
export interface SharedPrivateEndpoint {
  /** Subnet the endpoint's network interface lives in. */
  readonly subnetId: string;
  /** The private-link sub-resource (group ID), e.g. `namespace`, `topic`, `iotHub`. */
  readonly subresource: string;
  /**
   * Private DNS zone the endpoint registers its A record in.
   * @default - no DNS zone group
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

export interface SharedInterfacesProps {
  /** ARM ID of the resource the interfaces attach to. */
  readonly resourceId: string;
  /** The resource as the lock's note names it, e.g. `Relay namespace relay-prod`. */
  readonly resourceLabel: string;
  /** Azure name of the resource; the private endpoint is named after it. */
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  /**
   * Tags of the private endpoint.
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Log Analytics workspace that receives the resource's logs and metrics.
   * @default - no diagnostic settings
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Private endpoint of the resource.
   * @default - no private endpoint
   */
  readonly privateEndpoint?: SharedPrivateEndpoint;
  /**
   * Whether a `CanNotDelete` lock protects the resource.
   * @default - no lock
   */
  readonly lock?: boolean;
}

/**
 * The interfaces every namespace-like resource offers alike (Azure Verified Modules): diagnostic
 * settings to Log Analytics, a private endpoint, a delete lock. Children of `scope` keep the IDs
 * `diagnostics`, `private-endpoint` and `lock`, which are part of their Terraform addresses.
 */
export function attachSharedInterfaces(scope: Construct, props: SharedInterfacesProps): void {
  if (props.logAnalyticsWorkspaceId) {
    diagnosticSettingsFor(scope, "diagnostics", {
      targetResourceId: props.resourceId,
      logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
    });
  }
  const endpoint = props.privateEndpoint;
  if (endpoint) {
    privateEndpointFor(scope, "private-endpoint", {
      name: endpoint.name ?? derivedName(props.name, "pep"),
      location: endpoint.location ?? props.location,
      resourceGroupName: props.resourceGroupName,
      subnetId: endpoint.subnetId,
      targetResourceId: props.resourceId,
      subresource: endpoint.subresource,
      privateDnsZoneId: endpoint.privateDnsZoneId,
      tags: props.tags,
    });
  }
  if (props.lock) deleteLockFor(scope, "lock", props.resourceId, props.resourceLabel);
}
