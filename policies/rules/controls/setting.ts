import type { JsonValue } from "../../engine/terraform-json";
import { attributeAt } from "../../engine/terraform-json";
import type { RuleContext, Violation } from "../../engine/rule";
import type { StackIndex, TerraformResource } from "../../engine/stack-index";
import { armPropertyOf } from "./arm-properties";
import type { NamespaceKind } from "./namespace-kinds";
import { describe, namespacesOf } from "./namespace-kinds";

/** How to read one security setting of a namespace and what value complies. */
export interface SettingCheck {
  /** azurerm attribute path (`local_auth_enabled`); absent when azurerm has none for this kind. */
  readonly attribute?: string;
  /** ARM property name for azapi-declared or azapi-patched resources (`disableLocalAuth`). */
  readonly armProperty?: string;
  readonly complies: (value: JsonValue | undefined) => boolean;
  /** The sentence that explains a non-compliant value, e.g. "allows SAS keys (local_auth_enabled is not false)". */
  readonly problem: string;
}

function settingValue(
  index: StackIndex,
  resource: TerraformResource,
  check: SettingCheck,
): JsonValue | undefined {
  const viaArm = check.armProperty ? armPropertyOf(index, resource, check.armProperty) : undefined;
  if (resource.type === "azapi_resource") return viaArm;
  const viaAttribute = check.attribute ? attributeAt(resource.body, check.attribute) : undefined;
  return viaAttribute ?? viaArm;
}

/** A control that holds when every namespace of `kind` has the complying value. */
export function requireSetting(
  kind: NamespaceKind,
  check: SettingCheck,
): (context: RuleContext) => Violation[] {
  return ({ index }) =>
    namespacesOf(index, kind)
      .filter((resource) => !check.complies(settingValue(index, resource, check)))
      .map((resource) => ({ resource, message: `${describe(kind, resource)} ${check.problem}` }));
}

export const isFalse = (value: JsonValue | undefined): boolean => value === false;
export const isTrue = (value: JsonValue | undefined): boolean => value === true;
export const equalsText =
  (...accepted: string[]) =>
  (value: JsonValue | undefined): boolean =>
    typeof value === "string" && accepted.includes(value);
