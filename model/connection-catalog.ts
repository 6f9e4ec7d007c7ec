import type { Principal } from "./model";
import type { PolicyModel } from "./policy-model";
import { BuiltInRole } from "../azure/roles";
import { serviceBusEndpoints, serviceBusRoles } from "../azure/service-bus";

export type Protocol = "amqp" | "amqp-websockets" | "kafka" | "mqtt" | "https";

export interface Endpoint {
  readonly protocol: Protocol;
  readonly url: string;
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
    | "iotHub";
  /** The Azure resource name (of the namespace for entities). */
  readonly azureName: string;
  /** The entity path inside its namespace, for queues, topics, hubs and hybrid connections. */
  readonly entityPath?: string;
  readonly endpoints: readonly Endpoint[];
  readonly access: readonly Access[];
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
export function connectionCatalogFor(model: PolicyModel): ConnectionCatalog {
  const entries: CatalogEntry[] = [];
  const sbRoles = {
    senders: serviceBusRoles.send,
    receivers: serviceBusRoles.receive,
    owners: serviceBusRoles.manage,
  };
  const ehRoles = {
    senders: BuiltInRole.eventHubsDataSender,
    receivers: BuiltInRole.eventHubsDataReceiver,
    owners: BuiltInRole.eventHubsDataOwner,
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
    const host = `${ns.azureName}.servicebus.windows.net`;
    const endpoints = [
      ...messagingEndpoints(host),
      ...(ns.kafka ? [{ protocol: "kafka" as const, url: `${host}:9093` }] : []),
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
          role: `${BuiltInRole.eventHubsDataReceiver} (consumer group ${cg.name})`,
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
          url: `https://${topic.azureName}.${model.location}-1.eventgrid.azure.net/api/events`,
        },
      ],
      access: access(topic, { senders: BuiltInRole.eventGridDataSender }),
    });
  }

  for (const ns of model.eventGrid.namespaces) {
    entries.push({
      name: ns.name,
      kind: "eventGridNamespace",
      azureName: ns.azureName,
      endpoints: [
        ...(ns.mqtt
          ? [
              {
                protocol: "mqtt" as const,
                url: `${ns.azureName}.${model.location}-1.ts.eventgrid.azure.net:8883`,
              },
            ]
          : []),
        { protocol: "https", url: `https://${ns.azureName}.${model.location}-1.eventgrid.azure.net` },
      ],
      access: access(ns, { senders: BuiltInRole.eventGridDataSender }),
    });
  }

  for (const ns of model.relay) {
    const host = `${ns.azureName}.servicebus.windows.net`;
    const relayRoles = {
      senders: BuiltInRole.relaySender,
      listeners: BuiltInRole.relayListener,
      owners: BuiltInRole.relayOwner,
    };
    entries.push({
      name: ns.name,
      kind: "relayNamespace",
      azureName: ns.azureName,
      endpoints: [{ protocol: "https", url: `https://${host}/` }],
      access: access(ns, relayRoles),
    });
    for (const hc of [...ns.hybridConnections, ...ns.wcfRelays]) {
      entries.push({
        name: `${ns.name}/${hc.name}`,
        kind: "hybridConnection",
        azureName: ns.azureName,
        entityPath: hc.name,
        endpoints: [
          { protocol: "amqp-websockets", url: `wss://${host}/$hc/${hc.name}` },
          { protocol: "https", url: `https://${host}/${hc.name}` },
        ],
        access: access(hc, relayRoles),
      });
    }
  }

  for (const hub of model.iotHub) {
    const host = `${hub.azureName}.azure-devices.net`;
    entries.push({
      name: hub.name,
      kind: "iotHub",
      azureName: hub.azureName,
      endpoints: [
        { protocol: "mqtt", url: `${host}:8883` },
        { protocol: "amqp", url: `amqps://${host}` },
        { protocol: "amqp-websockets", url: `wss://${host}/$iothub/websocket` },
        { protocol: "https", url: `https://${host}/` },
      ],
      access: access(hub, {
        senders: BuiltInRole.iotHubDataContributor,
        receivers: BuiltInRole.iotHubDataContributor,
        owners: BuiltInRole.iotHubDataContributor,
      }),
    });
  }

  return { environment: model.name, entries };
}
