import type {
  Capture,
  ConsumerGroup,
  EnvironmentModel,
  EventHub,
  EventHubsNamespace,
  Principal,
  Tier,
} from "../../../model/model";
import {
  analytics,
  emptyEnvironment,
  namespaceDefaults,
  noGrants,
  plantGateway,
  source,
} from "./model-defaults";

export { analytics, plantGateway };

/**
 * Hand-built environment models for Event Hubs stack tests, shaped like the resolver's output for
 * the shared examples: every default applied, nothing left to interpretation.
 */

export function captureModel(overrides: Partial<Capture> = {}): Capture {
  return {
    intervalSeconds: 300,
    sizeLimitBytes: 314572800,
    archiveNameFormat: "{Namespace}/{EventHub}/{PartitionId}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}",
    skipEmptyArchives: true,
    container: "capture",
    retentionDays: 30,
    ...overrides,
  };
}

/**
 * model.ts intersects the spec's `receivers: string[]` with `Principal[]` (it does not omit the spec's
 * field), so a resolved group's receivers are typed as both; the assertion bridges that until it does.
 */
export function consumerGroupModel(name: string, receivers: readonly Principal[] = []): ConsumerGroup {
  return {
    name,
    receivers: receivers as ConsumerGroup["receivers"],
    source: source(`/consumerGroups/${name}`),
  };
}

export function hubModel(overrides: Partial<EventHub> & { name: string }): EventHub {
  return {
    partitions: 4,
    retentionDays: 1,
    status: "Active",
    eventSourced: false,
    consumerGroups: [],
    preventDestroy: false,
    source: source(`/hubs/${overrides.name}`),
    ...noGrants,
    ...overrides,
  };
}

/** The `telemetry` namespace of dev.yaml: Standard, one hub of 4 partitions kept 1 day. */
export function devTelemetry(overrides: Partial<EventHubsNamespace> = {}): EventHubsNamespace {
  return {
    name: "telemetry",
    azureName: "evhns-contoso-telemetry-test",
    source: source("/eventHubs/0"),
    ...namespaceDefaults(),
    sku: "Standard",
    capacity: 1,
    kafka: true,
    zoneRedundant: true,
    hubs: [hubModel({ name: "device-telemetry" })],
    schemaGroups: [],
    ...overrides,
  };
}

/** The `telemetry` namespace of prod.yaml: auto-inflate, an IP allow-list, capture, consumer groups, a schema group. */
export function prodTelemetry(overrides: Partial<EventHubsNamespace> = {}): EventHubsNamespace {
  return devTelemetry({
    capacity: 2,
    autoInflateMaxCapacity: 10,
    allowedIpRanges: ["203.0.113.0/24"],
    lock: true,
    preventDestroy: true,
    hubs: [
      hubModel({
        name: "device-telemetry",
        partitions: 16,
        retentionDays: 7,
        capture: captureModel(),
        consumerGroups: [consumerGroupModel("analytics"), consumerGroupModel("archive")],
        senders: [plantGateway],
        receivers: [analytics],
        preventDestroy: true,
      }),
    ],
    schemaGroups: [
      {
        name: "telemetry-schemas",
        compatibility: "Backward",
        type: "Avro",
        source: source("/schemaGroups/0"),
      },
    ],
    ...overrides,
  });
}

/** A whole environment around the given Event Hubs namespaces, every other service empty. */
export function environmentWith(
  eventHubs: readonly EventHubsNamespace[],
  tier: Tier = "development",
): EnvironmentModel {
  const empty = emptyEnvironment({
    name: "test",
    tier,
    logAnalyticsWorkspaceId: "/workspaces/log",
    principals: [analytics, plantGateway],
  });
  return { ...empty, eventHubs };
}
