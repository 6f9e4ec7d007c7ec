import { ruleIds } from "../rule-ids";
import { splitEntityRef } from "../resource-refs";
import type { EventDestinationSpec, GrantsSpec } from "../spec";
import type { SemanticCheck, SemanticContext } from "./context";
import { indexDeclared, type DeclaredIndex } from "./declared-index";
import { declaredHint } from "./not-declared";

type EntityTarget = "serviceBusQueue" | "serviceBusTopic" | "eventHub";

const targetNoun: Record<EntityTarget, string> = {
  serviceBusQueue: "queue",
  serviceBusTopic: "topic",
  eventHub: "event hub",
};

/** Checks one `<namespace>/<entity>` reference to a queue, a topic or an event hub. */
export function checkEntityTarget(
  ctx: SemanticContext,
  index: DeclaredIndex,
  pointer: string,
  kind: EntityTarget,
  text: string,
): void {
  const field = pointer.slice(pointer.lastIndexOf("/") + 1);
  const noun = targetNoun[kind];
  const parts = splitEntityRef(text);
  if (!parts) {
    ctx.error(
      pointer,
      `${field} must be "<namespace>/<${noun}>" naming a ${noun} declared in this file, got "${text}"`,
    );
    return;
  }
  if (kind === "eventHub") {
    if (!index.eventHubsNamespaces.has(parts.namespace)) {
      ctx.error(
        pointer,
        `${field} "${text}": Event Hubs namespace "${parts.namespace}" is not declared; ${declaredHint(parts.namespace, [...index.eventHubsNamespaces], "Event Hubs namespaces")}`,
      );
    } else if (!index.eventHubs.has(text)) {
      const hubs = [...index.eventHubs.keys()].filter((ref) => ref.startsWith(`${parts.namespace}/`));
      ctx.error(
        pointer,
        `${field} "${text}": no event hub "${parts.entity}" in Event Hubs namespace "${parts.namespace}"; ${declaredHint(text, hubs, "event hubs")}`,
      );
    }
    return;
  }
  if (!index.serviceBusNamespaces.has(parts.namespace)) {
    ctx.error(
      pointer,
      `${field} "${text}": Service Bus namespace "${parts.namespace}" is not declared; ${declaredHint(parts.namespace, [...index.serviceBusNamespaces], "Service Bus namespaces")}`,
    );
    return;
  }
  const found = index.serviceBusEntities.get(text);
  const wanted = kind === "serviceBusQueue" ? "queue" : "topic";
  if (found === undefined) {
    const names = index.serviceBusEntitiesByNamespace.get(parts.namespace) ?? [];
    ctx.error(
      pointer,
      `${field} "${text}": no ${noun} "${parts.entity}" in Service Bus namespace "${parts.namespace}"; ${declaredHint(parts.entity, names, "queues and topics")}`,
    );
  } else if (found !== wanted) {
    const other = found === "queue" ? "serviceBusQueue" : "serviceBusTopic";
    ctx.error(
      pointer,
      `${field} "${text}" is a ${found}, not a ${wanted}: write ${other}: ${text}, or name a ${wanted}`,
    );
  }
}

function checkDestination(
  ctx: SemanticContext,
  index: DeclaredIndex,
  pointer: string,
  destination: EventDestinationSpec,
): void {
  for (const kind of ["serviceBusQueue", "serviceBusTopic", "eventHub"] as const) {
    const text = destination[kind];
    if (text !== undefined) checkEntityTarget(ctx, index, `${pointer}/${kind}`, kind, text);
  }
}

const grantFields = ["senders", "receivers", "owners", "listeners"] as const;

function checkGrants(
  ctx: SemanticContext,
  index: DeclaredIndex,
  pointer: string,
  holder: GrantsSpec & { readonly listeners?: readonly string[] },
): void {
  for (const field of grantFields) {
    (holder[field] ?? []).forEach((name, i) => {
      if (!index.principals.has(name)) {
        ctx.error(
          `${pointer}/${field}/${i}`,
          `principal "${name}" in ${field} is not declared under principals; ${declaredHint(name, [...index.principals], "principals")}`,
        );
      }
    });
  }
}

function principalReferences(ctx: SemanticContext, index: DeclaredIndex): void {
  const { spec } = ctx;
  (spec.serviceBus ?? []).forEach((ns, i) => {
    checkGrants(ctx, index, `/serviceBus/${i}`, ns);
    (ns.queues ?? []).forEach((q, j) => checkGrants(ctx, index, `/serviceBus/${i}/queues/${j}`, q));
    (ns.topics ?? []).forEach((t, j) => {
      checkGrants(ctx, index, `/serviceBus/${i}/topics/${j}`, t);
      (t.subscriptions ?? []).forEach((s, k) =>
        checkGrants(ctx, index, `/serviceBus/${i}/topics/${j}/subscriptions/${k}`, s),
      );
    });
  });
  (spec.eventHubs ?? []).forEach((ns, i) => {
    checkGrants(ctx, index, `/eventHubs/${i}`, ns);
    (ns.hubs ?? []).forEach((h, j) => {
      checkGrants(ctx, index, `/eventHubs/${i}/hubs/${j}`, h);
      (h.consumerGroups ?? []).forEach((g, k) => {
        if (typeof g !== "string")
          checkGrants(ctx, index, `/eventHubs/${i}/hubs/${j}/consumerGroups/${k}`, g);
      });
    });
  });
  (spec.eventGrid?.topics ?? []).forEach((t, i) => checkGrants(ctx, index, `/eventGrid/topics/${i}`, t));
  (spec.eventGrid?.namespaces ?? []).forEach((ns, i) =>
    checkGrants(ctx, index, `/eventGrid/namespaces/${i}`, ns),
  );
  (spec.relay ?? []).forEach((ns, i) => {
    checkGrants(ctx, index, `/relay/${i}`, ns);
    (ns.hybridConnections ?? []).forEach((h, j) =>
      checkGrants(ctx, index, `/relay/${i}/hybridConnections/${j}`, h),
    );
    (ns.wcfRelays ?? []).forEach((w, j) => checkGrants(ctx, index, `/relay/${i}/wcfRelays/${j}`, w));
  });
  (spec.iotHub ?? []).forEach((hub, i) => checkGrants(ctx, index, `/iotHub/${i}`, hub));
}

function eventGridReferences(ctx: SemanticContext, index: DeclaredIndex): void {
  const grid = ctx.spec.eventGrid ?? {};
  (grid.topics ?? []).forEach((t, i) =>
    (t.subscriptions ?? []).forEach((s, j) =>
      checkDestination(ctx, index, `/eventGrid/topics/${i}/subscriptions/${j}/destination`, s.destination),
    ),
  );
  (grid.systemTopics ?? []).forEach((t, i) => {
    const base = `/eventGrid/systemTopics/${i}`;
    (t.subscriptions ?? []).forEach((s, j) =>
      checkDestination(ctx, index, `${base}/subscriptions/${j}/destination`, s.destination),
    );
    const sources = [
      ["serviceBus", t.source.serviceBus, index.serviceBusNamespaces, "Service Bus namespaces"],
      ["eventHubs", t.source.eventHubs, index.eventHubsNamespaces, "Event Hubs namespaces"],
      ["iotHub", t.source.iotHub, index.iotHubs, "IoT hubs"],
    ] as const;
    for (const [field, name, declared, noun] of sources) {
      if (name !== undefined && !declared.has(name)) {
        ctx.error(
          `${base}/source/${field}`,
          `system topic source ${field} "${name}" is not declared; ${declaredHint(name, [...declared], noun)}`,
        );
      }
    }
  });
  (grid.namespaces ?? []).forEach((ns, i) => {
    const base = `/eventGrid/namespaces/${i}/mqtt`;
    if (ns.mqtt?.routeTo) checkDestination(ctx, index, `${base}/routeTo`, ns.mqtt.routeTo);
    const topicSpaces = (ns.mqtt?.topicSpaces ?? []).map((s) => s.name);
    const clientGroups = (ns.mqtt?.clientGroups ?? []).map((g) => g.name);
    const topicSpaceSet = new Set(topicSpaces);
    const clientGroupSet = new Set(clientGroups);
    (ns.mqtt?.permissions ?? []).forEach((p, j) => {
      if (!topicSpaceSet.has(p.topicSpace)) {
        ctx.error(
          `${base}/permissions/${j}/topicSpace`,
          `topic space "${p.topicSpace}" is not declared in Event Grid namespace "${ns.name}"; ${declaredHint(p.topicSpace, topicSpaces, "topic spaces")}`,
        );
      }
      if (!clientGroupSet.has(p.clientGroup)) {
        ctx.error(
          `${base}/permissions/${j}/clientGroup`,
          `client group "${p.clientGroup}" is not declared in Event Grid namespace "${ns.name}"; ${declaredHint(p.clientGroup, clientGroups, "client groups")}`,
        );
      }
    });
  });
}

function iotHubReferences(ctx: SemanticContext, index: DeclaredIndex): void {
  (ctx.spec.iotHub ?? []).forEach((hub, i) => {
    const routes = (hub.routes ?? []).map((r) => r.name);
    const routeSet = new Set(routes);
    (hub.routes ?? []).forEach((r, j) => {
      const base = `/iotHub/${i}/routes/${j}/to`;
      for (const kind of ["serviceBusQueue", "serviceBusTopic", "eventHub"] as const) {
        const text = r.to[kind];
        if (text !== undefined) checkEntityTarget(ctx, index, `${base}/${kind}`, kind, text);
      }
    });
    (hub.enrichments ?? []).forEach((e, j) =>
      e.routes.forEach((name, k) => {
        if (!routeSet.has(name)) {
          ctx.error(
            `/iotHub/${i}/enrichments/${j}/routes/${k}`,
            `route "${name}" is not declared in IoT hub "${hub.name}"; ${declaredHint(name, routes, "routes")}`,
          );
        }
      }),
    );
  });
}

/** A site's `route`: an event hub, queue or topic (`<namespace>/<entity>`) its messages go on to. */
function checkRouteTarget(ctx: SemanticContext, index: DeclaredIndex, pointer: string, text: string): void {
  if (index.eventHubs.has(text) || index.serviceBusEntities.has(text)) return;
  if (!splitEntityRef(text)) {
    ctx.error(
      pointer,
      `route must be "<namespace>/<entity>" naming an event hub, queue or topic declared in this file, got "${text}"`,
    );
    return;
  }
  const candidates = [...index.eventHubs.keys(), ...index.serviceBusEntities.keys()];
  ctx.error(
    pointer,
    `route "${text}" names no event hub, queue or topic declared in this file; ${declaredHint(text, candidates, "entities")}`,
  );
}

function siteReferences(ctx: SemanticContext, index: DeclaredIndex): void {
  const mqttNamespaces = [...index.eventGridNamespaces].filter(([, mqtt]) => mqtt).map(([name]) => name);
  (ctx.spec.sites ?? []).forEach((site, i) => {
    const name = site.mqttClient.namespace;
    const pointer = `/sites/${i}/mqttClient/namespace`;
    const mqtt = index.eventGridNamespaces.get(name);
    if (mqtt === undefined) {
      ctx.error(
        pointer,
        `Event Grid namespace "${name}" is not declared under eventGrid.namespaces; ${declaredHint(name, mqttNamespaces, "Event Grid namespaces with mqtt")}`,
      );
    } else if (!mqtt) {
      ctx.error(
        pointer,
        `Event Grid namespace "${name}" has no mqtt broker: add an mqtt section to it, or name a namespace that has one`,
      );
    }
    if (site.route !== undefined) checkRouteTarget(ctx, index, `/sites/${i}/route`, site.route);
  });
}

/** Waivers name policy rules; the resources they and allowDestroy name are checked on the model's walk. */
function waiverRules(ctx: SemanticContext): void {
  (ctx.spec.waivers ?? []).forEach((w, i) => {
    if (!ruleIds.has(w.rule)) {
      ctx.error(
        `/waivers/${i}/rule`,
        `waiver rule "${w.rule}" is not a policy rule ID; ${declaredHint(w.rule, [...ruleIds], "rules (see model/rule-ids.ts)")}`,
      );
    }
  });
}

function smokeReferences(ctx: SemanticContext, index: DeclaredIndex): void {
  const smoke = ctx.spec.smoke;
  if (!smoke) return;
  if (smoke.serviceBusQueue !== undefined)
    checkEntityTarget(ctx, index, "/smoke/serviceBusQueue", "serviceBusQueue", smoke.serviceBusQueue);
  if (smoke.eventHub !== undefined)
    checkEntityTarget(ctx, index, "/smoke/eventHub", "eventHub", smoke.eventHub);
  if (smoke.consumerGroup === undefined) return;
  const groups = smoke.eventHub === undefined ? undefined : index.eventHubs.get(smoke.eventHub);
  if (smoke.eventHub === undefined) {
    ctx.error(
      "/smoke/consumerGroup",
      "smoke.consumerGroup needs smoke.eventHub: name the event hub the consumer group belongs to",
    );
  } else if (groups !== undefined && smoke.consumerGroup !== "$Default" && !groups.has(smoke.consumerGroup)) {
    ctx.error(
      "/smoke/consumerGroup",
      `consumer group "${smoke.consumerGroup}" is not declared on event hub "${smoke.eventHub}"; ${declaredHint(smoke.consumerGroup, ["$Default", ...groups], "consumer groups")}`,
    );
  }
}

/** Every reference in the file resolves to something declared in it. */
export const checkReferences: SemanticCheck = (ctx) => {
  const index = indexDeclared(ctx.spec);
  principalReferences(ctx, index);
  eventGridReferences(ctx, index);
  iotHubReferences(ctx, index);
  siteReferences(ctx, index);
  smokeReferences(ctx, index);
  waiverRules(ctx);
};
