/**
 * Words for one schema violation, written for the person editing the YAML: what was expected,
 * what was given, and the nearest valid spelling where there is one.
 */
import type { ErrorObject } from "ajv";
import { didYouMean } from "./did-you-mean";

/** The parts of a JSON Schema node that error messages read. */
export interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly title?: string;
  readonly description?: string;
  readonly examples?: readonly unknown[];
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly $ref?: string;
}

const typeWords: Readonly<Record<string, string>> = {
  integer: "a whole number",
  number: "a number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "a mapping of fields",
  null: "nothing",
};

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing (an empty value)";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (typeof value === "object") return "a mapping of fields";
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

export function jsonType(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  if (Number.isInteger(value)) return "integer";
  return typeof value;
}

export function describeTypes(types: readonly string[]): string {
  const words = [...new Set(types.map((t) => typeWords[t] ?? t))];
  if (words.length === 1) return words[0];
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** `in serviceBus[0].queues[1]` or `at the top level`. */
export function where(path: string): string {
  return path === "$" ? "at the top level" : `in ${path}`;
}

function schemaOf(error: ErrorObject): SchemaNode {
  const parent: unknown = error.parentSchema;
  return typeof parent === "object" && parent !== null ? (parent as SchemaNode) : {};
}

function shape(node: SchemaNode): string {
  const example = node.examples?.[0];
  const eg =
    example === undefined ? "" : `, e.g. ${typeof example === "string" ? example : JSON.stringify(example)}`;
  return `${node.title ?? (node.pattern ? `text matching ${node.pattern}` : "a valid value")}${eg}`;
}

function range(node: SchemaNode, what: string): string {
  const low = node.minimum ?? node.exclusiveMinimum;
  const high = node.maximum ?? node.exclusiveMaximum;
  if (node.exclusiveMinimum !== undefined && high === undefined)
    return `${what} greater than ${node.exclusiveMinimum}`;
  if (low !== undefined && high !== undefined) return `${what} from ${low} to ${high}`;
  if (low !== undefined) return `${what} of at least ${low}`;
  return `${what} of at most ${high}`;
}

function listOf(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ");
}

/**
 * The message for one error about a value. Unknown and missing keys, map-key names, repeated
 * items and unions are worded by the schema check, which sees the errors around them.
 */
export function messageFor(error: ErrorObject, parentPath: string): string {
  const node = schemaOf(error);
  const value: unknown = error.data;
  switch (error.keyword) {
    case "type": {
      const expected = String(error.params.type).split(",");
      const hint =
        expected.includes("string") && (typeof value === "number" || typeof value === "boolean")
          ? ` (put it in quotes: "${String(value)}")`
          : "";
      return `expected ${describeTypes(expected)}, got ${describeValue(value)}${hint}`;
    }
    case "enum": {
      const allowed = node.enum ?? (error.params.allowedValues as readonly unknown[]);
      const suggestion =
        typeof value === "string"
          ? didYouMean(
              value,
              allowed.filter((v): v is string => typeof v === "string"),
            )
          : undefined;
      return `expected one of ${listOf(allowed)}, got ${describeValue(value)}${suggestion ? `; did you mean "${suggestion}"?` : ""}`;
    }
    case "pattern":
    case "format":
      return `expected ${shape(node)}; got ${describeValue(value)}`;
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum": {
      const what = node.type === "integer" ? "a whole number" : "a number";
      return `expected ${range(node, what)}, got ${describeValue(value)}`;
    }
    case "minLength":
      return "must not be empty";
    case "minItems":
      return `expected at least ${String(error.params.limit)} item${error.params.limit === 1 ? "" : "s"}, got ${describeValue(value)}`;
    case "maxItems":
      return `expected at most ${String(error.params.limit)} items, got ${Array.isArray(value) ? value.length : describeValue(value)}`;
    case "minProperties":
    case "maxProperties": {
      const keys = Object.keys(node.properties ?? {});
      const given = typeof value === "object" && value !== null ? Object.keys(value) : [];
      const gotText = given.length === 0 ? "none" : `${given.length} (${given.join(", ")})`;
      const oneOnly = (node as { maxProperties?: number }).maxProperties === 1;
      if (keys.length === 0) return `expected at least one entry ${where(parentPath)}`;
      return oneOnly
        ? `expected exactly one of ${keys.join(", ")}; got ${gotText}`
        : `expected at least one of ${keys.join(", ")}; got none`;
    }
    default:
      return error.message ?? `invalid value ${describeValue(value)}`;
  }
}

/** Message for a key the schema does not know at that place. */
export function unknownFieldMessage(key: string, allowed: readonly string[], path: string): string {
  const suggestion = didYouMean(key, allowed);
  const tail = suggestion ? `; did you mean "${suggestion}"?` : `; allowed fields: ${allowed.join(", ")}`;
  return `unknown field "${key}" ${where(path)}${tail}`;
}
