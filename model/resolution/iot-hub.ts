import { iotHubCapabilities, storageEndpointDefaults } from "../../azure/iot-hub";
import type { IotHub, IotRoute, IotRouteTarget } from "../model";
import { azureNameOf, deviceProvisioningAzureName } from "../resource-names";
import type { IotHubSpec, IotRouteSpec } from "../spec";
import type { ResolveContext } from "./context";
import { entityTarget } from "./destinations";

function target(to: IotRouteSpec["to"]): IotRouteTarget {
  if (to.eventHub !== undefined) return entityTarget("eventHub", to.eventHub);
  if (to.serviceBusQueue !== undefined) return entityTarget("serviceBusQueue", to.serviceBusQueue);
  if (to.serviceBusTopic !== undefined) return entityTarget("serviceBusTopic", to.serviceBusTopic);
  const storage = to.storageContainer;
  if (!storage) throw new Error("internal: an IoT route with no target survived validation");
  return {
    kind: "storageContainer",
    storageAccountId: storage.storageAccountId,
    container: storage.container,
    encoding: storage.encoding ?? storageEndpointDefaults.encoding,
    fileNameFormat: storage.fileNameFormat ?? storageEndpointDefaults.fileNameFormat,
    batchFrequencySeconds: storage.batchFrequencySeconds ?? storageEndpointDefaults.batchFrequencySeconds,
    maxChunkSizeBytes: storage.maxChunkSizeBytes ?? storageEndpointDefaults.maxChunkSizeBytes,
  };
}

function route(ctx: ResolveContext, r: IotRouteSpec, pointer: string): IotRoute {
  return {
    name: r.name,
    messageSource: r.source,
    // A route without a condition takes every message of its source (IoT Hub's "true").
    condition: r.condition ?? "true",
    target: target(r.to),
    // Each route delivers through its own custom endpoint, named like the route (checked against reserved names).
    endpointName: r.name,
    enabled: r.enabled ?? true,
    source: ctx.source(pointer),
  };
}

export function resolveIotHub(ctx: ResolveContext, hub: IotHubSpec, index: number): IotHub {
  const pointer = `/iotHub/${index}`;
  const d = ctx.profile.iotHub;
  const c2d = hub.cloudToDevice;
  const upload = hub.fileUpload;
  const dps = hub.deviceProvisioning;
  const dpsDefaults = ctx.profile.deviceProvisioning;
  return {
    ...ctx.namespaceSettings(hub, pointer, {
      service: "iotHub",
      azureName: azureNameOf("iotHub", ctx.naming, hub),
      privateEndpointSupported: iotHubCapabilities(hub.sku).privateEndpoint === true,
      customerManagedKeySupported: iotHubCapabilities(hub.sku).customerManagedKey === true,
      dnsZone: "iotHub",
    }),
    sku: hub.sku,
    capacity: hub.capacity ?? d.capacity,
    partitions: hub.partitions ?? d.partitions,
    retentionDays: hub.retentionDays ?? d.retentionDays,
    routes: (hub.routes ?? []).map((r, j) => route(ctx, r, `${pointer}/routes/${j}`)),
    fallbackRoute: hub.fallbackRoute ?? d.fallbackRoute,
    enrichments: (hub.enrichments ?? []).map((e, j) => ({
      ...e,
      source: ctx.source(`${pointer}/enrichments/${j}`),
    })),
    consumerGroups: hub.consumerGroups ?? [],
    throughput: hub.throughput,
    fileUpload: upload
      ? {
          storageAccountId: upload.storageAccountId,
          container: upload.container,
          sasTtl: upload.sasTtl ?? d.fileUpload.sasTtl,
          notifications: upload.notifications ?? d.fileUpload.notifications,
          lockDuration: upload.lockDuration ?? d.fileUpload.lockDuration,
          defaultTtl: upload.defaultTtl ?? d.fileUpload.defaultTtl,
          maxDeliveryCount: upload.maxDeliveryCount ?? d.fileUpload.maxDeliveryCount,
        }
      : undefined,
    cloudToDevice: {
      maxDeliveryCount: c2d?.maxDeliveryCount ?? d.cloudToDevice.maxDeliveryCount,
      defaultTtl: c2d?.defaultTtl ?? d.cloudToDevice.defaultTtl,
      feedback: {
        timeToLive: c2d?.feedback?.timeToLive ?? d.cloudToDevice.feedback.timeToLive,
        maxDeliveryCount: c2d?.feedback?.maxDeliveryCount ?? d.cloudToDevice.feedback.maxDeliveryCount,
        lockDuration: c2d?.feedback?.lockDuration ?? d.cloudToDevice.feedback.lockDuration,
      },
    },
    deviceProvisioning: dps
      ? {
          azureName: deviceProvisioningAzureName(ctx.naming, hub.name, dps.resourceName),
          allocationPolicy: dps.allocationPolicy ?? allocationPolicy(dpsDefaults.allocationPolicy),
          capacity: dps.capacity ?? dpsDefaults.capacity,
          dataResidency: dps.dataResidency ?? dpsDefaults.dataResidency,
          privateDnsZoneId: ctx.spec.network?.privateDnsZoneIds?.deviceProvisioning,
        }
      : undefined,
  };
}

function allocationPolicy(text: string): "Hashed" | "GeoLatency" | "Static" {
  if (text === "Hashed" || text === "GeoLatency" || text === "Static") return text;
  throw new Error(
    `internal: tier profile deviceProvisioning.allocationPolicy "${text}" is not Hashed, GeoLatency or Static`,
  );
}
