import { Construct } from "constructs";
import { MonitorMetricAlert } from "@cdktf/provider-azurerm/lib/monitor-metric-alert";
import { MonitorScheduledQueryRulesAlertV2 } from "@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2";
import {
  alertCatalog,
  type AlertDefinition,
  type AlertThresholds,
  type MonitoredKind,
} from "./alert-catalog";

export interface MonitoredResource {
  readonly kind: MonitoredKind;
  /** How the environment file names it, e.g. `serviceBus/orders`; alerts name it the same way. */
  readonly label: string;
  readonly resourceId: string;
  /** Premium-only metrics (namespace CPU and memory) apply. */
  readonly premium?: boolean;
}

export interface MessagingAlertsProps {
  readonly resourceGroupName: string;
  readonly location: string;
  readonly actionGroupId: string;
  readonly resources: readonly MonitoredResource[];
  readonly thresholds: AlertThresholds;
  /**
   * `full` (production): every alert, security signals and the Event Hubs throughput gap;
   * `essential` (development): only the alerts marked essential.
   */
  readonly level: "full" | "essential";
  /** Workspace the resources' diagnostics go to; the Event Hubs throughput-gap alert queries it. */
  readonly logAnalyticsWorkspaceId: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/** Metric alerts for every messaging resource, with thresholds from the environment. */
export class MessagingAlerts extends Construct {
  readonly alertCount: number;

  constructor(scope: Construct, id: string, props: MessagingAlertsProps) {
    super(scope, id);
    for (const [key, value] of Object.entries(props.thresholds)) {
      if (!Number.isFinite(value) || value < 0)
        throw new Error(`alert threshold ${key} must be a number ≥ 0, got ${value}`);
    }
    let count = 0;
    for (const resource of props.resources) {
      for (const definition of alertCatalog[resource.kind]) {
        if (definition.premiumOnly && !resource.premium) continue;
        if (props.level === "essential" && !definition.essential) continue;
        this.metricAlert(resource, definition, props);
        count += 1;
      }
      if (resource.kind === "eventHubs" && props.level === "full") {
        this.throughputGapAlert(resource, props);
        count += 1;
      }
    }
    this.alertCount = count;
  }

  private metricAlert(
    resource: MonitoredResource,
    definition: AlertDefinition,
    props: MessagingAlertsProps,
  ): void {
    const threshold = props.thresholds[definition.threshold];
    new MonitorMetricAlert(
      this,
      `${resource.label}-${definition.metricName}`.replace(/[^A-Za-z0-9-]/g, "-"),
      {
        name: `${resource.label.replace(/\//g, "-")} ${definition.title}`,
        resourceGroupName: props.resourceGroupName,
        scopes: [resource.resourceId],
        description:
          `${definition.title} on ${resource.label} above ${threshold}` +
          `${definition.perEntity ? " (per queue, topic or hub)" : ""}. What to do: ${definition.remedy}.`,
        severity: definition.severity,
        frequency: "PT5M",
        windowSize: "PT15M",
        autoMitigate: true,
        criteria: [
          {
            metricNamespace: definition.metricNamespace,
            metricName: definition.metricName,
            aggregation: definition.aggregation,
            operator: "GreaterThan",
            threshold,
            dimension: definition.perEntity
              ? [{ name: "EntityName", operator: "Include", values: ["*"] }]
              : undefined,
          },
        ],
        action: [{ actionGroupId: props.actionGroupId }],
        tags: props.tags ? { ...props.tags } : undefined,
      },
    );
  }

  /**
   * Incoming minus outgoing messages per hub over 15 minutes: consumers falling behind. A metric
   * alert cannot subtract two metrics, so this queries the metrics the diagnostic settings
   * export to the workspace (table AzureMetrics).
   */
  private throughputGapAlert(resource: MonitoredResource, props: MessagingAlertsProps): void {
    const threshold = props.thresholds.eventHubsIncomingOutgoingGap;
    new MonitorScheduledQueryRulesAlertV2(
      this,
      `${resource.label}-throughput-gap`.replace(/[^A-Za-z0-9-]/g, "-"),
      {
        name: `${resource.label.replace(/\//g, "-")} incoming-outgoing gap`,
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        scopes: [props.logAnalyticsWorkspaceId],
        description:
          `Incoming minus outgoing messages on ${resource.label} above ${threshold} in 15 minutes: consumers are falling behind. ` +
          "What to do: check consumer health and lag per consumer group; scale consumers or partitions.",
        severity: 2,
        evaluationFrequency: "PT15M",
        windowDuration: "PT15M",
        criteria: [
          {
            query: [
              "AzureMetrics",
              `| where _ResourceId =~ "${resource.resourceId}"`,
              '| where MetricName in ("IncomingMessages", "OutgoingMessages")',
              '| summarize incoming = sumif(Total, MetricName == "IncomingMessages"), outgoing = sumif(Total, MetricName == "OutgoingMessages") by bin(TimeGenerated, 15m)',
              "| extend gap = incoming - outgoing",
            ].join("\n"),
            timeAggregationMethod: "Maximum",
            metricMeasureColumn: "gap",
            operator: "GreaterThan",
            threshold,
            failingPeriods: { minimumFailingPeriodsToTriggerAlert: 1, numberOfEvaluationPeriods: 1 },
          },
        ],
        action: { actionGroups: [props.actionGroupId] },
        tags: props.tags ? { ...props.tags } : undefined,
      },
    );
  }
}
