import { eventHubsLimits, onDedicatedCluster } from "../../../azure/event-hubs";
import type { EventHubsNamespace } from "../../../model/model";
import { compareResource, reconcileChildren } from "../compare";
import type { CheckResult } from "../results";
import { getOrMissing, listAll, publicAccessEnabled, type VerifyContext } from "../verify-context";

export async function verifyEventHubsNamespace(
  ns: EventHubsNamespace,
  ctx: VerifyContext,
): Promise<CheckResult[]> {
  const label = `eventHubs/${ns.name}`;
  ctx.progress(`checking ${label} (${ns.azureName})`);
  const client = ctx.clients.eventHubs;
  const actual = await getOrMissing(ctx, (o) => client.namespaces.get(ctx.resourceGroup, ns.azureName, o));
  if (!actual) return [{ status: "missing", resource: label }];
  const limits = eventHubsLimits(ns);
  const results = compareResource(
    label,
    {
      sku: ns.sku,
      capacity: onDedicatedCluster(ns) ? undefined : ns.capacity,
      autoInflate: ns.autoInflateMaxCapacity !== undefined,
      maximumThroughputUnits: ns.autoInflateMaxCapacity,
      kafka: limits.kafka ? ns.kafka : undefined,
      localAuth: ns.localAuth,
      publicNetworkAccess: ns.publicNetworkAccess,
      minimumTlsVersion: ns.minimumTlsVersion,
    },
    {
      sku: actual.sku?.name,
      capacity: actual.sku?.capacity,
      autoInflate: actual.isAutoInflateEnabled ?? false,
      maximumThroughputUnits: actual.maximumThroughputUnits,
      kafka: actual.kafkaEnabled,
      localAuth: actual.disableLocalAuth === undefined ? undefined : !actual.disableLocalAuth,
      publicNetworkAccess: publicAccessEnabled(actual.publicNetworkAccess),
      minimumTlsVersion: actual.minimumTlsVersion,
    },
  );

  const hubs = await listAll(ctx, (o) =>
    client.eventHubs.listByNamespace(ctx.resourceGroup, ns.azureName, o),
  );
  const hubsByName = new Map(hubs.map((h) => [(h.name ?? "").toLowerCase(), h]));
  results.push(
    ...reconcileChildren(
      label,
      "hubs",
      ns.hubs.map((h) => h.name),
      hubs.map((h) => h.name ?? ""),
    ).results,
  );
  for (const hub of ns.hubs) {
    const actualHub = hubsByName.get(hub.name.toLowerCase());
    if (!actualHub) continue;
    const hubLabel = `${label}/hubs/${hub.name}`;
    const capture = actualHub.captureDescription;
    results.push(
      ...compareResource(
        hubLabel,
        {
          partitions: hub.partitions,
          retentionDays: hub.retention ? undefined : hub.retentionDays,
          cleanupPolicy: hub.retention?.cleanupPolicy,
          status: hub.status,
          capture: hub.capture !== undefined,
          captureIntervalSeconds: hub.capture?.intervalSeconds,
          captureSizeLimitBytes: hub.capture?.sizeLimitBytes,
        },
        {
          partitions: actualHub.partitionCount,
          retentionDays: actualHub.messageRetentionInDays,
          cleanupPolicy: actualHub.retentionDescription?.cleanupPolicy,
          status: actualHub.status,
          capture: capture?.enabled ?? false,
          captureIntervalSeconds: capture?.intervalInSeconds,
          captureSizeLimitBytes: capture?.sizeLimitInBytes,
        },
      ),
    );
    const groups = await listAll(ctx, (o) =>
      client.consumerGroups.listByEventHub(ctx.resourceGroup, ns.azureName, hub.name, o),
    );
    // Every hub has the built-in `$Default` consumer group; it is Azure's, not unmanaged.
    const declaredGroups = ["$Default", ...hub.consumerGroups.map((g) => g.name)];
    results.push(
      ...reconcileChildren(
        hubLabel,
        "consumerGroups",
        declaredGroups,
        groups.map((g) => g.name ?? ""),
      ).results,
    );
  }

  if (ns.schemaGroups.length > 0 || limits.maxSchemaGroups > 0) {
    const groups = await listAll(ctx, (o) =>
      client.schemaRegistry.listByNamespace(ctx.resourceGroup, ns.azureName, o),
    );
    const groupsByName = new Map(groups.map((g) => [(g.name ?? "").toLowerCase(), g]));
    results.push(
      ...reconcileChildren(
        label,
        "schemaGroups",
        ns.schemaGroups.map((g) => g.name),
        groups.map((g) => g.name ?? ""),
      ).results,
    );
    for (const group of ns.schemaGroups) {
      const actualGroup = groupsByName.get(group.name.toLowerCase());
      if (!actualGroup) continue;
      results.push(
        ...compareResource(
          `${label}/schemaGroups/${group.name}`,
          { compatibility: group.compatibility, type: group.type },
          { compatibility: actualGroup.schemaCompatibility, type: actualGroup.schemaType },
        ),
      );
    }
  }
  return results;
}
