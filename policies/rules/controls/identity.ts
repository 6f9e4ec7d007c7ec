import type { RuleContext, Violation } from "../../engine/rule";
import { identityTypeOf } from "./arm-properties";
import type { NamespaceKind } from "./namespace-kinds";
import { describe, namespacesOf } from "./namespace-kinds";

/** Every namespace of `kind` has a managed identity (system- or user-assigned). */
export function requireIdentity(kind: NamespaceKind): (context: RuleContext) => Violation[] {
  return ({ index }) =>
    namespacesOf(index, kind)
      .filter((resource) => identityTypeOf(resource) === undefined)
      .map((resource) => ({ resource, message: `${describe(kind, resource)} has no managed identity` }));
}
