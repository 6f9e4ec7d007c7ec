import { eventGridCapacityProblems } from "../../azure/capacity-event-grid";
import { eventHubsCapacityProblems, type EventHubsCapacityInput } from "../../azure/capacity-event-hubs";
import { iotHubCapacityProblems } from "../../azure/capacity-iot-hub";
import { serviceBusCapacityProblems } from "../../azure/capacity-service-bus";
import { streamAnalyticsCapacityProblems } from "../../azure/capacity-stream-analytics";
import { streamingUnitsCount } from "../../azure/stream-analytics";
import { loadProfile } from "../profiles";
import type { EventHubsNamespaceSpec } from "../spec";
import type { SemanticCheck } from "./context";

/*
 * Under-provisioning is an error at the `throughput:` line: each service's declared load against
 * the capacity the file states, or the tier profile's where it states none. The sizing rules and
 * their sources are in `azure/capacity-*.ts`; over-provisioning is a recommendation in the policy
 * report (`policies/capacity/recommendations.ts`), never an error.
 */

/** An Event Hubs namespace as sizing sees it, with the tier's partitions where a hub states none. */
export function eventHubsCapacityInput(
  ns: EventHubsNamespaceSpec,
  defaultPartitions: number,
): EventHubsCapacityInput {
  return {
    sku: ns.sku,
    dedicatedCluster: ns.dedicatedCluster,
    dedicatedClusterId: ns.dedicatedClusterId,
    capacity: ns.capacity ?? 1,
    autoInflateMaxCapacity: ns.autoInflateMaxCapacity,
    hubs: (ns.hubs ?? []).map((hub) => ({
      name: hub.name,
      partitions: hub.partitions ?? defaultPartitions,
      consumerGroups: (hub.consumerGroups ?? []).length,
      capture: hub.capture !== undefined,
      throughput: hub.throughput,
    })),
  };
}

export const checkCapacity: SemanticCheck = (ctx) => {
  const profile = loadProfile(ctx.spec.tier);
  (ctx.spec.serviceBus ?? []).forEach((ns, i) =>
    ctx.report(
      `/serviceBus/${i}`,
      serviceBusCapacityProblems({
        sku: ns.sku,
        queues: ns.queues ?? [],
        // Basic has no topics; the Service Bus check refuses them.
        topics: (ns.topics ?? []).map((t) => ({ ...t, subscriptions: (t.subscriptions ?? []).length })),
      }),
    ),
  );
  (ctx.spec.eventHubs ?? []).forEach((ns, i) =>
    ctx.report(
      `/eventHubs/${i}`,
      eventHubsCapacityProblems(eventHubsCapacityInput(ns, profile.eventHub.partitions)),
    ),
  );
  (ctx.spec.iotHub ?? []).forEach((hub, i) =>
    ctx.report(
      `/iotHub/${i}`,
      iotHubCapacityProblems({
        sku: hub.sku,
        capacity: hub.capacity ?? profile.iotHub.capacity,
        throughput: hub.throughput,
      }),
    ),
  );
  (ctx.spec.eventGrid?.namespaces ?? []).forEach((ns, i) =>
    ctx.report(
      `/eventGrid/namespaces/${i}`,
      eventGridCapacityProblems({
        capacity: ns.capacity ?? 1,
        mqtt: ns.mqtt !== undefined,
        throughput: ns.throughput,
      }),
    ),
  );
  (ctx.spec.streamAnalytics ?? []).forEach((job, i) =>
    ctx.report(
      `/streamAnalytics/${i}`,
      streamAnalyticsCapacityProblems({
        sku: job.sku,
        // The file counts in the SKU's own unit as the portal does, with "1/3" and "2/3" as text.
        streamingUnits: streamingUnitsCount(job.streamingUnits),
        throughput: job.throughput,
      }),
    ),
  );
};
