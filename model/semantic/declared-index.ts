import type { EnvironmentSpec } from "../spec";
import { entityRef } from "../resource-refs";

export type ServiceBusEntityKind = "queue" | "topic";

/**
 * Every name a reference in the file can point at, gathered in one pass so each reference is
 * checked with a Map or Set lookup: validation stays linear however many entities a file declares.
 */
export interface DeclaredIndex {
  readonly principals: ReadonlySet<string>;
  readonly serviceBusNamespaces: ReadonlySet<string>;
  /** `<namespace>/<entity>` → queue or topic. */
  readonly serviceBusEntities: ReadonlyMap<string, ServiceBusEntityKind>;
  /** Per namespace, its queue and topic names (for suggestions). */
  readonly serviceBusEntitiesByNamespace: ReadonlyMap<string, readonly string[]>;
  readonly eventHubsNamespaces: ReadonlySet<string>;
  /** `<namespace>/<hub>` → the hub's consumer group names. */
  readonly eventHubs: ReadonlyMap<string, ReadonlySet<string>>;
  /** Event Grid namespaces → whether the MQTT broker is enabled. */
  readonly eventGridNamespaces: ReadonlyMap<string, boolean>;
  readonly iotHubs: ReadonlySet<string>;
}

const consumerGroupName = (group: string | { readonly name: string }): string =>
  typeof group === "string" ? group : group.name;

export function indexDeclared(spec: EnvironmentSpec): DeclaredIndex {
  const serviceBusEntities = new Map<string, ServiceBusEntityKind>();
  const serviceBusEntitiesByNamespace = new Map<string, string[]>();
  for (const ns of spec.serviceBus ?? []) {
    const names = serviceBusEntitiesByNamespace.get(ns.name) ?? [];
    for (const queue of ns.queues ?? []) {
      serviceBusEntities.set(entityRef(ns.name, queue.name), "queue");
      names.push(queue.name);
    }
    for (const topic of ns.topics ?? []) {
      if (!serviceBusEntities.has(entityRef(ns.name, topic.name)))
        serviceBusEntities.set(entityRef(ns.name, topic.name), "topic");
      names.push(topic.name);
    }
    serviceBusEntitiesByNamespace.set(ns.name, names);
  }
  const eventHubs = new Map<string, ReadonlySet<string>>();
  for (const ns of spec.eventHubs ?? []) {
    for (const hub of ns.hubs ?? []) {
      eventHubs.set(entityRef(ns.name, hub.name), new Set((hub.consumerGroups ?? []).map(consumerGroupName)));
    }
  }
  return {
    principals: new Set(Object.keys(spec.principals ?? {})),
    serviceBusNamespaces: new Set((spec.serviceBus ?? []).map((ns) => ns.name)),
    serviceBusEntities,
    serviceBusEntitiesByNamespace,
    eventHubsNamespaces: new Set((spec.eventHubs ?? []).map((ns) => ns.name)),
    eventHubs,
    eventGridNamespaces: new Map(
      (spec.eventGrid?.namespaces ?? []).map((ns) => [ns.name, ns.mqtt !== undefined]),
    ),
    iotHubs: new Set((spec.iotHub ?? []).map((hub) => hub.name)),
  };
}
