import { streamAnalyticsMetrics } from "../../azure/stream-analytics";

/**
 * The metric alerts each kind of messaging resource gets. Metric names, namespaces and
 * aggregations are Azure Monitor's ("Supported metrics" for Microsoft.ServiceBus/namespaces,
 * Microsoft.EventHub/namespaces, Microsoft.EventGrid/topics, systemTopics and namespaces,
 * Microsoft.Devices/IotHubs and Microsoft.Relay/namespaces). Each says what to do when it fires.
 */
export type MonitoredKind =
  | "serviceBus"
  | "eventHubs"
  | "eventGridTopic"
  | "eventGridSystemTopic"
  | "eventGridNamespace"
  | "iotHub"
  | "relay"
  | "streamAnalytics";

/** Thresholds by alert key; the keys are the environment file's `monitoring.alerts` fields. */
export interface AlertThresholds {
  readonly serviceBusDeadLetteredMessages: number;
  readonly serviceBusActiveMessages: number;
  readonly serviceBusThrottledRequests: number;
  readonly serviceBusServerErrors: number;
  readonly serviceBusCpuPercent: number;
  readonly serviceBusMemoryPercent: number;
  readonly eventHubsThrottledRequests: number;
  readonly eventHubsServerErrors: number;
  readonly eventHubsCaptureBacklog: number;
  readonly eventHubsIncomingOutgoingGap: number;
  readonly eventGridDroppedEvents: number;
  readonly eventGridDeadLetteredEvents: number;
  readonly eventGridDeliveryFailures: number;
  readonly iotHubDroppedTelemetry: number;
  readonly iotHubOrphanedTelemetry: number;
  readonly iotHubThrottlingErrors: number;
  readonly relayListenerErrors: number;
  readonly authorizationFailures: number;
  readonly streamAnalyticsRuntimeErrors: number;
  readonly streamAnalyticsDeserializationErrors: number;
  readonly streamAnalyticsWatermarkDelaySeconds: number;
  readonly streamAnalyticsUtilizationPercent: number;
}

export interface AlertDefinition {
  /** Which threshold applies. */
  readonly threshold: keyof AlertThresholds;
  readonly metricNamespace: string;
  readonly metricName: string;
  readonly aggregation: "Average" | "Maximum" | "Total";
  /** 0 critical … 4 verbose. */
  readonly severity: 0 | 1 | 2 | 3 | 4;
  /** Split by entity (queue, topic, hub) so each one alerts on its own. */
  readonly perEntity?: boolean;
  /** Only on the Premium tier (the metric exists nowhere else). */
  readonly premiumOnly?: boolean;
  /** Part of the lighter development set, not only production's. */
  readonly essential?: boolean;
  /** A security signal rather than an operational one. */
  readonly security?: boolean;
  readonly title: string;
  readonly remedy: string;
}

const sb = "Microsoft.ServiceBus/namespaces";
const sa = streamAnalyticsMetrics;
const eh = "Microsoft.EventHub/namespaces";

export const alertCatalog: Readonly<Record<MonitoredKind, readonly AlertDefinition[]>> = {
  serviceBus: [
    {
      threshold: "serviceBusDeadLetteredMessages",
      metricNamespace: sb,
      metricName: "DeadletteredMessages",
      aggregation: "Average",
      severity: 2,
      perEntity: true,
      essential: true,
      title: "dead-lettered messages",
      remedy:
        "read the dead-letter sub-queue's DeadLetterReason, fix the consumer or the poison message, then resubmit or purge",
    },
    {
      threshold: "serviceBusActiveMessages",
      metricNamespace: sb,
      metricName: "ActiveMessages",
      aggregation: "Average",
      severity: 3,
      perEntity: true,
      title: "active message backlog",
      remedy:
        "check that receivers are running and keeping up; scale them out or raise the namespace's messaging units",
    },
    {
      threshold: "serviceBusThrottledRequests",
      metricNamespace: sb,
      metricName: "ThrottledRequests",
      aggregation: "Total",
      severity: 2,
      title: "throttled requests",
      remedy: "the namespace is at its limits: add messaging units (Premium) or spread load over entities",
    },
    {
      threshold: "serviceBusServerErrors",
      metricNamespace: sb,
      metricName: "ServerErrors",
      aggregation: "Total",
      severity: 1,
      essential: true,
      title: "server errors",
      remedy: "check Azure Service Health for the region; clients retry, so watch for a sustained rate",
    },
    {
      threshold: "serviceBusCpuPercent",
      metricNamespace: sb,
      metricName: "NamespaceCpuUsage",
      aggregation: "Maximum",
      severity: 2,
      premiumOnly: true,
      title: "namespace CPU",
      remedy: "raise the messaging units or let autoscale do it (autoscale in the environment file)",
    },
    {
      threshold: "serviceBusMemoryPercent",
      metricNamespace: sb,
      metricName: "NamespaceMemoryUsage",
      aggregation: "Maximum",
      severity: 2,
      premiumOnly: true,
      title: "namespace memory",
      remedy: "drain backlogs or raise the messaging units",
    },
    {
      threshold: "authorizationFailures",
      metricNamespace: sb,
      metricName: "UserErrors",
      aggregation: "Total",
      severity: 2,
      security: true,
      title: "user errors (authorization failures)",
      remedy:
        "look up the caller in the namespace's runtime audit logs: a missing role, an expired credential or a probe",
    },
  ],
  eventHubs: [
    {
      threshold: "eventHubsThrottledRequests",
      metricNamespace: eh,
      metricName: "ThrottledRequests",
      aggregation: "Total",
      severity: 2,
      title: "throttled requests",
      remedy: "raise throughput units (or let auto-inflate do it) or processing units on Premium",
    },
    {
      threshold: "eventHubsServerErrors",
      metricNamespace: eh,
      metricName: "ServerErrors",
      aggregation: "Total",
      severity: 1,
      essential: true,
      title: "server errors",
      remedy: "check Azure Service Health for the region; clients retry, so watch for a sustained rate",
    },
    {
      threshold: "eventHubsCaptureBacklog",
      metricNamespace: eh,
      metricName: "CaptureBacklog",
      aggregation: "Total",
      severity: 2,
      perEntity: true,
      title: "capture backlog",
      remedy:
        "capture cannot write to its storage: check the namespace identity's role on the container and the storage firewall",
    },
    {
      threshold: "authorizationFailures",
      metricNamespace: eh,
      metricName: "UserErrors",
      aggregation: "Total",
      severity: 2,
      security: true,
      title: "user errors (authorization failures)",
      remedy:
        "look up the caller in the namespace's runtime audit logs: a missing role, an expired credential or a probe",
    },
  ],
  eventGridTopic: eventGridDeliveryAlerts("Microsoft.EventGrid/topics"),
  eventGridSystemTopic: eventGridDeliveryAlerts("Microsoft.EventGrid/systemTopics"),
  eventGridNamespace: [
    {
      threshold: "eventGridDroppedEvents",
      metricNamespace: "Microsoft.EventGrid/namespaces",
      metricName: "Mqtt.FailedPublishedMessages",
      aggregation: "Total",
      severity: 2,
      essential: true,
      title: "failed MQTT publishes",
      remedy: "check the client's permission binding for the topic and the namespace's throughput units",
    },
  ],
  iotHub: [
    {
      threshold: "iotHubDroppedTelemetry",
      metricNamespace: "Microsoft.Devices/IotHubs",
      metricName: "d2c.telemetry.egress.dropped",
      aggregation: "Total",
      severity: 2,
      essential: true,
      title: "dropped telemetry",
      remedy:
        "messages matched no route and the fallback route is off, or an endpoint is dead: check the routes and endpoint health",
    },
    {
      threshold: "iotHubOrphanedTelemetry",
      metricNamespace: "Microsoft.Devices/IotHubs",
      metricName: "d2c.telemetry.egress.orphaned",
      aggregation: "Total",
      severity: 3,
      title: "orphaned telemetry",
      remedy: "messages matched no route: add a route or enable the fallback route",
    },
    {
      threshold: "iotHubThrottlingErrors",
      metricNamespace: "Microsoft.Devices/IotHubs",
      metricName: "d2c.telemetry.ingress.sendThrottle",
      aggregation: "Total",
      severity: 2,
      title: "throttling errors",
      remedy: "devices exceed the unit's quota: add units or move to a larger SKU",
    },
  ],
  // Metric names from azure/stream-analytics.ts ("Supported metrics for Microsoft.StreamAnalytics/streamingjobs").
  streamAnalytics: [
    {
      threshold: "streamAnalyticsRuntimeErrors",
      metricNamespace: sa.namespace,
      metricName: sa.runtimeErrors.name,
      aggregation: sa.runtimeErrors.aggregation,
      severity: 1,
      essential: true,
      title: "runtime errors",
      remedy:
        "the job failed to read, evaluate or write events: read its activity and resource logs, fix the query, an input or an output's permissions",
    },
    {
      threshold: "streamAnalyticsDeserializationErrors",
      metricNamespace: sa.namespace,
      metricName: sa.deserializationErrors.name,
      aggregation: sa.deserializationErrors.aggregation,
      severity: 2,
      title: "input deserialization errors",
      remedy:
        "events arrive in a shape the input's serialization cannot read: fix the sender or the input's serialization",
    },
    {
      threshold: "streamAnalyticsWatermarkDelaySeconds",
      metricNamespace: sa.namespace,
      metricName: sa.watermarkDelaySeconds.name,
      aggregation: sa.watermarkDelaySeconds.aggregation,
      severity: 2,
      title: "watermark delay",
      remedy:
        "output lags behind input: the job is short of streaming units, an output throttles, or events arrive late; add units or check the outputs",
    },
    {
      threshold: "streamAnalyticsUtilizationPercent",
      metricNamespace: sa.namespace,
      metricName: sa.memoryUtilizationPercent.name,
      aggregation: sa.memoryUtilizationPercent.aggregation,
      severity: 2,
      title: "SU utilization",
      remedy: "the job's memory is nearly used up: add streaming units before it falls behind or fails",
    },
  ],
  relay: [
    {
      threshold: "relayListenerErrors",
      metricNamespace: "Microsoft.Relay/namespaces",
      metricName: "ListenerConnections-ServerError",
      aggregation: "Total",
      severity: 2,
      essential: true,
      title: "listener server errors",
      remedy:
        "the on-premises listener cannot stay connected: check the listener host, its outbound port 443 and its credential",
    },
  ],
};

function eventGridDeliveryAlerts(metricNamespace: string): readonly AlertDefinition[] {
  return [
    {
      threshold: "eventGridDroppedEvents",
      metricNamespace,
      metricName: "DroppedEventCount",
      aggregation: "Total",
      severity: 1,
      essential: true,
      title: "dropped events",
      remedy:
        "events were lost after all retries with no dead-letter destination: configure dead-lettering and fix the destination",
    },
    {
      threshold: "eventGridDeadLetteredEvents",
      metricNamespace,
      metricName: "DeadLetteredCount",
      aggregation: "Total",
      severity: 2,
      title: "dead-lettered events",
      remedy: "read the dead-letter blobs' deadLetterReason, fix the destination, then replay them",
    },
    {
      threshold: "eventGridDeliveryFailures",
      metricNamespace,
      metricName: "DeliveryAttemptFailCount",
      aggregation: "Total",
      severity: 3,
      title: "delivery failures",
      remedy: "the destination refuses or times out: check its health and the topic identity's role on it",
    },
  ];
}
