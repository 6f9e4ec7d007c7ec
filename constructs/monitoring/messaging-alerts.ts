import { Construct } from "constructs";
import { MonitorMetricAlert } from "@cdktf/provider-azurerm/lib/monitor-metric-alert";
import { MonitorScheduledQueryRulesAlertV2 } from "@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2";
import { DistinctIds, withTag } from "../shared/distinct-ids";
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

/** The alerts one resource gets, and what they are called. */
interface ResourceAlerts {
  readonly resource: MonitoredResource;
  readonly definitions: readonly AlertDefinition[];
  /** The Event Hubs throughput-gap query alert. */
  readonly gap: boolean;
  /** Construct ID of each alert: the definitions' in order, then the gap alert's. */
  readonly ids: readonly string[];
  /** Azure name of each alert, in the same order. */
  readonly names: readonly string[];
}

const GAP_METRIC = "throughput-gap";
const GAP_TITLE = "incoming-outgoing gap";

/** `serviceBus/orders` + `DeadletteredMessages` → `serviceBus-orders-DeadletteredMessages`. */
function alertId(label: string, tag: string | undefined, metric: string): string {
  return `${withTag(label, tag)}-${metric}`.replace(/[^A-Za-z0-9-]/g, "-");
}

/**
 * Characters Azure refuses in the names of metric alerts (`*#&+:<>?@%{}\/`) and of scheduled query
 * rules (`*<>%{}&:\?/#|`), and control characters (learn.microsoft.com resource-name-rules,
 * Microsoft.Insights metricAlerts and scheduledqueryrules). A label's `/` is among them.
 */
const refusedInAlertNames = /[*#&+:<>?@%{}\\/|\p{Cc}]/gu;

/** Longest name of a metric alert or scheduled query rule (same rules page: 1-260 characters). */
const ALERT_NAME_MAX = 260;

/**
 * `serviceBus/orders` + `dead-lettered messages` → `serviceBus-orders dead-lettered messages`. A
 * label too long for the name is cut to fit, tag included; labels cut alike then meet and take tags.
 * Every alert the stack names goes through here (logic apps' failed-run alerts too).
 */
export function alertName(label: string, tag: string | undefined, title: string): string {
  const room = ALERT_NAME_MAX - ` ${title}`.length - (tag === undefined ? 0 : tag.length + 1);
  return `${withTag(label.replace(refusedInAlertNames, "-").slice(0, room), tag)} ${title}`;
}

/**
 * Which alerts each resource gets, with construct IDs and Azure names distinct across all of
 * them: labels meet once sanitized (`serviceBus/a.b` and `serviceBus/a-b` in a construct ID;
 * `serviceBus/a:b` and `serviceBus/a-b` in a name, which Azure compares ignoring case within the
 * resource group). Only a resource whose identifiers would meet another's takes a tag.
 */
function planAlerts(props: MessagingAlertsProps): ResourceAlerts[] {
  const plans = props.resources.map((resource) => ({
    resource,
    parts: [resource.kind, resource.label],
    definitions: alertCatalog[resource.kind].filter(
      (definition) =>
        (!definition.premiumOnly || resource.premium === true) &&
        (props.level === "full" || definition.essential === true),
    ),
    gap: resource.kind === "eventHubs" && props.level === "full",
  }));
  const ids = new DistinctIds(
    plans.map(({ resource, parts, definitions, gap }) => ({
      parts,
      ids: (tag?: string) => [
        ...definitions.map((definition) => alertId(resource.label, tag, definition.metricName)),
        ...(gap ? [alertId(resource.label, tag, GAP_METRIC)] : []),
      ],
    })),
  );
  const names = new DistinctIds(
    plans.map(({ resource, parts, definitions, gap }) => ({
      parts,
      ids: (tag?: string) => [
        ...definitions.map((definition) => alertName(resource.label, tag, definition.title)),
        ...(gap ? [alertName(resource.label, tag, GAP_TITLE)] : []),
      ],
    })),
    { ignoreCase: true },
  );
  return plans.map((plan) => ({ ...plan, ids: ids.of(plan.parts), names: names.of(plan.parts) }));
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
    for (const plan of planAlerts(props)) {
      plan.definitions.forEach((definition, i) => {
        this.metricAlert(plan.resource, definition, plan.ids[i], plan.names[i], props);
        count += 1;
      });
      if (plan.gap) {
        const last = plan.ids.length - 1;
        this.throughputGapAlert(plan.resource, plan.ids[last], plan.names[last], props);
        count += 1;
      }
    }
    this.alertCount = count;
  }

  private metricAlert(
    resource: MonitoredResource,
    definition: AlertDefinition,
    id: string,
    name: string,
    props: MessagingAlertsProps,
  ): void {
    const threshold = props.thresholds[definition.threshold];
    new MonitorMetricAlert(this, id, {
      name,
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
    });
  }

  /**
   * Incoming minus outgoing messages per hub over 15 minutes: consumers falling behind. A metric
   * alert cannot subtract two metrics, so this queries the metrics the diagnostic settings
   * export to the workspace (table AzureMetrics).
   */
  private throughputGapAlert(
    resource: MonitoredResource,
    id: string,
    name: string,
    props: MessagingAlertsProps,
  ): void {
    const threshold = props.thresholds.eventHubsIncomingOutgoingGap;
    new MonitorScheduledQueryRulesAlertV2(this, id, {
      name,
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
    });
  }
}
