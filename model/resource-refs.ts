/**
 * The reference grammar of environment files, defined once for the semantic checks, the policy
 * engine (waivers) and the plan guard (allowDestroy):
 *
 * - an entity reference inside the file: `<namespace>/<entity>` (`orders/payments`). Namespace
 *   names cannot contain `/`, so everything after the first `/` is the entity (queue names may
 *   themselves contain `/`);
 * - a resource reference: `<service>/<name>` or `<service>/<namespace>/<entity>` (and, for Service
 *   Bus subscriptions and Event Hubs consumer groups, `<service>/<namespace>/<parent>/<child>`),
 *   where `<service>` is one of {@link resourceServices}.
 */
import type { EnvironmentSpec } from "./spec";

export const resourceServices = [
  "serviceBus",
  "eventHubs",
  "eventGridTopics",
  "eventGridSystemTopics",
  "eventGridNamespaces",
  "relay",
  "iotHub",
] as const;

export type ResourceService = (typeof resourceServices)[number];

export type ResourceKind =
  | "serviceBusNamespace"
  | "serviceBusQueue"
  | "serviceBusTopic"
  | "serviceBusSubscription"
  | "eventHubsNamespace"
  | "eventHub"
  | "consumerGroup"
  | "schemaGroup"
  | "eventGridTopic"
  | "eventGridSystemTopic"
  | "eventSubscription"
  | "eventGridNamespace"
  | "mqttTopicSpace"
  | "mqttClientGroup"
  | "mqttClient"
  | "relayNamespace"
  | "hybridConnection"
  | "wcfRelay"
  | "iotHub"
  | "iotRoute";

/** Something declared in the file that a waiver or an allowDestroy entry may name. */
export interface DeclaredResource {
  readonly ref: string;
  readonly service: ResourceService;
  readonly kind: ResourceKind;
  /** JSON pointer of the declaration (`/serviceBus/0/queues/1`). */
  readonly pointer: string;
}

/** `serviceBus/orders/payments` from its parts. */
export function resourceRef(service: ResourceService, ...names: readonly string[]): string {
  return [service, ...names].join("/");
}

/** Splits `<namespace>/<entity>`; undefined when either part is missing. */
export function splitEntityRef(
  text: string,
): { readonly namespace: string; readonly entity: string } | undefined {
  const slash = text.indexOf("/");
  if (slash <= 0 || slash === text.length - 1) return undefined;
  return { namespace: text.slice(0, slash), entity: text.slice(slash + 1) };
}

/** `orders/payments` from its parts. */
export function entityRef(namespace: string, entity: string): string {
  return `${namespace}/${entity}`;
}

function consumerGroupName(group: string | { readonly name: string }): string {
  return typeof group === "string" ? group : group.name;
}

/**
 * Every resource reference the file makes valid, mapped to its declaration. Built in one pass
 * over the file; the first declaration wins when names repeat (duplicates are reported elsewhere).
 */
export function declaredResources(spec: EnvironmentSpec): ReadonlyMap<string, DeclaredResource> {
  const found = new Map<string, DeclaredResource>();
  const add = (
    service: ResourceService,
    kind: ResourceKind,
    pointer: string,
    names: readonly string[],
  ): void => {
    const ref = resourceRef(service, ...names);
    if (!found.has(ref)) found.set(ref, { ref, service, kind, pointer });
  };

  (spec.serviceBus ?? []).forEach((ns, i) => {
    const base = `/serviceBus/${i}`;
    add("serviceBus", "serviceBusNamespace", base, [ns.name]);
    (ns.queues ?? []).forEach((q, j) =>
      add("serviceBus", "serviceBusQueue", `${base}/queues/${j}`, [ns.name, q.name]),
    );
    (ns.topics ?? []).forEach((t, j) => {
      add("serviceBus", "serviceBusTopic", `${base}/topics/${j}`, [ns.name, t.name]);
      (t.subscriptions ?? []).forEach((s, k) =>
        add("serviceBus", "serviceBusSubscription", `${base}/topics/${j}/subscriptions/${k}`, [
          ns.name,
          t.name,
          s.name,
        ]),
      );
    });
  });

  (spec.eventHubs ?? []).forEach((ns, i) => {
    const base = `/eventHubs/${i}`;
    add("eventHubs", "eventHubsNamespace", base, [ns.name]);
    (ns.hubs ?? []).forEach((h, j) => {
      add("eventHubs", "eventHub", `${base}/hubs/${j}`, [ns.name, h.name]);
      (h.consumerGroups ?? []).forEach((g, k) =>
        add("eventHubs", "consumerGroup", `${base}/hubs/${j}/consumerGroups/${k}`, [
          ns.name,
          h.name,
          consumerGroupName(g),
        ]),
      );
    });
    (ns.schemaGroups ?? []).forEach((g, j) =>
      add("eventHubs", "schemaGroup", `${base}/schemaGroups/${j}`, [ns.name, g.name]),
    );
  });

  (spec.eventGrid?.topics ?? []).forEach((t, i) => {
    const base = `/eventGrid/topics/${i}`;
    add("eventGridTopics", "eventGridTopic", base, [t.name]);
    (t.subscriptions ?? []).forEach((s, j) =>
      add("eventGridTopics", "eventSubscription", `${base}/subscriptions/${j}`, [t.name, s.name]),
    );
  });

  (spec.eventGrid?.systemTopics ?? []).forEach((t, i) => {
    const base = `/eventGrid/systemTopics/${i}`;
    add("eventGridSystemTopics", "eventGridSystemTopic", base, [t.name]);
    (t.subscriptions ?? []).forEach((s, j) =>
      add("eventGridSystemTopics", "eventSubscription", `${base}/subscriptions/${j}`, [t.name, s.name]),
    );
  });

  (spec.eventGrid?.namespaces ?? []).forEach((ns, i) => {
    const base = `/eventGrid/namespaces/${i}`;
    add("eventGridNamespaces", "eventGridNamespace", base, [ns.name]);
    (ns.mqtt?.topicSpaces ?? []).forEach((s, j) =>
      add("eventGridNamespaces", "mqttTopicSpace", `${base}/mqtt/topicSpaces/${j}`, [ns.name, s.name]),
    );
    (ns.mqtt?.clientGroups ?? []).forEach((g, j) =>
      add("eventGridNamespaces", "mqttClientGroup", `${base}/mqtt/clientGroups/${j}`, [ns.name, g.name]),
    );
    (ns.mqtt?.clients ?? []).forEach((c, j) =>
      add("eventGridNamespaces", "mqttClient", `${base}/mqtt/clients/${j}`, [ns.name, c.name]),
    );
  });

  (spec.relay ?? []).forEach((ns, i) => {
    const base = `/relay/${i}`;
    add("relay", "relayNamespace", base, [ns.name]);
    (ns.hybridConnections ?? []).forEach((h, j) =>
      add("relay", "hybridConnection", `${base}/hybridConnections/${j}`, [ns.name, h.name]),
    );
    (ns.wcfRelays ?? []).forEach((w, j) =>
      add("relay", "wcfRelay", `${base}/wcfRelays/${j}`, [ns.name, w.name]),
    );
  });

  (spec.iotHub ?? []).forEach((hub, i) => {
    const base = `/iotHub/${i}`;
    add("iotHub", "iotHub", base, [hub.name]);
    (hub.routes ?? []).forEach((r, j) =>
      add("iotHub", "iotRoute", `${base}/routes/${j}`, [hub.name, r.name]),
    );
  });

  return found;
}
