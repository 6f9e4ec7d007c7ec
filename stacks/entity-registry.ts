import type { DeliveryTarget, ReadableEntity } from "../constructs/shared/entity";
import type { EventGridNamespace } from "../constructs/event-grid/namespace";
import type { ReadableIotHub } from "../constructs/stream-analytics/inputs";

/** A logic app built in the stack: its name in the file, hosting and ARM ID. */
export interface RegisteredLogicApp {
  readonly name: string;
  readonly hosting: "Consumption" | "Standard";
  readonly resourceId: string;
}

/** The namespace-like resources other parts of the stack refer to or monitor. */
export type NamespaceKind =
  | "serviceBus"
  | "eventHubs"
  | "iotHub"
  | "eventGridNamespace"
  | "eventGridTopic"
  | "eventGridSystemTopic"
  | "relay"
  | "streamAnalytics";

/** What can be read from: a queue, a topic subscription or an event hub. */
export type ReadableKind = "serviceBusQueue" | "serviceBusSubscription" | "eventHub";

export interface RegisteredNamespace {
  readonly kind: NamespaceKind;
  /** Logical name from the environment file. */
  readonly name: string;
  readonly resourceId: string;
}

/**
 * The entities built so far in one stack, by the reference the environment file uses for them
 * (`orders/orders-inbound`). Services built later (Event Grid, IoT Hub, edge sites) look their
 * targets up here. A map, so every lookup is O(1) however large the estate.
 */
export class EntityRegistry {
  private readonly targets = new Map<string, DeliveryTarget>();
  private readonly namespaceIds = new Map<string, string>();
  private readonly namespacesInOrder: RegisteredNamespace[] = [];
  private readonly mqttBrokers = new Map<string, EventGridNamespace>();
  private readonly readables = new Map<string, ReadableEntity>();
  private readonly iotHubs = new Map<string, ReadableIotHub>();
  private readonly logicAppsInOrder: RegisteredLogicApp[] = [];

  register(target: DeliveryTarget): void {
    this.targets.set(`${target.kind}:${target.label}`, target);
  }

  /** Records a logic app (its workflow or its Standard app), which monitoring alerts on. */
  registerLogicApp(app: RegisteredLogicApp): void {
    this.logicAppsInOrder.push(app);
  }

  logicApps(): readonly RegisteredLogicApp[] {
    return this.logicAppsInOrder;
  }

  /**
   * Records an entity something may read from (a queue, a subscription, an event hub) by its kind
   * and label: logic apps' `receives:` and Stream Analytics inputs look it up and grant themselves
   * receive. The kind is part of the key because a Service Bus and an Event Hubs namespace may share
   * a name in the file, and so may a queue and an event hub in them.
   */
  registerReadable(kind: ReadableKind, entity: ReadableEntity): void {
    this.readables.set(`${kind}:${entity.label}`, entity);
  }

  readable(kind: ReadableKind, label: string): ReadableEntity {
    const found = this.readables.get(`${kind}:${label}`);
    if (!found) throw new Error(`internal: ${kind} ${label} was referenced before it was built`);
    return found;
  }

  /** Records a namespace-like resource's ARM ID (system topics use them as their source). */
  registerNamespace(kind: NamespaceKind, name: string, resourceId: string): void {
    if (!this.namespaceIds.has(`${kind}:${name}`)) this.namespacesInOrder.push({ kind, name, resourceId });
    this.namespaceIds.set(`${kind}:${name}`, resourceId);
  }

  /** Records an Event Grid namespace construct, whose MQTT broker edge sites join. */
  registerMqttBroker(name: string, namespace: EventGridNamespace): void {
    this.mqttBrokers.set(name, namespace);
  }

  /** The MQTT host names Azure returns, by namespace name in the file. */
  mqttHostnames(): ReadonlyMap<string, string> {
    return new Map(
      [...this.mqttBrokers]
        .filter(([, namespace]) => namespace.mqttEnabled)
        .map(([name, namespace]) => [name, namespace.mqttHostname]),
    );
  }

  /** Records an IoT hub construct, whose built-in endpoint Stream Analytics inputs read. */
  registerIotHub(name: string, hub: ReadableIotHub): void {
    this.iotHubs.set(name, hub);
  }

  iotHub(name: string): ReadableIotHub {
    const found = this.iotHubs.get(name);
    if (!found) throw new Error(`internal: IoT hub ${name} was referenced before it was built`);
    return found;
  }

  mqttBroker(name: string): EventGridNamespace {
    const found = this.mqttBrokers.get(name);
    if (!found) throw new Error(`internal: Event Grid namespace ${name} was referenced before it was built`);
    return found;
  }

  /** Every namespace-like resource registered, in build order (monitoring covers each one). */
  namespaces(): readonly RegisteredNamespace[] {
    return this.namespacesInOrder;
  }

  target(kind: DeliveryTarget["kind"], label: string): DeliveryTarget {
    const found = this.targets.get(`${kind}:${label}`);
    if (!found) {
      // The semantic checks reject dangling references before synthesis; reaching this is a bug.
      throw new Error(`internal: ${kind} ${label} was referenced before it was built`);
    }
    return found;
  }

  namespaceId(kind: NamespaceKind, name: string): string {
    const found = this.namespaceIds.get(`${kind}:${name}`);
    if (!found) throw new Error(`internal: ${kind} namespace ${name} was referenced before it was built`);
    return found;
  }
}
