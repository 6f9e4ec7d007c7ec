import type { JsonValue } from "./terraform-json";
import { isJsonObject } from "./terraform-json";

/** One reference from an attribute of a resource to another resource (`${type.name.attr}`). */
export interface Reference {
  /** Address of the referenced resource, `type.name`. */
  readonly address: string;
  /** The referenced attribute (`id`, `name`), empty when the whole resource is referenced. */
  readonly attribute: string;
  /** Dotted path of the referring attribute through its blocks (`private_service_connection.private_connection_resource_id`). */
  readonly path: string;
}

const INTERPOLATION = /\$\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g;
const TRAVERSAL = /(?<![\w.])([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w]*))?/g;

/**
 * Candidate references in one string: every `type.name[.attr]` traversal inside every `${...}`,
 * including those nested in function calls (`${lower(azurerm_x.y.name)}`). Candidates that name no
 * resource of the stack (locals, variables, data sources) are dropped by the index.
 */
export function traversalsIn(text: string): { address: string; attribute: string }[] {
  const found: { address: string; attribute: string }[] = [];
  for (const interpolation of text.matchAll(INTERPOLATION)) {
    for (const traversal of interpolation[1].matchAll(TRAVERSAL)) {
      found.push({ address: `${traversal[1]}.${traversal[2]}`, attribute: traversal[3] ?? "" });
    }
  }
  return found;
}

/** Every candidate reference anywhere in a resource body, with the path of the attribute holding it. */
export function referencesIn(value: JsonValue, path = ""): Reference[] {
  if (typeof value === "string") {
    return value.includes("${") ? traversalsIn(value).map((t) => ({ ...t, path })) : [];
  }
  if (Array.isArray(value)) return value.flatMap((item) => referencesIn(item, path));
  if (isJsonObject(value)) {
    return Object.entries(value).flatMap(([key, item]) =>
      referencesIn(item, path === "" ? key : `${path}.${key}`),
    );
  }
  return [];
}
