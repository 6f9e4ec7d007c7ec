import type { PrivateEndpointOptions } from "../constructs/shared/shared-interfaces";
import type { NamespaceSettings } from "../model/model";

/**
 * A namespace's private endpoint as the model resolved it, under the Azure name the model gave it
 * (`privateEndpointName`), so a construct's own default never renames an existing endpoint.
 */
export function privateEndpointOf(namespace: NamespaceSettings): PrivateEndpointOptions | undefined {
  const endpoint = namespace.privateEndpoint;
  return endpoint
    ? { subnetId: endpoint.subnetId, privateDnsZoneId: endpoint.privateDnsZoneId, name: endpoint.azureName }
    : undefined;
}
