import type { RuleContext, Violation } from "../../engine/rule";
import { preventsDestroy } from "../../engine/terraform-json";
import type { NamespaceKind } from "./namespace-kinds";
import { namespacesOf } from "./namespace-kinds";

/** Labels of stateful entity types, for messages. */
export type StatefulTypes = Readonly<Record<string, string>>;

/** The namespaces of `kind` and every stateful entity type listed carry `lifecycle.prevent_destroy`. */
export function requirePreventDestroy(
  kind: NamespaceKind,
  statefulEntities: StatefulTypes,
): (context: RuleContext) => Violation[] {
  return ({ index }) => {
    const candidates = [
      ...namespacesOf(index, kind).map((resource) => ({ resource, label: kind.label })),
      ...Object.entries(statefulEntities).flatMap(([type, label]) =>
        index.ofType(type).map((resource) => ({ resource, label })),
      ),
    ];
    return candidates
      .filter(({ resource }) => !preventsDestroy(resource.body))
      .map(({ resource, label }) => ({
        resource,
        message: `${label} "${typeof resource.body.name === "string" ? resource.body.name : resource.address}" lacks lifecycle.prevent_destroy`,
      }));
  };
}
