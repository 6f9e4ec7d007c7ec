import type { IConstruct } from "constructs";
import { Token } from "cdktf";
import embedded from "./azapi-schemas/2.12.0.json";

/*
 * The check azapi makes of an `azapi_resource` body at plan time ("embedded schema validation"),
 * made at synthesis instead, against the schemas the pinned release embeds
 * (./azapi-schemas/<version>.json, extracted by scripts/azapi-schemas.ts). Its rules are azapi
 * 2.12.0's, read in internal/azure/types/*.go and internal/services/resource.go: a property the
 * schema does not define is refused unless the object takes additional properties; a read-only
 * property is refused unless it is also required; a required property must be there (but `name`
 * at the top, which azapi fills in, and `location` and `tags`, which it skips); string literals,
 * unions, discriminators, string lengths and patterns, integer bounds and array lengths are
 * checked; a value not known before apply is not. Running it here means a misspelled property
 * fails `cdktf synth` and the property tests, not a plan in CI; and it is how a type whose body
 * azapi cannot check (see `documentedAdditions`) is still checked.
 */

/** A node of bicep-types, the format azapi embeds its schemas in. */
interface Ref {
  readonly $ref: string;
}
interface Property {
  readonly type: Ref;
  readonly flags: number;
}
type SchemaNode =
  | { readonly $type: "ResourceType"; readonly name: string; readonly body: Ref }
  | {
      readonly $type: "ObjectType";
      readonly name: string;
      readonly properties: Readonly<Record<string, Property>>;
      readonly additionalProperties?: Ref;
    }
  | {
      readonly $type: "DiscriminatedObjectType";
      readonly name: string;
      readonly discriminator: string;
      readonly baseProperties: Readonly<Record<string, Property>>;
      readonly elements: Readonly<Record<string, Ref>>;
    }
  | {
      readonly $type: "StringType";
      readonly minLength?: number;
      readonly maxLength?: number;
      readonly pattern?: string;
    }
  | { readonly $type: "StringLiteralType"; readonly value: string }
  | { readonly $type: "UnionType"; readonly elements: readonly Ref[] }
  | { readonly $type: "IntegerType"; readonly minValue?: number; readonly maxValue?: number }
  | {
      readonly $type: "ArrayType";
      readonly itemType: Ref;
      readonly minLength?: number;
      readonly maxLength?: number;
    }
  | { readonly $type: "BooleanType" }
  | { readonly $type: "AnyType" }
  | { readonly $type: "NullType" };

/** bicep-types property flags (azapi internal/azure/types/object_type.go). */
const REQUIRED = 1;
const READ_ONLY = 2;

/** The release the schemas come from; the stacks pin the same one. */
export const embeddedSchemaRelease: string = embedded.azapi;

/**
 * Properties Azure takes and documents that the embedded schema lacks, added to the schema for
 * this check. Each is why a type's `schema_validation_enabled` is off: azapi would refuse it.
 */
export interface DocumentedAddition {
  /** The ObjectType (by its bicep-types name) that takes the property. */
  readonly objectName: string;
  readonly property: string;
  /** The property's shape, as bicep-types nodes: the first is the property's type; refs are within the list. */
  readonly nodes: readonly SchemaNode[];
  readonly source: string;
}

export const documentedAdditions: Readonly<Record<string, DocumentedAddition>> = {
  "Microsoft.Web/connections@2016-06-01": {
    objectName: "ApiConnectionDefinitionProperties",
    property: "parameterValueSet",
    // { name: string (required), values: { <parameter>: { value: any } } }
    nodes: [
      {
        $type: "ObjectType",
        name: "ParameterValueSet",
        properties: {
          name: { type: { $ref: "#/1" }, flags: REQUIRED },
          values: { type: { $ref: "#/2" }, flags: 0 },
        },
      },
      { $type: "StringType", minLength: 1 },
      {
        $type: "ObjectType",
        name: "ParameterValueSetValues",
        properties: {},
        additionalProperties: { $ref: "#/3" },
      },
      {
        $type: "ObjectType",
        name: "ParameterValue",
        properties: { value: { type: { $ref: "#/4" }, flags: 0 } },
      },
      { $type: "AnyType" },
    ],
    source:
      'Microsoft Learn, "Authenticate access and connections to Azure resources with managed identities in Azure Logic Apps" (ARM template for a Consumption connection: parameterValueSet { name: managedIdentityAuth, values }); absent from ApiConnectionDefinitionProperties in azure-rest-api-specs web/2016-06-01 and so from azapi\'s schema',
  },
};

const schemas = embedded.types as unknown as Readonly<Record<string, readonly SchemaNode[]>>;

/** The schema of `type`, with its documented additions. */
function schemaOf(type: string): readonly SchemaNode[] | undefined {
  const nodes = schemas[type];
  const addition = documentedAdditions[type];
  if (!nodes || !addition) return nodes;
  const offset = nodes.length;
  // The added nodes' references are within their own list; move them past the embedded nodes.
  const shift = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(shift);
    if (typeof value !== "object" || value === null) return value;
    if ("$ref" in value && typeof value.$ref === "string")
      return { $ref: `#/${Number(value.$ref.slice(2)) + offset}` };
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shift(item)]));
  };
  const added = addition.nodes.map((node) => shift(node) as SchemaNode);
  const withAddition = nodes.map((node): SchemaNode => {
    if (node.$type !== "ObjectType" || node.name !== addition.objectName) return node;
    return {
      ...node,
      properties: { ...node.properties, [addition.property]: { type: { $ref: `#/${offset}` }, flags: 0 } },
    };
  });
  return [...withAddition, ...added];
}

/** Whether the extracted schemas hold `type`. */
export function hasEmbeddedSchema(type: string): boolean {
  return schemas[type] !== undefined;
}

function isUnknown(value: unknown): boolean {
  return Token.isUnresolved(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  return typeof value;
}

class Checker {
  /** `partial`: the body changes part of a resource, so nothing is required. */
  constructor(
    private readonly nodes: readonly SchemaNode[],
    private readonly partial: boolean,
  ) {}

  private node(ref: Ref): SchemaNode {
    const node = this.nodes[Number(ref.$ref.slice(2))];
    if (!node) throw new Error(`azapi schema reference ${ref.$ref} points nowhere`);
    return node;
  }

  check(ref: Ref, value: unknown, path: string): string[] {
    if (value === undefined || value === null || isUnknown(value)) return [];
    const node = this.node(ref);
    switch (node.$type) {
      case "ResourceType":
        return this.check(node.body, value, path);
      case "ObjectType":
        return this.object(node.properties, node.additionalProperties, value, path);
      case "DiscriminatedObjectType":
        return this.discriminated(node, value, path);
      case "StringType":
        return this.string(node, value, path);
      case "StringLiteralType":
        if (typeof value !== "string") return [`${path}: expected a string, got ${describe(value)}`];
        return value === node.value ? [] : [`${path}: expected "${node.value}", got "${value}"`];
      case "UnionType":
        return this.union(node.elements, value, path);
      case "IntegerType":
        return this.integer(node, value, path);
      case "ArrayType":
        return this.array(node, value, path);
      case "BooleanType":
        // azapi accepts any value for a boolean (internal/azure/types/boolean_type.go).
        return [];
      case "AnyType":
      case "NullType":
        return [];
    }
  }

  private object(
    properties: Readonly<Record<string, Property>>,
    additional: Ref | undefined,
    value: unknown,
    path: string,
  ): string[] {
    if (!isObject(value)) return [`${path || "body"}: expected an object, got ${describe(value)}`];
    const problems: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const property = properties[key];
      if (property) {
        if (property.flags & READ_ONLY) {
          if (!(property.flags & REQUIRED)) problems.push(`${path}.${key} is read-only and must not be set`);
          continue;
        }
        problems.push(...this.check(property.type, item, `${path}.${key}`));
      } else if (additional) {
        problems.push(...this.check(additional, item, `${path}.${key}`));
      } else {
        const known = Object.entries(properties)
          .filter(([, defined]) => !(defined.flags & READ_ONLY))
          .map(([name]) => `${path}.${name}`);
        problems.push(
          `${path}.${key} is not expected here; the schema defines ${known.join(", ") || "nothing"}`,
        );
      }
    }
    for (const [key, property] of Object.entries(properties)) {
      if (this.partial) break;
      if (!(property.flags & REQUIRED) || property.flags & READ_ONLY || value[key] !== undefined) continue;
      // azapi fills in the top-level name and skips location and tags (internal/services/resource.go).
      if (path === "" && ["name", "location", "tags"].includes(key)) continue;
      problems.push(`${path}.${key} is required`);
    }
    return problems;
  }

  private discriminated(
    node: Extract<SchemaNode, { $type: "DiscriminatedObjectType" }>,
    value: unknown,
    path: string,
  ): string[] {
    if (!isObject(value)) return [`${path}: expected an object, got ${describe(value)}`];
    const discriminator = value[node.discriminator];
    if (discriminator === undefined) return [`${path}.${node.discriminator} is required`];
    if (isUnknown(discriminator)) return [];
    const element = typeof discriminator === "string" ? node.elements[discriminator] : undefined;
    if (!element) {
      return [
        `${path}.${node.discriminator}: "${String(discriminator)}" is not one of ${Object.keys(node.elements).join(", ")}`,
      ];
    }
    const elementNode = this.node(element);
    const own = elementNode.$type === "ObjectType" ? elementNode.properties : {};
    return this.object({ ...node.baseProperties, ...own }, undefined, value, path);
  }

  private string(node: Extract<SchemaNode, { $type: "StringType" }>, value: unknown, path: string): string[] {
    if (typeof value !== "string") return [`${path}: expected a string, got ${describe(value)}`];
    if (node.minLength !== undefined && value.length < node.minLength)
      return [`${path}: "${value}" is shorter than ${node.minLength}`];
    if (node.maxLength !== undefined && value.length > node.maxLength)
      return [`${path}: "${value}" is longer than ${node.maxLength}`];
    if (node.pattern && !new RegExp(node.pattern).test(value))
      return [`${path}: "${value}" does not match ${node.pattern}`];
    return [];
  }

  private union(elements: readonly Ref[], value: unknown, path: string): string[] {
    if (elements.some((element) => this.check(element, value, path).length === 0)) return [];
    const literals = elements
      .map((element) => this.node(element))
      .flatMap((node) => (node.$type === "StringLiteralType" ? [node.value] : []));
    return literals.length > 0
      ? [`${path}: "${String(value)}" is not one of ${literals.join(", ")}`]
      : [`${path}: matches none of the shapes the schema allows`];
  }

  private integer(
    node: Extract<SchemaNode, { $type: "IntegerType" }>,
    value: unknown,
    path: string,
  ): string[] {
    if (typeof value !== "number") return [`${path}: expected an integer, got ${describe(value)}`];
    // azapi skips fractional numbers: bicep-types records some floats as integers.
    if (!Number.isInteger(value)) return [];
    if (node.minValue !== undefined && value < node.minValue)
      return [`${path}: ${value} is less than ${node.minValue}`];
    if (node.maxValue !== undefined && value > node.maxValue)
      return [`${path}: ${value} is greater than ${node.maxValue}`];
    return [];
  }

  private array(node: Extract<SchemaNode, { $type: "ArrayType" }>, value: unknown, path: string): string[] {
    if (!Array.isArray(value)) return [`${path}: expected an array, got ${describe(value)}`];
    const problems: string[] = [];
    if (node.minLength !== undefined && value.length < node.minLength)
      problems.push(`${path}: fewer than ${node.minLength} items`);
    if (node.maxLength !== undefined && value.length > node.maxLength)
      problems.push(`${path}: more than ${node.maxLength} items`);
    value.forEach((item, index) => problems.push(...this.check(node.itemType, item, `${path}.${index}`)));
    return problems;
  }
}

/** What azapi validates: the body with the resource's name, location, tags and identity merged in. */
export interface AzapiBody {
  readonly body: Record<string, unknown>;
  readonly name?: string;
  readonly location?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly identity?: { readonly type: string; readonly identityIds?: readonly string[] };
  /**
   * The body changes part of a resource that exists (`azapi_update_resource`), so no property is
   * required of it.
   * @default - the body is the whole resource
   */
  readonly partial?: boolean;
}

/**
 * Problems azapi's embedded schema (with `documentedAdditions`) finds in a body for `type`, each
 * with its path (`.properties.x`). Throws when the pinned release embeds no schema for `type`.
 */
export function azapiBodyProblems(type: string, request: AzapiBody): string[] {
  const nodes = schemaOf(type);
  if (!nodes) {
    throw new Error(
      `constructs/shared/azapi-schemas/${embeddedSchemaRelease}.json has no schema for ${type}: add it with scripts/azapi-schemas.ts`,
    );
  }
  const merged: Record<string, unknown> = { ...request.body };
  if (request.name !== undefined) merged.name = request.name;
  if (request.location !== undefined) merged.location = request.location;
  if (request.tags !== undefined) merged.tags = request.tags;
  if (request.identity !== undefined) {
    merged.identity = {
      type: request.identity.type,
      ...(request.identity.identityIds?.length
        ? { userAssignedIdentities: Object.fromEntries(request.identity.identityIds.map((id) => [id, null])) }
        : {}),
    };
  }
  return new Checker(nodes, request.partial === true).check({ $ref: "#/0" }, merged, "");
}

/**
 * Adds the check to `construct`'s validations, which `cdktf synth` runs with every other
 * construct's: each problem is reported with the construct's path, the type and the release.
 */
export function validateAzapiBody(construct: IConstruct, type: string, request: AzapiBody): void {
  construct.node.addValidation({
    validate: () =>
      azapiBodyProblems(type, request).map(
        (problem) =>
          `${construct.node.path}: ${type} body, by azapi ${embeddedSchemaRelease}'s schema: ${problem}`,
      ),
  });
}
