import {
  replacementFacts,
  replacementFactsFor,
  type ReplacementAttribute,
  type ReplacementCondition,
  type ReplacementFacts,
} from "../../azure/replacement";
import type { PolicyModel } from "../../model/policy-model";
import {
  declaredEntities,
  declaringEntityOf,
  ENVIRONMENT_REF,
  nounOf,
  valueAt,
  type DeclaredEntity,
  type FieldObject,
  type FieldValue,
} from "./entity-fields";

/** A change that makes Terraform replace a resource, and what that loses. */
export interface Replacement {
  readonly resourceType: string;
  /** The Terraform attribute that cannot change in place. */
  readonly attribute: string;
  readonly loses: string;
  readonly note?: string;
  /** For an environment-wide setting: how many resources of the type it replaces. */
  readonly count?: number;
}

export interface FieldChange {
  /** The setting's path within its entity (`sessions`, `retention.cleanupPolicy`). */
  readonly path: string;
  readonly before?: FieldValue;
  readonly after?: FieldValue;
  readonly replacements: readonly Replacement[];
}

export interface EntityChange {
  readonly ref: string;
  readonly noun: string;
  readonly change: "added" | "removed" | "changed";
  /** The settings that changed (for `changed`). */
  readonly fields: readonly FieldChange[];
  /** For `removed`: what deleting it loses, when it holds data. */
  readonly loses?: string;
  /** Entities declared inside an added or removed one, which come and go with it. */
  readonly inside: number;
}

export interface EnvironmentChanges {
  /** The base branch had no such environment. */
  readonly newEnvironment: boolean;
  /** Replacements and removals first, then other changes, each group in file order. */
  readonly entities: readonly EntityChange[];
  /** References of every entity added, removed or changed, for the diagram to centre on. */
  readonly touched: ReadonlySet<string>;
}

/**
 * Where the model keeps what an environment-file field sets, when the two differ: the Azure name
 * the file sets with `resourceName` (or the naming convention derives) is the model's `azureName`.
 */
const MODEL_PATHS: Readonly<Record<string, string>> = {
  resourceName: "azureName",
  "deviceProvisioning.resourceName": "deviceProvisioning.azureName",
  "dedicatedCluster.name": "dedicatedCluster.azureName",
};

const modelPath = (field: string): string => MODEL_PATHS[field] ?? field;

const same = (a: FieldValue | undefined, b: FieldValue | undefined): boolean =>
  a === b || (typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b));

const truthy = (value: FieldValue | undefined): boolean =>
  value !== undefined && value !== null && value !== false;

function replaces(
  condition: ReplacementCondition | undefined,
  before: FieldValue | undefined,
  after: FieldValue | undefined,
  parent: FieldObject | undefined,
): boolean {
  if (same(before, after)) return false;
  switch (condition?.kind ?? "changed") {
    case "changed":
      return true;
    case "toOrFrom": {
      const value = condition?.kind === "toOrFrom" ? condition.value : "";
      return before === value || after === value;
    }
    case "turnedOff":
      return truthy(before) && !truthy(after);
    case "setOrRemoved":
      return truthy(before) !== truthy(after);
    case "changedUnlessParent": {
      if (condition?.kind !== "changedUnlessParent") return true;
      const sku = valueAt(parent, "sku");
      const dedicated = condition.dedicatedClusterFields.some((field) => truthy(valueAt(parent, field)));
      return !(typeof sku === "string" && condition.skus.includes(sku)) && !dedicated;
    }
  }
}

const replacementOf = (facts: ReplacementFacts, attribute: ReplacementAttribute): Replacement => ({
  resourceType: facts.resourceType,
  attribute: attribute.attribute,
  loses: facts.loses,
  ...(attribute.note !== undefined ? { note: attribute.note } : {}),
});

/** The replacements one entity's changed settings cause, by the path of the setting they hang on. */
function entityReplacements(
  collection: string,
  before: FieldObject,
  after: FieldObject,
  parent: FieldObject | undefined,
): Map<string, Replacement[]> {
  const found = new Map<string, Replacement[]>();
  const entity = declaringEntityOf(collection);
  if (!entity) return found;
  for (const facts of replacementFactsFor(entity)) {
    // A companion that appears or goes is created or deleted, not replaced.
    const through = facts.declaredThrough;
    if (
      through !== undefined &&
      (valueAt(before, through) === undefined || valueAt(after, through) === undefined)
    )
      continue;
    for (const attribute of facts.attributes)
      for (const field of attribute.fields ?? []) {
        const path = modelPath(field);
        if (replaces(attribute.when, valueAt(before, path), valueAt(after, path), parent))
          found.set(path, [...(found.get(path) ?? []), replacementOf(facts, attribute)]);
      }
  }
  return found;
}

/** Environment-wide settings (`location`) replace every resource they are set on. */
function environmentReplacements(head: readonly DeclaredEntity[]): Map<string, Replacement[]> {
  const counts = new Map<string, number>();
  for (const entity of head) {
    const kind = declaringEntityOf(entity.collection);
    if (!kind) continue;
    for (const facts of replacementFactsFor(kind)) {
      // A companion exists only when its entity declares it (a dedicated cluster, a DPS).
      const declared =
        facts.declaredThrough === undefined || valueAt(entity.value, facts.declaredThrough) !== undefined;
      if (declared) counts.set(facts.resourceType, (counts.get(facts.resourceType) ?? 0) + 1);
    }
  }
  const found = new Map<string, Replacement[]>();
  for (const facts of replacementFacts) {
    const count = counts.get(facts.resourceType);
    if (!count) continue;
    for (const attribute of facts.attributes)
      for (const field of attribute.environmentFields ?? [])
        found.set(field, [...(found.get(field) ?? []), { ...replacementOf(facts, attribute), count }]);
  }
  return found;
}

const isObject = (value: FieldValue | undefined): value is FieldObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The settings that differ, by dotted path. Objects present on both sides are compared key by
 * key; a whole object that appears or goes (a customer-managed key) is one change of its own.
 */
function fieldChanges(
  before: FieldObject,
  after: FieldObject,
  replacements: ReadonlyMap<string, readonly Replacement[]>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const compare = (a: FieldObject, b: FieldObject, prefix: string): void => {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const path = prefix === "" ? key : `${prefix}.${key}`;
      const old = a[key];
      const now = b[key];
      if (same(old, now)) continue;
      if (isObject(old) && isObject(now)) {
        compare(old, now, path);
        continue;
      }
      const hit = [...replacements.entries()]
        .filter(([field]) => path === field || path.startsWith(`${field}.`) || field.startsWith(`${path}.`))
        .flatMap(([, list]) => list);
      changes.push({
        path,
        ...(old !== undefined ? { before: old } : {}),
        ...(now !== undefined ? { after: now } : {}),
        replacements: hit,
      });
    }
  };
  compare(before, after, "");
  return changes;
}

/** Whether the change loses data: a replacement, or the removal of something that holds data. */
export const losesData = (change: EntityChange): boolean =>
  change.loses !== undefined || change.fields.some((f) => f.replacements.length > 0);

function losesOnRemoval(collection: string): string | undefined {
  const entity = declaringEntityOf(collection);
  return entity ? replacementFactsFor(entity)[0]?.loses : undefined;
}

/**
 * What a pull request changes in one environment, entity by entity and field by field, from the
 * base branch's model (absent for a new environment) to the head's. Each change that makes
 * Terraform replace a resource says which attribute forces it and what the replacement loses,
 * from the same replacement facts the plan guard reads (azure/replacement.ts). Linear in the
 * size of both models.
 */
export function environmentChanges(base: PolicyModel | undefined, head: PolicyModel): EnvironmentChanges {
  const headEntities = declaredEntities(head);
  const baseEntities = base ? declaredEntities(base) : [];
  const before = new Map(baseEntities.map((e) => [e.ref, e]));
  const after = new Map(headEntities.map((e) => [e.ref, e]));
  const changes: EntityChange[] = [];
  const touched = new Set<string>();
  const environmentWide = environmentReplacements(headEntities);

  const comeAndGo = (
    list: readonly DeclaredEntity[],
    other: ReadonlyMap<string, DeclaredEntity>,
    change: "added" | "removed",
  ): void => {
    const counted = new Map<string, number>();
    const byRef = new Map(list.map((e) => [e.ref, e]));
    for (const entity of list) {
      if (other.has(entity.ref)) continue;
      touched.add(entity.ref);
      const parent = entity.parent;
      const outer = parent !== undefined && !other.has(parent) ? ancestorOf(parent, other, byRef) : undefined;
      if (outer !== undefined) {
        counted.set(outer, (counted.get(outer) ?? 0) + 1);
        continue;
      }
      counted.set(entity.ref, 0);
    }
    for (const entity of list) {
      const inside = counted.get(entity.ref);
      if (inside === undefined || other.has(entity.ref)) continue;
      const loses = change === "removed" ? losesOnRemoval(entity.collection) : undefined;
      changes.push({
        ref: entity.ref,
        noun: nounOf(entity.collection),
        change,
        fields: [],
        ...(loses !== undefined ? { loses } : {}),
        inside,
      });
    }
  };

  if (base) {
    for (const entity of headEntities) {
      const old = before.get(entity.ref);
      // Most entities are untouched by a pull request: one comparison of the whole settles them.
      if (!old || same(old.value, entity.value)) continue;
      const parent = entity.parent !== undefined ? after.get(entity.parent)?.value : undefined;
      const replacements =
        entity.ref === ENVIRONMENT_REF
          ? environmentWide
          : entityReplacements(entity.collection, old.value, entity.value, parent);
      const fields = fieldChanges(old.value, entity.value, replacements);
      if (fields.length === 0) continue;
      touched.add(entity.ref);
      if (entity.ref === ENVIRONMENT_REF)
        for (const { path } of fields) {
          // `principals.<name>.objectId`: the principal's node is `principals/<name>` (names may hold dots).
          if (path.startsWith("principals."))
            touched.add(`principals/${path.slice("principals.".length, path.lastIndexOf("."))}`);
        }
      changes.push({
        ref: entity.ref,
        noun: nounOf(entity.collection),
        change: "changed",
        fields,
        inside: 0,
      });
    }
    comeAndGo(baseEntities, after, "removed");
  }
  comeAndGo(headEntities, before, "added");

  const rank = (c: EntityChange): number => (losesData(c) ? 0 : 1);
  const order = new Map([...headEntities, ...baseEntities].map((e, i) => [e.ref, i]));
  changes.sort((a, b) => rank(a) - rank(b) || (order.get(a.ref) ?? 0) - (order.get(b.ref) ?? 0));
  return { newEnvironment: base === undefined, entities: changes, touched };
}

/** The outermost ancestor of `ref` that `other` lacks too: it stands for all of them in the list. */
function ancestorOf(
  ref: string,
  other: ReadonlyMap<string, DeclaredEntity>,
  byRef: ReadonlyMap<string, DeclaredEntity>,
): string {
  let outer = ref;
  let parent = byRef.get(ref)?.parent;
  while (parent !== undefined && !other.has(parent)) {
    outer = parent;
    parent = byRef.get(parent)?.parent;
  }
  return outer;
}
