import { DistinctIds, withTag, type Identified } from "../../../constructs/shared/distinct-ids";

/** A thing whose one identifier is `parts` joined with hyphens, as the stack joins names. */
function joined(...parts: string[]): Identified {
  return { parts, ids: (tag?: string) => [withTag(parts.join("-"), tag)] };
}

/** A thing whose one identifier is its name with every character but letters, digits and `_` as `_`. */
function sanitized(name: string): Identified {
  return { parts: [name], ids: (tag?: string) => [withTag(name.replace(/[^A-Za-z0-9_]/g, "_"), tag, "_")] };
}

describe("DistinctIds", () => {
  it("keeps every plain identifier when none meets another", () => {
    const ids = new DistinctIds([joined("orders", "billing"), joined("ops", "audit"), joined("telemetry")]);
    expect(ids.one(["orders", "billing"])).toBe("orders-billing");
    expect(ids.one(["ops", "audit"])).toBe("ops-audit");
    expect(ids.one(["telemetry"])).toBe("telemetry");
  });

  it("tags both of two joined names that meet, and the tags differ", () => {
    const ids = new DistinctIds([joined("orders", "to-billing"), joined("orders-to", "billing")]);
    const first = ids.one(["orders", "to-billing"]);
    const second = ids.one(["orders-to", "billing"]);
    expect(first).toMatch(/^orders-to-billing-[0-9a-f]{8}$/);
    expect(second).toMatch(/^orders-to-billing-[0-9a-f]{8}$/);
    expect(first).not.toBe(second);
  });

  it("tags only the names that meet; the others keep theirs", () => {
    const ids = new DistinctIds([sanitized("a.b"), sanitized("a-b"), sanitized("c-d")]);
    expect(ids.one(["a.b"])).toMatch(/^a_b_[0-9a-f]{8}$/);
    expect(ids.one(["a-b"])).toMatch(/^a_b_[0-9a-f]{8}$/);
    expect(ids.one(["a.b"])).not.toBe(ids.one(["a-b"]));
    expect(ids.one(["c-d"])).toBe("c_d");
  });

  it("gives each thing the same identifiers whatever the order things are declared in", () => {
    const things = [
      sanitized("edge-1"),
      sanitized("edge_1"),
      sanitized("edge.1"),
      sanitized("plant"),
      sanitized("a.b"),
    ];
    const forward = new DistinctIds(things);
    const backward = new DistinctIds([...things].reverse());
    const rotated = new DistinctIds([...things.slice(2), ...things.slice(0, 2)]);
    for (const thing of things) {
      expect(backward.of(thing.parts)).toEqual(forward.of(thing.parts));
      expect(rotated.of(thing.parts)).toEqual(forward.of(thing.parts));
    }
  });

  it("takes the tag from the full, unsanitized name, so it is the same beside any other colliding name", () => {
    const withOne = new DistinctIds([sanitized("a.b"), sanitized("a-b")]);
    const withOther = new DistinctIds([sanitized("a.b"), sanitized("a~b")]);
    expect(withOne.one(["a.b"])).toBe(withOther.one(["a.b"]));
  });

  it("keeps the identifiers of one thing together: all plain or all tagged", () => {
    const outputs = (name: string): Identified => ({
      parts: [name],
      ids: (tag?: string) =>
        ["fqdn", "hub_names"].map(
          (suffix) => `${withTag(`hubs_${name.replace(/\W/g, "_")}`, tag, "_")}_${suffix}`,
        ),
    });
    const ids = new DistinctIds([outputs("x.y"), outputs("x_y"), outputs("z")]);
    const [fqdn, hubNames] = ids.of(["x.y"]);
    const tag = /^hubs_x_y_([0-9a-f]{8})_fqdn$/.exec(fqdn)?.[1];
    expect(tag).toBeDefined();
    expect(hubNames).toBe(`hubs_x_y_${tag}_hub_names`);
    expect(ids.of(["z"])).toEqual(["hubs_z_fqdn", "hubs_z_hub_names"]);
  });

  it("steps around reserved identifiers, and compares ignoring case when asked", () => {
    const reserved = new DistinctIds([joined("namespace"), joined("orders")], { reserved: ["namespace"] });
    expect(reserved.one(["namespace"])).toMatch(/^namespace-[0-9a-f]{8}$/);
    expect(reserved.one(["orders"])).toBe("orders");

    const caseBlind = new DistinctIds([joined("Orders"), joined("orders")], { ignoreCase: true });
    expect(caseBlind.one(["Orders"]).toLowerCase()).not.toBe(caseBlind.one(["orders"]).toLowerCase());
    const caseSensitive = new DistinctIds([joined("Orders"), joined("orders")]);
    expect(caseSensitive.one(["Orders"])).toBe("Orders");
    expect(caseSensitive.one(["orders"])).toBe("orders");
  });

  it("lengthens a tag while tagged identifiers still meet a plain one", () => {
    // The plain name of the third thing is what the first would become with an 8-digit tag.
    const first = new DistinctIds([sanitized("a.b"), sanitized("a-b")]).one(["a.b"]);
    const ids = new DistinctIds([sanitized("a.b"), sanitized("a-b"), sanitized(first)]);
    const all = [ids.one(["a.b"]), ids.one(["a-b"]), ids.one([first])];
    expect(new Set(all).size).toBe(3);
  });

  it("answers the same for a thing listed twice, and refuses one it was never told of", () => {
    const ids = new DistinctIds([joined("orders"), joined("orders")]);
    expect(ids.one(["orders"])).toBe("orders");
    expect(() => ids.one(["billing"])).toThrow(/no identifier was set aside/);
  });
});
