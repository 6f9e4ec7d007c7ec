import { DistinctIds, withTag, type Identified } from "../../constructs/shared/distinct-ids";
import type { EnvironmentModel } from "../../model/model";

/**
 * Construct IDs the stack gives its own children that no name in the file makes: the provider,
 * the backend, the resource group and the environment-wide resources. A name-made ID equal to one
 * of them (an Event Hubs namespace named `capture-storage`) takes a tag instead.
 */
export const fixedStackChildren: readonly string[] = [
  "azurerm",
  // The azapi provider, which the first azapi resource adds to its stack.
  "azapi",
  "backend",
  "resource-group",
  "log-analytics",
  "event-hubs-capture-storage",
  "event-grid-dead-letter-storage",
  "alert-action-group",
  "messaging-alerts",
  "activity-log-alerts",
  "budget",
  "workbook",
];

/** Where an event subscription's events come from: a custom topic or a system topic, by name. */
export interface SubscriptionSource {
  readonly kind: "topic" | "systemTopic";
  readonly name: string;
}

const sourceWord: Readonly<Record<SubscriptionSource["kind"], string>> = {
  topic: "topic",
  systemTopic: "system-topic",
};

function single(parts: readonly string[], plain: string): Identified {
  return { parts, ids: (tag?: string) => [withTag(plain, tag)] };
}

/**
 * Construct IDs of the stack's direct children made from names in the file: `<kind>-<name>`, and
 * `event-subscription-<source>-<topic>-<subscription>`, where hyphens inside names make different
 * names meet (`orders` + `to-billing`, `orders-to` + `billing`). The stack's output names are
 * construct IDs of the same scope, so they are held apart too.
 */
export class StackChildren {
  private readonly ids: DistinctIds;

  constructor(model: EnvironmentModel, outputNames: readonly string[]) {
    const { topics, systemTopics, namespaces } = model.eventGrid;
    const subscriptions = (
      kind: SubscriptionSource["kind"],
      source: { name: string; subscriptions: readonly { name: string }[] },
    ) =>
      source.subscriptions.map((s) =>
        single(
          ["eventSubscription", kind, source.name, s.name],
          `event-subscription-${sourceWord[kind]}-${source.name}-${s.name}`,
        ),
      );
    const things: Identified[] = [
      ...model.serviceBus.map((ns) => single(["serviceBus", ns.name], `service-bus-${ns.name}`)),
      ...model.eventHubs.map((ns) => single(["eventHubs", ns.name], `event-hubs-${ns.name}`)),
      ...model.relay.map((ns) => single(["relay", ns.name], `relay-${ns.name}`)),
      ...model.iotHub.map((hub) => single(["iotHub", hub.name], `iot-hub-${hub.name}`)),
      ...topics.map((topic) => single(["eventGridTopic", topic.name], `event-grid-topic-${topic.name}`)),
      ...systemTopics.map((topic) =>
        single(["eventGridSystemTopic", topic.name], `event-grid-system-topic-${topic.name}`),
      ),
      // A namespace and the route of its MQTT broker share the namespace's name, and its tag.
      ...namespaces.map((ns) => ({
        parts: ["eventGridNamespace", ns.name],
        ids: (tag?: string) => [
          withTag(`event-grid-namespace-${ns.name}`, tag),
          ...(ns.mqtt?.routeTo ? [withTag(`event-grid-mqtt-route-${ns.name}`, tag)] : []),
        ],
      })),
      ...topics.flatMap((topic) => subscriptions("topic", topic)),
      ...systemTopics.flatMap((topic) => subscriptions("systemTopic", topic)),
      ...model.sites.map((site) => single(["edgeSite", site.name], `edge-site-${site.name}`)),
      // A logic app, its failed-runs alert and its API connections (Consumption) share the app's tag.
      ...model.logicApps.map((app) => ({
        parts: ["logicApp", app.name],
        ids: (tag?: string) => [
          withTag(`logic-app-${app.name}`, tag),
          withTag(`logic-app-${app.name}-failed-runs`, tag),
          ...(app.hosting === "Consumption" ? app.connections : []).map((c) =>
            withTag(`logic-app-${app.name}-connection-${c.name}`, tag),
          ),
        ],
      })),
      ...model.streamAnalytics.map((job) =>
        single(["streamAnalytics", job.name], `stream-analytics-${job.name}`),
      ),
    ];
    this.ids = new DistinctIds(things, { reserved: [...fixedStackChildren, ...outputNames] });
  }

  serviceBus(name: string): string {
    return this.ids.one(["serviceBus", name]);
  }

  eventHubs(name: string): string {
    return this.ids.one(["eventHubs", name]);
  }

  relay(name: string): string {
    return this.ids.one(["relay", name]);
  }

  iotHub(name: string): string {
    return this.ids.one(["iotHub", name]);
  }

  eventGridTopic(name: string): string {
    return this.ids.one(["eventGridTopic", name]);
  }

  eventGridSystemTopic(name: string): string {
    return this.ids.one(["eventGridSystemTopic", name]);
  }

  eventGridNamespace(name: string): string {
    return this.ids.one(["eventGridNamespace", name]);
  }

  /** The construct ID of the MQTT route of the namespace with this name. */
  mqttRoute(namespaceName: string): string {
    const ids = this.ids.of(["eventGridNamespace", namespaceName]);
    if (ids.length < 2) throw new Error(`internal: Event Grid namespace ${namespaceName} routes nowhere`);
    return ids[1];
  }

  eventSubscription(source: SubscriptionSource, subscriptionName: string): string {
    return this.ids.one(["eventSubscription", source.kind, source.name, subscriptionName]);
  }

  edgeSite(name: string): string {
    return this.ids.one(["edgeSite", name]);
  }

  logicApp(name: string): string {
    return this.ids.of(["logicApp", name])[0];
  }

  logicAppFailedRuns(name: string): string {
    return this.ids.of(["logicApp", name])[1];
  }

  /** The construct ID of a Consumption app's API connection, by the connection's position in the app. */
  logicAppConnection(name: string, index: number): string {
    const id = this.ids.of(["logicApp", name])[2 + index];
    if (id === undefined) throw new Error(`internal: logic app ${name} has no API connection ${index}`);
    return id;
  }

  streamAnalytics(name: string): string {
    return this.ids.one(["streamAnalytics", name]);
  }
}
