/**
 * The parts of a synthesized Terraform JSON document (`cdk.tf.json`) the policy engine reads.
 * Terraform's JSON syntax lets a block be written as one object or as an array of objects; every
 * reader here goes through `blocksOf`, so both shapes mean the same thing.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A block's instances, whether written as one object or as an array of objects. */
export function blocksOf(value: JsonValue | undefined): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isJsonObject);
  return isJsonObject(value) ? [value] : [];
}

/** The first instance of a nested block, or an empty object when the block is absent. */
export function firstBlock(body: JsonObject, name: string): JsonObject {
  return blocksOf(body[name])[0] ?? {};
}

/** Reads a dotted attribute path through nested blocks (`customer_managed_key.key_vault_key_id`). */
export function attributeAt(body: JsonObject, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = body;
  for (const key of path.split(".")) {
    const block: JsonObject | undefined = blocksOf(current)[0];
    if (!block) return undefined;
    current = block[key];
  }
  return current;
}

/** Whether `lifecycle.prevent_destroy` is on, however the lifecycle block (or its override) was written. */
export function preventsDestroy(body: JsonObject): boolean {
  return blocksOf(body.lifecycle).some((lifecycle) => lifecycle.prevent_destroy === true);
}

/**
 * Every `resource` of a document as [type, name, body] triples. The `resource` key, each type
 * and each name may be an object or an array of objects; instances of the same name are merged.
 */
export function resourceEntries(document: JsonObject): [string, string, JsonObject][] {
  const merged = new Map<string, [string, string, JsonObject]>();
  for (const byType of blocksOf(document.resource)) {
    for (const [type, byNameValue] of Object.entries(byType)) {
      for (const byName of blocksOf(byNameValue)) {
        for (const [name, bodyValue] of Object.entries(byName)) {
          const key = `${type}.${name}`;
          const existing = merged.get(key);
          const body = Object.assign({}, existing?.[2], ...blocksOf(bodyValue)) as JsonObject;
          merged.set(key, [type, name, body]);
        }
      }
    }
  }
  return [...merged.values()];
}
