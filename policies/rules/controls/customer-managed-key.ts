import type { RuleContext, Violation } from "../../engine/rule";
import type { TerraformResource } from "../../engine/stack-index";
import { attributeAt, blocksOf } from "../../engine/terraform-json";
import type { NamespaceKind } from "./namespace-kinds";
import { describe, namespacesOf } from "./namespace-kinds";

export interface CustomerManagedKeyCheck {
  /** Inline block on the namespace (`customer_managed_key`), when azurerm has one. */
  readonly inlineBlock?: string;
  /** Separate key resource and the attribute that names the namespace. */
  readonly keyResource: { readonly type: string; readonly attribute: string };
  /** Whether the namespace's SKU supports customer-managed keys at all. */
  readonly supported: (namespace: TerraformResource) => boolean;
}

/** Namespaces whose SKU supports it encrypt with a customer-managed key and infrastructure encryption. */
export function requireCustomerManagedKey(
  kind: NamespaceKind,
  check: CustomerManagedKeyCheck,
): (context: RuleContext) => Violation[] {
  return ({ index }) => {
    const violations: Violation[] = [];
    for (const resource of namespacesOf(index, kind).filter(check.supported)) {
      const inline = check.inlineBlock ? blocksOf(resource.body[check.inlineBlock]) : [];
      const separate = index
        .referrers(resource, check.keyResource.type, check.keyResource.attribute)
        .map((r) => r.resource.body);
      const keys = [...inline, ...separate];
      if (keys.length === 0) {
        violations.push({
          resource,
          message: `${describe(kind, resource)} encrypts with Microsoft-managed keys only`,
        });
      } else if (!keys.some((key) => attributeAt(key, "infrastructure_encryption_enabled") === true)) {
        violations.push({
          resource,
          message: `${describe(kind, resource)} has a customer-managed key without infrastructure (double) encryption`,
        });
      }
    }
    return violations;
  };
}
