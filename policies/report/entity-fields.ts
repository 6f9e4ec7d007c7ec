import type { DeclaringEntity } from "../../azure/replacement";
import type { PolicyModel } from "../../model/policy-model";

/** A plain value as the report compares and shows it: no positions, principals by name, maps as objects. */
export type FieldValue = string | number | boolean | null | readonly FieldValue[] | FieldObject;
export interface FieldObject {
  readonly [key: string]: FieldValue;
}

/** One thing the environment declares, with its own settings (its children are entities of their own). */
export interface DeclaredEntity {
  /** Resource-reference grammar (`serviceBus/orders/payments`); `environment` for the file's own settings. */
  readonly ref: string;
  /** Where entities of its kind sit in the model, names left out: `serviceBus.topics.subscriptions`. */
  readonly collection: string;
  readonly parent?: string;
  /** Its settings, children and positions left out. */
  readonly value: FieldObject;
}

export const ENVIRONMENT_REF = "environment";

interface Kind {
  /** What a reviewer calls one of them. */
  readonly noun: string;
  /** The kind of entity the Azure replacement facts name it by. */
  readonly declares?: DeclaringEntity;
}

const KINDS: Readonly<Record<string, Kind>> = {
  [ENVIRONMENT_REF]: { noun: "environment" },
  serviceBus: { noun: "Service Bus namespace", declares: "serviceBusNamespace" },
  "serviceBus.queues": { noun: "queue", declares: "serviceBusQueue" },
  "serviceBus.topics": { noun: "topic", declares: "serviceBusTopic" },
  "serviceBus.topics.subscriptions": { noun: "subscription", declares: "serviceBusSubscription" },
  "serviceBus.topics.subscriptions.rules": { noun: "subscription rule" },
  eventHubs: { noun: "Event Hubs namespace", declares: "eventHubsNamespace" },
  "eventHubs.hubs": { noun: "event hub", declares: "eventHub" },
  "eventHubs.hubs.consumerGroups": { noun: "consumer group", declares: "consumerGroup" },
  "eventHubs.schemaGroups": { noun: "schema group" },
  "eventGrid.topics": { noun: "Event Grid topic" },
  "eventGrid.topics.subscriptions": { noun: "event subscription" },
  "eventGrid.systemTopics": { noun: "Event Grid system topic" },
  "eventGrid.systemTopics.subscriptions": { noun: "event subscription" },
  "eventGrid.namespaces": { noun: "Event Grid namespace", declares: "eventGridNamespace" },
  "eventGrid.namespaces.mqtt.topicSpaces": { noun: "MQTT topic space" },
  "eventGrid.namespaces.mqtt.clientGroups": { noun: "MQTT client group" },
  "eventGrid.namespaces.mqtt.clients": { noun: "MQTT client" },
  "eventGrid.namespaces.mqtt.permissions": { noun: "MQTT permission" },
  relay: { noun: "Relay namespace", declares: "relayNamespace" },
  "relay.hybridConnections": { noun: "hybrid connection", declares: "hybridConnection" },
  "relay.wcfRelays": { noun: "WCF relay" },
  iotHub: { noun: "IoT hub", declares: "iotHub" },
  "iotHub.routes": { noun: "IoT route" },
  streamAnalytics: { noun: "Stream Analytics job", declares: "streamAnalyticsJob" },
  sites: { noun: "edge site" },
};

/** What a reviewer calls an entity of this collection; a collection added later reads as its own key. */
export function nounOf(collection: string): string {
  return KINDS[collection]?.noun ?? collection.split(".").pop() ?? collection;
}

export function declaringEntityOf(collection: string): DeclaringEntity | undefined {
  return KINDS[collection]?.declares;
}

/** Lists of principals keep their names: object IDs are the environment's `principals` settings. */
const isPrincipal = (value: unknown): value is { readonly name: string; readonly objectId: string } =>
  typeof value === "object" && value !== null && "objectId" in value && "name" in value;

const isNamed = (value: unknown): value is { readonly name: string } =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as { name?: unknown }).name === "string";

/** A list of declarations (queues, routes…), as opposed to a list that is a setting. */
function isCollection(value: unknown): value is readonly { readonly name: string }[] {
  return (
    Array.isArray(value) && value.length > 0 && value.every((item) => isNamed(item) && !isPrincipal(item))
  );
}

/** The value without positions, principals as names, maps as objects; undefined when empty. */
function plain(value: unknown): FieldValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Map) return plain(Object.fromEntries(value));
  if (Array.isArray(value)) {
    const items = value.map((item) => (isPrincipal(item) ? item.name : plain(item)));
    const kept = items.filter((item): item is FieldValue => item !== undefined);
    return kept.length > 0 ? kept : undefined;
  }
  if (typeof value === "object") {
    const out: Record<string, FieldValue> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === "source") continue;
      const kept = plain(inner);
      if (kept !== undefined) out[key] = kept;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return undefined;
}

const camel = (head: string, tail: string): string =>
  `${head}${tail.charAt(0).toUpperCase()}${tail.slice(1)}`;

/**
 * Every entity the environment declares, parents before children, each with its own settings.
 * It walks the model generically, reading every field the object carries (a loaded environment
 * is the whole `EnvironmentModel`, not only the `PolicyModel` view): any list of named objects is
 * a list of entities, so a service the model gains later is compared without a change here.
 */
export function declaredEntities(model: PolicyModel): DeclaredEntity[] {
  const entities: DeclaredEntity[] = [];

  /**
   * The settings of one entity; lists of declarations found on the way become its children. At
   * the top level (`ref` is the environment's) a collection's reference starts with its own
   * name: `serviceBus/…`, `eventGridTopics/…` for `eventGrid.topics`.
   */
  const settings = (
    source: object,
    entity: { readonly ref: string; readonly collection: string },
    path: readonly string[],
    children: (() => void)[],
  ): FieldObject => {
    const out: Record<string, FieldValue> = {};
    for (const [key, inner] of Object.entries(source)) {
      if (key === "source" || (entity.ref === ENVIRONMENT_REF && key === "file")) continue;
      if (isCollection(inner)) {
        const collection = [
          ...(entity.ref === ENVIRONMENT_REF ? [] : [entity.collection]),
          ...path,
          key,
        ].join(".");
        const prefix = entity.ref === ENVIRONMENT_REF ? [...path, key].reduce(camel) : `${entity.ref}`;
        for (const item of inner)
          children.push(() => visit(item, { ref: `${prefix}/${item.name}`, collection }, entity.ref));
        continue;
      }
      if (typeof inner === "object" && inner !== null && !Array.isArray(inner) && !(inner instanceof Map)) {
        const nested = settings(inner, entity, [...path, key], children);
        if (Object.keys(nested).length > 0) out[key] = nested;
        continue;
      }
      const kept = plain(inner);
      if (kept !== undefined) out[key] = kept;
    }
    return out;
  };

  const visit = (
    source: object,
    entity: { readonly ref: string; readonly collection: string },
    parent: string | undefined,
  ): void => {
    const children: (() => void)[] = [];
    const value = settings(source, entity, [], children);
    entities.push({ ...entity, ...(parent !== undefined ? { parent } : {}), value });
    for (const child of children) child();
  };

  visit(model, { ref: ENVIRONMENT_REF, collection: ENVIRONMENT_REF }, undefined);
  return entities;
}

/** The value at a dotted path (`retention.cleanupPolicy`), undefined when any step is missing. */
export function valueAt(value: FieldObject | undefined, path: string): FieldValue | undefined {
  let current: FieldValue | undefined = value;
  for (const step of path.split(".")) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return undefined;
    current = (current as FieldObject)[step];
  }
  return current;
}
