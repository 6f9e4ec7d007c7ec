/**
 * The reference grammar of environment files, defined once for the semantic checks, the policy
 * engine (waivers) and the plan guard (allowDestroy):
 *
 * - an entity reference inside the file: `<namespace>/<entity>` (`orders/payments`). Namespace
 *   names cannot contain `/`, so everything after the first `/` is the entity (queue names may
 *   themselves contain `/`);
 * - a resource reference: `<service>/<name>` or `<service>/<namespace>/<entity>` (and, for Service
 *   Bus subscriptions and Event Hubs consumer groups, `<service>/<namespace>/<parent>/<child>`),
 *   where `<service>` is one of {@link resourceServices}; a Stream Analytics job's inputs and
 *   outputs are `streamAnalytics/<job>/<alias>`. `model/walk.ts` gives every resource of an
 *   environment its reference.
 */
export const resourceServices = [
  "serviceBus",
  "eventHubs",
  "eventGridTopics",
  "eventGridSystemTopics",
  "eventGridNamespaces",
  "relay",
  "iotHub",
  "streamAnalytics",
  "logicApps",
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
  | "iotRoute"
  | "streamAnalyticsJob"
  | "streamAnalyticsInput"
  | "streamAnalyticsOutput"
  | "logicApp"
  | "logicAppWorkflow";

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
