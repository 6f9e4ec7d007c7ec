import type { RuleContext, Violation } from "../../engine/rule";
import type { TerraformResource } from "../../engine/stack-index";
import { attributeAt, blocksOf } from "../../engine/terraform-json";
import type { NamespaceKind } from "./namespace-kinds";
import { describe, namespacesOf } from "./namespace-kinds";

const TARGET_ATTRIBUTE = "private_service_connection.private_connection_resource_id";

/** Every namespace of `kind` (whose SKU supports Private Link) has a private endpoint registered in a private DNS zone. */
export function requirePrivateEndpoint(
  kind: NamespaceKind,
  supported: (namespace: TerraformResource) => boolean = () => true,
): (context: RuleContext) => Violation[] {
  return ({ index }) => {
    const violations: Violation[] = [];
    for (const resource of namespacesOf(index, kind).filter(supported)) {
      const endpoints = index
        .referrers(resource, "azurerm_private_endpoint", TARGET_ATTRIBUTE)
        .map((r) => r.resource.body);
      const withZone = endpoints.filter((endpoint) =>
        blocksOf(endpoint.private_dns_zone_group).some((group) => {
          const zones = attributeAt(group, "private_dns_zone_ids");
          return Array.isArray(zones) && zones.length > 0;
        }),
      );
      if (endpoints.length === 0) {
        violations.push({ resource, message: `${describe(kind, resource)} has no private endpoint` });
      } else if (withZone.length === 0) {
        violations.push({
          resource,
          message: `${describe(kind, resource)} has a private endpoint without a private DNS zone group`,
        });
      }
    }
    return violations;
  };
}
