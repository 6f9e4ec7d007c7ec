import schema from "../../model/environment.schema.json";
import { parseEnvironmentText } from "../../model/parse";
import { checkSchema } from "../../model/schema-check";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every schema node typed `integer`, with where it sits. */
function integersIn(
  node: Json,
  at: string,
  out: { at: string; node: { [key: string]: Json } }[],
): typeof out {
  if (Array.isArray(node)) node.forEach((item, i) => integersIn(item, `${at}/${i}`, out));
  else if (node !== null && typeof node === "object") {
    const types = Array.isArray(node.type) ? node.type : [node.type];
    if (types.includes("integer")) out.push({ at, node });
    for (const [key, value] of Object.entries(node)) integersIn(value, `${at}/${key}`, out);
  }
  return out;
}

const INT64_EXACT = Number.MAX_SAFE_INTEGER;

/**
 * Azure refuses numbers its REST API cannot hold (int32 for counts such as maxDeliveryCount), and
 * YAML reads any digit string as a number; every integer field is bounded on both sides so such a
 * value is refused at the field, before Terraform or Azure see it.
 */
describe("the integer fields of environment.schema.json", () => {
  const integers = integersIn(schema as unknown as Json, "#", []);

  it("exist (the walk finds them)", () => {
    expect(integers.length).toBeGreaterThan(40);
  });

  it.each(integers.map(({ at, node }) => [at, node] as const))(
    "%s has a minimum and a maximum",
    (_, node) => {
      expect(typeof node.minimum).toBe("number");
      expect(typeof node.maximum).toBe("number");
      expect(node.minimum as number).toBeLessThanOrEqual(node.maximum as number);
      expect(node.maximum as number).toBeLessThanOrEqual(INT64_EXACT);
    },
  );
});

describe("an integer beyond what Azure accepts", () => {
  const text =
    "name: dev\ntier: development\nlocation: westeurope\nnaming:\n  prefix: contoso\n" +
    "serviceBus:\n  - name: orders\n    sku: Standard\n    queues:\n      - name: q\n" +
    "        maxDeliveryCount: 99999999999999999999999\n";

  it("is refused at its file, line, column and field", () => {
    const { document } = parseEnvironmentText(text, "env.yaml");
    if (!document) throw new Error("fixture does not parse");
    expect(checkSchema(document)).toEqual([
      expect.objectContaining({
        file: "env.yaml",
        line: 11,
        column: 27,
        path: "serviceBus[0].queues[0].maxDeliveryCount",
        message: expect.stringContaining("2147483647"),
      }),
    ]);
  });
});
