import { durationSeconds } from "../../azure/durations";
import type { CheckResult, PropertyValue } from "./results";

/** The properties that matter for one resource, as the file says (undefined: not checked). */
export type ExpectedProperties = Readonly<Record<string, PropertyValue | undefined>>;
export type ObservedProperties = Readonly<Record<string, PropertyValue | undefined>>;

/**
 * Azure's enums, entity names and event types compare case-insensitively; durations compare by
 * length (`PT60S` is `PT1M`); lists compare as sets.
 */
export function sameValue(expected: PropertyValue, actual: PropertyValue | undefined): boolean {
  if (actual === undefined) return expected === null;
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return false;
    const norm = (list: readonly string[]) => [...list].map((v) => v.toLowerCase()).sort();
    return JSON.stringify(norm(expected)) === JSON.stringify(norm(actual));
  }
  if (typeof expected === "string" && typeof actual === "string") {
    const a = durationSeconds(expected);
    const b = durationSeconds(actual);
    if (a !== undefined && b !== undefined) return a === b;
    return expected.toLowerCase() === actual.toLowerCase();
  }
  return expected === actual;
}

/** One `passed` result when everything matches, else one `drift` result per differing property. */
export function compareResource(
  resource: string,
  expected: ExpectedProperties,
  observed: ObservedProperties,
): CheckResult[] {
  const drift: CheckResult[] = [];
  for (const [property, value] of Object.entries(expected)) {
    if (value === undefined) continue;
    const actual = observed[property];
    if (!sameValue(value, actual)) {
      drift.push({ status: "drift", resource, property, expected: value, actual: actual ?? null });
    }
  }
  return drift.length > 0 ? drift : [{ status: "passed", resource }];
}

/**
 * Existence of a set of children: the declared ones that are absent are `missing`, the present
 * ones that are not declared are `unmanaged`. Returns the declared names that are present.
 */
export function reconcileChildren(
  parent: string,
  childKind: string,
  declared: readonly string[],
  present: readonly string[],
): { readonly results: CheckResult[]; readonly found: ReadonlySet<string> } {
  const presentByKey = new Map(present.map((name) => [name.toLowerCase(), name]));
  const declaredKeys = new Set(declared.map((name) => name.toLowerCase()));
  const results: CheckResult[] = [];
  const found = new Set<string>();
  for (const name of declared) {
    if (presentByKey.has(name.toLowerCase())) found.add(name);
    else results.push({ status: "missing", resource: `${parent}/${childKind}/${name}` });
  }
  for (const name of present) {
    if (!declaredKeys.has(name.toLowerCase()))
      results.push({ status: "unmanaged", resource: `${parent}/${childKind}/${name}` });
  }
  return { results, found };
}
