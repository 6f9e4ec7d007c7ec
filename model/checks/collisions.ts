import type { NameScope, WalkedResource } from "../walk";

/**
 * Resources that Azure would refuse side by side: one uniqueness scope, one name (compared the way
 * Azure compares names of that type, `azure/name-uniqueness.ts`). A collision of names derived from
 * names that already collide (two namespaces' private endpoints, when the namespaces share a name)
 * repeats that collision and is left out, so each mistake is reported once, where it is made.
 */
export function collisions(resources: readonly WalkedResource[]): readonly (readonly WalkedResource[])[] {
  const groups = new Map<string, WalkedResource[]>();
  for (const resource of resources) {
    const name = resource.scope.ignoresCase ? resource.azureName.toLowerCase() : resource.azureName;
    const key = `${resource.scope.key}\u0000${name}`;
    const group = groups.get(key);
    if (group) group.push(resource);
    else groups.set(key, [resource]);
  }
  const colliding = [...groups.values()].filter((group) => group.length > 1);
  const involved = new Set(colliding.flat());
  return colliding.filter((group) => {
    const origins = new Set(group.map((resource) => resource.derivedFrom));
    const repeated = group.every((r) => r.derivedFrom !== undefined && involved.has(r.derivedFrom));
    return !(repeated && origins.size > 1);
  });
}

function reason(scope: NameScope, caseOnly: boolean): string {
  const ignoringCase = caseOnly ? ", and Azure compares them ignoring letter case" : "";
  switch (scope.level) {
    case "dns":
      return `names in ${scope.description} are host names, unique across all of Azure${ignoringCase}`;
    case "resourceGroup":
      return `names of resources of one type must differ within ${scope.description}${ignoringCase}`;
    case "parent":
      return `names must differ among ${scope.description}${ignoringCase}`;
    case "subscription":
      return `names must differ within ${scope.description}${ignoringCase}`;
  }
}

function advice(resource: WalkedResource): string {
  if (resource.origin === "declared") {
    return resource.azurePath.length === 1
      ? "give one of them a different name or resourceName"
      : "rename one of them";
  }
  return resource.derivedFrom
    ? `its name is derived from ${resource.derivedFrom.label}: rename one of them`
    : "its name is generated: rename the other, or what it is generated for";
}

/**
 * Why `resource` cannot have its Azure name: which others have it (`where` says where each is
 * declared), why the scope makes that a collision, and what to change.
 */
export function collisionMessage(
  resource: WalkedResource,
  others: readonly WalkedResource[],
  where: (other: WalkedResource) => string,
): string {
  const caseOnly = others.some((other) => other.azureName !== resource.azureName);
  const named = others.map((other) => `${other.label} (${where(other)})`).join(" and ");
  return `Azure name "${resource.azureName}" of ${resource.label} is also the name of ${named}: ${reason(resource.scope, caseOnly)}; ${advice(resource)}`;
}
