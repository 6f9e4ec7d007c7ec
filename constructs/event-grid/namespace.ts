import { Construct } from "constructs";
import { EventgridNamespace } from "@cdktf/provider-azurerm/lib/eventgrid-namespace";
import {
  EVENT_GRID_NAMESPACE_API_VERSION,
  NamespaceLimits,
  ipRangeProblems,
  namespaceCapabilities,
  namespaceProblems,
  privateLinkSubresource,
} from "../../azure/event-grid";
import {
  MQTT_HOSTNAME_PROPERTY,
  MqttSessionDefaults,
  brokerSessionProblems,
  routeTopicInputSchema,
} from "../../azure/event-grid-mqtt";
import { sharedInterfaceProblems } from "../../azure/namespace-capabilities";
import type { Problem } from "../../azure/problem";
import { AzapiUpdateResource } from "../shared/azapi-resource";
import { AzapiResourceData } from "../shared/azapi-resource-data";
import type { Grantee } from "../shared/role-assignments";
import {
  attachSharedInterfaces,
  resolveNamespaceInterfaces,
  sharedInterfaceRequest,
  type NamespaceInterfaceProps,
} from "../shared/shared-interfaces";
import { protectFromDestroy } from "../shared/stateful";
import { known, knownValues, validateWith } from "../shared/validation";
import { nameProblems } from "./names";
import type { EventGridTopic } from "./topic";

/** Certificate fields a client's authentication name may come from instead of the MQTT username. */
export type AlternativeAuthenticationNameSource =
  | "ClientCertificateDns"
  | "ClientCertificateEmail"
  | "ClientCertificateIp"
  | "ClientCertificateSubject"
  | "ClientCertificateUri";

/** The part of a namespace's ARM body that makes MQTT routing deliver with the system identity. */
interface RoutingIdentityBody extends Record<string, unknown> {
  readonly properties: {
    readonly topicSpacesConfiguration: { readonly routingIdentityInfo: { readonly type: "SystemAssigned" } };
  };
}

/**
 * A namespace takes the shared interfaces, except the ones Event Grid namespaces have no
 * counterpart for (`localAuth`, `trustedServicesAllowed`, `customerManagedKey`: refused at
 * synthesis, see `namespaceCapabilities`).
 */
export interface EventGridNamespaceProps extends NamespaceInterfaceProps {
  /** Azure name of the namespace. */
  readonly name: string;
  /** Logical name for labels. @default - the Azure name */
  readonly label?: string;
  /**
   * Throughput units.
   * @default - 1 throughput unit
   */
  readonly capacity?: number;
  /**
   * Whether the MQTT broker (topic spaces) is enabled.
   * @default - no MQTT broker
   */
  readonly mqttEnabled?: boolean;
  /**
   * Longest session expiry a client may request, in hours (MQTT only).
   * @default - 1 hour (Azure's default)
   */
  readonly maxSessionExpiryHours?: number;
  /**
   * Concurrent sessions one authentication name may hold (MQTT only).
   * @default - 1 session (Azure's default)
   */
  readonly maxClientSessionsPerAuthenticationName?: number;
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
}

/** An Event Grid namespace, optionally with its MQTT broker and the routing of MQTT messages. */
export class EventGridNamespace extends Construct {
  readonly resource: EventgridNamespace;
  readonly name: string;
  readonly label: string;
  readonly mqttEnabled: boolean;
  /** The namespace's system-assigned identity. */
  readonly identity: Grantee;
  private cachedMqttHostname?: string;

  constructor(scope: Construct, id: string, props: EventGridNamespaceProps) {
    super(scope, id);
    validateWith(this, `Event Grid namespace ${props.name}`, () => namespacePropsProblems(props));
    const interfaces = resolveNamespaceInterfaces(props);
    this.name = props.name;
    this.label = `eventGrid/namespaces/${props.label ?? props.name}`;
    this.mqttEnabled = props.mqttEnabled ?? false;

    this.resource = new EventgridNamespace(this, "namespace", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      sku: "Standard",
      capacity: props.capacity ?? NamespaceLimits.minCapacity,
      publicNetworkAccess: interfaces.publicNetworkAccess ? "Enabled" : "Disabled",
      inboundIpRule: interfaces.allowedIpRanges.map((ipMask) => ({ ipMask, action: "Allow" })),
      identity: { type: interfaces.identity.type, identityIds: interfaces.identity.identityIds },
      // The block's presence is what turns the broker on (azurerm sets the state to Enabled).
      topicSpacesConfiguration: this.mqttEnabled
        ? [
            {
              maximumSessionExpiryInHours:
                props.maxSessionExpiryHours ?? MqttSessionDefaults.maxSessionExpiryHours,
              maximumClientSessionsPerAuthenticationName:
                props.maxClientSessionsPerAuthenticationName ??
                MqttSessionDefaults.maxClientSessionsPerAuthenticationName,
              alternativeAuthenticationNameSource: props.alternativeAuthenticationNameSources
                ? [...props.alternativeAuthenticationNameSources]
                : undefined,
              routeTopicId: props.routeTopic?.id,
            },
          ]
        : undefined,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    protectFromDestroy(this.resource, interfaces.preventDestroy);
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
      subresource: privateLinkSubresource("namespace", this.mqttEnabled),
      interfaces: props,
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

  /**
   * The MQTT broker's host name as Azure returns it (azurerm_eventgrid_namespace does not export
   * it), read once by an azapi data source. The documented `<ns>.<region>-1.ts.eventgrid.azure.net`
   * form is only what offline reports expect.
   */
  get mqttHostname(): string {
    if (!this.mqttEnabled) throw new Error(`internal: Event Grid namespace ${this.name} has no MQTT broker`);
    this.cachedMqttHostname ??= new AzapiResourceData(this, "broker", {
      type: `Microsoft.EventGrid/namespaces@${EVENT_GRID_NAMESPACE_API_VERSION}`,
      resourceId: this.resource.id,
      responseExportValues: [MQTT_HOSTNAME_PROPERTY],
    }).outputString(MQTT_HOSTNAME_PROPERTY);
    return this.cachedMqttHostname;
  }
}

/** Settings that mean something only with the MQTT broker on. */
const brokerOnly = [
  "maxSessionExpiryHours",
  "maxClientSessionsPerAuthenticationName",
  "alternativeAuthenticationNameSources",
  "routeTopic",
] as const;

function namespacePropsProblems(props: EventGridNamespaceProps): Problem[] {
  const given = knownValues(props);
  const problems: Problem[] = [
    ...nameProblems("eventGridNamespace", known(props.name)),
    ...sharedInterfaceProblems(namespaceCapabilities, sharedInterfaceRequest(given)),
    ...ipRangeProblems(given.allowedIpRanges),
    ...namespaceProblems(given),
    ...brokerSessionProblems(given),
  ];
  if (!props.mqttEnabled) {
    for (const field of brokerOnly) {
      if (props[field] !== undefined)
        problems.push({ field, message: `${field} applies only to a namespace with mqttEnabled` });
    }
  }
  if (props.routeTopic && props.routeTopic.inputSchema !== routeTopicInputSchema) {
    problems.push({
      field: "routeTopic",
      message: `routeTopic must use input schema ${routeTopicInputSchema}, got ${props.routeTopic.inputSchema}`,
    });
  }
  return problems;
}
