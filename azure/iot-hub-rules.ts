import { durationProblem } from "./durations";
import {
  cloudToDeviceLimits,
  deviceProvisioningCapabilities,
  dpsUnits,
  ENRICHMENT_KEY_PATTERN,
  FILE_NAME_TOKENS,
  fileUploadLimits,
  IOT_HUB_MAX_UNITS,
  iotHubCapabilities,
  iotHubLimits,
  iotHubTier,
  STANDARD_ONLY_ROUTE_SOURCES,
  storageEndpointLimits,
  type IotHubSkuName,
} from "./iot-hub";
import { sharedInterfaceProblems, type SharedInterfaceRequest } from "./namespace-capabilities";
import { under, type Problem } from "./problem";
import { storageTargetProblems } from "./storage";

/**
 * IoT Hub's and Device Provisioning's rules over the facts in `azure/iot-hub.ts`: each returns
 * every problem with an input whose fields are the environment file's, for the semantic checks
 * and the constructs alike.
 */

/** A storage-container endpoint, with the environment file's field names. */
export interface StorageEndpointInput {
  readonly storageAccountId?: string;
  readonly container?: string;
  readonly fileNameFormat?: string;
  readonly batchFrequencySeconds?: number;
  readonly maxChunkSizeBytes?: number;
}

export interface IotRouteInput {
  readonly source?: string;
  readonly condition?: string;
  readonly to?: { readonly storageContainer?: StorageEndpointInput };
}

export interface IotEnrichmentInput {
  readonly key?: string;
  readonly value?: string;
  readonly routes?: readonly unknown[];
}

export interface CloudToDeviceInput {
  readonly maxDeliveryCount?: number;
  readonly defaultTtl?: string;
  readonly feedback?: {
    readonly timeToLive?: string;
    readonly maxDeliveryCount?: number;
    readonly lockDuration?: string;
  };
}

export interface FileUploadInput {
  readonly storageAccountId?: string;
  readonly container?: string;
  readonly sasTtl?: string;
  readonly lockDuration?: string;
  readonly defaultTtl?: string;
  readonly maxDeliveryCount?: number;
}

export interface DeviceProvisioningInput extends SharedInterfaceRequest {
  readonly capacity?: number;
}

/** An IoT hub, with the environment file's field names. */
export interface IotHubInput extends SharedInterfaceRequest {
  /** How messages name the hub. */
  readonly name?: string;
  readonly sku: IotHubSkuName;
  readonly capacity?: number;
  readonly partitions?: number;
  readonly retentionDays?: number;
  readonly receivers?: readonly unknown[];
  readonly routes?: readonly IotRouteInput[];
  readonly enrichments?: readonly IotEnrichmentInput[];
  readonly consumerGroups?: readonly unknown[];
  readonly cloudToDevice?: CloudToDeviceInput;
  readonly fileUpload?: FileUploadInput;
  readonly deviceProvisioning?: DeviceProvisioningInput;
}

function wholeNumber(
  field: string,
  label: string,
  value: number | undefined,
  range: { readonly min: number; readonly max: number },
): Problem[] {
  if (value === undefined || (Number.isInteger(value) && value >= range.min && value <= range.max)) return [];
  return [
    { field, message: `${label} must be a whole number from ${range.min} to ${range.max}, got ${value}` },
  ];
}

function duration(
  field: string,
  label: string,
  value: string | undefined,
  range: { readonly min: number; readonly max: number },
): Problem[] {
  const problem = value === undefined ? undefined : durationProblem(label, value, range.min, range.max);
  return problem === undefined ? [] : [{ field, message: problem }];
}

function unitProblems(hub: IotHubInput): Problem[] {
  const capacity = hub.capacity;
  if (capacity === undefined) return [];
  const max = IOT_HUB_MAX_UNITS[hub.sku];
  if (!Number.isInteger(capacity) || capacity < 1) {
    return [
      { field: "capacity", message: `capacity must be a whole number of units, at least 1, got ${capacity}` },
    ];
  }
  if (capacity <= max) return [];
  return [
    {
      field: "capacity",
      message:
        max === 1
          ? `an F1 (free) hub has exactly 1 unit, got ${capacity}`
          : `a ${hub.sku} hub has at most ${max} units, got ${capacity}`,
    },
  ];
}

function partitionProblems(hub: IotHubInput): Problem[] {
  const { partitions } = hub;
  const { min, max } = iotHubLimits.partitions;
  if (partitions === undefined) return [];
  if (Number.isInteger(partitions) && partitions > max) {
    return [
      {
        field: "partitions",
        message: `a ${hub.sku} hub's built-in endpoint has at most ${max} partitions (Azure's limit for basic and standard hubs), got ${partitions}`,
      },
    ];
  }
  return wholeNumber("partitions", "partitions", partitions, { min, max });
}

/** A blob container that receives routed messages: its account and container, blob names and batching. */
export function storageEndpointProblems(target: StorageEndpointInput): Problem[] {
  const problems = storageTargetProblems(target);
  const format = target.fileNameFormat;
  if (format !== undefined) {
    const missing = FILE_NAME_TOKENS.filter((token) => !format.includes(token));
    if (missing.length > 0)
      problems.push({
        field: "fileNameFormat",
        message: `fileNameFormat must contain ${missing.join(", ")}`,
      });
  }
  const { batchFrequencySeconds, maxChunkSizeBytes } = storageEndpointLimits;
  problems.push(
    ...wholeNumber(
      "batchFrequencySeconds",
      "batchFrequencySeconds",
      target.batchFrequencySeconds,
      batchFrequencySeconds,
    ),
    ...wholeNumber("maxChunkSizeBytes", "maxChunkSizeBytes", target.maxChunkSizeBytes, maxChunkSizeBytes),
  );
  return problems;
}

/** A route of a hub of `sku`: its condition, its source on that tier, and a storage target. */
export function iotRouteProblems(route: IotRouteInput, sku: IotHubSkuName): Problem[] {
  const problems: Problem[] = [];
  // A blank string is no routing query ("IoT Hub message routing query syntax"); omitting the
  // condition already means "true".
  if (route.condition !== undefined && route.condition.trim() === "") {
    problems.push({
      field: "condition",
      message:
        "condition must be a routing query, got a blank string; omit condition to route every message of the source",
    });
  }
  if (
    route.source !== undefined &&
    iotHubTier(sku) === "basic" &&
    STANDARD_ONLY_ROUTE_SOURCES.includes(route.source)
  ) {
    problems.push({
      field: "source",
      message: `source ${route.source} does not apply to a ${sku} hub: the basic tier has no device twins, jobs or IoT Plug and Play, so no such events occur; choose S1-S3, or route DeviceMessages, DeviceLifecycleEvents or DeviceConnectionStateEvents`,
    });
  }
  const storage = route.to?.storageContainer;
  if (storage) problems.push(...under("to/storageContainer", storageEndpointProblems(storage)));
  return problems;
}

/** One message enrichment: a key IoT Hub accepts, a value, and the routes whose messages carry it. */
export function iotEnrichmentProblems(enrichment: IotEnrichmentInput): Problem[] {
  const problems: Problem[] = [];
  if (enrichment.key !== undefined && !ENRICHMENT_KEY_PATTERN.test(enrichment.key)) {
    problems.push({
      field: "key",
      message: `enrichment key must be 1-64 letters, digits, "-", "_" or ".", got "${enrichment.key}"`,
    });
  }
  if (enrichment.value !== undefined && enrichment.value.trim() === "") {
    problems.push({
      field: "value",
      message:
        "enrichment value must be a literal, $twin.<path>, $iothubname or another enrichment expression, got a blank string; give a value or remove the enrichment",
    });
  }
  if (enrichment.routes !== undefined && enrichment.routes.length === 0) {
    problems.push({ field: "routes", message: "routes must name at least one route, got none" });
  }
  return problems;
}

/** Cloud-to-device messaging of a hub of `sku`: standard and free hubs only, within Azure's lifetimes. */
export function cloudToDeviceProblems(settings: CloudToDeviceInput, sku: IotHubSkuName): Problem[] {
  const problems: Problem[] = [];
  if (iotHubTier(sku) === "basic") {
    problems.push({
      field: "",
      message: `cloudToDevice does not apply to a ${sku} hub: the basic tier has no cloud-to-device messaging (choose S1-S3 or remove cloudToDevice)`,
    });
  }
  const { deliveryCount } = iotHubLimits;
  const { defaultTtl, feedbackTimeToLive, feedbackLockDuration } = cloudToDeviceLimits;
  const feedback = settings.feedback;
  problems.push(
    ...wholeNumber(
      "maxDeliveryCount",
      "cloudToDevice.maxDeliveryCount",
      settings.maxDeliveryCount,
      deliveryCount,
    ),
    ...duration("defaultTtl", "cloudToDevice.defaultTtl", settings.defaultTtl, defaultTtl),
  );
  if (feedback) {
    problems.push(
      ...duration("feedback/timeToLive", "feedback.timeToLive", feedback.timeToLive, feedbackTimeToLive),
      ...wholeNumber(
        "feedback/maxDeliveryCount",
        "feedback.maxDeliveryCount",
        feedback.maxDeliveryCount,
        deliveryCount,
      ),
      ...duration(
        "feedback/lockDuration",
        "feedback.lockDuration",
        feedback.lockDuration,
        feedbackLockDuration,
      ),
    );
  }
  return problems;
}

/** File upload: the storage target, the SAS and notification lifetimes, delivery attempts. */
export function fileUploadProblems(upload: FileUploadInput): Problem[] {
  const { sasTtl, lockDuration, defaultTtl } = fileUploadLimits;
  return [
    ...storageTargetProblems(upload),
    ...duration("sasTtl", "fileUpload.sasTtl", upload.sasTtl, sasTtl),
    ...duration("lockDuration", "fileUpload.lockDuration", upload.lockDuration, lockDuration),
    ...duration("defaultTtl", "fileUpload.defaultTtl", upload.defaultTtl, defaultTtl),
    ...wholeNumber(
      "maxDeliveryCount",
      "fileUpload.maxDeliveryCount",
      upload.maxDeliveryCount,
      iotHubLimits.deliveryCount,
    ),
  ];
}

/** A provisioning service: its units, and the shared options it lacks. */
export function deviceProvisioningProblems(dps: DeviceProvisioningInput): Problem[] {
  const problems = sharedInterfaceProblems(deviceProvisioningCapabilities, dps);
  const capacity = dps.capacity;
  if (capacity === undefined) return problems;
  if (Number.isInteger(capacity) && capacity > dpsUnits.max) {
    problems.push({
      field: "capacity",
      message: `a Device Provisioning Service has at most ${dpsUnits.max} units, got ${capacity}`,
    });
  } else {
    problems.push(...wholeNumber("capacity", "capacity", capacity, dpsUnits));
  }
  return problems;
}

function routingProblems(hub: IotHubInput, tier: "paid" | "free"): Problem[] {
  const routes = hub.routes ?? [];
  const problems: Problem[] = [];
  // Each route delivers through a custom endpoint of its own, named after the route, so the
  // endpoint limit binds before the routing-query limit (100 paid, 5 free) can.
  if (routes.length > iotHubLimits.endpoints[tier]) {
    problems.push({
      field: "routes",
      message: `a ${tier === "free" ? "free (F1)" : "paid"} hub has at most ${iotHubLimits.endpoints[tier]} custom endpoints, and each route needs one; got ${routes.length} routes`,
    });
  }
  routes.forEach((route, i) => problems.push(...under(`routes/${i}`, iotRouteProblems(route, hub.sku))));
  const enrichments = hub.enrichments ?? [];
  if (enrichments.length > iotHubLimits.enrichments[tier]) {
    problems.push({
      field: "enrichments",
      message: `a ${tier === "free" ? "free (F1)" : "paid"} hub has at most ${iotHubLimits.enrichments[tier]} message enrichments, got ${enrichments.length}`,
    });
  }
  const keys = new Set<string>();
  enrichments.forEach((enrichment, i) => {
    const found = iotEnrichmentProblems(enrichment);
    // Keys are unique per hub (azurerm `enrichment.key`: "must be unique").
    if (enrichment.key !== undefined && keys.has(enrichment.key)) {
      found.push({
        field: "key",
        message: `enrichment key "${enrichment.key}" is already used on ${hub.name === undefined ? "this hub" : `hub ${hub.name}`}; keys must be unique`,
      });
    }
    if (enrichment.key !== undefined) keys.add(enrichment.key);
    problems.push(...under(`enrichments/${i}`, found));
  });
  return problems;
}

/** Everything Azure would refuse of a hub as the environment file (or a construct) states it. */
export function iotHubProblems(hub: IotHubInput): Problem[] {
  const tier = hub.sku === "F1" ? "free" : "paid";
  const problems = [
    ...sharedInterfaceProblems(iotHubCapabilities(hub.sku), hub),
    ...unitProblems(hub),
    ...partitionProblems(hub),
    ...wholeNumber("retentionDays", "retentionDays", hub.retentionDays, iotHubLimits.retentionDays),
  ];
  if ((hub.receivers ?? []).length > 0) {
    // Entra ID roles cover IoT Hub's service APIs; device-to-cloud messages are read from the
    // built-in Event Hubs-compatible endpoint, which IoT Hub's roles do not cover ("Control access
    // to IoT Hub by using Microsoft Entra ID").
    problems.push({
      field: "receivers",
      message:
        "an IoT hub has no receiver role for device messages: route them to an event hub or queue (routes) and list the receivers there; senders and owners get IoT Hub Data Contributor",
    });
  }
  problems.push(...routingProblems(hub, tier));
  const groups = hub.consumerGroups ?? [];
  if (groups.length + 1 > iotHubLimits.consumerGroups) {
    problems.push({
      field: "consumerGroups",
      message: `a hub has at most ${iotHubLimits.consumerGroups} consumer groups on its built-in endpoint, $Default included; got ${groups.length} more`,
    });
  }
  if (hub.cloudToDevice)
    problems.push(...under("cloudToDevice", cloudToDeviceProblems(hub.cloudToDevice, hub.sku)));
  if (hub.fileUpload) problems.push(...under("fileUpload", fileUploadProblems(hub.fileUpload)));
  if (hub.deviceProvisioning)
    problems.push(...under("deviceProvisioning", deviceProvisioningProblems(hub.deviceProvisioning)));
  return problems;
}
