import { geoDisasterRecoveryApplies } from "../../azure/capabilities";
import { eventHubsCapabilities, eventHubsGeoPairable, eventHubsLimits } from "../../azure/event-hubs";
import type { Capture, ConsumerGroup, EventHub, EventHubsNamespace } from "../model";
import {
  azureNameOf,
  dedicatedClusterAzureName,
  defaultCaptureContainerName,
  geoPairNames,
} from "../resource-names";
import type { CaptureSpec, ConsumerGroupSpec, EventHubSpec, EventHubsNamespaceSpec } from "../spec";
import type { ResolveContext } from "./context";

function capture(ctx: ResolveContext, c: CaptureSpec): Capture {
  const d = ctx.profile.capture;
  return {
    intervalSeconds: c.intervalSeconds ?? d.intervalSeconds,
    sizeLimitBytes: c.sizeLimitBytes ?? d.sizeLimitBytes,
    archiveNameFormat: c.archiveNameFormat ?? d.archiveNameFormat,
    skipEmptyArchives: c.skipEmptyArchives ?? d.skipEmptyArchives,
    storageAccountId: c.storageAccountId,
    container: c.container ?? defaultCaptureContainerName,
    retentionDays: c.retentionDays ?? d.retentionDays,
  };
}

function consumerGroup(
  ctx: ResolveContext,
  group: string | ConsumerGroupSpec,
  pointer: string,
): ConsumerGroup {
  const spec: ConsumerGroupSpec = typeof group === "string" ? { name: group } : group;
  return {
    name: spec.name,
    userMetadata: spec.userMetadata,
    receivers: ctx.principalList(spec.receivers),
    source: ctx.source(pointer),
  };
}

function hub(ctx: ResolveContext, ns: string, h: EventHubSpec, pointer: string): EventHub {
  const d = ctx.profile.eventHub;
  return {
    name: h.name,
    partitions: h.partitions ?? d.partitions,
    retentionDays: h.retentionDays ?? d.retentionDays,
    retention: h.retention,
    status: h.status ?? "Active",
    eventSourced: h.eventSourced ?? false,
    capture: h.capture ? capture(ctx, h.capture) : undefined,
    consumerGroups: (h.consumerGroups ?? []).map((g, k) =>
      consumerGroup(ctx, g, `${pointer}/consumerGroups/${k}`),
    ),
    throughput: h.throughput,
    ...ctx.grants(h),
    source: ctx.source(pointer),
    // `eventSourced` promises delete protection (schema: "gets delete protection like other stateful
    // entities"), which the development profile would otherwise not give.
    preventDestroy: h.eventSourced
      ? ctx.preventDestroyOfRecord("eventHubs", ns, h.name)
      : ctx.preventDestroy("eventHubs", ns, h.name),
  };
}

export function resolveEventHubsNamespace(
  ctx: ResolveContext,
  ns: EventHubsNamespaceSpec,
  index: number,
): EventHubsNamespace {
  const pointer = `/eventHubs/${index}`;
  const azureName = azureNameOf("eventHubsNamespace", ctx.naming, ns);
  const geo = geoDisasterRecoveryApplies(
    ctx.spec.secondaryLocation,
    eventHubsGeoPairable(ns),
    ns.geoDisasterRecovery,
    ctx.profile.namespace.geoDisasterRecovery,
  );
  const capabilities = eventHubsCapabilities(ns);
  return {
    ...ctx.namespaceSettings(ns, pointer, {
      service: "eventHubs",
      azureName,
      privateEndpointSupported: capabilities.privateEndpoint === true,
      customerManagedKeySupported: capabilities.customerManagedKey === true,
      dnsZone: "eventHubs",
    }),
    sku: ns.sku,
    capacity: ns.capacity ?? 1,
    autoInflateMaxCapacity: ns.autoInflateMaxCapacity,
    dedicatedClusterId: ns.dedicatedClusterId,
    dedicatedCluster: ns.dedicatedCluster
      ? {
          name: ns.dedicatedCluster.name,
          azureName: dedicatedClusterAzureName(ctx.naming, ns.dedicatedCluster.name),
          capacity: ns.dedicatedCluster.capacity ?? 1,
        }
      : undefined,
    // The tier decides: validation refuses a `kafka` that contradicts it, and a Basic namespace on a
    // dedicated cluster has the cluster's Kafka endpoint.
    kafka: eventHubsLimits(ns).kafka,
    zoneRedundant: ns.zoneRedundant ?? false,
    geoDisasterRecovery:
      geo && ctx.spec.secondaryLocation !== undefined
        ? { secondaryLocation: ctx.spec.secondaryLocation, ...geoPairNames(azureName) }
        : undefined,
    hubs: (ns.hubs ?? []).map((h, j) => hub(ctx, ns.name, h, `${pointer}/hubs/${j}`)),
    schemaGroups: (ns.schemaGroups ?? []).map((g, j) => ({
      ...g,
      source: ctx.source(`${pointer}/schemaGroups/${j}`),
    })),
  };
}
