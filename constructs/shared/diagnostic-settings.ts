import { Construct } from "constructs";
import { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";

export interface DiagnosticSettingsProps {
  /** The resource whose logs and metrics are collected. */
  readonly targetResourceId: string;
  /** The Log Analytics workspace that receives them. */
  readonly logAnalyticsWorkspaceId: string;
  /**
   * Log category groups to collect.
   * @default - `allLogs`, which includes the `audit` group: every data-plane and management log
   */
  readonly categoryGroups?: readonly ("allLogs" | "audit")[];
  /**
   * Whether platform metrics are exported too.
   * @default - all metrics are exported
   */
  readonly metrics?: boolean;
}

/**
 * Sends a resource's logs and metrics to Log Analytics in resource-specific tables
 * (`Dedicated`), which is what Azure's own workbooks and the audit queries expect.
 */
export function diagnosticSettingsFor(
  scope: Construct,
  id: string,
  props: DiagnosticSettingsProps,
): MonitorDiagnosticSetting {
  const groups = props.categoryGroups ?? ["allLogs"];
  return new MonitorDiagnosticSetting(scope, id, {
    name: "diag-to-log-analytics",
    targetResourceId: props.targetResourceId,
    logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
    enabledLog: groups.map((categoryGroup) => ({ categoryGroup })),
    enabledMetric: props.metrics === false ? undefined : [{ category: "AllMetrics" }],
  });
}
