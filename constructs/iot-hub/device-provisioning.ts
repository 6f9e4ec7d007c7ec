import { Construct } from "constructs";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { DPS_SKU, IOT_HUB_DATA_CONTRIBUTOR, iotHubNameRules } from "../../azure/iot-hub";
import { deviceProvisioningProblems } from "../../azure/iot-hub-rules";
import { azureNameProblems } from "../../azure/name-rule";
import { derivedName } from "../../azure/naming";
import { AzapiResource } from "../shared/azapi-resource";
import { grantRole } from "../shared/role-assignments";
import {
  attachSharedInterfaces,
  resolveNamespaceInterfaces,
  sharedInterfaceRequest,
  type NamespaceInterfaceProps,
} from "../shared/shared-interfaces";
import { protectFromDestroy } from "../shared/stateful";
import { known, knownValues, validateWith } from "../shared/validation";
import type { IotHub } from "./iot-hub";

export type AllocationPolicy = "Hashed" | "GeoLatency" | "Static";

/**
 * A provisioning service takes the shared interfaces it has in Azure: private endpoint
 * (sub-resource `iotDps`, zone `privatelink.azure-devices-provisioning.net`), public network
 * access, IP ranges, user-assigned identities besides the hub link's, diagnostics, lock and tags.
 * `localAuth`, `trustedServicesAllowed` and `customerManagedKey` are validation errors: Device
 * Provisioning has no such settings.
 */
export interface DeviceProvisioningServiceProps extends NamespaceInterfaceProps {
  /** Azure name of the provisioning service. */
  readonly name: string;
  /** ARM ID of the resource group the service is created in. */
  readonly resourceGroupId: string;
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
}

/**
 * The newest published API version whose linked hubs authenticate with a managed identity instead
 * of a connection string (`authenticationType`, `hostName`, `selectedUserAssignedIdentityResourceId`
 * on IotHubDefinitionDescription): Microsoft.Devices/provisioningServices 2026-03-01-preview, in
 * the schema azapi 2.12.0 embeds (internal/azure/generated/deviceprovisioningservices/
 * microsoft.devices/2026-03-01-preview/types.json), so azapi checks the body before Azure sees it.
 */
export const DPS_API_VERSION = "2026-03-01-preview";

/** One entry of the service's IP filter, applied in order: the first that matches decides. */
interface IpFilterRule {
  readonly filterName: string;
  readonly action: "Accept" | "Reject";
  readonly ipMask: string;
  readonly target: "all";
}

/** Body of Microsoft.Devices/provisioningServices at DPS_API_VERSION. */
interface ProvisioningServiceBody extends Record<string, unknown> {
  readonly sku: { readonly name: "S1"; readonly capacity: number };
  readonly properties: {
    readonly allocationPolicy: AllocationPolicy;
    readonly enableDataResidency: boolean;
    readonly publicNetworkAccess: "Enabled" | "Disabled";
    readonly ipFilterRules?: readonly IpFilterRule[];
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
    const interfaces = resolveNamespaceInterfaces(props);
    const capacity = props.capacity ?? 1;
    validateWith(this, `Device Provisioning Service ${props.name}`, () => [
      ...azureNameProblems(iotHubNameRules.deviceProvisioning, known(props.name)),
      ...deviceProvisioningProblems(
        knownValues({
          ...sharedInterfaceRequest(props),
          publicNetworkAccess: interfaces.publicNetworkAccess,
          capacity,
        }),
      ),
    ]);

    this.identity = new UserAssignedIdentity(this, "link-identity", {
      name: derivedName(props.name, "hub-link"),
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.linkGrant = grantRole(this, "hub-link", {
      scopeId: props.hub.id,
      scopeLabel: `iot-hub/${props.hub.name}`,
      role: IOT_HUB_DATA_CONTRIBUTOR,
      grantee: {
        name: `dps-${props.name}`,
        principalId: this.identity.principalId,
        principalType: "ServicePrincipal",
      },
    });

    const ipRanges = interfaces.allowedIpRanges;
    const body: ProvisioningServiceBody = {
      sku: { name: DPS_SKU, capacity },
      properties: {
        allocationPolicy: props.allocationPolicy ?? "Hashed",
        enableDataResidency: props.dataResidency ?? false,
        publicNetworkAccess: interfaces.publicNetworkAccess ? "Enabled" : "Disabled",
        ...(ipRanges.length > 0 ? { ipFilterRules: ipFilterRules(ipRanges) } : {}),
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
      identity: {
        type: "UserAssigned",
        identityIds: [this.identity.id, ...interfaces.userAssignedIdentityIds],
      },
      body,
      responseExportValues: ["properties.idScope", "properties.deviceProvisioningHostName"],
      tags: props.tags,
      dependsOn: [this.linkGrant],
    });

    attachSharedInterfaces(this, {
      resourceId: this.resource.id,
      resourceLabel: `Device Provisioning Service ${props.name}`,
      name: props.name,
      subresource: "iotDps",
      interfaces: props,
    });
    protectFromDestroy(this.resource, interfaces.preventDestroy);
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

/**
 * Admits only `ranges`: an Accept rule for each, then one that rejects every other address ("Use
 * IP filters" for Device Provisioning: rules apply in order, and without a match a request is
 * accepted, so the list ends by rejecting 0.0.0.0/0).
 */
function ipFilterRules(ranges: readonly string[]): IpFilterRule[] {
  return [
    ...ranges.map((ipMask, index) => ({
      filterName: `allowed-${index + 1}`,
      action: "Accept" as const,
      ipMask,
      target: "all" as const,
    })),
    { filterName: "deny-others", action: "Reject", ipMask: "0.0.0.0/0", target: "all" },
  ];
}
