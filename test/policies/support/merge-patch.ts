import type { JsonObject, JsonValue } from "../../../policies/engine/terraform-json";
import { isJsonObject } from "../../../policies/engine/terraform-json";

/** Applies a JSON merge patch (RFC 7386): objects merge, `null` removes, anything else replaces. */
export function mergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return patch;
  const base: JsonObject = isJsonObject(target) ? target : {};
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(base)) if (!(key in patch)) result[key] = value;
  for (const [key, value] of Object.entries(patch))
    if (value !== null) result[key] = mergePatch(base[key], value);
  return result;
}
