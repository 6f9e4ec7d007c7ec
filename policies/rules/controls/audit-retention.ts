import type { Tier } from "../../../model/spec";
import { ENVIRONMENT_ADDRESS } from "../../engine/declarations";
import type { RuleContext, Violation } from "../../engine/rule";

/**
 * Days of audit logs each tier keeps. A year in production: Azure Policy's resource-log built-ins
 * ("Resource logs in Service Bus should be enabled" and its siblings) default `requiredRetentionDays` to 365.
 */
export const auditRetentionDays: Readonly<Record<Tier, number>> = { development: 30, production: 365 };

/**
 * The Log Analytics workspaces of the stack keep audit logs for the tier's period. When the
 * environment sends logs to a workspace it does not create, its declared retention is checked.
 */
export function requireAuditRetention(context: RuleContext): Violation[] {
  const tier = context.model?.tier ?? "production";
  const required = auditRetentionDays[tier];
  const workspaces = context.index.ofType("azurerm_log_analytics_workspace");
  if (workspaces.length > 0) {
    return workspaces
      .filter(
        (workspace) =>
          typeof workspace.body.retention_in_days !== "number" || workspace.body.retention_in_days < required,
      )
      .map((workspace) => ({
        resource: workspace,
        message: `Log Analytics workspace "${String(workspace.body.name ?? workspace.address)}" keeps logs ${String(workspace.body.retention_in_days ?? 30)} days; the ${tier} tier requires ${required}`,
      }));
  }
  const declared = context.model?.monitoring.retentionDays;
  if (declared === undefined || declared >= required) return [];
  return [
    {
      declaration: {
        address: ENVIRONMENT_ADDRESS,
        source: context.model
          ? { file: context.model.file, line: 1, column: 1, pointer: "/monitoring" }
          : undefined,
      },
      message: `monitoring.retentionDays is ${declared}; the ${tier} tier requires ${required}`,
    },
  ];
}
