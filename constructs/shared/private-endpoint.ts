import { Construct } from "constructs";
import { PrivateEndpoint } from "@cdktf/provider-azurerm/lib/private-endpoint";

export interface PrivateEndpointProps {
  /** Azure name of the endpoint (`pe-<resource>` by convention). */
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly subnetId: string;
  /** The resource exposed through the endpoint. */
  readonly targetResourceId: string;
  /** The private-link sub-resource (group ID), e.g. `namespace`, `topic`, `iotHub`. */
  readonly subresource: string;
  /**
   * Private DNS zone the endpoint registers its A record in.
   * @default - no DNS zone group: name resolution is left to the network team's own DNS
   */
  readonly privateDnsZoneId?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/** A private endpoint and, when a zone is given, its DNS zone group. */
export function privateEndpointFor(
  scope: Construct,
  id: string,
  props: PrivateEndpointProps,
): PrivateEndpoint {
  return new PrivateEndpoint(scope, id, {
    name: props.name,
    location: props.location,
    resourceGroupName: props.resourceGroupName,
    subnetId: props.subnetId,
    privateServiceConnection: {
      name: `${props.name}-connection`,
      privateConnectionResourceId: props.targetResourceId,
      subresourceNames: [props.subresource],
      isManualConnection: false,
    },
    privateDnsZoneGroup: props.privateDnsZoneId
      ? { name: "default", privateDnsZoneIds: [props.privateDnsZoneId] }
      : undefined,
    tags: props.tags ? { ...props.tags } : undefined,
  });
}
