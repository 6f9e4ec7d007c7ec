import { parseEnvironmentText } from "../../model/parse";

const file = "env.yaml";

function parse(text: string) {
  return parseEnvironmentText(text, file);
}

describe("parseEnvironmentText", () => {
  it("returns the document's plain value as data", () => {
    const { document, errors } = parse("name: dev\nnaming:\n  prefix: contoso\n");
    expect(errors).toEqual([]);
    expect(document?.data).toEqual({ name: "dev", naming: { prefix: "contoso" } });
  });

  it("keeps ISO dates as text (YAML 1.2 has no timestamp type)", () => {
    const { document } = parse("expires: 2027-03-31\n");
    expect(document?.data).toEqual({ expires: "2027-03-31" });
  });

  it("locates a value by JSON pointer", () => {
    const { document } = parse("name: dev\nserviceBus:\n  - name: orders\n    sku: Standard\n");
    expect(document?.locate("/serviceBus/0/sku")).toEqual({ line: 4, column: 10 });
  });

  it("locates the key of a field separately from its value", () => {
    const { document } = parse("name: dev\nserviceBus:\n  - name: orders\n    sku: Standard\n");
    expect(document?.locateKey("/serviceBus/0/sku")).toEqual({ line: 4, column: 5 });
  });

  it("locates an absent field at its nearest existing ancestor", () => {
    const { document } = parse("name: dev\nserviceBus:\n  - name: orders\n");
    expect(document?.locate("/serviceBus/0/sku")).toEqual({ line: 3, column: 5 });
  });

  it("locates an empty value at its key", () => {
    const { document } = parse("name: dev\ntags:\n");
    expect(document?.locate("/tags")).toEqual({ line: 2, column: 1 });
  });

  it("locates keys that contain a slash through the escaped pointer", () => {
    const { document } = parse('tags:\n  "a/b": x\n');
    expect(document?.locate("/tags/a~1b")).toEqual({ line: 2, column: 10 });
  });

  it("reports a duplicate key at the duplicate, naming the line of the first", () => {
    const { errors } = parse("name: dev\nnaming:\n  prefix: a\n  prefix: b\n");
    expect(errors).toEqual([
      {
        file,
        line: 4,
        column: 3,
        path: "naming.prefix",
        message: 'duplicate key "prefix": it is already set on line 3; YAML would keep only the last one',
      },
    ]);
  });

  it("still returns the document when the only problems are duplicate keys", () => {
    const { document } = parse("name: dev\nname: prod\n");
    expect(document?.data).toEqual({ name: "prod" });
  });

  it("reports every duplicate key, not just the first", () => {
    const { errors } = parse("a: 1\na: 2\nb: 1\nb: 2\n");
    expect(errors.map((e) => e.path)).toEqual(["a", "b"]);
  });

  it("reports a tab used for indentation", () => {
    const { document, errors } = parse("naming:\n\tprefix: a\n");
    expect(document).toBeUndefined();
    expect(errors[0]).toMatchObject({ line: 2, column: 1, message: expect.stringContaining("tab") });
  });

  it("reports an unclosed quote where the string opens", () => {
    const { errors } = parse('name: dev\nlocation: "westeurope\ntier: development\n');
    expect(errors[0]).toMatchObject({
      line: 2,
      column: 11,
      path: "location",
      message: expect.stringContaining("unclosed quote"),
    });
  });

  it("reports bad indentation at the first character of the line", () => {
    const { errors } = parse("naming:\n  prefix: a\n workload: b\n");
    expect(errors[0]).toMatchObject({
      line: 3,
      column: 2,
      message: expect.stringContaining("bad indentation"),
    });
  });

  it("names the mapping a misindented line belongs to, not a phantom entry", () => {
    const { errors } = parse("serviceBus:\n  - name: a\n    sku: Standard\n   queues: []\n");
    expect(errors[0]).toMatchObject({ line: 4, column: 4, path: "serviceBus[0]" });
  });

  it("names the field whose empty value a tab-indented line was meant to fill", () => {
    const { errors } = parse("name: dev\nnaming:\n\tprefix: a\n");
    expect(errors[0]).toMatchObject({ line: 3, path: "naming" });
  });

  it("rejects a file with more than one document", () => {
    const { document, errors } = parse("name: dev\n---\nname: prod\n");
    expect(document).toBeUndefined();
    expect(errors[0]).toMatchObject({
      line: 2,
      column: 1,
      path: "$",
      message: expect.stringContaining("exactly one document"),
    });
  });

  it("rejects an empty file", () => {
    const { document, errors } = parse("# nothing here\n");
    expect(document).toBeUndefined();
    expect(errors[0]?.message).toContain("the file is empty");
  });

  it("rejects a top level that is a list", () => {
    const { document, errors } = parse("- name: dev\n");
    expect(document).toBeUndefined();
    expect(errors[0]?.message).toContain("got a list");
  });

  it("rejects a top level that is a single value", () => {
    const { errors } = parse("dev\n");
    expect(errors[0]?.message).toContain('got a single value ("dev")');
  });

  it("resolves plain aliases in data", () => {
    const { document } = parse("a: &x [1, 2]\nb: *x\n");
    expect(document?.data).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it("applies merge keys, with keys written out winning", () => {
    const { document, errors } = parse("base: &b { x: 1, y: 2 }\nitem:\n  <<: *b\n  y: 3\n");
    expect(errors).toEqual([]);
    expect(document?.data).toEqual({ base: { x: 1, y: 2 }, item: { x: 1, y: 3 } });
  });

  it("locates merged fields where they are written", () => {
    const { document } = parse("base: &b { x: 1 }\nitem:\n  <<: *b\n  y: 3\n");
    expect(document?.locate("/item/x")).toEqual({ line: 1, column: 15 });
    expect(document?.locate("/item/y")).toEqual({ line: 4, column: 6 });
  });

  it("refuses a document whose aliases expand exponentially", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 10; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(", ")}]`);
    }
    const { document, errors } = parse(`${levels.join("\n")}\n`);
    expect(document).toBeUndefined();
    expect(errors[0]?.message).toContain("cannot be read as data");
  });

  it("locates fields deep in a file of 5,000 entities", () => {
    const queues = Array.from(
      { length: 5000 },
      (_, i) => `      - name: queue-${i}\n        maxDeliveryCount: 10\n`,
    ).join("");
    const text = `name: dev\nserviceBus:\n  - name: orders\n    sku: Standard\n    queues:\n${queues}`;
    const { document } = parse(text);
    expect(document?.locate("/serviceBus/0/queues/4999/maxDeliveryCount")).toEqual({
      line: 10005,
      column: 27,
    });
  });
});
