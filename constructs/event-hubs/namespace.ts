import type { Construct } from "constructs";
import { EventhubNamespace } from "@cdktf/provider-azurerm/lib/eventhub-namespace";
import { EventhubNamespaceCustomerManagedKey } from "@cdktf/provider-azurerm/lib/eventhub-namespace-customer-managed-key";
import { SendReceiveManageEntity, type GrantScope } from "../shared/grantable";
import {
  attachSharedInterfaces,
  resolveNamespaceInterfaces,
  sharedInterfaceRequest,
  type NamespaceInterfaceProps,
} from "../shared/shared-interfaces";
import { protectFromDestroy } from "../shared/stateful";
import { knownValues, validateWith } from "../shared/validation";
import type { EventHubsCluster } from "./cluster";
import { Members } from "./members";
import {
  eventHubsHost,
  eventHubsNamespaceProblems,
  eventHubsRoles,
  eventHubsTierOf,
  kafkaBootstrapServer,
  tierLimits,
  type EventHubsSku,
  type EventHubsTier,
  type EventHubsTierLimits,
} from "../../azure/event-hubs";

export interface EventHubsNamespaceProps extends NamespaceInterfaceProps {
  /** Azure name of the namespace (globally unique: it becomes `<name>.servicebus.windows.net`). */
  readonly name: string;
  /**
   * The name references use for this namespace (`<namespace>/<hub>`).
   * @default - the Azure name
   */
  readonly label?: string;
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
   * Whether the Kafka endpoint is wanted. azurerm 4.x has no `kafka_enabled`: the tier decides
   * (none on Basic; always on Standard, Premium and a dedicated cluster), so a value that
   * contradicts the tier is a validation error rather than ignored.
   * @default - whatever the tier gives
   */
  readonly kafka?: boolean;
}

/** The hubs and schema groups built on each namespace, counted against its tier's limits. */
export const namespaceHubs = new Members<EventHubsNamespace, { readonly partitions: number }>();
export const namespaceSchemaGroups = new Members<EventHubsNamespace, string>();

/**
 * An Event Hubs namespace with TLS 1.2, Entra ID authentication, a system-assigned identity (capture
 * and event delivery authenticate with it) and the shared interfaces: firewall, private endpoint,
 * customer-managed key, diagnostics, lock and `prevent_destroy`.
 */
export class EventHubsNamespace extends SendReceiveManageEntity {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly sku: EventHubsSku;
  readonly capacity: number;
  /** The tier whose limits apply (`Dedicated` on a cluster). */
  readonly tier: EventHubsTier;
  readonly limits: EventHubsTierLimits;
  /** ARM ID of the dedicated cluster the namespace runs on, if any (a token for a cluster in this stack). */
  readonly dedicatedClusterId?: string;
  /** `<name>.servicebus.windows.net`: the endpoint of AMQP, HTTPS and Kafka clients. */
  readonly fqdn: string;
  /** `<fqdn>:9093`, the Kafka bootstrap server; absent on Basic, which has no Kafka endpoint. */
  readonly kafkaBootstrapServer?: string;
  /** Principal ID of the system-assigned identity (a token until apply). */
  readonly principalId: string;
  readonly resource: EventhubNamespace;
  protected readonly grantRoles = {
    send: { role: eventHubsRoles.send, idPrefix: "send" },
    receive: { role: eventHubsRoles.receive, idPrefix: "receive" },
    manage: { role: eventHubsRoles.manage, idPrefix: "own" },
  };

  constructor(scope: Construct, id: string, props: EventHubsNamespaceProps) {
    super(scope, id);
    this.name = props.name;
    this.label = props.label ?? props.name;
    this.location = props.location;
    this.resourceGroupName = props.resourceGroupName;
    this.sku = props.sku;
    this.capacity = props.capacity ?? 1;
    this.tier = eventHubsTierOf(props);
    this.limits = tierLimits[this.tier];
    this.dedicatedClusterId = props.dedicatedCluster?.id ?? props.dedicatedClusterId;
    this.fqdn = eventHubsHost(props.name);
    this.kafkaBootstrapServer = this.limits.kafka ? kafkaBootstrapServer(props.name) : undefined;
    validateWith(this, `Event Hubs namespace ${this.label}`, () =>
      eventHubsNamespaceProblems({
        ...knownValues({
          ...sharedInterfaceRequest(props),
          capacity: props.capacity,
          autoInflateMaxCapacity: props.autoInflateMaxCapacity,
          kafka: props.kafka,
          hubs: namespaceHubs.of(this),
        }),
        sku: props.sku,
        dedicatedCluster: props.dedicatedCluster,
        dedicatedClusterId: props.dedicatedClusterId,
        schemaGroups: namespaceSchemaGroups.of(this),
      }),
    );

    const interfaces = resolveNamespaceInterfaces(props);
    const autoInflate = props.autoInflateMaxCapacity !== undefined;
    this.resource = new EventhubNamespace(this, "namespace", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      sku: props.sku,
      capacity: this.capacity,
      autoInflateEnabled: autoInflate ? true : undefined,
      maximumThroughputUnits: props.autoInflateMaxCapacity,
      dedicatedClusterId: this.dedicatedClusterId,
      minimumTlsVersion: "1.2",
      localAuthenticationEnabled: interfaces.localAuth,
      publicNetworkAccessEnabled: interfaces.publicNetworkAccess,
      // azurerm refuses `network_rulesets` on Basic ("cannot be used when the SKU is basic").
      networkRulesets:
        this.limits.shared.ipRules === true
          ? [
              networkRuleset(
                interfaces.publicNetworkAccess,
                interfaces.allowedIpRanges,
                interfaces.trustedServicesAllowed,
              ),
            ]
          : undefined,
      identity: interfaces.identity,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    protectFromDestroy(this.resource, interfaces.preventDestroy);

    this.id = this.resource.id;
    this.principalId = this.resource.identity.principalId;

    const key = interfaces.customerManagedKey;
    if (key) {
      new EventhubNamespaceCustomerManagedKey(this, "customer-managed-key", {
        eventhubNamespaceId: this.resource.id,
        keyVaultKeyIds: [key.keyVaultKeyId],
        userAssignedIdentityId: key.identityId,
        infrastructureEncryptionEnabled: key.infrastructureEncryption,
      });
    }
    attachSharedInterfaces(this, {
      resourceId: this.resource.id,
      resourceLabel: `Event Hubs namespace ${props.name}`,
      name: props.name,
      subresource: "namespace",
      interfaces: props,
    });
  }

  /** Grants here cover every event hub in the namespace; prefer the hub's own grants. */
  protected grantScope(): GrantScope {
    return { id: this.resource.id, label: this.label };
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
