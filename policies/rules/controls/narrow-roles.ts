import type { RuleContext, Violation } from "../../engine/rule";
import type { TerraformResource } from "../../engine/stack-index";
import type { NamespaceKind } from "./namespace-kinds";
import { describe, hasEntities } from "./namespace-kinds";

/** Built-in role definition GUIDs of Owner and Contributor, for assignments that name the role by ID. */
const BROAD_ROLE_IDS: Readonly<Record<string, string>> = {
  "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
  "b24988ac-6180-4ab9-9e6f-e30e9cc7c8b8": "Contributor",
};
const BROAD_ROLE_NAMES = new Set(["Owner", "Contributor"]);

function roleNameOf(assignment: TerraformResource): string {
  const name = assignment.body.role_definition_name;
  if (typeof name === "string") return name;
  const id = assignment.body.role_definition_id;
  if (typeof id !== "string") return "";
  const guid = id.split("/").pop()?.toLowerCase() ?? "";
  return BROAD_ROLE_IDS[guid] ?? id;
}

function principalOf(assignment: TerraformResource): string {
  const description = assignment.body.description;
  if (typeof description === "string" && description.includes(":")) return description.split(":")[0];
  const principal = assignment.body.principal_id;
  return typeof principal === "string" ? principal : "a principal";
}

/**
 * Role assignments on resources of `kind` and their entities use the narrowest role and scope: no
 * Owner or Contributor, and no namespace-wide data role where the namespace has entities that an
 * entity-level assignment would serve.
 */
export function requireNarrowRoles(kind: NamespaceKind): (context: RuleContext) => Violation[] {
  return ({ index, paths }) => {
    const violations: Violation[] = [];
    const entitiesKnown = new Map<string, boolean>();
    const holdsEntities = (namespace: TerraformResource): boolean => {
      const known = entitiesKnown.get(namespace.address);
      if (known !== undefined) return known;
      const found = hasEntities(index, kind, namespace);
      entitiesKnown.set(namespace.address, found);
      return found;
    };
    for (const assignment of index.ofType("azurerm_role_assignment")) {
      const scope = index.target(assignment, "scope");
      const path = scope ? paths.of(scope) : undefined;
      if (!scope || !path || path.family !== kind.family) continue;
      const role = roleNameOf(assignment);
      const principal = principalOf(assignment);
      if (BROAD_ROLE_NAMES.has(role)) {
        violations.push({
          resource: scope,
          message: `${principal} holds ${role} on ${path.names.join("/")}; grant a data-plane role instead`,
        });
      } else if (path.names.length === 1 && kind.entityDataRoles?.test(role) && holdsEntities(scope)) {
        violations.push({
          resource: scope,
          message: `${principal} holds ${role} on the whole ${describe(kind, scope)}; grant it on the entities it uses`,
        });
      }
    }
    return violations;
  };
}
