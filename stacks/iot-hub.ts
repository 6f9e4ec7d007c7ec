import {
  DeviceProvisioningService,
  IotHub,
  IotHubConsumerGroup,
  IotHubEndpoint,
  IotHubEnrichment,
  IotHubRoute,
  type IotHubEndpointTarget,
} from "../constructs/iot-hub";
import type * as model from "../model/model";
import { privateEndpointOf } from "./private-endpoint-of";
import type { StackContext } from "./stack-context";

function endpointTarget(ctx: StackContext, target: model.IotRouteTarget): IotHubEndpointTarget {
  if (target.kind === "storageContainer") return target;
  return ctx.entities.target(target.kind, `${target.namespace}/${target.entity}`);
}

function found<T>(map: ReadonlyMap<string, T>, name: string, what: string): T {
  const value = map.get(name);
  // References are checked before synthesis; reaching this is a bug, not bad input.
  if (value === undefined) throw new Error(`internal: ${what} ${name} was referenced before it was built`);
  return value;
}

/**
 * IoT Hub's part of the stack: each hub with its routing (one identity-authenticated custom
 * endpoint per route, the routes, enrichments and the fallback route), consumer groups, data-plane
 * grants and, when declared, a linked Device Provisioning Service. Runs after Service Bus and Event
 * Hubs, whose queues, topics and event hubs the routes deliver to.
 */
export function addIotHub(ctx: StackContext): void {
  for (const hub of ctx.model.iotHub) addHub(ctx, hub);
}

function addHub(ctx: StackContext, hub: model.IotHub): void {
  const workspace = hub.diagnostics ? ctx.logAnalyticsWorkspaceId : undefined;
  const construct = new IotHub(ctx.scope, ctx.ids.children.iotHub(hub.name), {
    name: hub.azureName,
    location: ctx.location,
    resourceGroupName: ctx.resourceGroupName,
    sku: hub.sku,
    capacity: hub.capacity,
    partitions: hub.partitions,
    retentionDays: hub.retentionDays,
    localAuth: hub.localAuth,
    publicNetworkAccess: hub.publicNetworkAccess,
    allowedIpRanges: hub.allowedIpRanges,
    userAssignedIdentityIds: hub.userAssignedIdentityIds,
    // The model carries Azure's cloud-to-device defaults for every hub; the basic tier has no
    // cloud-to-device messaging, so they are left to Azure there.
    cloudToDevice: hub.sku.startsWith("B") ? undefined : hub.cloudToDevice,
    fileUpload: hub.fileUpload,
    fallbackRoute: hub.fallbackRoute,
    logAnalyticsWorkspaceId: workspace,
    privateEndpoint: privateEndpointOf(hub),
    lock: hub.lock,
    preventDestroy: hub.preventDestroy,
    tags: hub.tags,
  });
  ctx.entities.registerNamespace("iotHub", hub.name, construct.id);
  ctx.entities.registerIotHub(hub.name, construct);

  const endpoints = new Map<string, IotHubEndpoint>();
  for (const route of hub.routes) {
    if (endpoints.has(route.endpointName)) continue;
    endpoints.set(
      route.endpointName,
      new IotHubEndpoint(construct, `endpoint-${route.endpointName}`, {
        hub: construct,
        name: route.endpointName,
        target: endpointTarget(ctx, route.target),
      }),
    );
  }
  const routes = new Map<string, IotHubRoute>();
  for (const route of hub.routes) {
    routes.set(
      route.name,
      new IotHubRoute(construct, `route-${route.name}`, {
        hub: construct,
        name: route.name,
        source: route.messageSource,
        condition: route.condition,
        endpoint: found(endpoints, route.endpointName, "endpoint"),
        enabled: route.enabled,
      }),
    );
  }
  for (const enrichment of hub.enrichments) {
    new IotHubEnrichment(construct, `enrichment-${enrichment.key}`, {
      hub: construct,
      key: enrichment.key,
      value: enrichment.value,
      routes: enrichment.routes.map((name) => found(routes, name, "route")),
    });
  }
  for (const name of hub.consumerGroups) {
    new IotHubConsumerGroup(construct, `consumer-group-${name}`, { hub: construct, name });
  }

  // Sending cloud-to-device messages and managing devices both need the data-contributor role.
  const contributors = new Map(
    [...hub.senders, ...hub.owners].map((principal) => [principal.name, principal]),
  );
  for (const principal of contributors.values())
    construct.grantDataContributor(ctx.ids.grantees.grantee(principal));

  const dps = hub.deviceProvisioning;
  if (dps) {
    new DeviceProvisioningService(construct, "device-provisioning", {
      name: dps.azureName,
      location: ctx.location,
      resourceGroupId: ctx.resourceGroupId,
      resourceGroupName: ctx.resourceGroupName,
      hub: construct,
      allocationPolicy: dps.allocationPolicy,
      capacity: dps.capacity,
      dataResidency: dps.dataResidency,
      // Devices reach DPS the way they reach the hub: publicly only if the hub is public.
      publicNetworkAccess: hub.publicNetworkAccess,
      logAnalyticsWorkspaceId: workspace,
      // In the hub's subnet, registered in the provisioning service's own zone; named after the
      // service by the construct (`<service>-pep`).
      privateEndpoint: hub.privateEndpoint && {
        subnetId: hub.privateEndpoint.subnetId,
        privateDnsZoneId: dps.privateDnsZoneId,
      },
      // Enrollments are as hard to rebuild as the hub's device registry: the same protection.
      lock: hub.lock,
      preventDestroy: hub.preventDestroy,
      tags: hub.tags,
    });
  }
}
