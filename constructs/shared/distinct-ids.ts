import { createHash } from "node:crypto";

/**
 * One thing that needs identifiers (construct IDs, Terraform output names, Azure names) built from
 * names, by joining them with hyphens or replacing characters: joined or sanitized, two different
 * things can come out alike (`orders` + `to-billing` and `orders-to` + `billing`; `edge-1` and
 * `edge_1`). Identifiers are compared per set: a construct's children, a stack's outputs, the
 * names of one Azure type in one resource group.
 */
export interface Identified {
  /**
   * What the thing is, unsanitized and unjoined (`["topic", "orders", "to-billing"]`). Equal
   * parts are one thing (asked for twice, it gets the same identifiers); the tag is their hash.
   */
  readonly parts: readonly string[];
  /**
   * Its identifiers: as they have always been built without a tag, and with `tag` worked in when
   * another thing of the set would share one. Several when one name makes several (a namespace's
   * outputs), so they stay alike: all plain or all tagged.
   */
  readonly ids: (tag?: string) => readonly string[];
}

export interface DistinctIdsOptions {
  /** Identifiers of the set that are no thing's to change (fixed construct IDs such as `namespace`). */
  readonly reserved?: Iterable<string>;
  /** Compare ignoring letter case, as Azure compares resource names. @default - case-sensitive */
  readonly ignoreCase?: boolean;
}

/** Hex digits of the tag: 8 (32 bits) at first, longer only while tagged identifiers still meet. */
const TAG_STEP = 8;
const TAG_MAX = 64;

function hashOf(parts: readonly string[]): string {
  // JSON keeps the parts apart: ["a-b", "c"] and ["a", "b-c"] hash differently.
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/**
 * Identifiers that are distinct within one set. Each thing keeps its plain identifiers unless
 * another thing of the set (or a reserved identifier) would have one of them too; only then it
 * gets a tag, a short hash of its parts. Decided over the whole set at once, so the outcome does
 * not depend on the order things are built in, and the identifiers of every file without such a
 * meeting stay exactly what they were.
 */
export class DistinctIds {
  private readonly chosen = new Map<string, readonly string[]>();

  constructor(things: Iterable<Identified>, options: DistinctIdsOptions = {}) {
    const fold = options.ignoreCase ? (id: string) => id.toLowerCase() : (id: string) => id;
    const reserved = new Set([...(options.reserved ?? [])].map(fold));
    const byKey = new Map<string, Identified>();
    for (const thing of things) byKey.set(JSON.stringify(thing.parts), thing);

    const tagLength = new Map<string, number>([...byKey.keys()].map((key) => [key, 0]));
    for (;;) {
      const idsOf = new Map<string, readonly string[]>();
      const owners = new Map<string, number>();
      for (const [key, thing] of byKey) {
        const length = tagLength.get(key) ?? 0;
        const ids = thing.ids(length === 0 ? undefined : hashOf(thing.parts).slice(0, length));
        idsOf.set(key, ids);
        for (const id of new Set(ids.map(fold))) owners.set(id, (owners.get(id) ?? 0) + 1);
      }
      const meeting = [...idsOf].filter(([, ids]) =>
        ids.some((id) => reserved.has(fold(id)) || (owners.get(fold(id)) ?? 0) > 1),
      );
      if (meeting.length === 0) {
        for (const [key, ids] of idsOf) this.chosen.set(key, ids);
        return;
      }
      for (const [key, ids] of meeting) {
        const length = (tagLength.get(key) ?? 0) + TAG_STEP;
        if (length > TAG_MAX) throw new Error(`internal: no distinct identifier for ${ids.join(", ")}`);
        tagLength.set(key, length);
      }
    }
  }

  /** The identifiers chosen for the thing with these parts. */
  of(parts: readonly string[]): readonly string[] {
    const ids = this.chosen.get(JSON.stringify(parts));
    if (!ids) throw new Error(`internal: no identifier was set aside for ${JSON.stringify(parts)}`);
    return ids;
  }

  /** The one identifier chosen for the thing with these parts. */
  one(parts: readonly string[]): string {
    return this.of(parts)[0];
  }
}

/** `plain`, or `plain-<tag>`: the tag at the end, joined as the identifier's own words are. */
export function withTag(plain: string, tag: string | undefined, separator = "-"): string {
  return tag === undefined ? plain : `${plain}${separator}${tag}`;
}
