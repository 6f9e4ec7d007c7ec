import { durationProblem } from "./durations";
import { endAlphanumeric, rulesPage, type AzureNameRule } from "./name-rules";
import {
  sharedInterfaceProblems,
  type NamespaceCapabilities,
  type SharedInterfaceRequest,
} from "./namespace-capabilities";
import { under, type Problem } from "./problem";
import { BuiltInRole } from "./roles";
import { storageTargetProblems } from "./storage";

/**
 * IoT Hub's and the Device Provisioning Service's facts: SKUs and their limits, what each offers
 * of the shared interfaces, naming rules, routing and messaging limits, addresses and data-plane
 * roles. Sources: "Choose the right IoT Hub tier" (SKUs, units, partitions, features), "IoT Hub
 * quotas and throttling" (other limits), "IoT Hub support for virtual networks", "Read
 * device-to-cloud messages from the built-in endpoint", "Send cloud-to-device messages", and the
 * azurerm 4.x validators in internal/services/iothub named with each value.
 */

export const IOT_HUB_SKUS = ["F1", "B1", "B2", "B3", "S1", "S2", "S3"] as const;
export type IotHubSkuName = (typeof IOT_HUB_SKUS)[number];

/** Free (F1), basic (B1-B3) or standard (S1-S3). */
export function iotHubTier(sku: IotHubSkuName): "free" | "basic" | "standard" {
  if (sku === "F1") return "free";
  return sku.startsWith("B") ? "basic" : "standard";
}

/** Units per SKU: up to 200 for B1, B2, S1 and S2, up to 10 for B3 and S3, exactly one on the free tier. */
export const IOT_HUB_MAX_UNITS: Readonly<Record<IotHubSkuName, number>> = {
  F1: 1,
  B1: 200,
  B2: 200,
  B3: 10,
  S1: 200,
  S2: 200,
  S3: 10,
};

export const iotHubLimits = {
  /**
   * Partitions of the built-in endpoint: at most 32 on basic and standard hubs ("Choose the right
   * IoT Hub tier", Partitions), narrower than the 2-128 azurerm accepts (`event_hub_partition_count`).
   */
  partitions: { min: 2, max: 32 },
  /** Days the built-in endpoint keeps messages (azurerm `event_hub_retention_in_days`: IntBetween(1, 7)). */
  retentionDays: { min: 1, max: 7 },
  /** Additional (custom) endpoints: 10 on paid hubs, 1 on the free tier ("IoT Hub quotas and throttling"). */
  endpoints: { paid: 10, free: 1 },
  /** Message enrichments: 10 on paid hubs, 2 on the free tier (same page). */
  enrichments: { paid: 10, free: 2 },
  /** Consumer groups on the built-in endpoint, `$Default` included (same page). */
  consumerGroups: 20,
  /** Delivery attempts of a cloud-to-device message or file notification (azurerm: IntBetween(1, 100)). */
  deliveryCount: { min: 1, max: 100 },
} as const;

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

/**
 * Cloud-to-device message lifetimes, in seconds: Azure documents "up to 2 days"; azurerm's
 * `cloud_to_device` validators refuse TTLs under 15 minutes and feedback locks outside 5-300 seconds.
 */
export const cloudToDeviceLimits = {
  defaultTtl: { min: 15 * MINUTE, max: 2 * DAY },
  feedbackTimeToLive: { min: 15 * MINUTE, max: 2 * DAY },
  feedbackLockDuration: { min: 5, max: 300 },
} as const;

/** The longest a cloud-to-device message waits for its device, in hours. */
export const IOT_HUB_C2D_MAX_TTL_HOURS = cloudToDeviceLimits.defaultTtl.max / HOUR;

/** File upload lifetimes, in seconds ("Upload files with IoT Hub"; azurerm_iothub `file_upload`). */
export const fileUploadLimits = {
  sasTtl: { min: MINUTE, max: DAY },
  lockDuration: { min: 5, max: 300 },
  defaultTtl: { min: MINUTE, max: 2 * DAY },
} as const;

/** The hub's built-in Event Hubs-compatible endpoint, which consumer groups and the fallback route use. */
export const BUILT_IN_ENDPOINT = "events";

/**
 * Route sources a basic hub never raises: the basic tier has no device twins, no device management
 * (jobs) and no IoT Plug and Play ("Choose the right IoT Hub tier", feature table).
 */
export const STANDARD_ONLY_ROUTE_SOURCES: readonly string[] = [
  "TwinChangeEvents",
  "DigitalTwinChangeEvents",
  "DeviceJobLifecycleEvents",
];

/** azurerm iothub/validate/file_name_format.go: a storage endpoint's blob names contain each of these. */
export const FILE_NAME_TOKENS: readonly string[] = [
  "{iothub}",
  "{partition}",
  "{YYYY}",
  "{MM}",
  "{DD}",
  "{HH}",
  "{mm}",
];

/**
 * A storage-container endpoint as Azure creates it when a setting is not given (azurerm
 * iothub_endpoint_storage_container_resource.go: encoding Avro, batch 300 s, chunk 300 MiB; the
 * file name format is IoT Hub's own), and the ranges azurerm accepts.
 */
export const storageEndpointDefaults = {
  encoding: "Avro",
  fileNameFormat: "{iothub}/{partition}/{YYYY}/{MM}/{DD}/{HH}/{mm}",
  batchFrequencySeconds: 300,
  maxChunkSizeBytes: 314572800,
} as const;

export const storageEndpointLimits = {
  batchFrequencySeconds: { min: 60, max: 720 },
  maxChunkSizeBytes: { min: 10485760, max: 524288000 },
} as const;

/** Enrichment keys (azurerm iothub_enrichment_resource.go `key`): 1-64 letters, digits, `-`, `_`, `.`. */
export const ENRICHMENT_KEY_PATTERN = /^[-_.a-zA-Z0-9]{1,64}$/;

/** Names of a hub, its routing and consumer groups, and its provisioning service. */
export const iotHubNameRules = {
  hub: {
    what: "IoT hub",
    minLength: 3,
    maxLength: 50,
    allowed: /[A-Za-z0-9-]/,
    allowedText: "letters, numbers and hyphens",
    end: endAlphanumeric,
    source: `${rulesPage}, Microsoft.Devices/IotHubs: 3-50, can't end with hyphen; azurerm iothub/validate/iot_hub_name.go`,
  },
  route: {
    what: "IoT Hub route",
    minLength: 1,
    maxLength: 64,
    allowed: /[A-Za-z0-9._-]/,
    allowedText: "letters, numbers, periods, underscores and hyphens",
    source: "azurerm iothub_route_resource.go `name`: ^[-_.a-zA-Z0-9]{1,64}$",
  },
  endpoint: {
    what: "IoT Hub custom endpoint",
    minLength: 1,
    maxLength: 64,
    allowed: /[A-Za-z0-9._-]/,
    allowedText: "letters, numbers, periods, underscores and hyphens",
    reservedNames: [BUILT_IN_ENDPOINT, "operationsMonitoringEvents", "fileNotifications", "$default"],
    source:
      "azurerm iothub/validate/iot_hub_endpoint_name.go (reserved names); learn.microsoft.com iot-hub-devguide-endpoints",
  },
  consumerGroup: {
    what: "IoT Hub consumer group",
    minLength: 1,
    maxLength: 50,
    allowed: /[A-Za-z0-9._-]/,
    allowedText: "letters, numbers, hyphens, periods and underscores",
    source: `${rulesPage}, Microsoft.Devices/IotHubs/eventHubEndpoints/ConsumerGroups: 1-50; azurerm iothub/validate/iot_hub_consumer_group.go`,
  },
  deviceProvisioning: {
    what: "Device Provisioning Service",
    minLength: 3,
    maxLength: 64,
    allowed: /[A-Za-z0-9-]/,
    allowedText: "letters, numbers and hyphens",
    end: endAlphanumeric,
    source: `${rulesPage}, Microsoft.Devices/provisioningServices: 3-64, end with alphanumeric`,
  },
} as const satisfies Record<string, AzureNameRule>;

/**
 * What a hub of `sku` offers. Private endpoints exist on every tier but the free one ("IoT Hub
 * support for virtual networks"). The IP filter has no trusted-services exception: a hub reaches
 * other services as a trusted service of theirs, and nothing passes its own filter that way (same
 * page). Customer-managed keys never left preview and azurerm_iothub has no setting for them.
 */
export function iotHubCapabilities(sku: IotHubSkuName): NamespaceCapabilities {
  return {
    kind: "IoT hub",
    sku,
    privateEndpoint: sku === "F1" ? { needs: "a basic or standard SKU (B1-B3 or S1-S3)" } : true,
    customerManagedKey: {
      needs:
        "a generally available setting, which IoT Hub lacks (its customer-managed keys never left preview and azurerm_iothub has no setting for them; data is encrypted with Microsoft-managed keys)",
    },
    localAuthSwitch: true,
    ipRules: true,
    trustedServices: {
      needs:
        "a trusted-services exception, which IoT Hub's IP filter lacks (allow the hub as a trusted service on the target instead)",
    },
    userAssignedIdentities: true,
    publicNetworkAccessSwitch: true,
  };
}

/** The Device Provisioning Service's one SKU (azurerm iothub_dps_resource.go `sku.name`: S1). */
export const DPS_SKU = "S1";

/** Provisioning service units (azurerm iothub_dps_resource.go `sku.capacity`: IntBetween(1, 200)). */
export const dpsUnits = { min: 1, max: 200 } as const;

/**
 * What a provisioning service offers (Microsoft.Devices/provisioningServices template reference:
 * `publicNetworkAccess`, `ipFilterRules`, user-assigned `identity`, private endpoint connections;
 * no `disableLocalAuth`, no encryption settings, and no trusted-services exception in its IP filter).
 */
export const deviceProvisioningCapabilities: NamespaceCapabilities = {
  kind: "Device Provisioning Service",
  privateEndpoint: true,
  customerManagedKey: {
    needs: "a service that offers them (Device Provisioning encrypts with Microsoft-managed keys only)",
  },
  localAuthSwitch: {
    needs: "a disableLocalAuth property, which Device Provisioning lacks",
  },
  ipRules: true,
  trustedServices: {
    needs: "a trusted-services exception, which Device Provisioning's IP filter lacks",
  },
  userAssignedIdentities: true,
  publicNetworkAccessSwitch: true,
};

/** The data-plane role IoT Hub's service APIs take with Entra ID ("Control access to IoT Hub by using Microsoft Entra ID"). */
export const IOT_HUB_DATA_CONTRIBUTOR = BuiltInRole.iotHubDataContributor;

/** `<hub>.azure-devices.net`: the hub's host for devices and services. */
export function iotHubHost(hubName: string): string {
  return `${hubName}.azure-devices.net`;
}

/**
 * The hub's endpoints per protocol ("Choose a device communication protocol", ports: MQTT 8883,
 * AMQP 5671, WebSockets and HTTPS 443).
 */
export function iotHubEndpoints(
  hubName: string,
): { protocol: "mqtt" | "amqp" | "amqp-websockets" | "https"; url: string }[] {
  const host = iotHubHost(hubName);
  return [
    { protocol: "mqtt", url: `${host}:8883` },
    { protocol: "amqp", url: `amqps://${host}` },
    { protocol: "amqp-websockets", url: `wss://${host}/$iothub/websocket` },
    { protocol: "https", url: `https://${host}/` },
  ];
}

// ---------------------------------------------------------------- rules

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
