import type { Rule } from "../engine/rule";
import { auditRetentionDays, requireAuditRetention } from "./controls/audit-retention";
import { ALL_TIERS } from "./namespace-rules";

export const auditRetentionRule: Rule = {
  id: "LOG-AUDIT-RETENTION",
  title: "Audit logs are kept for the tier's retention period",
  severity: "medium",
  tiers: ALL_TIERS,
  rationale: `Investigations reach back further than incidents are noticed: ${auditRetentionDays.production} days in production, ${auditRetentionDays.development} in development.`,
  remediation:
    "Raise `monitoring.retentionDays` in the environment file (or the retention of the workspace it names) to the tier's period.",
  anchors: { checkov: [], azurePolicy: ["Resource logs in Service Bus should be enabled"] },
  evaluate: requireAuditRetention,
};
