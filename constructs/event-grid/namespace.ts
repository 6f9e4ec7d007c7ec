import { Construct } from "constructs";
import { EventgridNamespace } from "@cdktf/provider-azurerm/lib/eventgrid-namespace";
import { AzapiUpdateResource } from "../shared/azapi-resource";
import { managedIdentity } from "../shared/identity";
import type { Grantee } from "../shared/role-assignments";
import { attachSharedInterfaces } from "../shared/shared-interfaces";
import { protectFromDestroy } from "../shared/stateful";
import type { EventGridTopic } from "./topic";

/**
 * Namespace limits, as the azurerm 4.x `azurerm_eventgrid_namespace` schema validates them and
 * Azure's "Event Grid quotas and limits" (namespace resources) states: 1 to 40 throughput units,
 * a maximum session expiry of 1 to 8 hours, 1 to 100 client sessions per authentication name.
 * Names are 3 to 50 letters, digits and hyphens (REST spec, Microsoft.EventGrid/namespaces).
 */
export const NamespaceLimits = {
  minCapacity: 1,
  maxCapacity: 40,
  maxSessionExpiryHours: 8,
  maxClientSessionsPerAuthenticationName: 100,
} as const;

/** Certificate fields a client's authentication name may come from instead of the MQTT username. */
export type AlternativeAuthenticationNameSource =
  | "ClientCertificateDns"
  | "ClientCertificateEmail"
  | "ClientCertificateIp"
  | "ClientCertificateSubject"
  | "ClientCertificateUri";

/** The Event Grid namespace REST API version the azapi resources of a namespace use. */
export const EVENT_GRID_NAMESPACE_API_VERSION = "2025-02-15";

/** The part of a namespace's ARM body that makes MQTT routing deliver with the system identity. */
interface RoutingIdentityBody extends Record<string, unknown> {
  readonly properties: {
    readonly topicSpacesConfiguration: { readonly routingIdentityInfo: { readonly type: "SystemAssigned" } };
  };
}

export interface EventGridNamespaceProps {
  /** Azure name of the namespace. */
  readonly name: string;
  /** Logical name for labels. @default - the Azure name */
  readonly label?: string;
  readonly location: string;
  readonly resourceGroupName: string;
  /**
   * Throughput units.
   * @default - 1 throughput unit
   */
  readonly capacity?: number;
  /**
   * Whether the public endpoint accepts traffic (limited by `allowedIpRanges` when given).
   * @default - public network access off: private endpoints only
   */
  readonly publicNetworkAccessEnabled?: boolean;
  /**
   * CIDR ranges admitted through the public endpoint.
   * @default - no IP rules
   */
  readonly allowedIpRanges?: readonly string[];
  /**
   * User-assigned identities, besides the system-assigned identity every namespace gets.
   * @default - system-assigned identity only
   */
  readonly userAssignedIdentityIds?: readonly string[];
  /**
   * Whether the MQTT broker (topic spaces) is enabled.
   * @default - no MQTT broker
   */
  readonly mqttEnabled?: boolean;
  /**
   * Longest session expiry a client may request, in hours (MQTT only).
   * @default - 1 hour (Azure's default)
   */
  readonly maximumSessionExpiryHours?: number;
  /**
   * Concurrent sessions one authentication name may hold (MQTT only).
   * @default - 1 session (Azure's default)
   */
  readonly maximumClientSessionsPerAuthenticationName?: number;
  /**
   * Certificate fields that may supply a client's authentication name (MQTT only).
   * @default - the authentication name is the MQTT username
   */
  readonly alternativeAuthenticationNameSources?: readonly AlternativeAuthenticationNameSource[];
  /**
   * Custom topic every MQTT message is routed to (MQTT only; CloudEvents 1.0 input schema).
   * @default - MQTT messages are not routed
   */
  readonly routeTopic?: EventGridTopic;
  /**
   * Log Analytics workspace for logs and metrics.
   * @default - no diagnostic settings
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Private endpoint: sub-resource `topicspace` when the MQTT broker is on, else `topic`.
   * @default - no private endpoint
   */
  readonly privateEndpoint?: { readonly subnetId: string; readonly privateDnsZoneId?: string };
  /**
   * Whether a CanNotDelete lock protects the namespace.
   * @default - no lock
   */
  readonly lock?: boolean;
  /**
   * Whether Terraform refuses plans that destroy the namespace.
   * @default - destroy allowed
   */
  readonly preventDestroy?: boolean;
  /** @default - no tags */
  readonly tags?: Readonly<Record<string, string>>;
}

/** An Event Grid namespace, optionally with its MQTT broker and the routing of MQTT messages. */
export class EventGridNamespace extends Construct {
  readonly resource: EventgridNamespace;
  readonly name: string;
  readonly label: string;
  readonly mqttEnabled: boolean;
  /** The namespace's system-assigned identity. */
  readonly identity: Grantee;

  constructor(scope: Construct, id: string, props: EventGridNamespaceProps) {
    super(scope, id);
    validate(props);
    this.name = props.name;
    this.label = `eventGrid/namespaces/${props.label ?? props.name}`;
    this.mqttEnabled = props.mqttEnabled ?? false;
    const identity = managedIdentity(props.userAssignedIdentityIds);

    this.resource = new EventgridNamespace(this, "namespace", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      sku: "Standard",
      capacity: props.capacity ?? NamespaceLimits.minCapacity,
      publicNetworkAccess: props.publicNetworkAccessEnabled ? "Enabled" : "Disabled",
      inboundIpRule: (props.allowedIpRanges ?? []).map((ipMask) => ({ ipMask, action: "Allow" })),
      identity: { type: identity.type, identityIds: identity.identityIds },
      // The block's presence is what turns the broker on (azurerm sets the state to Enabled).
      topicSpacesConfiguration: this.mqttEnabled
        ? [
            {
              maximumSessionExpiryInHours: props.maximumSessionExpiryHours ?? 1,
              maximumClientSessionsPerAuthenticationName:
                props.maximumClientSessionsPerAuthenticationName ?? 1,
              alternativeAuthenticationNameSource: props.alternativeAuthenticationNameSources
                ? [...props.alternativeAuthenticationNameSources]
                : undefined,
              routeTopicId: props.routeTopic?.id,
            },
          ]
        : undefined,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    protectFromDestroy(this.resource, props.preventDestroy ?? false);
    this.identity = {
      name: `evgns-${props.label ?? props.name}`,
      principalId: this.resource.identity.principalId,
      principalType: "ServicePrincipal",
    };
    if (props.routeTopic) this.routeWithIdentity(props.routeTopic);

    attachSharedInterfaces(this, {
      resourceId: this.resource.id,
      resourceLabel: `Event Grid namespace ${props.name}`,
      name: props.name,
      // Private-link group IDs of Event Grid namespaces ("Configure private endpoints for Azure
      // Event Grid namespaces"): `topicspace` serves MQTT clients, `topic` HTTP publishers.
      subresource: this.mqttEnabled ? "topicspace" : "topic",
      interfaces: {
        location: props.location,
        resourceGroupName: props.resourceGroupName,
        tags: props.tags,
        logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
        privateEndpoint: props.privateEndpoint
          ? {
              subnetId: props.privateEndpoint.subnetId,
              privateDnsZoneId: props.privateEndpoint.privateDnsZoneId,
            }
          : undefined,
        lock: props.lock,
      },
    });
  }

  /**
   * The route topic accepts no keys (local auth off), so the broker must deliver to it with its own
   * identity: EventGrid Data Sender on the topic, and `routingIdentityInfo` on the namespace
   * ("Routing MQTT messages in Azure Event Grid"; REST API topicSpacesConfiguration.routingIdentityInfo).
   * azurerm 4.55 has no such argument, so azapi sets it, after the grant, and again whenever azurerm
   * rewrites the namespace without it.
   */
  private routeWithIdentity(routeTopic: EventGridTopic): void {
    const grant = routeTopic.grantSend(this.identity);
    const routing = new AzapiUpdateResource<RoutingIdentityBody>(this, "routing-identity", {
      type: `Microsoft.EventGrid/namespaces@${EVENT_GRID_NAMESPACE_API_VERSION}`,
      resourceId: this.resource.id,
      body: { properties: { topicSpacesConfiguration: { routingIdentityInfo: { type: "SystemAssigned" } } } },
    });
    routing.dependsOn = [grant.fqn];
    routing.lifecycle = { replaceTriggeredBy: [this.resource] };
  }

  get id(): string {
    return this.resource.id;
  }
}

function validate(props: EventGridNamespaceProps): void {
  if (!/^[A-Za-z0-9-]{3,50}$/.test(props.name)) {
    throw new Error(`namespace name must be 3 to 50 letters, digits or hyphens, got "${props.name}"`);
  }
  const capacity = props.capacity;
  if (
    capacity !== undefined &&
    !(
      Number.isInteger(capacity) &&
      capacity >= NamespaceLimits.minCapacity &&
      capacity <= NamespaceLimits.maxCapacity
    )
  ) {
    throw new Error(
      `capacity must be between ${NamespaceLimits.minCapacity} and ${NamespaceLimits.maxCapacity} throughput units, got ${capacity}`,
    );
  }
  const mqttOnly: readonly [string, unknown][] = [
    ["maximumSessionExpiryHours", props.maximumSessionExpiryHours],
    ["maximumClientSessionsPerAuthenticationName", props.maximumClientSessionsPerAuthenticationName],
    ["alternativeAuthenticationNameSources", props.alternativeAuthenticationNameSources],
    ["routeTopic", props.routeTopic],
  ];
  if (!props.mqttEnabled) {
    const stray = mqttOnly.find(([, value]) => value !== undefined);
    if (stray)
      throw new Error(`${stray[0]} applies only to a namespace with mqttEnabled, got it on ${props.name}`);
  }
  const expiry = props.maximumSessionExpiryHours;
  if (
    expiry !== undefined &&
    !(Number.isInteger(expiry) && expiry >= 1 && expiry <= NamespaceLimits.maxSessionExpiryHours)
  ) {
    throw new Error(
      `maximumSessionExpiryHours must be between 1 and ${NamespaceLimits.maxSessionExpiryHours}, got ${expiry}`,
    );
  }
  const sessions = props.maximumClientSessionsPerAuthenticationName;
  if (
    sessions !== undefined &&
    !(
      Number.isInteger(sessions) &&
      sessions >= 1 &&
      sessions <= NamespaceLimits.maxClientSessionsPerAuthenticationName
    )
  ) {
    throw new Error(
      `maximumClientSessionsPerAuthenticationName must be between 1 and ${NamespaceLimits.maxClientSessionsPerAuthenticationName}, got ${sessions}`,
    );
  }
  if (props.routeTopic && props.routeTopic.inputSchema !== "CloudEventSchemaV1_0") {
    // "Routing MQTT messages in Azure Event Grid": the routing topic takes CloudEvents 1.0.
    throw new Error(
      `routeTopic must use input schema CloudEventSchemaV1_0, got ${props.routeTopic.inputSchema}`,
    );
  }
}
