import type { RuleContext, Violation } from "../../engine/rule";
import type { StackIndex, TerraformResource } from "../../engine/stack-index";
import type { NamespaceKind } from "./namespace-kinds";
import { describe, namespacesOf } from "./namespace-kinds";

const PROTECTING_LEVELS = new Set(["CanNotDelete", "ReadOnly"]);

function lockedDirectly(index: StackIndex, resource: TerraformResource): boolean {
  return index.referrers(resource, "azurerm_management_lock", "scope").some((r) => {
    const level = r.resource.body.lock_level;
    return typeof level === "string" && PROTECTING_LEVELS.has(level);
  });
}

/** Every namespace of `kind` is protected by a delete lock, on itself or on its resource group. */
export function requireLock(kind: NamespaceKind): (context: RuleContext) => Violation[] {
  return ({ index }) =>
    namespacesOf(index, kind)
      .filter((resource) => {
        const group = index.target(resource, "resource_group_name") ?? index.target(resource, "parent_id");
        return !lockedDirectly(index, resource) && !(group && lockedDirectly(index, group));
      })
      .map((resource) => ({ resource, message: `${describe(kind, resource)} has no CanNotDelete lock` }));
}
