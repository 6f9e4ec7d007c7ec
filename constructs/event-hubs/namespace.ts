import { Construct } from "constructs";
import { EventhubNamespace } from "@cdktf/provider-azurerm/lib/eventhub-namespace";
import { EventhubNamespaceCustomerManagedKey } from "@cdktf/provider-azurerm/lib/eventhub-namespace-customer-managed-key";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { managedIdentity } from "../shared/identity";
import {
  BuiltInRole,
  grantId,
  grantRole,
  type BuiltInRoleName,
  type Grantee,
} from "../shared/role-assignments";
import { attachSharedInterfaces } from "../shared/shared-interfaces";
import { protectFromDestroy } from "../shared/stateful";
import type { EventHubsCluster } from "./cluster";
import {
  eventHubsTier,
  premiumProcessingUnits,
  throughputUnitRange,
  tierLimits,
  type EventHubsSku,
  type EventHubsTier,
  type EventHubsTierLimits,
} from "../../azure/event-hubs";

export interface EventHubsNamespaceProps {
  /** Azure name of the namespace (globally unique: it becomes `<name>.servicebus.windows.net`). */
  readonly name: string;
  /**
   * The name references use for this namespace (`<namespace>/<hub>`).
   * @default - the Azure name
   */
  readonly logicalName?: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly sku: EventHubsSku;
  /**
   * Throughput units (Basic, Standard) or processing units (Premium).
   * @default - 1 unit
   */
  readonly capacity?: number;
  /**
   * Upper bound for auto-inflate (Standard only); setting it turns auto-inflate on.
   * @default - auto-inflate is off: the namespace keeps `capacity` units and throttles above them
   */
  readonly autoInflateMaxCapacity?: number;
  /**
   * The dedicated cluster this namespace runs on (built in this stack).
   * @default - multi-tenant, unless `dedicatedClusterId` is given
   */
  readonly dedicatedCluster?: EventHubsCluster;
  /**
   * ARM ID of a dedicated cluster that exists outside this stack.
   * @default - multi-tenant, unless `dedicatedCluster` is given
   */
  readonly dedicatedClusterId?: string;
  /**
   * Whether the Kafka endpoint is wanted. azurerm 4.x has no `kafka_enabled`: Azure enables Kafka on
   * every Standard, Premium and dedicated namespace and offers none on Basic, so a value that
   * contradicts the SKU is refused rather than ignored.
   * @default - whatever the SKU gives: no Kafka on Basic, Kafka on Standard and above
   */
  readonly kafka?: boolean;
  /**
   * Whether SAS keys are accepted.
   * @default - false: only Microsoft Entra ID tokens are accepted
   */
  readonly localAuthentication?: boolean;
  /**
   * Whether the public endpoint accepts traffic (subject to `allowedIpRanges`).
   * @default - true: the public endpoint is reachable, and Entra ID still decides who gets in
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * IPv4 addresses or CIDR ranges admitted through the firewall (not on Basic).
   * @default - none: with public access on, every address may connect (Entra ID still required)
   */
  readonly allowedIpRanges?: readonly string[];
  /**
   * Whether trusted Microsoft services bypass the firewall.
   * @default - true: Azure services such as Event Grid and Stream Analytics reach the namespace through the firewall
   */
  readonly trustedServicesAllowed?: boolean;
  /**
   * User-assigned identities, besides the system-assigned one every namespace gets.
   * @default - only the system-assigned identity
   */
  readonly userAssignedIdentityIds?: readonly string[];
  /**
   * Key Vault key that encrypts the namespace's data (Premium or dedicated only).
   * @default - Microsoft-managed keys
   */
  readonly customerManagedKeyId?: string;
  /**
   * User-assigned identity that reads `customerManagedKeyId`; required with it.
   * @default - none
   */
  readonly customerManagedKeyIdentityId?: string;
  /**
   * Double encryption at the infrastructure layer, with a customer-managed key.
   * @default - false: one layer of encryption, with the customer-managed key
   */
  readonly infrastructureEncryption?: boolean;
  /**
   * Log Analytics workspace that receives the namespace's logs and metrics.
   * @default - no diagnostic settings
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Subnet of a private endpoint (sub-resource `namespace`; not on Basic).
   * @default - no private endpoint
   */
  readonly privateEndpointSubnetId?: string;
  /**
   * Region of the private endpoint, which must be the subnet's; it may differ from the namespace's
   * (a geo-DR secondary is reached through an endpoint in the primary's virtual network).
   * @default - the namespace's location
   */
  readonly privateEndpointLocation?: string;
  /**
   * Private DNS zone (`privatelink.servicebus.windows.net`) the private endpoint registers in.
   * @default - no DNS zone group
   */
  readonly privateDnsZoneId?: string;
  /**
   * A CanNotDelete lock on the namespace.
   * @default - false: no lock; the namespace can be deleted
   */
  readonly lock?: boolean;
  /**
   * Terraform's `prevent_destroy`: the namespace holds every hub's events.
   * @default - false: a plan may destroy the namespace
   */
  readonly preventDestroy?: boolean;
  /** @default - no tags */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An Event Hubs namespace with TLS 1.2, Entra ID authentication, a system-assigned identity (capture
 * and event delivery authenticate with it) and the shared interfaces: firewall, private endpoint,
 * customer-managed key, diagnostics, lock and `prevent_destroy`.
 */
export class EventHubsNamespace extends Construct {
  readonly id: string;
  readonly name: string;
  readonly logicalName: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly sku: EventHubsSku;
  readonly capacity: number;
  /** The tier whose limits apply (`Dedicated` on a cluster). */
  readonly tier: EventHubsTier;
  readonly limits: EventHubsTierLimits;
  readonly onDedicatedCluster: boolean;
  /** `<name>.servicebus.windows.net`: the endpoint of AMQP, HTTPS and Kafka clients. */
  readonly fqdn: string;
  /** `<fqdn>:9093`, the Kafka bootstrap server; absent on Basic, which has no Kafka endpoint. */
  readonly kafkaBootstrapServer?: string;
  /** Principal ID of the system-assigned identity (a token until apply). */
  readonly principalId: string;
  readonly resource: EventhubNamespace;

  constructor(scope: Construct, id: string, props: EventHubsNamespaceProps) {
    super(scope, id);
    validateNamespaceProps(props);

    this.name = props.name;
    this.logicalName = props.logicalName ?? props.name;
    this.location = props.location;
    this.resourceGroupName = props.resourceGroupName;
    this.sku = props.sku;
    this.capacity = props.capacity ?? 1;
    this.onDedicatedCluster = props.dedicatedCluster !== undefined || props.dedicatedClusterId !== undefined;
    this.tier = eventHubsTier(props.sku, this.onDedicatedCluster);
    this.limits = tierLimits[this.tier];
    this.fqdn = `${props.name}.servicebus.windows.net`;
    // Azure's Kafka endpoint listens on 9093 ("Event Hubs for Apache Kafka": bootstrap.servers=<namespace>.servicebus.windows.net:9093).
    this.kafkaBootstrapServer = this.limits.kafka ? `${this.fqdn}:9093` : undefined;

    const publicNetworkAccess = props.publicNetworkAccess ?? true;
    const identityIds = [...(props.userAssignedIdentityIds ?? [])];
    if (props.customerManagedKeyIdentityId) identityIds.push(props.customerManagedKeyIdentityId);
    const autoInflate = props.autoInflateMaxCapacity !== undefined;

    this.resource = new EventhubNamespace(this, "namespace", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      sku: props.sku,
      capacity: this.capacity,
      autoInflateEnabled: autoInflate ? true : undefined,
      maximumThroughputUnits: props.autoInflateMaxCapacity,
      dedicatedClusterId: props.dedicatedCluster?.id ?? props.dedicatedClusterId,
      minimumTlsVersion: "1.2",
      localAuthenticationEnabled: props.localAuthentication ?? false,
      publicNetworkAccessEnabled: publicNetworkAccess,
      // azurerm refuses `network_rulesets` on Basic ("cannot be used when the SKU is basic").
      networkRulesets: this.limits.ipFirewall
        ? [
            networkRuleset(
              publicNetworkAccess,
              props.allowedIpRanges ?? [],
              props.trustedServicesAllowed ?? true,
            ),
          ]
        : undefined,
      identity: managedIdentity(identityIds),
      tags: props.tags ? { ...props.tags } : undefined,
    });
    protectFromDestroy(this.resource, props.preventDestroy ?? false);

    this.id = this.resource.id;
    this.principalId = this.resource.identity.principalId;

    if (props.customerManagedKeyId && props.customerManagedKeyIdentityId) {
      new EventhubNamespaceCustomerManagedKey(this, "customer-managed-key", {
        eventhubNamespaceId: this.resource.id,
        keyVaultKeyIds: [props.customerManagedKeyId],
        userAssignedIdentityId: props.customerManagedKeyIdentityId,
        infrastructureEncryptionEnabled: props.infrastructureEncryption ?? false,
      });
    }
    attachSharedInterfaces(this, {
      resourceId: this.resource.id,
      resourceLabel: `Event Hubs namespace ${props.name}`,
      name: props.name,
      subresource: "namespace",
      interfaces: {
        location: props.location,
        resourceGroupName: props.resourceGroupName,
        tags: props.tags,
        logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
        privateEndpoint: props.privateEndpointSubnetId
          ? {
              subnetId: props.privateEndpointSubnetId,
              privateDnsZoneId: props.privateDnsZoneId,
              location: props.privateEndpointLocation,
            }
          : undefined,
        lock: props.lock,
      },
    });
  }

  /** Lets `grantee` send to every event hub in the namespace; prefer `EventHub.grantSend`. */
  grantSend(grantee: Grantee): RoleAssignment {
    return this.grant("send", BuiltInRole.eventHubsDataSender, grantee);
  }

  /** Lets `grantee` receive from every event hub in the namespace; prefer `EventHub.grantReceive`. */
  grantReceive(grantee: Grantee): RoleAssignment {
    return this.grant("receive", BuiltInRole.eventHubsDataReceiver, grantee);
  }

  /** Full data-plane access to every event hub in the namespace. */
  grantOwner(grantee: Grantee): RoleAssignment {
    return this.grant("own", BuiltInRole.eventHubsDataOwner, grantee);
  }

  private grant(action: string, role: BuiltInRoleName, grantee: Grantee): RoleAssignment {
    return grantRole(this, grantId(action, grantee), {
      scopeId: this.resource.id,
      scopeLabel: this.logicalName,
      role,
      grantee,
    });
  }
}

function networkRuleset(publicNetworkAccess: boolean, allowedIpRanges: readonly string[], trusted: boolean) {
  return {
    // An allow-list means everything else is denied; without one, an open public endpoint stays open.
    defaultAction: !publicNetworkAccess || allowedIpRanges.length > 0 ? "Deny" : "Allow",
    // azurerm requires this to equal the namespace's own `public_network_access_enabled`.
    publicNetworkAccessEnabled: publicNetworkAccess,
    trustedServiceAccessEnabled: trusted,
    ipRule: allowedIpRanges.map((ipMask) => ({ ipMask, action: "Allow" })),
    // Private endpoints, not service endpoints, are how virtual networks reach the namespace.
    virtualNetworkRule: [],
  };
}

function validateNamespaceProps(props: EventHubsNamespaceProps): void {
  const onCluster = props.dedicatedCluster !== undefined || props.dedicatedClusterId !== undefined;
  const limits = tierLimits[eventHubsTier(props.sku, onCluster)];
  const where = `Event Hubs namespace ${props.name}`;
  const capacity = props.capacity ?? 1;

  if (props.dedicatedCluster && props.dedicatedClusterId) {
    throw new Error(`${where}: give dedicatedCluster or dedicatedClusterId, not both`);
  }
  if (props.sku === "Premium" && !onCluster && !premiumProcessingUnits.includes(capacity)) {
    throw new Error(
      `${where}: capacity on Premium must be one of ${premiumProcessingUnits.join(", ")} processing units, got ${capacity}`,
    );
  }
  if (
    props.sku !== "Premium" &&
    !onCluster &&
    !isIntegerIn(capacity, throughputUnitRange.min, throughputUnitRange.max)
  ) {
    throw new Error(
      `${where}: capacity on ${props.sku} must be ${throughputUnitRange.min}-${throughputUnitRange.max} throughput units, got ${capacity}`,
    );
  }
  if (props.autoInflateMaxCapacity !== undefined) {
    if (!limits.autoInflate || onCluster) {
      throw new Error(
        `${where}: autoInflateMaxCapacity applies only to Standard namespaces outside a dedicated cluster, got ${props.autoInflateMaxCapacity} on ${limits.tier}`,
      );
    }
    if (!isIntegerIn(props.autoInflateMaxCapacity, capacity, throughputUnitRange.max)) {
      throw new Error(
        `${where}: autoInflateMaxCapacity must be between capacity (${capacity}) and ${throughputUnitRange.max}, got ${props.autoInflateMaxCapacity}`,
      );
    }
  }
  if (props.kafka !== undefined && props.kafka !== limits.kafka) {
    throw new Error(
      limits.kafka
        ? `${where}: kafka cannot be false on ${limits.tier}: Azure always enables the Kafka endpoint there and azurerm 4.x cannot switch it off`
        : `${where}: kafka cannot be true on Basic, which has no Kafka endpoint; use Standard or above`,
    );
  }
  if (!limits.ipFirewall && (props.allowedIpRanges ?? []).length > 0) {
    throw new Error(
      `${where}: allowedIpRanges needs Standard or above (Basic has no IP firewall), got ${props.allowedIpRanges?.join(", ")}`,
    );
  }
  if (!limits.privateLink && props.privateEndpointSubnetId) {
    throw new Error(`${where}: privateEndpointSubnetId needs Standard or above (Basic has no private link)`);
  }
  if (props.customerManagedKeyId !== undefined || props.customerManagedKeyIdentityId !== undefined) {
    if (!limits.customerManagedKey) {
      throw new Error(
        `${where}: customer-managed keys need Premium or a dedicated cluster, got ${limits.tier}`,
      );
    }
    if (!props.customerManagedKeyId || !props.customerManagedKeyIdentityId) {
      throw new Error(
        `${where}: customerManagedKeyId and customerManagedKeyIdentityId must be given together`,
      );
    }
  }
  if (props.infrastructureEncryption && !props.customerManagedKeyId) {
    throw new Error(`${where}: infrastructureEncryption needs customerManagedKeyId`);
  }
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
