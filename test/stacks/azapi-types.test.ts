import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  documentedAdditions,
  embeddedSchemaRelease,
  hasEmbeddedSchema,
} from "../../constructs/shared/azapi-body-check";
import { AZAPI_PROVIDER_VERSION } from "../../constructs/shared/azapi-resource";
import { synthesizableFiles } from "./helpers/synthesizable-files";
import { synthesizedStack } from "./helpers/synthesized";

const AZAPI_RESOURCE_TYPES = ["azapi_resource", "azapi_update_resource", "azapi_resource_action"];
const TYPE_AT_VERSION = /Microsoft\.[A-Za-z]+\/[A-Za-z/]+@\d{4}-\d{2}-\d{2}(?:-preview)?/g;

/** What scripts/azapi-types.ts extracted from the pinned release's embedded schemas. */
const embedded = new Set(
  readFileSync(join("test/fixtures/azapi", `types-${AZAPI_PROVIDER_VERSION}.txt`), "utf8")
    .split("\n")
    .filter((line) => line !== ""),
);

function azapiResources(file: string): [string, Record<string, unknown>][] {
  const json = synthesizedStack(file) as ReturnType<typeof synthesizedStack> & {
    data?: Record<string, Record<string, Record<string, unknown>>>;
  };
  const reads = Object.entries(json.data?.azapi_resource ?? {}).map(
    ([id, body]): [string, Record<string, unknown>] => [`${file}: data.azapi_resource.${id}`, body],
  );
  return [
    ...AZAPI_RESOURCE_TYPES.flatMap((type) =>
      Object.entries(json.resource[type] ?? {}).map(([id, body]): [string, Record<string, unknown>] => [
        `${file}: ${type}.${id}`,
        body,
      ]),
    ),
    ...reads,
  ];
}

/** type@version literals written in the constructs, for types no synthesized file exercises. */
function literalTypes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return literalTypes(path);
    return entry.name.endsWith(".ts")
      ? [...readFileSync(path, "utf8").matchAll(TYPE_AT_VERSION)].map((m) => m[0])
      : [];
  });
}

const files = synthesizableFiles();
const usedTypes = new Map<string, string>();
for (const file of files) {
  for (const [where, body] of azapiResources(file)) usedTypes.set(String(body.type), where);
}
for (const type of literalTypes("constructs")) {
  if (!usedTypes.has(type)) usedTypes.set(type, "a literal in constructs/");
}

describe(`azapi ${AZAPI_PROVIDER_VERSION}, the release every stack pins`, () => {
  it("is the version each stack requires", () => {
    for (const file of files) {
      const required = synthesizedStack(file).terraform.required_providers as Record<
        string,
        { version?: string }
      >;
      if (required.azapi)
        expect({ file, version: required.azapi.version }).toEqual({ file, version: AZAPI_PROVIDER_VERSION });
    }
  });

  it("embeds a schema for every type@version the stacks declare", () => {
    const unknown = [...usedTypes]
      .filter(([type]) => !embedded.has(type))
      .map(([type, where]) => `${type} (${where})`);
    expect(unknown).toEqual([]);
  });

  it("gives the synthesis-time body check a schema for every type@version the stacks declare", () => {
    expect(embeddedSchemaRelease).toBe(AZAPI_PROVIDER_VERSION);
    expect([...usedTypes.keys()].filter((type) => !hasEmbeddedSchema(type))).toEqual([]);
  });

  it("turns azapi's own validation off only for types with a documented addition, each with its source", () => {
    for (const [type, addition] of Object.entries(documentedAdditions)) {
      expect({ type, embedded: embedded.has(type), source: addition.source }).toEqual({
        type,
        embedded: true,
        source: expect.stringMatching(/^Microsoft Learn, "/),
      });
    }
  });

  it("is checked against the types the stacks really use", () => {
    expect([...usedTypes.keys()]).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Microsoft\.Devices\/provisioningServices@/),
        expect.stringMatching(/^Microsoft\.EventGrid\/namespaces\//),
        expect.stringMatching(/^Microsoft\.Relay\/namespaces\//),
        expect.stringMatching(/^Microsoft\.ServiceBus\/namespaces\//),
      ]),
    );
  });
});

describe.each(files)("the azapi resources of %s", (file) => {
  it("all keep schema validation on, but for the types that cannot", () => {
    const off = azapiResources(file)
      .filter(([where]) => where.includes(": azapi_resource."))
      .filter(
        ([, body]) => body.schema_validation_enabled !== true && !(String(body.type) in documentedAdditions),
      )
      .map(([where]) => where);
    expect(off).toEqual([]);
  });
});
