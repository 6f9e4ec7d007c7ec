import { endAlphanumeric, rulesPage, type AzureNameRule } from "./name-rule";
import type { NamespaceCapabilities } from "./namespace-capabilities";
import { BuiltInRole } from "./roles";

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
 * Attributes azurerm validates with `IoTHubEndpointName` (azurerm v4.55.0
 * internal/services/iothub/validate/iot_hub_endpoint_name.go), which refuses the reserved endpoint
 * names: the `name` of each `azurerm_iothub_endpoint_*` resource and of the hub's inline `endpoint`
 * block, and the `endpoint_names` of `azurerm_iothub_fallback_route`. The hub's inline
 * `fallback_route` block checks only the length (iothub_resource.go), so it is the one place that
 * can name the built-in `events`.
 */
export const RESERVED_ENDPOINT_NAME_CHECKS: readonly { readonly resource: string; readonly path: string }[] =
  [
    { resource: "azurerm_iothub", path: "endpoint.name" },
    { resource: "azurerm_iothub_endpoint_cosmosdb_account", path: "name" },
    { resource: "azurerm_iothub_endpoint_eventhub", path: "name" },
    { resource: "azurerm_iothub_endpoint_servicebus_queue", path: "name" },
    { resource: "azurerm_iothub_endpoint_servicebus_topic", path: "name" },
    { resource: "azurerm_iothub_endpoint_storage_container", path: "name" },
    { resource: "azurerm_iothub_fallback_route", path: "endpoint_names" },
  ];

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
