import { Construct } from "constructs";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { AzapiResource } from "../shared/azapi-resource";
import { derivedName } from "../../azure/naming";
import { BuiltInRole, grantRole } from "../shared/role-assignments";
import { attachSharedInterfaces } from "../shared/shared-interfaces";
import { protectFromDestroy } from "../shared/stateful";
import type { IotHub } from "./iot-hub";

export type AllocationPolicy = "Hashed" | "GeoLatency" | "Static";

export interface DeviceProvisioningServiceProps {
  /** Azure name of the provisioning service. */
  readonly name: string;
  readonly location: string;
  /** ARM ID of the resource group the service is created in. */
  readonly resourceGroupId: string;
  readonly resourceGroupName: string;
  /** The hub devices are provisioned to. */
  readonly hub: IotHub;
  /**
   * How devices are spread over the linked hubs.
   * @default - Hashed: evenly, by a hash of the registration ID
   */
  readonly allocationPolicy?: AllocationPolicy;
  /**
   * Provisioning service units (S1).
   * @default - one unit
   */
  readonly capacity?: number;
  /**
   * Whether device data stays in the service's region (no replication to the paired region).
   * @default - Azure's default: replicated to the paired region for disaster recovery
   */
  readonly dataResidency?: boolean;
  /**
   * Whether devices reach the service over its public endpoint.
   * @default - closed: devices provision through the private endpoint
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * Log Analytics workspace for the service's logs and metrics.
   * @default - no diagnostic settings
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Subnet for a private endpoint (sub-resource `iotDps`).
   * @default - no private endpoint
   */
  readonly privateEndpointSubnetId?: string;
  /**
   * Private DNS zone (`privatelink.azure-devices-provisioning.net`) the private endpoint registers in.
   * @default - no DNS zone group: name resolution is left to the network team's own DNS
   */
  readonly privateDnsZoneId?: string;
  /**
   * @default - no tags
   */
  /**
   * A CanNotDelete lock: the service holds every device enrollment.
   * @default - no lock
   */
  readonly lock?: boolean;
  /**
   * Terraform's `prevent_destroy`, for the same reason.
   * @default - a plan may destroy the service
   */
  readonly preventDestroy?: boolean;
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The GA API version whose linked hubs authenticate with a managed identity instead of a
 * connection string (`authenticationType`, `hostName`, `selectedUserAssignedIdentityResourceId`;
 * Microsoft.Devices/provisioningServices 2026-08-31).
 */
export const DPS_API_VERSION = "2026-08-31";

/** Body of Microsoft.Devices/provisioningServices at DPS_API_VERSION. */
interface ProvisioningServiceBody extends Record<string, unknown> {
  readonly sku: { readonly name: "S1"; readonly capacity: number };
  readonly properties: {
    readonly allocationPolicy: AllocationPolicy;
    readonly enableDataResidency: boolean;
    readonly publicNetworkAccess: "Enabled" | "Disabled";
    readonly iotHubs: readonly {
      readonly authenticationType: "UserAssigned";
      readonly selectedUserAssignedIdentityResourceId: string;
      readonly hostName: string;
      readonly location: string;
      readonly applyAllocationPolicy: boolean;
    }[];
  };
}

/**
 * A Device Provisioning Service linked to one hub without a shared key.
 *
 * azurerm's `linked_hub` takes only a connection string, which would put an IoT Hub key in the
 * state and needs the hub to accept keys at all; so the service is declared through azapi with
 * the API version that links hubs by managed identity. The identity is user-assigned and created
 * first: it gets its role on the hub before the service exists, because the service checks the
 * link when it is created (a system-assigned identity would exist only after that check). The
 * role is IoT Hub Data Contributor on the hub alone: DPS registers device identities and writes
 * their initial twins, and no narrower built-in role covers both.
 */
export class DeviceProvisioningService extends Construct {
  readonly resource: AzapiResource;
  readonly identity: UserAssignedIdentity;
  /** The hub-scoped role assignment the link authenticates with. */
  readonly linkGrant: RoleAssignment;

  constructor(scope: Construct, id: string, props: DeviceProvisioningServiceProps) {
    super(scope, id);
    const capacity = props.capacity ?? 1;
    // S1 is the only DPS SKU; 1-200 units is the range the azurerm provider accepts.
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 200) {
      throw new Error(`capacity must be an integer between 1 and 200, got ${capacity}`);
    }
    if (!/^[a-zA-Z0-9-]{3,64}$/.test(props.name) || props.name.endsWith("-")) {
      throw new Error(
        `name must be 3-64 letters, digits and hyphens, not ending in a hyphen, got "${props.name}"`,
      );
    }

    this.identity = new UserAssignedIdentity(this, "link-identity", {
      name: derivedName(props.name, "hub-link"),
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.linkGrant = grantRole(this, "hub-link", {
      scopeId: props.hub.id,
      scopeLabel: `iot-hub/${props.hub.name}`,
      role: BuiltInRole.iotHubDataContributor,
      grantee: {
        name: `dps-${props.name}`,
        principalId: this.identity.principalId,
        principalType: "ServicePrincipal",
      },
    });

    const body: ProvisioningServiceBody = {
      sku: { name: "S1", capacity },
      properties: {
        allocationPolicy: props.allocationPolicy ?? "Hashed",
        enableDataResidency: props.dataResidency ?? false,
        publicNetworkAccess: props.publicNetworkAccess === true ? "Enabled" : "Disabled",
        iotHubs: [
          {
            authenticationType: "UserAssigned",
            selectedUserAssignedIdentityResourceId: this.identity.id,
            hostName: props.hub.hostname,
            location: props.hub.location,
            applyAllocationPolicy: true,
          },
        ],
      },
    };
    this.resource = new AzapiResource(this, "dps", {
      type: `Microsoft.Devices/provisioningServices@${DPS_API_VERSION}`,
      name: props.name,
      parentId: props.resourceGroupId,
      location: props.location,
      identity: { type: "UserAssigned", identityIds: [this.identity.id] },
      body,
      // The provider's embedded schemas predate this API version; Azure validates the body instead.
      schemaValidationEnabled: false,
      responseExportValues: ["properties.idScope", "properties.deviceProvisioningHostName"],
      tags: props.tags,
      dependsOn: [this.linkGrant],
    });

    attachSharedInterfaces(this, {
      resourceId: this.resource.id,
      resourceLabel: `Device Provisioning Service ${props.name}`,
      name: props.name,
      subresource: "iotDps",
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
    protectFromDestroy(this.resource, props.preventDestroy ?? false);
  }

  get id(): string {
    return this.resource.id;
  }

  /** The ID scope devices present when they register. */
  get idScope(): string {
    return this.resource.outputString("properties.idScope");
  }

  /** The host devices register with (`global.azure-devices-provisioning.net`). */
  get deviceProvisioningHostName(): string {
    return this.resource.outputString("properties.deviceProvisioningHostName");
  }
}
