import type { RuleContext, Violation } from "../../engine/rule";
import type { JsonObject } from "../../engine/terraform-json";
import { blocksOf } from "../../engine/terraform-json";
import type { NamespaceKind } from "./namespace-kinds";
import { describe, namespacesOf } from "./namespace-kinds";

const AUDIT_GROUPS = new Set(["allLogs", "audit"]);
const DESTINATIONS = ["log_analytics_workspace_id", "storage_account_id", "eventhub_authorization_rule_id"];

function collectsAuditLogs(setting: JsonObject): boolean {
  const hasDestination = DESTINATIONS.some(
    (attribute) => typeof setting[attribute] === "string" && setting[attribute] !== "",
  );
  const logs = blocksOf(setting.enabled_log);
  return (
    hasDestination &&
    logs.some((log) => typeof log.category_group === "string" && AUDIT_GROUPS.has(log.category_group))
  );
}

/** Every namespace of `kind` sends its audit logs (category group `audit` or `allLogs`) somewhere. */
export function requireDiagnostics(kind: NamespaceKind): (context: RuleContext) => Violation[] {
  return ({ index }) => {
    const violations: Violation[] = [];
    for (const resource of namespacesOf(index, kind)) {
      const settings = index
        .referrers(resource, "azurerm_monitor_diagnostic_setting", "target_resource_id")
        .map((r) => r.resource.body);
      if (settings.length === 0) {
        violations.push({ resource, message: `${describe(kind, resource)} has no diagnostic setting` });
      } else if (!settings.some(collectsAuditLogs)) {
        violations.push({
          resource,
          message: `${describe(kind, resource)} has diagnostic settings that do not collect the audit log category group`,
        });
      }
    }
    return violations;
  };
}
