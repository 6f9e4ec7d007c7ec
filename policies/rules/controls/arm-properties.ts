import { armTypeOf } from "../../engine/azure-path";
import type { StackIndex, TerraformResource } from "../../engine/stack-index";
import type { JsonValue } from "../../engine/terraform-json";
import { blocksOf, isJsonObject } from "../../engine/terraform-json";

function propertyOf(body: JsonValue | undefined, property: string): JsonValue | undefined {
  const request = blocksOf(body)[0];
  const properties = request ? blocksOf(request.properties)[0] : undefined;
  return properties && property in properties ? properties[property] : undefined;
}

/**
 * An ARM property of a resource that azurerm does not expose (a Relay namespace's
 * `publicNetworkAccess`), set through azapi: on the resource itself when azapi declares it, by an
 * `azapi_update_resource` patching it, or by a PUT (`azapi_resource_action`) of its
 * `networkRuleSets` child. The last one set wins.
 */
export function armPropertyOf(
  index: StackIndex,
  resource: TerraformResource,
  property: string,
): JsonValue | undefined {
  let value: JsonValue | undefined =
    resource.type === "azapi_resource" ? propertyOf(resource.body.body, property) : undefined;
  for (const { resource: patch } of index.referrers(resource, "azapi_update_resource", "resource_id")) {
    value = propertyOf(patch.body.body, property) ?? value;
  }
  for (const { resource: child } of index.referrers(resource, "azapi_resource", "parent_id")) {
    if (armTypeOf(child)?.endsWith("/networkrulesets"))
      value = propertyOf(child.body.body, property) ?? value;
  }
  for (const { resource: put } of index.referrers(resource, "azapi_resource_action", "resource_id")) {
    if (armTypeOf(put)?.endsWith("/networkrulesets") && put.body.method === "PUT")
      value = propertyOf(put.body.body, property) ?? value;
  }
  return value;
}

/** The managed identity type of a resource, from an azurerm `identity` block or an azapi `identity`. */
export function identityTypeOf(resource: TerraformResource): string | undefined {
  const identity = blocksOf(resource.body.identity)[0];
  const type = identity && isJsonObject(identity) ? identity.type : undefined;
  return typeof type === "string" && type !== "" && type !== "None" ? type : undefined;
}
