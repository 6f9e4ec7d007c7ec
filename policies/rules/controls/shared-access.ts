import type { RuleContext, Violation } from "../../engine/rule";
import type { NamespaceKind } from "./namespace-kinds";
import { describe } from "./namespace-kinds";

/** No namespace of `kind` has a namespace-level shared access (SAS) rule declared. */
export function forbidNamespaceSharedAccess(kind: NamespaceKind): (context: RuleContext) => Violation[] {
  return ({ index }) => {
    const violations: Violation[] = [];
    for (const { type, attribute } of kind.sharedAccessTypes) {
      for (const rule of index.ofType(type)) {
        const namespace = index.target(rule, attribute) ?? rule;
        const name = typeof rule.body.name === "string" ? rule.body.name : rule.address;
        const owner = namespace === rule ? `an unresolved ${kind.label}` : describe(kind, namespace);
        violations.push({
          resource: namespace,
          message: `${owner} has the namespace-level shared access rule "${name}" (${type})`,
        });
      }
    }
    return violations;
  };
}
