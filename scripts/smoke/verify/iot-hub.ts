import type { IotHub } from "../../../model/model";
import { compareResource, reconcileChildren } from "../compare";
import type { CheckResult } from "../results";
import { getOrMissing, publicAccessEnabled, type VerifyContext } from "../verify-context";

export async function verifyIotHub(hub: IotHub, ctx: VerifyContext): Promise<CheckResult[]> {
  const label = `iotHub/${hub.name}`;
  ctx.progress(`checking ${label} (${hub.azureName})`);
  const actual = await getOrMissing(ctx, (o) =>
    ctx.clients.iotHub.iotHubResource.get(ctx.resourceGroup, hub.azureName, o),
  );
  if (!actual) return [{ status: "missing", resource: label }];
  const properties = actual.properties ?? {};
  const events = properties.eventHubEndpoints?.events;
  const results = compareResource(
    label,
    {
      sku: hub.sku,
      capacity: hub.capacity,
      partitions: hub.partitions,
      retentionDays: hub.retentionDays,
      localAuth: hub.localAuth,
      publicNetworkAccess: hub.publicNetworkAccess,
      minimumTlsVersion: hub.minimumTlsVersion,
      fallbackRoute: hub.fallbackRoute,
    },
    {
      sku: actual.sku.name,
      capacity: actual.sku.capacity,
      partitions: events?.partitionCount,
      retentionDays: events?.retentionTimeInDays,
      localAuth: properties.disableLocalAuth === undefined ? undefined : !properties.disableLocalAuth,
      publicNetworkAccess: publicAccessEnabled(properties.publicNetworkAccess),
      minimumTlsVersion: properties.minTlsVersion,
      fallbackRoute: properties.routing?.fallbackRoute?.isEnabled ?? false,
    },
  );
  const routes = properties.routing?.routes ?? [];
  const byName = new Map(routes.map((r) => [r.name.toLowerCase(), r]));
  results.push(
    ...reconcileChildren(
      label,
      "routes",
      hub.routes.map((r) => r.name),
      routes.map((r) => r.name),
    ).results,
  );
  for (const route of hub.routes) {
    const found = byName.get(route.name.toLowerCase());
    if (!found) continue;
    results.push(
      ...compareResource(
        `${label}/routes/${route.name}`,
        {
          source: route.messageSource,
          condition: route.condition,
          endpoint: route.endpointName,
          enabled: route.enabled,
        },
        {
          source: found.source,
          condition: found.condition ?? "true",
          endpoint: found.endpointNames[0],
          enabled: found.isEnabled,
        },
      ),
    );
  }
  return results;
}
