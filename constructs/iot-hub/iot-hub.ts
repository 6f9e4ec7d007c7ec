import { Construct } from "constructs";
import { Iothub, type IothubCloudToDevice, type IothubFileUpload } from "@cdktf/provider-azurerm/lib/iothub";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import type { DeliveryTarget } from "../shared/entity";
import { managedIdentity } from "../shared/identity";
import { BuiltInRole, grantId, grantRole, type Grantee } from "../shared/role-assignments";
import { attachSharedInterfaces } from "../shared/shared-interfaces";
import { protectFromDestroy } from "../shared/stateful";
import { IotHubFallbackRoute } from "./route";
import { storageAccountNameOf } from "./storage-account";

export type IotHubSku = "F1" | "B1" | "B2" | "B3" | "S1" | "S2" | "S3";

/** Cloud-to-device messaging settings (standard and free tiers only). */
export interface IotHubCloudToDeviceSettings {
  /** Delivery attempts per message, 1–100. */
  readonly maxDeliveryCount: number;
  /** ISO-8601 time a message waits for its device, PT15M–P2D. */
  readonly defaultTtl: string;
  /** Delivery feedback queue: TTL (PT15M–P2D), attempts (1–100), lock (PT5S–PT300S). */
  readonly feedback: {
    readonly timeToLive: string;
    readonly maxDeliveryCount: number;
    readonly lockDuration: string;
  };
}

/** File upload to a blob container, authenticated with the hub's system-assigned identity. */
export interface IotHubFileUploadSettings {
  /** ARM ID of the storage account devices upload to. */
  readonly storageAccountId: string;
  readonly container: string;
  /** How long the SAS URI handed to a device is valid, PT1M–P1D. */
  readonly sasTtl: string;
  /** Whether completed uploads are announced on the file notification endpoint. */
  readonly notifications: boolean;
  /** Lock on a file notification, PT5S–PT300S. */
  readonly lockDuration: string;
  /** How long a file notification waits to be read, PT1M–P2D. */
  readonly defaultTtl: string;
  /** Delivery attempts per file notification, 1–100. */
  readonly maxDeliveryCount: number;
}

export interface IotHubProps {
  /** Azure name of the hub (globally unique: it is the `<name>.azure-devices.net` host). */
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly sku: IotHubSku;
  /**
   * IoT Hub units.
   * @default - one unit
   */
  readonly capacity?: number;
  /**
   * Partitions of the built-in Event Hubs-compatible endpoint; fixed once the hub exists.
   * @default - four partitions, Azure's own default
   */
  readonly partitions?: number;
  /**
   * Days device-to-cloud messages stay in the built-in endpoint.
   * @default - one day
   */
  readonly retentionDays?: number;
  /**
   * Whether shared access keys are accepted for service APIs.
   * @default - keys are refused: service callers authenticate with Entra ID
   */
  readonly localAuthenticationEnabled?: boolean;
  /**
   * Whether the hub answers on its public endpoint.
   * @default - the public endpoint is closed: devices and services connect through private endpoints
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * CIDR ranges admitted on the public endpoint (the rest are denied); needs `publicNetworkAccess`.
   * @default - no IP filter: every address reaches the public endpoint when it is open
   */
  readonly allowedIpRanges?: readonly string[];
  /**
   * User-assigned identities, in addition to the system-assigned one the endpoints use.
   * @default - the system-assigned identity only
   */
  readonly userAssignedIdentityIds?: readonly string[];
  /**
   * Cloud-to-device messaging settings; the basic tier has no cloud-to-device messaging.
   * @default - Azure's defaults: 10 delivery attempts, one-hour TTL
   */
  readonly cloudToDevice?: IotHubCloudToDeviceSettings;
  /**
   * File upload from devices.
   * @default - no file upload
   */
  readonly fileUpload?: IotHubFileUploadSettings;
  /**
   * Whether device messages that match no route go to the built-in endpoint (`events`).
   * @default - they do
   */
  readonly fallbackRoute?: boolean;
  /**
   * Log Analytics workspace that receives the hub's logs and metrics.
   * @default - no diagnostic settings
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Subnet for a private endpoint (sub-resource `iotHub`).
   * @default - no private endpoint
   */
  readonly privateEndpointSubnetId?: string;
  /**
   * Private DNS zone (`privatelink.azure-devices.net`) the private endpoint registers in.
   * @default - no DNS zone group
   */
  readonly privateDnsZoneId?: string;
  /**
   * Whether a CanNotDelete lock protects the hub.
   * @default - no lock
   */
  readonly lock?: boolean;
  /**
   * Whether Terraform refuses plans that destroy the hub (it holds device identities and messages).
   * @default - destroy is allowed
   */
  readonly preventDestroy?: boolean;
  /**
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Seconds in an ISO-8601 day-time duration (`PT15M`, `P2D`), or undefined when it is not one. */
function durationSeconds(text: string): number | undefined {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!match || text === "P" || text.endsWith("T")) return undefined;
  const [, days, hours, minutes, seconds] = match;
  return (
    Number(days ?? 0) * 86400 + Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0)
  );
}

function requireDuration(field: string, text: string, min: string, max: string): void {
  const seconds = durationSeconds(text);
  const lower = durationSeconds(min) ?? 0;
  const upper = durationSeconds(max) ?? 0;
  if (seconds === undefined || seconds < lower || seconds > upper) {
    throw new Error(`${field} must be an ISO-8601 duration between ${min} and ${max}, got "${text}"`);
  }
}

function requireInteger(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${field} must be an integer between ${min} and ${max}, got ${value}`);
  }
}

/**
 * Units per SKU: up to 200 for B1, B2, S1 and S2, up to 10 for B3 and S3 ("Choose the right IoT
 * Hub tier", Message throughput); the free tier has exactly one.
 */
const maxUnits: Readonly<Record<IotHubSku, number>> = {
  F1: 1,
  B1: 200,
  B2: 200,
  B3: 10,
  S1: 200,
  S2: 200,
  S3: 10,
};

/**
 * An IoT hub with the secure defaults: TLS 1.2 minimum, shared access keys refused, public endpoint
 * closed, a system-assigned identity for identity-based routing and file upload.
 */
export class IotHub extends Construct {
  readonly resource: Iothub;
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly sku: IotHubSku;
  readonly fallbackRoute: IotHubFallbackRoute;
  private readonly deliveryGrants = new Map<string, RoleAssignment>();
  private cachedId?: string;
  private cachedIdentityGrantee?: Grantee;

  constructor(scope: Construct, id: string, props: IotHubProps) {
    super(scope, id);
    const capacity = props.capacity ?? 1;
    const partitions = props.partitions ?? 4;
    const retentionDays = props.retentionDays ?? 1;
    const basicTier = props.sku.startsWith("B");
    requireInteger("capacity", capacity, 1, maxUnits[props.sku]);
    // Basic and standard hubs take at most 32 partitions ("Choose the right IoT Hub tier",
    // Partitions); the provider's 2–128 is wider than what Azure accepts.
    requireInteger("partitions", partitions, 2, 32);
    // The built-in endpoint keeps messages one to seven days ("Read device-to-cloud messages from
    // the built-in endpoint").
    requireInteger("retentionDays", retentionDays, 1, 7);
    const ipRanges = props.allowedIpRanges ?? [];
    if (ipRanges.length > 0 && props.publicNetworkAccess !== true) {
      throw new Error(
        `allowedIpRanges only filter the public endpoint, which is closed; set publicNetworkAccess or remove allowedIpRanges, got [${ipRanges.join(", ")}]`,
      );
    }
    if (props.cloudToDevice && basicTier) {
      throw new Error(
        `cloudToDevice needs a standard or free tier hub; the basic tier has no cloud-to-device messaging, got sku ${props.sku}`,
      );
    }
    if (props.cloudToDevice) validateCloudToDevice(props.cloudToDevice);
    if (props.fileUpload) validateFileUpload(props.fileUpload);

    this.name = props.name;
    this.resourceGroupName = props.resourceGroupName;
    this.location = props.location;
    this.sku = props.sku;

    const identity = managedIdentity(props.userAssignedIdentityIds);
    this.resource = new Iothub(this, "hub", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      sku: { name: props.sku, capacity },
      eventHubPartitionCount: partitions,
      eventHubRetentionInDays: retentionDays,
      minTlsVersion: "1.2",
      localAuthenticationEnabled: props.localAuthenticationEnabled ?? false,
      publicNetworkAccessEnabled: props.publicNetworkAccess ?? false,
      networkRuleSet:
        ipRanges.length > 0
          ? [
              {
                defaultAction: "Deny",
                // The filter also guards the built-in Event Hubs-compatible endpoint, which
                // otherwise stays reachable from any address.
                applyToBuiltinEventhubEndpoint: true,
                ipRule: ipRanges.map((ipMask, index) => ({
                  name: `allowed-${index + 1}`,
                  ipMask,
                  action: "Allow",
                })),
              },
            ]
          : undefined,
      identity: { type: identity.type, identityIds: identity.identityIds },
      cloudToDevice: props.cloudToDevice ? cloudToDeviceBlock(props.cloudToDevice) : undefined,
      fileUpload: props.fileUpload ? fileUploadBlock(props.fileUpload) : undefined,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    protectFromDestroy(this.resource, props.preventDestroy ?? false);

    // Routes, endpoints, enrichments and the fallback route are separate resources; the hub's own
    // blocks for them stay unset, because using both makes every plan show spurious changes
    // (azurerm docs, azurerm_iothub_route).
    this.fallbackRoute = new IotHubFallbackRoute(this, "fallback-route", {
      hub: this,
      enabled: props.fallbackRoute ?? true,
    });

    if (props.fileUpload) {
      // Issuing SAS URIs with a managed identity takes a user delegation key, which is granted at
      // the storage account, not the container ("IoT Hub support for managed identities").
      grantRole(this, "file-upload-storage", {
        scopeId: props.fileUpload.storageAccountId,
        scopeLabel: `storage/${storageAccountNameOf(props.fileUpload.storageAccountId)}`,
        role: BuiltInRole.storageBlobDataContributor,
        grantee: this.identityGrantee,
      });
    }
    attachSharedInterfaces(this, {
      resourceId: this.id,
      resourceLabel: `IoT hub ${props.name}`,
      name: props.name,
      subresource: "iotHub",
      interfaces: {
        location: props.location,
        resourceGroupName: props.resourceGroupName,
        tags: props.tags,
        logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
        privateEndpoint: props.privateEndpointSubnetId
          ? {
              subnetId: props.privateEndpointSubnetId,
              privateDnsZoneId: props.privateDnsZoneId,
            }
          : undefined,
        lock: props.lock,
      },
    });
  }

  /** ARM ID of the hub (one token, read once: every attribute read makes a new token). */
  get id(): string {
    return (this.cachedId ??= this.resource.id);
  }

  /** `<name>.azure-devices.net`. */
  get hostname(): string {
    return this.resource.hostname;
  }

  /** The Event Hubs-compatible endpoint device-to-cloud messages are read from. */
  get eventHubEventsEndpoint(): string {
    return this.resource.eventHubEventsEndpoint;
  }

  /** The hub's system-assigned identity, which routes and file upload authenticate with. */
  get identityGrantee(): Grantee {
    return (this.cachedIdentityGrantee ??= {
      name: `iot-hub-${this.name}`,
      principalId: this.resource.identity.principalId,
      principalType: "ServicePrincipal",
    });
  }

  /**
   * Lets the hub's identity send to `target` (once per target, however many endpoints share it):
   * identity-based routing endpoints authenticate with it.
   */
  grantDeliveryTo(target: DeliveryTarget): RoleAssignment {
    const key = `${target.kind}:${target.label}`;
    const existing = this.deliveryGrants.get(key);
    if (existing) return existing;
    const grant = target.grantSend(this.identityGrantee);
    this.deliveryGrants.set(key, grant);
    return grant;
  }

  /** Lets `grantee` use the hub's data plane (devices, twins, messages) with Entra ID. */
  grantDataContributor(grantee: Grantee): RoleAssignment {
    return grantRole(this, grantId("data-contributor", grantee), {
      scopeId: this.resource.id,
      scopeLabel: `iot-hub/${this.name}`,
      role: BuiltInRole.iotHubDataContributor,
      grantee,
    });
  }
}

function validateCloudToDevice(settings: IotHubCloudToDeviceSettings): void {
  // Ranges from the azurerm provider's validators for `cloud_to_device`, which mirror the
  // documented cloud-to-device limits ("Send cloud-to-device messages", message expiration).
  requireInteger("cloudToDevice.maxDeliveryCount", settings.maxDeliveryCount, 1, 100);
  requireDuration("cloudToDevice.defaultTtl", settings.defaultTtl, "PT15M", "P2D");
  requireDuration("cloudToDevice.feedback.timeToLive", settings.feedback.timeToLive, "PT15M", "P2D");
  requireInteger("cloudToDevice.feedback.maxDeliveryCount", settings.feedback.maxDeliveryCount, 1, 100);
  requireDuration("cloudToDevice.feedback.lockDuration", settings.feedback.lockDuration, "PT5S", "PT300S");
}

function validateFileUpload(settings: IotHubFileUploadSettings): void {
  storageAccountNameOf(settings.storageAccountId);
  // Ranges from azurerm_iothub_file_upload's documentation.
  requireDuration("fileUpload.sasTtl", settings.sasTtl, "PT1M", "P1D");
  requireDuration("fileUpload.lockDuration", settings.lockDuration, "PT5S", "PT300S");
  requireDuration("fileUpload.defaultTtl", settings.defaultTtl, "PT1M", "P2D");
  requireInteger("fileUpload.maxDeliveryCount", settings.maxDeliveryCount, 1, 100);
}

function cloudToDeviceBlock(settings: IotHubCloudToDeviceSettings): IothubCloudToDevice {
  return {
    maxDeliveryCount: settings.maxDeliveryCount,
    defaultTtl: settings.defaultTtl,
    feedback: [
      {
        timeToLive: settings.feedback.timeToLive,
        maxDeliveryCount: settings.feedback.maxDeliveryCount,
        lockDuration: settings.feedback.lockDuration,
      },
    ],
  };
}

function fileUploadBlock(settings: IotHubFileUploadSettings): IothubFileUpload {
  const account = storageAccountNameOf(settings.storageAccountId);
  return {
    authenticationType: "identityBased",
    // The provider requires a connection string even for identity-based upload; with
    // `identityBased` the hub only reads the account endpoint from it, so it carries no key and
    // no secret reaches the configuration or the state.
    connectionString: `DefaultEndpointsProtocol=https;AccountName=${account};EndpointSuffix=core.windows.net`,
    containerName: settings.container,
    sasTtl: settings.sasTtl,
    notifications: settings.notifications,
    lockDuration: settings.lockDuration,
    defaultTtl: settings.defaultTtl,
    maxDeliveryCount: settings.maxDeliveryCount,
  };
}
