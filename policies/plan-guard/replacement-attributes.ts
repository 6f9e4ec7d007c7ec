import { replacementAttributesOf } from "../../azure/replacement";
import type { JsonObject, JsonValue, ResourceChange } from "./plan-format";

export type ForcingSource = "replace_paths" | "force-new-attributes" | "changed-attributes" | "none";

export interface ForcingAttributes {
  readonly source: ForcingSource;
  /** Paths such as `requires_session` or `capture_description[0].destination`. */
  readonly attributes: readonly string[];
}

/** `["capture_description", 0, "destination"]` → `capture_description[0].destination`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, step) => (typeof step === "number" ? `${text}[${step}]` : text === "" ? step : `${text}.${step}`),
    "",
  );
}

function unknownAfterApply(afterUnknown: JsonValue, attribute: string): boolean {
  if (typeof afterUnknown !== "object" || afterUnknown === null || Array.isArray(afterUnknown)) return false;
  return afterUnknown[attribute] === true;
}

function differs(before: JsonObject, after: JsonObject, attribute: string): boolean {
  return JSON.stringify(before[attribute] ?? null) !== JSON.stringify(after[attribute] ?? null);
}

/**
 * Why a resource is replaced: the provider's own `replace_paths` when the plan has them (Terraform
 * 1.2+ records them), else the known replacement attributes (azure/replacement.ts, the table the
 * pull-request report reads too) whose value differs between before
 * and after (a value known only after apply counts: a parent ID becomes unknown when the parent
 * is replaced), else every top-level attribute whose new value is known and differs, so a
 * reviewer still sees what moved (computed values such as `id` are unknown on every replacement
 * and would only be noise).
 */
export function forcingAttributes(resource: ResourceChange): ForcingAttributes {
  const { replacePaths, before, after, afterUnknown } = resource.change;
  if (replacePaths.length > 0) return { source: "replace_paths", attributes: replacePaths.map(formatPath) };
  if (before === null || after === null) return { source: "none", attributes: [] };
  const known = replacementAttributesOf(resource.type).filter(
    (attribute) => unknownAfterApply(afterUnknown, attribute) || differs(before, after, attribute),
  );
  if (known.length > 0) return { source: "force-new-attributes", attributes: known };
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const anyChanged = names.filter(
    (attribute) => !unknownAfterApply(afterUnknown, attribute) && differs(before, after, attribute),
  );
  return anyChanged.length > 0
    ? { source: "changed-attributes", attributes: anyChanged }
    : { source: "none", attributes: [] };
}
