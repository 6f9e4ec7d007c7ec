/**
 * Checks a parsed environment file against model/environment.schema.json and turns Ajv's
 * errors into diagnostics a person can act on: positioned at the offending key or value, one
 * message per problem (the alternatives of a union are folded into one), with "did you mean"
 * for misspelled keys and enum values.
 */
import Ajv2020 from "ajv/dist/2020";
import type { ErrorObject, ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import schema from "./environment.schema.json";
import type { Diagnostic } from "./diagnostics";
import { pointerToPath } from "./diagnostics";
import type { ParsedDocument } from "./parsed-document";
import type { SchemaNode } from "./schema-error-messages";
import {
  describeTypes,
  describeValue,
  jsonType,
  messageFor,
  unknownFieldMessage,
  where,
} from "./schema-error-messages";
import { escapePointerSegment } from "./yaml-positions";

let compiled: ValidateFunction | undefined;

const valueKeywords = new Set([
  "format",
  "pattern",
  "enum",
  "const",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
]);

/** Compiling the schema takes tens of milliseconds; do it once per process, on first use. */
function validator(): ValidateFunction {
  if (!compiled) {
    // strictRequired is off because `oneOf: [{required: [sql]}, {required: [correlation]}]` names
    // properties declared beside it, which is exactly how "one of these keys" is said in JSON Schema.
    const ajv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
      // Ajv's optimizer passes over the generated code take ~40% of compiling this schema, which a
      // user waits for on every run; validating even a 5,000-entity file takes a few ms without them.
      code: { optimize: false },
    });
    addFormats(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

interface Finding {
  readonly pointer: string;
  readonly atKey: boolean;
  readonly message: string;
}

export function checkSchema(doc: ParsedDocument): Diagnostic[] {
  const validate = validator();
  if (validate(doc.data)) return [];
  const findings = describe(validate.errors ?? []);
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const id = `${finding.pointer}\u0000${finding.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const { line, column } = finding.atKey ? doc.locateKey(finding.pointer) : doc.locate(finding.pointer);
    diagnostics.push({
      file: doc.file,
      line,
      column,
      path: pointerToPath(finding.pointer),
      message: finding.message,
    });
  }
  return diagnostics;
}

function isUnder(pointer: string, parent: string): boolean {
  return pointer === parent || pointer.startsWith(`${parent}/`);
}

function describe(errors: readonly ErrorObject[]): Finding[] {
  const consumed = new Set<number>();
  const findings: Finding[] = [];
  // Ajv reports a union's branch errors just before the union's own error, so walking backwards
  // lets each union claim its branches before they are reported one by one.
  const unionFindings = new Map<number, Finding[]>();
  for (let index = errors.length - 1; index >= 0; index--) {
    const error = errors[index];
    if (consumed.has(index) || (error.keyword !== "anyOf" && error.keyword !== "oneOf")) continue;
    const branchIndexes: number[] = [];
    for (let i = index - 1; i >= 0 && isUnder(errors[i].instancePath, error.instancePath); i--) {
      if (!consumed.has(i)) branchIndexes.push(i);
    }
    for (const i of branchIndexes) consumed.add(i);
    unionFindings.set(
      index,
      foldUnion(
        error,
        branchIndexes.reverse().map((i) => errors[i]),
      ),
    );
  }
  errors.forEach((error, index) => {
    const folded = unionFindings.get(index);
    if (folded) findings.push(...folded);
    else if (!consumed.has(index)) findings.push(...single(error));
  });
  return findings;
}

function single(error: ErrorObject): Finding[] {
  const pointer = error.instancePath;
  const path = pointerToPath(pointer);
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as SchemaNode | undefined)?.properties ?? {});
      return [
        {
          pointer: `${pointer}/${escapePointerSegment(key)}`,
          atKey: true,
          message: unknownFieldMessage(key, allowed, path),
        },
      ];
    }
    case "required": {
      const missing = String(error.params.missingProperty);
      return [
        {
          pointer: `${pointer}/${escapePointerSegment(missing)}`,
          atKey: false,
          message: `missing required field "${missing}" ${where(path)}`,
        },
      ];
    }
    case "propertyNames": {
      const name = String(error.params.propertyName);
      return [
        {
          pointer: `${pointer}/${escapePointerSegment(name)}`,
          atKey: true,
          message: `invalid name "${name}" ${where(path)}: ${propertyNameRule(error)}`,
        },
      ];
    }
    case "uniqueItems": {
      const first = Math.min(Number(error.params.i), Number(error.params.j));
      const again = Math.max(Number(error.params.i), Number(error.params.j));
      const items: unknown = error.data;
      const value = Array.isArray(items) ? describeValue(items[again]) : "this item";
      return [
        {
          pointer: `${pointer}/${again}`,
          atKey: false,
          message: `${value} is listed twice (also item ${first} of ${path})`,
        },
      ];
    }
    default: {
      // Errors about a map key's text carry `propertyName`; the propertyNames error reports them.
      if (error.propertyName !== undefined) return [];
      return [{ pointer, atKey: false, message: messageFor(error, path) }];
    }
  }
}

function propertyNameRule(error: ErrorObject): string {
  const names = (error.parentSchema as { propertyNames?: SchemaNode } | undefined)?.propertyNames;
  const resolved = names?.$ref ? resolveRef(names.$ref) : names;
  const example = resolved?.examples?.[0];
  return `expected ${resolved?.title ?? "a valid name"}${example === undefined ? "" : `, e.g. ${String(example)}`}`;
}

function resolveRef(ref: string): SchemaNode | undefined {
  const name = ref.replace(/^#\/\$defs\//, "");
  const defs = (schema as { $defs: Record<string, SchemaNode> }).$defs;
  return defs[name];
}

/** JSON types a union branch accepts (resolving `$ref`), or undefined when any type will do. */
function branchTypes(branch: SchemaNode): readonly string[] | undefined {
  const target = branch.$ref ? resolveRef(branch.$ref) : branch;
  const type = target?.type;
  if (type === undefined) return undefined;
  const types = typeof type === "string" ? [type] : type;
  return types.includes("number") ? [...types, "integer"] : types;
}

function foldUnion(error: ErrorObject, branchErrors: readonly ErrorObject[]): Finding[] {
  const pointer = error.instancePath;
  const branches = (Array.isArray(error.schema) ? error.schema : []) as SchemaNode[];
  const passing: unknown = error.params.passingSchemas;
  if (error.keyword === "oneOf" && Array.isArray(passing)) {
    return [{ pointer, atKey: false, message: `${alternatives(branches)}, got both` }];
  }
  // Branches are written inline, so their errors sit under the union's own schema path; a
  // `required` from the surrounding object (a rule's `name`) is not one of them.
  const required = branchErrors.filter(
    (e) =>
      e.keyword === "required" &&
      e.instancePath === pointer &&
      e.schemaPath.startsWith(`${error.schemaPath}/`),
  );
  if (required.length === branches.length && required.length > 1) {
    const rest = branchErrors.filter((e) => !required.includes(e));
    return [
      { pointer, atKey: false, message: `${alternatives(branches)}, got neither` },
      ...rest.flatMap(single),
    ];
  }
  const valueType = jsonType(error.data);
  const accepting = branches.filter((branch) => {
    const types = branchTypes(branch);
    return types === undefined || types.includes(valueType);
  });
  if (accepting.length === 0) {
    const expected = dedupeNumber(branches.flatMap((branch) => branchTypes(branch) ?? []));
    return [
      {
        pointer,
        atKey: false,
        message: `expected ${describeTypes(expected)}, got ${describeValue(error.data)}`,
      },
    ];
  }
  // The branches for other types only say "wrong type"; the accepting branch says what is wrong.
  const relevant = branchErrors.filter((e) => !(e.keyword === "type" && e.instancePath === pointer));
  // Alternatives that differ only in the text's form (a date or a date-time) read best as one
  // statement of what is accepted; structural problems of the fitting branch stay separate.
  const title = (error.parentSchema as SchemaNode | undefined)?.title;
  const valueLevel = relevant.every((e) => e.instancePath === pointer && valueKeywords.has(e.keyword));
  if (title && relevant.length > 1 && valueLevel) {
    const example = (error.parentSchema as SchemaNode).examples?.[0];
    const shape = `${title}${example === undefined ? "" : `, e.g. ${String(example)}`}`;
    return [{ pointer, atKey: false, message: `expected ${shape}; got ${describeValue(error.data)}` }];
  }
  return relevant.flatMap(single);
}

function dedupeNumber(types: readonly string[]): string[] {
  const set = new Set(types);
  if (set.has("number")) set.delete("integer");
  return [...set];
}

/** "expected exactly one of sql or correlation" for unions that differ by which key is present. */
function alternatives(branches: readonly SchemaNode[]): string {
  const keys = branches.flatMap((b) =>
    ((b as { required?: readonly string[] }).required ?? []).map((k) => `"${k}"`),
  );
  if (keys.length === 0) return "expected exactly one of the allowed forms";
  return `expected exactly one of ${keys.slice(0, -1).join(", ")} or ${keys[keys.length - 1]}`;
}
