import type { Construct } from "constructs";
import { Iothub, type IothubCloudToDevice, type IothubFileUpload } from "@cdktf/provider-azurerm/lib/iothub";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import {
  BUILT_IN_ENDPOINT,
  IOT_HUB_DATA_CONTRIBUTOR,
  iotHubNameRules,
  type IotHubSkuName,
} from "../../azure/iot-hub";
import { iotHubProblems } from "../../azure/iot-hub-rules";
import { azureNameProblems } from "../../azure/name-rule";
import { keylessConnectionString, storageAccountNameOf } from "../../azure/storage";
import type { DeliveryTarget } from "../shared/entity";
import { Grantable, type GrantableRole, type GrantScope } from "../shared/grantable";
import { BuiltInRole, grantRole, type Grantee } from "../shared/role-assignments";
import {
  attachSharedInterfaces,
  resolveNamespaceInterfaces,
  sharedInterfaceRequest,
  type NamespaceInterfaceProps,
} from "../shared/shared-interfaces";
import { protectFromDestroy } from "../shared/stateful";
import { known, knownValues, validateWith } from "../shared/validation";
import { knownStorageAccountId } from "./storage-account";

export type IotHubSku = IotHubSkuName;

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

/**
 * An IoT hub takes the shared interfaces it has in Azure: private endpoint (sub-resource `iotHub`,
 * zone `privatelink.azure-devices.net`; not on F1), local auth for service APIs, public network
 * access, IP ranges (they also guard the built-in Event Hubs-compatible endpoint), user-assigned
 * identities, diagnostics, lock and tags. `trustedServicesAllowed` and `customerManagedKey` are
 * validation errors: IoT Hub has no such settings.
 */
export interface IotHubProps extends NamespaceInterfaceProps {
  /** Azure name of the hub (globally unique: it is the `<name>.azure-devices.net` host). */
  readonly name: string;
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
}

/** IoT Hub's one data-plane role, under the construct-ID prefix its assignments have always had. */
const hubGrantRoles: Readonly<Record<"dataContributor", GrantableRole>> = {
  dataContributor: { role: IOT_HUB_DATA_CONTRIBUTOR, idPrefix: "data-contributor" },
};

/**
 * An IoT hub with the secure defaults: TLS 1.2 minimum, shared access keys refused, a
 * system-assigned identity for identity-based routing and file upload.
 */
export class IotHub extends Grantable<"dataContributor"> {
  readonly resource: Iothub;
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly sku: IotHubSku;
  protected readonly grantRoles = hubGrantRoles;
  private cachedId?: string;
  private cachedIdentityGrantee?: Grantee;

  constructor(scope: Construct, id: string, props: IotHubProps) {
    super(scope, id);
    const interfaces = resolveNamespaceInterfaces(props);
    const capacity = props.capacity ?? 1;
    const partitions = props.partitions ?? 4;
    const retentionDays = props.retentionDays ?? 1;
    const upload = props.fileUpload;
    validateWith(this, `IoT hub ${props.name}`, () => [
      ...azureNameProblems(iotHubNameRules.hub, known(props.name)),
      ...knownStorageAccountId("fileUpload/storageAccountId", upload?.storageAccountId),
      ...iotHubProblems(
        knownValues({
          ...sharedInterfaceRequest(props),
          publicNetworkAccess: interfaces.publicNetworkAccess,
          sku: props.sku,
          capacity,
          partitions,
          retentionDays,
          cloudToDevice: props.cloudToDevice,
          fileUpload: upload,
        }),
      ),
    ]);
    this.name = props.name;
    this.resourceGroupName = props.resourceGroupName;
    this.location = props.location;
    this.sku = props.sku;

    // An unreadable account ID is a validation error above; nothing is granted on it.
    const uploadAccount = upload ? storageAccountNameOf(upload.storageAccountId) : undefined;
    const ipRanges = interfaces.allowedIpRanges;
    const identity = interfaces.identity;
    this.resource = new Iothub(this, "hub", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      sku: { name: props.sku, capacity },
      eventHubPartitionCount: partitions,
      eventHubRetentionInDays: retentionDays,
      minTlsVersion: "1.2",
      localAuthenticationEnabled: interfaces.localAuth,
      publicNetworkAccessEnabled: interfaces.publicNetworkAccess,
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
      fileUpload: upload && uploadAccount ? fileUploadBlock(upload, uploadAccount) : undefined,
      // Routes, endpoints and enrichments are separate resources and the hub's blocks for them stay
      // unset; the fallback route is the hub's own block. The separate azurerm_iothub_fallback_route
      // validates its endpoint names with IoTHubEndpointName, which refuses the built-in `events` it
      // must name, while the block accepts it. The azurerm_iothub docs forbid mixing the block with
      // that resource only, not with separate routes (website/docs/r/iothub.html.markdown). Declared
      // either way, so a disabled fallback (unmatched messages dropped) shows in the plan.
      fallbackRoute: {
        source: "DeviceMessages",
        condition: "true",
        endpointNames: [BUILT_IN_ENDPOINT],
        enabled: props.fallbackRoute ?? true,
      },
      tags: props.tags ? { ...props.tags } : undefined,
    });
    protectFromDestroy(this.resource, interfaces.preventDestroy);

    if (upload && uploadAccount) {
      // Issuing SAS URIs with a managed identity takes a user delegation key, which is granted at
      // the storage account, not the container ("IoT Hub support for managed identities").
      grantRole(this, "file-upload-storage", {
        scopeId: upload.storageAccountId,
        scopeLabel: `storage/${uploadAccount}`,
        role: BuiltInRole.storageBlobDataContributor,
        grantee: this.identityGrantee,
      });
    }
    attachSharedInterfaces(this, {
      resourceId: this.id,
      resourceLabel: `IoT hub ${props.name}`,
      name: props.name,
      subresource: "iotHub",
      interfaces: props,
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
   * Lets the hub's identity send to `target`: identity-based routing endpoints authenticate with
   * it. However many endpoints share a target, the role is assigned once (`grantRole`).
   */
  grantDeliveryTo(target: DeliveryTarget): RoleAssignment {
    return target.grantSend(this.identityGrantee);
  }

  /** Lets `grantee` use the hub's data plane (devices, twins, messages) with Entra ID. */
  grantDataContributor(grantee: Grantee): RoleAssignment {
    return this.grant("dataContributor", grantee);
  }

  protected grantScope(): GrantScope {
    return { id: this.resource.id, label: `iot-hub/${this.name}` };
  }
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

function fileUploadBlock(settings: IotHubFileUploadSettings, account: string): IothubFileUpload {
  return {
    authenticationType: "identityBased",
    // The provider requires a connection string even for identity-based upload; with
    // `identityBased` the hub only reads the account endpoint from it, so it carries no key and
    // no secret reaches the configuration or the state.
    connectionString: keylessConnectionString(account),
    containerName: settings.container,
    sasTtl: settings.sasTtl,
    notifications: settings.notifications,
    lockDuration: settings.lockDuration,
    defaultTtl: settings.defaultTtl,
    maxDeliveryCount: settings.maxDeliveryCount,
  };
}
