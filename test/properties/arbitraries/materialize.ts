import { conventionalName, type AbbreviatedKind } from "../../../azure/naming";
import production from "../../../model/profiles/production.json";
import { subscriptionPrefix } from "./common";
import {
  isRef,
  isSourceChoice,
  isTarget,
  type Json,
  type Ref,
  type RefKind,
  type SourceChoice,
  type Target,
  type TargetKind,
} from "./common";

/*
 * Turns a drawn draft into an environment file: resolves every `Ref` against what the draft
 * declares, adds the waivers an item asked for (`$waive`), and drops absent fields and the
 * draft's own `$` keys. Pure: the same draft always gives the same file.
 */

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const names = (value: unknown): string[] => list(value).map((item) => String(item.name));
const groupName = (group: unknown): string =>
  typeof group === "string" ? group : String((group as Json).name);

interface Scope {
  /** Objects from the document root down to the object holding the field being resolved. */
  readonly ancestors: readonly Json[];
}

/** The services of resource references, with the key their items sit under in the draft. */
const namespaceServices = [
  { service: "serviceBus", kind: "serviceBusNamespace", items: (d: Json) => list(d.serviceBus) },
  { service: "eventHubs", kind: "eventHubsNamespace", items: (d: Json) => list(d.eventHubs) },
  {
    service: "eventGridTopics",
    kind: "eventGridTopic",
    items: (d: Json) => list((d.eventGrid as Json | undefined)?.topics),
  },
  {
    service: "eventGridSystemTopics",
    kind: "eventGridSystemTopic",
    items: (d: Json) => list((d.eventGrid as Json | undefined)?.systemTopics),
  },
  {
    service: "eventGridNamespaces",
    kind: "eventGridNamespace",
    items: (d: Json) => list((d.eventGrid as Json | undefined)?.namespaces),
  },
  { service: "relay", kind: "relayNamespace", items: (d: Json) => list(d.relay) },
  { service: "iotHub", kind: "iotHub", items: (d: Json) => list(d.iotHub) },
  { service: "logicApps", kind: "logicApp", items: (d: Json) => list(d.logicApps) },
] as const satisfies readonly { service: string; kind: AbbreviatedKind; items: (d: Json) => Json[] }[];

function serviceOf(draft: Json, item: Json): (typeof namespaceServices)[number] | undefined {
  return namespaceServices.find((s) => s.items(draft).includes(item));
}

function enclosing(draft: Json, scope: Scope, items: (d: Json) => Json[]): Json | undefined {
  const candidates = items(draft);
  return [...scope.ancestors].reverse().find((a) => candidates.includes(a));
}

/** Every resource reference the draft declares, as waivers and allowDestroy write them. */
function resourceReferences(draft: Json): string[] {
  const refs: string[] = [];
  for (const { service, items } of namespaceServices) {
    for (const item of items(draft)) {
      refs.push(`${service}/${String(item.name)}`);
      for (const key of ["queues", "topics", "hubs", "hybridConnections", "wcfRelays"]) {
        for (const child of list(item[key])) {
          refs.push(`${service}/${String(item.name)}/${String(child.name)}`);
          for (const sub of list(child.subscriptions))
            refs.push(`${service}/${String(item.name)}/${String(child.name)}/${String(sub.name)}`);
          for (const group of (child.consumerGroups as unknown[] | undefined) ?? [])
            refs.push(`${service}/${String(item.name)}/${String(child.name)}/${groupName(group)}`);
        }
      }
    }
  }
  return refs;
}

function entityRefs(namespaces: readonly Json[], key: string): string[] {
  return namespaces.flatMap((ns) => names(ns[key]).map((entity) => `${String(ns.name)}/${entity}`));
}

function candidates(draft: Json, r: Ref, scope: Scope): string[] {
  const serviceBus = list(draft.serviceBus);
  const eventHubs = list(draft.eventHubs);
  const grid = (draft.eventGrid as Json | undefined) ?? {};
  const holder = scope.ancestors[scope.ancestors.length - 1];
  switch (r.$ref) {
    case "principal":
      return Object.keys((draft.principals as Json | undefined) ?? {});
    case "sbNamespace":
      return names(serviceBus);
    case "sbQueue":
      return entityRefs(serviceBus, "queues");
    case "sbTopic":
      return entityRefs(serviceBus, "topics");
    case "sbSubscription":
      return serviceBus.flatMap((ns) =>
        list(ns.topics).flatMap((t) =>
          names(t.subscriptions).map((s) => `${String(ns.name)}/${String(t.name)}/${s}`),
        ),
      );
    case "sbSibling": {
      const ns = enclosing(draft, scope, () => serviceBus);
      return ns ? [...entityRefs([ns], "queues"), ...entityRefs([ns], "topics")] : [];
    }
    case "sbSelf": {
      const ns = enclosing(draft, scope, () => serviceBus);
      if (!ns) return [];
      if (list(ns.queues).includes(holder)) return [`${String(ns.name)}/${String(holder.name)}`];
      const topic = list(ns.topics).find((t) => list(t.subscriptions).includes(holder));
      return topic ? [`${String(ns.name)}/${String(topic.name)}`] : [];
    }
    case "ehNamespace":
      return names(eventHubs);
    case "eventHub":
      return entityRefs(eventHubs, "hubs");
    case "consumerGroup":
      return eventHubs.flatMap((ns) =>
        list(ns.hubs).flatMap((hub) => ((hub.consumerGroups as unknown[] | undefined) ?? []).map(groupName)),
      );
    case "smokeConsumerGroup": {
      const hubRef = holder.eventHub;
      const named = isRef(hubRef) ? resolve(draft, hubRef, scope) : hubRef;
      if (typeof named !== "string") return [];
      const [namespace, hubName] = named.split("/");
      const hub = list(eventHubs.find((ns) => ns.name === namespace)?.hubs).find((h) => h.name === hubName);
      return ((hub?.consumerGroups as unknown[] | undefined) ?? []).map(groupName);
    }
    case "egNamespace":
      return names(grid.namespaces);
    case "mqttNamespace":
      return names(list(grid.namespaces).filter((ns) => ns.mqtt !== undefined));
    case "topicSpace":
    case "clientGroup": {
      const ns = enclosing(draft, scope, () => list(grid.namespaces));
      const mqtt = (ns?.mqtt as Json | undefined) ?? {};
      return names(r.$ref === "topicSpace" ? mqtt.topicSpaces : mqtt.clientGroups);
    }
    case "iotHub":
      return names(draft.iotHub);
    case "iotRoute": {
      const hub = enclosing(draft, scope, () => list(draft.iotHub));
      return names(hub?.routes);
    }
    case "siteRoute": {
      const client = (holder.mqttClient as Json | undefined) ?? {};
      const namespace = isRef(client.namespace) ? resolve(draft, client.namespace, scope) : client.namespace;
      const ns = list(grid.namespaces).find((n) => n.name === namespace);
      const stated = (ns?.mqtt as Json | undefined)?.routeTo;
      const routeTo = isTarget(stated)
        ? resolveTarget(draft, stated, scope)
        : ((stated as Json | undefined) ?? {});
      const delivered = routeTo.eventHub ?? routeTo.serviceBusQueue ?? routeTo.serviceBusTopic;
      return delivered === undefined ? [] : [String(delivered)];
    }
    case "companionReceive":
    case "companionSend": {
      const ns = serviceBus.find((n) => n.$companion === true);
      if (!ns) return [];
      const [receiving, sending] = names(ns.queues);
      const topic = list(ns.topics)[0];
      const at = (entity: string): string => `${String(ns.name)}/${entity}`;
      return r.$ref === "companionReceive"
        ? [at(receiving), at(`${String(topic.name)}/${names(topic.subscriptions)[0]}`)]
        : [at(sending), at(String(topic.name))];
    }
    case "resource":
      return resourceReferences(draft);
    case "conventionalName": {
      const item = scope.ancestors.find((a) => serviceOf(draft, a) !== undefined);
      const service = item ? serviceOf(draft, item) : undefined;
      if (!service) return [];
      const naming = draft.naming as Json;
      const convention = {
        prefix: String(naming.prefix),
        workload: typeof naming.workload === "string" ? naming.workload : "",
        environment: String(draft.name),
      };
      return service
        .items(draft)
        .map((other) => conventionalName(service.kind, convention, String(other.name)));
    }
  }
}

const danglingText: Readonly<Record<string, string>> = {
  principal: "ghost",
  sbNamespace: "ghost",
  ehNamespace: "ghost",
  egNamespace: "ghost",
  mqttNamespace: "ghost",
  iotHub: "ghost",
  topicSpace: "ghost",
  clientGroup: "ghost",
  iotRoute: "ghost",
  consumerGroup: "ghost",
  smokeConsumerGroup: "ghost",
  conventionalName: "ghost-name-01",
  resource: "serviceBus/ghost",
  sbSubscription: "ghost/ghost/ghost",
};

function recase(text: string, casing: Ref["casing"]): string {
  switch (casing) {
    case "asIs":
      return text;
    case "upper":
      return text.toUpperCase();
    case "lower":
      return text.toLowerCase();
    case "capitalized": {
      const at = text.lastIndexOf("/") + 1;
      const first = text.charAt(at);
      const flipped = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
      return `${text.slice(0, at)}${flipped}${text.slice(at + 1)}`;
    }
  }
}

function resolve(draft: Json, r: Ref, scope: Scope): string | undefined {
  const found = r.dangling ? [] : candidates(draft, r, scope);
  if (found.length === 0 && r.optional === true && !r.dangling) return undefined;
  const text = found.length === 0 ? (danglingText[r.$ref] ?? "ghost/ghost") : found[r.pick % found.length];
  return recase(text, r.casing);
}

/** The first kind, from the preferred one on, of which the file declares something. */
function firstDeclared<K extends RefKind>(
  draft: Json,
  kinds: readonly K[],
  choice: Omit<Ref, "$ref">,
  scope: Scope,
): K {
  if (choice.dangling) return kinds[0];
  return kinds.find((kind) => candidates(draft, { ...choice, $ref: kind }, scope).length > 0) ?? kinds[0];
}

const targetKey: Readonly<Record<TargetKind, string>> = {
  sbQueue: "serviceBusQueue",
  sbTopic: "serviceBusTopic",
  eventHub: "eventHub",
};

function resolveTarget(draft: Json, t: Target, scope: Scope): Json {
  const order = [t.$target, ...(["sbQueue", "eventHub", "sbTopic"] as const).filter((k) => k !== t.$target)];
  const kind = firstDeclared(draft, order, t, scope);
  if (!t.dangling && candidates(draft, { ...t, $ref: kind }, scope).length === 0) return t.otherwise;
  return { [targetKey[kind]]: resolve(draft, { ...t, $ref: kind, optional: false }, scope) };
}

const sourceOf = {
  sbNamespace: { key: "serviceBus", topicType: "Microsoft.ServiceBus.Namespaces" },
  ehNamespace: { key: "eventHubs", topicType: "Microsoft.EventHub.Namespaces" },
  iotHub: { key: "iotHub", topicType: "Microsoft.Devices.IoTHubs" },
} as const;

/** `{ source, topicType }` of a system topic; a storage account when the file declares no namespace or hub. */
function resolveSource(draft: Json, s: SourceChoice, scope: Scope): Json {
  const order = [
    s.$source,
    ...(["sbNamespace", "ehNamespace", "iotHub"] as const).filter((k) => k !== s.$source),
  ];
  const kind = firstDeclared(draft, order, s, scope);
  if (!s.dangling && candidates(draft, { ...s, $ref: kind }, scope).length === 0) {
    return {
      source: { resourceId: `${subscriptionPrefix}/Microsoft.Storage/storageAccounts/stsource` },
      topicType: "Microsoft.Storage.StorageAccounts",
    };
  }
  const { key, topicType } = sourceOf[kind];
  return { source: { [key]: resolve(draft, { ...s, $ref: kind, optional: false }, scope) }, topicType };
}

const requirements = production.requirements as readonly {
  readonly field: string;
  readonly value: unknown;
  readonly rules: Readonly<Record<string, string>>;
}[];

/** The waivers a production item needs for each requirement it states otherwise. */
function waiversFor(draft: Json, item: Json): Json[] {
  const service = serviceOf(draft, item);
  if (draft.tier !== "production" || !service) return [];
  return requirements.flatMap((requirement) => {
    const rule = requirement.rules[service.service];
    const given = item[requirement.field];
    if (rule === undefined || given === undefined || given === requirement.value) return [];
    return [
      {
        rule,
        resource: `${service.service}/${String(item.name)}`,
        reason: "property test",
        expires: "2027-03-31",
      },
    ];
  });
}

function build(draft: Json, value: unknown, ancestors: readonly Json[], waivers: Json[]): unknown {
  if (isRef(value)) return resolve(draft, value, { ancestors });
  if (isTarget(value)) return resolveTarget(draft, value, { ancestors });
  if (Array.isArray(value)) return value.map((v) => build(draft, v, ancestors, waivers));
  if (typeof value !== "object" || value === null) return value;
  const item = value as Json;
  if (item.$waive === true) waivers.push(...waiversFor(draft, item));
  const inner = [...ancestors, item];
  const merged = isSourceChoice(item.$merge)
    ? Object.entries(resolveSource(draft, item.$merge, { ancestors: inner }))
    : isTarget(item.$merge)
      ? Object.entries(resolveTarget(draft, item.$merge, { ancestors: inner }))
      : [];
  const entries = [...Object.entries(item), ...merged]
    .filter(([key]) => !key.startsWith("$"))
    .map(([key, v]) => [key, build(draft, v, inner, waivers)] as const)
    .filter(([, v]) => v !== undefined);
  // `name` first, as people write it: counterexamples read like environment files.
  entries.sort(([a], [b]) => Number(b === "name") - Number(a === "name"));
  return Object.fromEntries(entries);
}

/** The environment file a draft describes. */
export function materialize(draft: Json): Json {
  const waivers: Json[] = [];
  const doc = build(draft, draft, [], waivers) as Json;
  const stated = (doc.waivers as Json[] | undefined) ?? [];
  const all = [...waivers, ...stated];
  if (all.length > 0) doc.waivers = all;
  return doc;
}
