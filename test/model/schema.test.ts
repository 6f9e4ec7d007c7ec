import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import schema from "../../model/environment.schema.json";
import { parseEnvironmentText } from "../../model/parse";
import { checkSchema } from "../../model/schema-check";

const root = join(__dirname, "..", "..");
const file = "env.yaml";
const head = "name: dev\ntier: development\nlocation: westeurope\nnaming:\n  prefix: contoso\n";

function check(text: string) {
  const { document, errors } = parseEnvironmentText(text, file);
  if (!document) throw new Error(`fixture text does not parse: ${JSON.stringify(errors)}`);
  return checkSchema(document);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every `properties` entry in the schema, with where it sits, for completeness checks. */
function propertiesIn(node: Json, at: string, out: { name: string; at: string; schema: Json }[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => propertiesIn(item, `${at}/${i}`, out));
    return;
  }
  if (node === null || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" && value !== null && typeof value === "object" && !Array.isArray(value)) {
      // A property may itself be named "properties" (correlation filters), so a map of properties is never walked as a schema.
      for (const [name, property] of Object.entries(value)) {
        out.push({ name, at: `${at}/properties/${name}`, schema: property });
        propertiesIn(property, `${at}/properties/${name}`, out);
      }
    } else {
      propertiesIn(value, `${at}/${key}`, out);
    }
  }
}

function describedDirectlyOrByRef(node: Json): boolean {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return false;
  if (typeof node.description === "string" && node.description.length > 0) return true;
  if (typeof node.$ref !== "string") return false;
  const defs = (schema as unknown as { $defs: Record<string, Json> }).$defs;
  return describedDirectlyOrByRef(defs[node.$ref.replace("#/$defs/", "")] ?? null);
}

/** Marks every property location of the schema that `data` exercises, following $ref, items and unions. */
function exercised(node: Json, at: string, data: unknown, seen: Set<string>): void {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return;
  if (typeof node.$ref === "string") {
    const name = node.$ref.replace("#/$defs/", "");
    const defs = (schema as unknown as { $defs: Record<string, Json> }).$defs;
    exercised(defs[name] ?? null, `#/$defs/${name}`, data, seen);
  }
  for (const union of ["anyOf", "oneOf"] as const) {
    const branches = node[union];
    if (Array.isArray(branches)) branches.forEach((b, i) => exercised(b, `${at}/${union}/${i}`, data, seen));
  }
  if (Array.isArray(data)) {
    data.forEach((item) => exercised(node.items ?? null, `${at}/items`, item, seen));
    return;
  }
  if (data === null || typeof data !== "object") return;
  const properties = node.properties;
  for (const [key, value] of Object.entries(data)) {
    if (properties && typeof properties === "object" && !Array.isArray(properties) && key in properties) {
      seen.add(`${at}/properties/${key}`);
      exercised(properties[key] ?? null, `${at}/properties/${key}`, value, seen);
    } else {
      exercised(node.additionalProperties ?? null, `${at}/additionalProperties`, value, seen);
    }
  }
}

const allProperties: { name: string; at: string; schema: Json }[] = [];
propertiesIn(schema as unknown as Json, "#", allProperties);

describe("environment schema document", () => {
  it("is JSON Schema 2020-12 with an $id", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toMatch(/^https:\/\//);
  });

  it("describes every property for editors' hover help", () => {
    const undescribed = allProperties.filter((p) => !describedDirectlyOrByRef(p.schema)).map((p) => p.at);
    expect(undescribed).toEqual([]);
  });

  it("declares every field of spec.ts, and no field spec.ts lacks", () => {
    // The file's shapes: spec.ts, and the declared load its entities share (throughput.ts).
    const specText = ["spec.ts", "throughput.ts"]
      .map((f) => readFileSync(join(root, "model", f), "utf8"))
      .join("\n");
    const specFields = new Set([...specText.matchAll(/readonly (\w+)\??:/g)].map((m) => m[1]));
    const schemaFields = new Set(allProperties.map((p) => p.name));
    expect([...specFields].filter((f) => !schemaFields.has(f)).sort()).toEqual([]);
    expect([...schemaFields].filter((f) => !specFields.has(f)).sort()).toEqual([]);
  });
});

describe("a document using every field", () => {
  const relative = join("test", "fixtures", "schema", "every-field.yaml");
  const { document } = parseEnvironmentText(readFileSync(join(root, relative), "utf8"), relative);

  it("passes the schema", () => {
    expect(document && checkSchema(document)).toEqual([]);
  });

  it("exercises every property the schema declares", () => {
    const seen = new Set<string>();
    exercised(schema as unknown as Json, "#", document?.data, seen);
    expect(allProperties.map((p) => p.at).filter((at) => !seen.has(at))).toEqual([]);
  });
});

describe("schema acceptance of shipped environments", () => {
  const files = [
    ...readdirSync(join(root, "test", "fixtures", "shared-examples")).map((f) =>
      join("test", "fixtures", "shared-examples", f),
    ),
    ...readdirSync(join(root, "environments"))
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => join("environments", f)),
  ];
  it.each(files)("%s passes the schema", (relative) => {
    const { document, errors } = parseEnvironmentText(readFileSync(join(root, relative), "utf8"), relative);
    expect(errors).toEqual([]);
    expect(document && checkSchema(document)).toEqual([]);
  });
});

describe("checkSchema messages", () => {
  it("reports an unknown key at the key, with the nearest valid one", () => {
    const errors = check(
      `${head}serviceBus:\n  - name: orders\n    sku: Standard\n    queues:\n      - name: q\n        maxDeliveryCont: 10\n`,
    );
    expect(errors).toEqual([
      {
        file,
        line: 11,
        column: 9,
        path: "serviceBus[0].queues[0].maxDeliveryCont",
        message:
          'unknown field "maxDeliveryCont" in serviceBus[0].queues[0]; did you mean "maxDeliveryCount"?',
      },
    ]);
  });

  it("lists the allowed fields when an unknown key resembles none", () => {
    const [error] = check(`${head}naming2: {}\n`.replace("naming2", "colour"));
    expect(error?.message).toContain(
      'unknown field "colour" at the top level; allowed fields: name, tier, location',
    );
  });

  it("says which type was expected and what was given", () => {
    const [error] = check(
      `${head}serviceBus:\n  - name: orders\n    sku: Standard\n    queues:\n      - name: q\n        maxDeliveryCount: ten\n`,
    );
    expect(error).toMatchObject({ line: 11, column: 27, message: 'expected a whole number, got "ten"' });
  });

  it("suggests quoting a number where text is expected", () => {
    const [error] = check(`${head}tags:\n  costCenter: 4711\n`);
    expect(error?.message).toBe('expected text, got 4711 (put it in quotes: "4711")');
  });

  it("lists allowed values and the near miss for an enum", () => {
    const [error] = check(`${head}serviceBus:\n  - name: orders\n    sku: premium\n`);
    expect(error?.message).toBe(
      'expected one of Basic, Standard, Premium, got "premium"; did you mean "Premium"?',
    );
  });

  it("reports a missing required field at its parent, naming the parent", () => {
    const [error] = check(`${head}serviceBus:\n  - name: orders\n`);
    expect(error).toMatchObject({
      line: 7,
      column: 5,
      path: "serviceBus[0].sku",
      message: 'missing required field "sku" in serviceBus[0]',
    });
  });

  it("shows the expected shape with an example for a pattern", () => {
    const [error] = check(`${head}principals:\n  api: { objectId: abc, type: User }\n`);
    expect(error?.message).toBe('expected a GUID, e.g. 11111111-1111-1111-1111-111111111111; got "abc"');
  });

  it("shows the expected shape for a format", () => {
    const [error] = check(`${head}budget: { monthlyAmount: 10, alertEmails: [finops] }\n`);
    expect(error?.message).toBe('expected an e-mail address, e.g. oncall@contoso.example; got "finops"');
  });

  it("states a numeric range", () => {
    const [error] = check(`${head}iotHub:\n  - { name: plants, sku: S1, retentionDays: 8 }\n`);
    expect(error?.message).toBe("expected a whole number from 1 to 7, got 8");
  });

  it("folds the alternatives of a union into one message when no alternative fits the type", () => {
    const errors = check(
      `${head}eventHubs:\n  - name: t\n    sku: Standard\n    hubs:\n      - name: h\n        consumerGroups: [42]\n`,
    );
    expect(errors.map((e) => e.message)).toEqual(["expected text or a mapping of fields, got 42"]);
  });

  it("reports only the fitting alternative's problem inside a union", () => {
    const errors = check(
      `${head}eventHubs:\n  - name: t\n    sku: Standard\n    hubs:\n      - name: h\n        consumerGroups: [{ nam: a }]\n`,
    );
    expect(errors.map((e) => e.message)).toEqual([
      'missing required field "name" in eventHubs[0].hubs[0].consumerGroups[0]',
      'unknown field "nam" in eventHubs[0].hubs[0].consumerGroups[0]; did you mean "name"?',
    ]);
  });

  it("folds a date-or-date-time union into one message", () => {
    const errors = check(
      `${head}eventGrid:\n  topics:\n    - name: t\n      subscriptions:\n        - { name: s, destination: { eventHub: a/b }, expiresOn: soon }\n`,
    );
    expect(errors.map((e) => e.message)).toEqual([
      'expected a date YYYY-MM-DD or a date-time YYYY-MM-DDThh:mm:ssZ, e.g. 2027-03-31; got "soon"',
    ]);
  });

  it("says a filter takes sql or correlation, not both", () => {
    const errors = check(
      `${head}serviceBus:\n  - name: o\n    sku: Standard\n    topics:\n      - name: t\n        subscriptions:\n          - { name: s, filter: { sql: "a = 1", correlation: { label: x } } }\n`,
    );
    expect(errors.map((e) => e.message)).toEqual([
      'expected exactly one of "sql" or "correlation", got both',
    ]);
  });

  it("says a filter needs sql or correlation when it has neither", () => {
    const errors = check(
      `${head}serviceBus:\n  - name: o\n    sku: Standard\n    topics:\n      - name: t\n        subscriptions:\n          - { name: s, filter: { action: "SET a = 1" } }\n`,
    );
    expect(errors.map((e) => e.message)).toEqual([
      'expected exactly one of "sql" or "correlation", got neither',
    ]);
  });

  it("keeps a rule's own missing name apart from its missing filter", () => {
    const errors = check(
      `${head}serviceBus:\n  - name: o\n    sku: Standard\n    topics:\n      - name: t\n        subscriptions:\n          - { name: s, rules: [{ action: "SET a = 1" }] }\n`,
    );
    expect(errors.map((e) => e.message).sort()).toEqual([
      'expected exactly one of "sql" or "correlation", got neither',
      'missing required field "name" in serviceBus[0].topics[0].subscriptions[0].rules[0]',
    ]);
  });

  it("requires exactly one destination key", () => {
    const [error] = check(
      `${head}eventGrid:\n  topics:\n    - name: t\n      subscriptions:\n        - { name: s, destination: { eventHub: a/b, serviceBusQueue: a/c } }\n`,
    );
    expect(error?.message).toBe(
      "expected exactly one of serviceBusQueue, serviceBusTopic, eventHub, webhook, storageQueue, azureFunction; got 2 (eventHub, serviceBusQueue)",
    );
  });

  it("reports a repeated list item at the repetition", () => {
    const [error] = check(`${head}serviceBus:\n  - name: o\n    sku: Standard\n    senders: [api, api]\n`);
    expect(error).toMatchObject({
      path: "serviceBus[0].senders[1]",
      message: '"api" is listed twice (also item 0 of serviceBus[0].senders)',
    });
  });

  it("reports an invalid map key at the key", () => {
    const [error] = check(
      `${head}principals:\n  "orders api": { objectId: 11111111-1111-1111-1111-111111111111, type: User }\n`,
    );
    expect(error).toMatchObject({ line: 7, column: 3, path: 'principals["orders api"]' });
    expect(error?.message).toContain('invalid name "orders api" in principals');
  });

  it("reports every problem in the file at once", () => {
    const errors = check(
      "name: dev\ntier: prod\nlocation: westeurope\nnaming: { prefix: contoso }\ncolour: blue\n",
    );
    expect(errors.map((e) => e.path).sort()).toEqual(["colour", "tier"]);
  });

  // How fast is a target of `npm run bench` (validate 5,000 entities in under a second), not of this test.
  it("parses and validates 5,000 entities without a false error", () => {
    const queues = Array.from(
      { length: 5000 },
      (_, i) => `      - name: queue-${i}\n        maxDeliveryCount: 10\n        senders: [api]\n`,
    ).join("");
    const text = `${head}serviceBus:\n  - name: orders\n    sku: Standard\n    queues:\n${queues}`;
    expect(check(text)).toEqual([]);
  });
});
