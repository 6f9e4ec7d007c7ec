import { Construct } from "constructs";
import { MonitorMetricAlert } from "@cdktf/provider-azurerm/lib/monitor-metric-alert";
import { MonitorScheduledQueryRulesAlertV2 } from "@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2";
import { failedRunSignals, type LogicAppHosting } from "../../azure/logic-apps";
import { alertName } from "../monitoring/messaging-alerts";

export interface FailedRunsAlertProps {
  /** How the environment file names the app (`logicApps/order-relay`); the alert says it so. */
  readonly label: string;
  readonly hosting: LogicAppHosting;
  /** The Consumption workflow or the Standard app. */
  readonly resourceId: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly actionGroupId: string;
  /** Failed runs per 5 minutes above which the alert fires (0: every failed run). */
  readonly threshold: number;
  /** Workspace the Standard app's runtime logs go to (its diagnostic setting). */
  readonly logAnalyticsWorkspaceId: string;
  /** @default - no tags */
  readonly tags?: Readonly<Record<string, string>>;
}

const remedy =
  "What to do: open the run history, fix the failing action or its input, and resubmit the failed runs";

/**
 * An alert on failed workflow runs. Consumption: the workflow's `RunsFailed` metric. Standard: its
 * runs are in the app's workflow runtime log in the workspace (`LogicAppWorkflowRuntime`, a
 * completed run with status Failed), which no platform metric of the site counts per run.
 */
export class FailedRunsAlert extends Construct {
  constructor(scope: Construct, id: string, props: FailedRunsAlertProps) {
    super(scope, id);
    if (!Number.isFinite(props.threshold) || props.threshold < 0) {
      throw new Error(`alert threshold logicAppFailedRuns must be a number ≥ 0, got ${props.threshold}`);
    }
    // Azure refuses more than `/` in alert names (`#`, `&`, `:`...) and caps their length.
    const name = alertName(props.label, undefined, "failed runs");
    const description = `Failed workflow runs of ${props.label} above ${props.threshold} in 5 minutes. ${remedy}.`;
    const tags = props.tags ? { ...props.tags } : undefined;
    if (props.hosting === "Consumption") {
      new MonitorMetricAlert(this, "alert", {
        name,
        resourceGroupName: props.resourceGroupName,
        scopes: [props.resourceId],
        description,
        severity: 2,
        frequency: "PT5M",
        windowSize: "PT5M",
        autoMitigate: true,
        criteria: [
          {
            ...failedRunSignals.consumptionMetric,
            aggregation: "Total",
            operator: "GreaterThan",
            threshold: props.threshold,
          },
        ],
        action: [{ actionGroupId: props.actionGroupId }],
        tags,
      });
      return;
    }
    new MonitorScheduledQueryRulesAlertV2(this, "alert", {
      name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      scopes: [props.logAnalyticsWorkspaceId],
      description,
      severity: 2,
      evaluationFrequency: "PT5M",
      windowDuration: "PT5M",
      criteria: [
        {
          query: [
            failedRunSignals.standardLogTable,
            `| where _ResourceId =~ "${props.resourceId}"`,
            `| where OperationName == "${failedRunSignals.standardRunCompleted}" and Status == "Failed"`,
            "| summarize failed = count() by bin(TimeGenerated, 5m)",
          ].join("\n"),
          timeAggregationMethod: "Maximum",
          metricMeasureColumn: "failed",
          operator: "GreaterThan",
          threshold: props.threshold,
          failingPeriods: { minimumFailingPeriodsToTriggerAlert: 1, numberOfEvaluationPeriods: 1 },
        },
      ],
      action: { actionGroups: [props.actionGroupId] },
      tags,
    });
  }
}
