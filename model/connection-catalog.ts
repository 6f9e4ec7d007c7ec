import type { Principal } from "./model";
import type { PolicyModel } from "./policy-model";
import { eventHubsHost, eventHubsRoles, kafkaBootstrapServer } from "../azure/event-hubs";
import { IOT_HUB_DATA_CONTRIBUTOR, iotHubEndpoints } from "../azure/iot-hub";
import { standardAppHostName } from "../azure/logic-apps";
import { relayEntityEndpoints, relayNamespaceEndpoints, relayRoles } from "../azure/relay";
import { EventGridRoles, namespaceHttpEndpoint, topicEndpoint } from "../azure/event-grid";
import { MQTT_TLS_PORT, expectedMqttHostname } from "../azure/event-grid-mqtt";
import { serviceBusEndpoints, serviceBusRoles } from "../azure/service-bus";

export type Protocol = "amqp" | "amqp-websockets" | "kafka" | "mqtt" | "https";

export interface Endpoint {
  readonly protocol: Protocol;
  readonly url: string;
  /**
   * Set when the URL is what the documented format leads one to expect, not what Azure returned
   * (the MQTT host name in offline reports; the stack's output carries the real one).
   */
  readonly expected?: true;
}

/** Host names only Azure knows, by the file's name of the resource (Terraform references in a stack). */
export interface DeployedHosts {
  /** MQTT broker host names by Event Grid namespace name. */
  readonly mqtt?: ReadonlyMap<string, string>;
}

export interface Access {
  readonly principal: string;
  readonly objectId: string;
  readonly role: string;
}

export interface CatalogEntry {
  /** The reference the environment file uses (`orders`, `orders/payments`, `telemetry/device-telemetry`). */
  readonly name: string;
  readonly kind:
    | "serviceBusNamespace"
    | "serviceBusQueue"
    | "serviceBusTopic"
    | "eventHubsNamespace"
    | "eventHub"
    | "eventGridTopic"
    | "eventGridNamespace"
    | "relayNamespace"
    | "hybridConnection"
    | "iotHub"
    | "streamAnalyticsJob"
    | "logicApp";
  /** The Azure resource name (of the namespace for entities). */
  readonly azureName: string;
  /** The entity path inside its namespace, for queues, topics, hubs and hybrid connections. */
  readonly entityPath?: string;
  readonly endpoints: readonly Endpoint[];
  readonly access: readonly Access[];
  /**
   * For a Stream Analytics job, which clients never connect to: what it reads
   * (`telemetry/device-telemetry (consumer group analytics)`) and where it writes, by the file's references.
   */
  readonly reads?: readonly string[];
  readonly writes?: readonly string[];
  /** Logic apps: the entities the app's own identity reads and writes (`receives:` and `sends:`). */
  readonly receives?: readonly string[];
  readonly sends?: readonly string[];
}

/** How clients reach one environment: every endpoint per protocol and who holds which role. */
export interface ConnectionCatalog {
  readonly environment: string;
  readonly entries: readonly CatalogEntry[];
}

type Grants = Readonly<
  Partial<Record<"senders" | "receivers" | "owners" | "listeners", readonly Principal[]>>
>;

function access(grants: Grants, roles: Readonly<Partial<Record<keyof Grants, string>>>): Access[] {
  const result: Access[] = [];
  for (const [grant, role] of Object.entries(roles) as [keyof Grants, string][]) {
    for (const principal of grants[grant] ?? [])
      result.push({ principal: principal.name, objectId: principal.objectId, role });
  }
  return result;
}

/** AMQP, AMQP over WebSockets and HTTPS of a `*.servicebus.windows.net` namespace (Service Bus, Event Hubs). */
function messagingEndpoints(host: string): Endpoint[] {
  return [
    { protocol: "amqp", url: `amqps://${host}` },
    { protocol: "amqp-websockets", url: `wss://${host}/$servicebus/websocket` },
    { protocol: "https", url: `https://${host}/` },
  ];
}

/**
 * The connection catalog of an environment, computed from the model alone: Azure names are
 * deterministic, so every host name is known at synthesis time. Stacks emit it as a Terraform
 * output; the Markdown report and `npm run diagram -- --format catalog` print it.
 */
export function connectionCatalogFor(model: PolicyModel, deployed: DeployedHosts = {}): ConnectionCatalog {
  const entries: CatalogEntry[] = [];
  const sbRoles = {
    senders: serviceBusRoles.send,
    receivers: serviceBusRoles.receive,
    owners: serviceBusRoles.manage,
  };
  const ehRoles = {
    senders: eventHubsRoles.send,
    receivers: eventHubsRoles.receive,
    owners: eventHubsRoles.manage,
  };

  for (const ns of model.serviceBus) {
    const urls = serviceBusEndpoints(ns.azureName);
    const endpoints: Endpoint[] = [
      { protocol: "amqp", url: urls.amqp },
      { protocol: "amqp-websockets", url: urls.amqpWebSockets },
      { protocol: "https", url: urls.https },
    ];
    entries.push({
      name: ns.name,
      kind: "serviceBusNamespace",
      azureName: ns.azureName,
      endpoints,
      access: access(ns, sbRoles),
    });
    for (const queue of ns.queues) {
      entries.push({
        name: `${ns.name}/${queue.name}`,
        kind: "serviceBusQueue",
        azureName: ns.azureName,
        entityPath: queue.name,
        endpoints,
        access: access(queue, sbRoles),
      });
    }
    for (const topic of ns.topics) {
      const subscribers = topic.subscriptions.flatMap((sub) =>
        sub.receivers.map((p) => ({
          principal: p.name,
          objectId: p.objectId,
          role: `${serviceBusRoles.receive} (subscription ${sub.name})`,
        })),
      );
      entries.push({
        name: `${ns.name}/${topic.name}`,
        kind: "serviceBusTopic",
        azureName: ns.azureName,
        entityPath: topic.name,
        endpoints,
        access: [...access(topic, sbRoles), ...subscribers],
      });
    }
  }

  for (const ns of model.eventHubs) {
    const endpoints = [
      ...messagingEndpoints(eventHubsHost(ns.azureName)),
      ...(ns.kafka ? [{ protocol: "kafka" as const, url: kafkaBootstrapServer(ns.azureName) }] : []),
    ];
    entries.push({
      name: ns.name,
      kind: "eventHubsNamespace",
      azureName: ns.azureName,
      endpoints,
      access: access(ns, ehRoles),
    });
    for (const hub of ns.hubs) {
      const groupReaders = hub.consumerGroups.flatMap((cg) =>
        cg.receivers.map((p) => ({
          principal: p.name,
          objectId: p.objectId,
          role: `${eventHubsRoles.receive} (consumer group ${cg.name})`,
        })),
      );
      entries.push({
        name: `${ns.name}/${hub.name}`,
        kind: "eventHub",
        azureName: ns.azureName,
        entityPath: hub.name,
        endpoints,
        access: [...access(hub, ehRoles), ...groupReaders],
      });
    }
  }

  for (const topic of model.eventGrid.topics) {
    entries.push({
      name: topic.name,
      kind: "eventGridTopic",
      azureName: topic.azureName,
      endpoints: [
        {
          protocol: "https",
          url: topicEndpoint(topic.azureName, model.location),
        },
      ],
      access: access(topic, { senders: EventGridRoles.topicSender }),
    });
  }

  for (const ns of model.eventGrid.namespaces) {
    entries.push({
      name: ns.name,
      kind: "eventGridNamespace",
      azureName: ns.azureName,
      endpoints: [
        ...(ns.mqtt ? [mqttEndpoint(deployed.mqtt?.get(ns.name), ns.azureName, model.location)] : []),
        { protocol: "https", url: namespaceHttpEndpoint(ns.azureName, model.location) },
      ],
      access: access(ns, { senders: EventGridRoles.topicSender }),
    });
  }

  for (const ns of model.relay) {
    const roles = { senders: relayRoles.send, listeners: relayRoles.listen, owners: relayRoles.manage };
    entries.push({
      name: ns.name,
      kind: "relayNamespace",
      azureName: ns.azureName,
      endpoints: relayNamespaceEndpoints(ns.azureName),
      access: access(ns, roles),
    });
    for (const hc of [...ns.hybridConnections, ...ns.wcfRelays]) {
      entries.push({
        name: `${ns.name}/${hc.name}`,
        kind: "hybridConnection",
        azureName: ns.azureName,
        entityPath: hc.name,
        endpoints: relayEntityEndpoints(ns.azureName, hc.name),
        access: access(hc, roles),
      });
    }
  }

  for (const hub of model.iotHub) {
    entries.push({
      name: hub.name,
      kind: "iotHub",
      azureName: hub.azureName,
      endpoints: iotHubEndpoints(hub.azureName),
      access: access(hub, {
        senders: IOT_HUB_DATA_CONTRIBUTOR,
        receivers: IOT_HUB_DATA_CONTRIBUTOR,
        owners: IOT_HUB_DATA_CONTRIBUTOR,
      }),
    });
  }

  for (const job of model.streamAnalytics ?? []) {
    entries.push({
      name: job.name,
      kind: "streamAnalyticsJob",
      azureName: job.azureName,
      endpoints: [],
      access: [],
      reads: job.inputs.map(({ reads, consumerGroup }) =>
        reads.kind === "iotHub"
          ? `iotHub/${reads.hub} (consumer group ${consumerGroup})`
          : `${reads.namespace}/${reads.entity} (consumer group ${consumerGroup})`,
      ),
      writes: job.outputs.map(({ writes }) =>
        writes.kind === "blob"
          ? `storage container ${writes.container}`
          : `${writes.namespace}/${writes.entity}`,
      ),
    });
  }

  for (const app of model.logicApps ?? []) {
    // A Standard app answers at its own host (through its private endpoint when closed); a
    // Consumption workflow's trigger URLs carry a signature, so the catalog lists none.
    entries.push({
      name: app.name,
      kind: "logicApp",
      azureName: app.azureName,
      endpoints:
        app.hosting === "Standard"
          ? [{ protocol: "https", url: `https://${standardAppHostName(app.azureName)}/` }]
          : [],
      access: [],
      receives: app.receives.map((a) => a.reference),
      sends: app.sends.map((a) => a.reference),
    });
  }

  return { environment: model.name, entries };
}

/** The broker's endpoint: at the host Azure returned when known, else the expected one, so labelled. */
function mqttEndpoint(deployedHost: string | undefined, azureName: string, location: string): Endpoint {
  if (deployedHost !== undefined) return { protocol: "mqtt", url: `${deployedHost}:${MQTT_TLS_PORT}` };
  return {
    protocol: "mqtt",
    url: `${expectedMqttHostname(azureName, location)}:${MQTT_TLS_PORT}`,
    expected: true,
  };
}
