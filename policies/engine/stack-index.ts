import type { Reference } from "./references";
import { referencesIn } from "./references";
import type { JsonObject, JsonValue } from "./terraform-json";
import { isJsonObject, resourceEntries } from "./terraform-json";

/** One resource of a synthesized stack. */
export interface TerraformResource {
  readonly type: string;
  readonly name: string;
  /** `type.name`, as references write it. */
  readonly address: string;
  readonly body: JsonObject;
  /** The construct path cdktf records in `//.metadata.path`, when present. */
  readonly constructPath?: string;
}

/** A resource pointing at another, with the attribute that holds the reference. */
export interface Referrer {
  readonly resource: TerraformResource;
  readonly reference: Reference;
}

/**
 * A synthesized stack indexed once: resources by type and address, every reference resolved, and
 * the reverse index (which diagnostic setting, private endpoint, lock, role assignment or child
 * points at which resource). Rules ask questions of this index and never scan the whole stack per
 * resource, so evaluation stays linear in the size of the stack.
 */
export class StackIndex {
  private readonly byAddress = new Map<string, TerraformResource>();
  private readonly byType = new Map<string, TerraformResource[]>();
  private readonly outgoing = new Map<string, Referrer[]>();
  private readonly incoming = new Map<string, Map<string, Referrer[]>>();

  constructor(document: JsonObject) {
    for (const [type, name, body] of resourceEntries(document)) {
      const resource: TerraformResource = {
        type,
        name,
        address: `${type}.${name}`,
        body,
        constructPath: constructPathOf(body),
      };
      this.byAddress.set(resource.address, resource);
      const sameType = this.byType.get(type);
      if (sameType) sameType.push(resource);
      else this.byType.set(type, [resource]);
    }
    for (const resource of this.byAddress.values()) {
      const resolved: Referrer[] = [];
      for (const reference of referencesIn(withoutMetadata(resource.body))) {
        const target = this.byAddress.get(reference.address);
        if (!target || target === resource) continue;
        const referrer = { resource, reference };
        resolved.push(referrer);
        const byType = this.incoming.get(target.address) ?? new Map<string, Referrer[]>();
        this.incoming.set(target.address, byType);
        const list = byType.get(resource.type);
        if (list) list.push(referrer);
        else byType.set(resource.type, [referrer]);
      }
      this.outgoing.set(resource.address, resolved);
    }
  }

  get size(): number {
    return this.byAddress.size;
  }

  all(): IterableIterator<TerraformResource> {
    return this.byAddress.values();
  }

  ofType(type: string): readonly TerraformResource[] {
    return this.byType.get(type) ?? [];
  }

  get(address: string): TerraformResource | undefined {
    return this.byAddress.get(address);
  }

  /** Resources of `type` that reference `target`, optionally only through the attribute at `path`. */
  referrers(target: TerraformResource, type: string, path?: string): Referrer[] {
    const list = this.incoming.get(target.address)?.get(type) ?? [];
    return path === undefined ? list : list.filter((referrer) => referrer.reference.path === path);
  }

  /** Every resource that references `target`, through any attribute. */
  referrersOfAnyType(target: TerraformResource): Referrer[] {
    return [...(this.incoming.get(target.address)?.values() ?? [])].flat();
  }

  /** The resource that the attribute at `path` of `resource` refers to, when it is a reference into the stack. */
  target(resource: TerraformResource, path: string): TerraformResource | undefined {
    const found = this.outgoing.get(resource.address)?.find((referrer) => referrer.reference.path === path);
    return found ? this.byAddress.get(found.reference.address) : undefined;
  }
}

function constructPathOf(body: JsonObject): string | undefined {
  const metadata = body["//"];
  if (!isJsonObject(metadata)) return undefined;
  const inner = metadata.metadata;
  return isJsonObject(inner) && typeof inner.path === "string" ? inner.path : undefined;
}

function withoutMetadata(body: JsonObject): JsonValue {
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(body)) if (key !== "//") rest[key] = value;
  return rest;
}
