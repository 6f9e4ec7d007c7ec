import { Construct } from "constructs";
import { Fn } from "cdktf";
import { ApplicationInsightsWorkbook } from "@cdktf/provider-azurerm/lib/application-insights-workbook";
import { deterministicUuid } from "../shared/deterministic-uuid";
import type { MonitoredKind } from "./alert-catalog";
import type { MonitoredResource } from "./messaging-alerts";

export interface MessagingWorkbookProps {
  readonly environment: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly resources: readonly MonitoredResource[];
  readonly tags?: Readonly<Record<string, string>>;
}

interface ChartMetric {
  readonly kinds: readonly MonitoredKind[];
  readonly metric: string;
  /** Workbook aggregation codes: 1 sum, 3 maximum, 4 average. */
  readonly aggregation: 1 | 3 | 4;
}

interface Section {
  readonly title: string;
  readonly metrics: readonly ChartMetric[];
}

/** What an on-call engineer looks at first: throughput, backlog, dead letters and errors, across every resource. */
const sections: readonly Section[] = [
  {
    title: "Throughput",
    metrics: [
      { kinds: ["serviceBus", "eventHubs"], metric: "IncomingMessages", aggregation: 1 },
      { kinds: ["serviceBus", "eventHubs"], metric: "OutgoingMessages", aggregation: 1 },
      { kinds: ["eventGridTopic", "eventGridSystemTopic"], metric: "PublishSuccessCount", aggregation: 1 },
      { kinds: ["eventGridTopic", "eventGridSystemTopic"], metric: "DeliverySuccessCount", aggregation: 1 },
      { kinds: ["iotHub"], metric: "d2c.telemetry.ingress.success", aggregation: 1 },
    ],
  },
  {
    title: "Backlog",
    metrics: [
      { kinds: ["serviceBus"], metric: "ActiveMessages", aggregation: 4 },
      { kinds: ["eventHubs"], metric: "CaptureBacklog", aggregation: 1 },
    ],
  },
  {
    title: "Dead letters",
    metrics: [
      { kinds: ["serviceBus"], metric: "DeadletteredMessages", aggregation: 4 },
      { kinds: ["eventGridTopic", "eventGridSystemTopic"], metric: "DeadLetteredCount", aggregation: 1 },
    ],
  },
  {
    title: "Errors",
    metrics: [
      { kinds: ["serviceBus", "eventHubs"], metric: "ServerErrors", aggregation: 1 },
      { kinds: ["serviceBus", "eventHubs"], metric: "UserErrors", aggregation: 1 },
      { kinds: ["eventGridTopic", "eventGridSystemTopic"], metric: "DroppedEventCount", aggregation: 1 },
      { kinds: ["iotHub"], metric: "d2c.telemetry.egress.dropped", aggregation: 1 },
      { kinds: ["relay"], metric: "ListenerConnections-ServerError", aggregation: 1 },
    ],
  },
];

const resourceTypes: Readonly<Record<MonitoredKind, string>> = {
  serviceBus: "microsoft.servicebus/namespaces",
  eventHubs: "microsoft.eventhub/namespaces",
  eventGridTopic: "microsoft.eventgrid/topics",
  eventGridSystemTopic: "microsoft.eventgrid/systemtopics",
  eventGridNamespace: "microsoft.eventgrid/namespaces",
  iotHub: "microsoft.devices/iothubs",
  relay: "microsoft.relay/namespaces",
  streamAnalytics: "microsoft.streamanalytics/streamingjobs",
};

/** One Azure Monitor workbook per environment with a chart per metric and resource type. */
export class MessagingWorkbook extends Construct {
  readonly chartCount: number;

  constructor(scope: Construct, id: string, props: MessagingWorkbookProps) {
    super(scope, id);
    const items: unknown[] = [
      {
        type: 1,
        name: "header",
        content: {
          json: `# Messaging: ${props.environment}\nThroughput, backlog, dead letters and errors of every messaging resource in this environment.`,
        },
      },
    ];
    for (const section of sections) {
      items.push({ type: 1, name: `${section.title}-heading`, content: { json: `## ${section.title}` } });
      for (const chart of section.metrics) {
        for (const kind of chart.kinds) {
          const ids = props.resources.filter((r) => r.kind === kind).map((r) => r.resourceId);
          if (ids.length === 0) continue;
          const type = resourceTypes[kind];
          items.push({
            type: 10,
            name: `${section.title}-${kind}-${chart.metric}`,
            content: {
              chartId: deterministicUuid(props.environment, section.title, kind, chart.metric),
              version: "MetricsItem/2.0",
              size: 0,
              chartType: 2,
              resourceType: type,
              metricScope: 0,
              resourceIds: ids,
              timeContext: { durationMs: 86400000 },
              metrics: [
                { namespace: type, metric: `${type}--${chart.metric}`, aggregation: chart.aggregation },
              ],
              title: `${chart.metric} (${kind})`,
              gridSettings: { rowLimit: 10000 },
            },
          });
        }
      }
    }
    this.chartCount = items.filter((i) => (i as { type: number }).type === 10).length;
    new ApplicationInsightsWorkbook(this, "workbook", {
      name: deterministicUuid("workbook", props.environment),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      displayName: `Messaging overview (${props.environment})`,
      category: "workbook",
      sourceId: "azure monitor",
      dataJson: Fn.jsonencode({ version: "Notebook/1.0", items, fallbackResourceIds: ["Azure Monitor"] }),
      tags: props.tags ? { ...props.tags } : undefined,
    });
  }
}
