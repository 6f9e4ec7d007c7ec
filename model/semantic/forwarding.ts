import { maxForwardingHops, serviceBusEntityKey } from "../../azure/service-bus";
import { entityRef, splitEntityRef } from "../resource-refs";
import type { ServiceBusNamespaceSpec } from "../spec";
import type { SemanticCheck, SemanticContext } from "./context";
import { indexDeclared, type DeclaredIndex } from "./declared-index";
import { declaredHint } from "./not-declared";

/*
 * Auto-forwarding, as "Chaining Service Bus entities with autoforwarding" describes it: the target
 * is a queue or topic of the same namespace; a chain longer than four hops dead-letters its
 * messages; and the target must exist when the forward is set ("The destination entity must
 * already exist"). Entity names compare as Azure compares them, without regard to case, so
 * `orders/Audit` is the queue `audit`.
 */

/** One forwarding edge between entities of one namespace, by their declared names. */
interface Forward {
  readonly from: string;
  readonly to: string;
  readonly pointer: string;
  /** Set by `forwardDeadLetteredTo`: only dead letters take it. */
  readonly deadLetters: boolean;
  /** Whether a queue sets it (a topic forwards through its subscriptions, created after every entity). */
  readonly fromQueue: boolean;
}

/** The namespace's queues and topics by Azure's key, first declaration first. */
function entitiesOf(ns: ServiceBusNamespaceSpec): Map<string, string> {
  const entities = new Map<string, string>();
  for (const e of [...(ns.queues ?? []), ...(ns.topics ?? [])]) {
    const key = serviceBusEntityKey(e.name);
    if (!entities.has(key)) entities.set(key, e.name);
  }
  return entities;
}

/**
 * Checks one forwardTo / forwardDeadLetteredTo: `<namespace>/<queue or topic>` of the entity's own
 * namespace. Returns the declared name of the target when it resolves.
 */
function resolveTarget(
  ctx: SemanticContext,
  index: DeclaredIndex,
  entities: ReadonlyMap<string, string>,
  pointer: string,
  namespace: string,
  text: string,
): string | undefined {
  const field = pointer.slice(pointer.lastIndexOf("/") + 1);
  const parts = splitEntityRef(text);
  const local = (): string[] => [...entities.values()];
  if (!parts) {
    ctx.error(
      pointer,
      `${field} must be "<namespace>/<queue or topic>", e.g. "${namespace}/${local()[0] ?? "dead-letters"}", got "${text}"`,
    );
    return undefined;
  }
  if (parts.namespace !== namespace && !index.serviceBusNamespaces.has(parts.namespace)) {
    // A misspelled namespace (its own, in another letter case, say) is named as one, not as a
    // forward across namespaces.
    ctx.error(
      pointer,
      `${field} "${text}": Service Bus namespace "${parts.namespace}" is not declared; ${declaredHint(parts.namespace, [...index.serviceBusNamespaces], "Service Bus namespaces")}`,
    );
    return undefined;
  }
  if (parts.namespace !== namespace) {
    ctx.error(
      pointer,
      `${field} "${text}" is in Service Bus namespace "${parts.namespace}", but Azure auto-forwarding only works within one namespace ("${namespace}"): forward to a queue or topic in "${namespace}", or move one of the entities`,
    );
    return undefined;
  }
  const declared = entities.get(serviceBusEntityKey(parts.entity));
  if (declared === undefined) {
    ctx.error(
      pointer,
      `${field} "${text}": no queue or topic "${parts.entity}" in Service Bus namespace "${namespace}"; ${declaredHint(parts.entity, local(), "queues and topics")}`,
    );
  }
  return declared;
}

/** The edges leaving each entity. */
function outgoingOf(edges: readonly Forward[]): Map<string, Forward[]> {
  const outgoing = new Map<string, Forward[]>();
  for (const edge of edges) {
    const list = outgoing.get(edge.from);
    if (list) list.push(edge);
    else outgoing.set(edge.from, [edge]);
  }
  return outgoing;
}

/**
 * Every cycle a depth-first walk meets, one per edge that closes a loop, as the edges that form
 * it: O(entities + edges). A graph has a cycle exactly when the walk meets one.
 */
function cyclesOf(edges: readonly Forward[]): Forward[][] {
  const outgoing = outgoingOf(edges);
  const state = new Map<string, "open" | "done">();
  const cycles: Forward[][] = [];
  for (const start of outgoing.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const via: Forward[] = [];
    const cursors: number[] = [0];
    state.set(start, "open");
    while (path.length > 0) {
      const node = path[path.length - 1];
      const next = (outgoing.get(node) ?? [])[cursors[cursors.length - 1]];
      if (next === undefined) {
        state.set(node, "done");
        path.pop();
        cursors.pop();
        if (via.length >= path.length && via.length > 0) via.pop();
        continue;
      }
      cursors[cursors.length - 1] += 1;
      const seen = state.get(next.to);
      if (seen === "open") {
        cycles.push([...via.slice(path.indexOf(next.to)), next]);
      } else if (seen === undefined) {
        state.set(next.to, "open");
        path.push(next.to);
        via.push(next);
        cursors.push(0);
      }
    }
  }
  return cycles;
}

const described = (namespace: string, cycle: readonly Forward[]): string =>
  [cycle[0].from, ...cycle.map((edge) => edge.to)].map((name) => entityRef(namespace, name)).join(" → ");

/**
 * Messages that circle: forwardTo loops, a topic forwarding through its subscriptions. And queues
 * that forward to each other, dead letters included, in a circle: a forward's target must exist
 * before it is set, so none of them could be created first (a topic is created before any queue
 * or subscription, so only queues constrain the order).
 */
function reportCycles(ctx: SemanticContext, namespace: string, edges: readonly Forward[]): void {
  for (const cycle of cyclesOf(edges.filter((edge) => !edge.deadLetters))) {
    ctx.error(
      cycle[cycle.length - 1].pointer,
      `forwarding cycle ${described(namespace, cycle)}: messages would circle until Azure dead-letters them; remove or redirect one forwardTo in the cycle`,
    );
  }
  // Loops of forwardTo alone were reported above.
  const queueCycles = cyclesOf(edges.filter((edge) => edge.fromQueue)).filter((cycle) =>
    cycle.some((edge) => edge.deadLetters),
  );
  for (const cycle of queueCycles) {
    const last = cycle[cycle.length - 1];
    const self = cycle.length === 1;
    ctx.error(
      last.pointer,
      `forwarding cycle ${described(namespace, cycle)} (dead letters included): Azure forwards only to an entity that already exists, so ${self ? "a queue cannot forward to itself" : "none of these queues could be created first"}; forward ${self ? "its dead letters" : "one of them"} to another queue or topic`,
    );
  }
}

/**
 * Chains of more than four forwardTo hops, reported at the first hop of each chain that starts
 * where nothing forwards in. A walk stops where it meets an entity already on its path (loops are
 * reported on their own) and one hop past the limit, which bounds the work however widely topics
 * fan out.
 */
function reportLongChains(ctx: SemanticContext, edges: readonly Forward[]): void {
  const hops = edges.filter((edge) => !edge.deadLetters);
  const outgoing = outgoingOf(hops);
  const longest = (entity: string, path: readonly string[]): string[] => {
    let best: string[] = [entity];
    if (path.length > maxForwardingHops + 1) return best;
    for (const hop of outgoing.get(entity) ?? []) {
      if (path.includes(hop.to)) continue;
      const rest = longest(hop.to, [...path, hop.to]);
      if (rest.length + 1 > best.length) best = [entity, ...rest];
    }
    return best;
  };
  const targets = new Set(hops.map((hop) => hop.to));
  for (const hop of hops) {
    if (targets.has(hop.from)) continue;
    const chain = [hop.from, ...longest(hop.to, [hop.from, hop.to])];
    if (chain.length - 1 > maxForwardingHops) {
      ctx.error(
        hop.pointer,
        `forwarding chain ${chain.join(" → ")} has ${chain.length - 1} hops; Azure dead-letters messages after ${maxForwardingHops}: forward straight to a later entity`,
      );
    }
  }
}

function checkNamespace(
  ctx: SemanticContext,
  index: DeclaredIndex,
  ns: ServiceBusNamespaceSpec,
  base: string,
): void {
  const entities = entitiesOf(ns);
  const edges: Forward[] = [];
  const follow = (
    from: string,
    fromQueue: boolean,
    pointer: string,
    field: "forwardTo" | "forwardDeadLetteredTo",
    text: string | undefined,
  ): void => {
    if (text === undefined) return;
    const at = `${pointer}/${field}`;
    const to = resolveTarget(ctx, index, entities, at, ns.name, text);
    if (to !== undefined)
      edges.push({ from, to, pointer: at, deadLetters: field === "forwardDeadLetteredTo", fromQueue });
  };
  (ns.queues ?? []).forEach((queue, j) => {
    const pointer = `${base}/queues/${j}`;
    follow(queue.name, true, pointer, "forwardTo", queue.forwardTo);
    follow(queue.name, true, pointer, "forwardDeadLetteredTo", queue.forwardDeadLetteredTo);
  });
  (ns.topics ?? []).forEach((topic, j) =>
    (topic.subscriptions ?? []).forEach((sub, k) => {
      const pointer = `${base}/topics/${j}/subscriptions/${k}`;
      follow(topic.name, false, pointer, "forwardTo", sub.forwardTo);
      follow(topic.name, false, pointer, "forwardDeadLetteredTo", sub.forwardDeadLetteredTo);
    }),
  );
  // A subscription's dead letters returning to its own topic take no part: neither a message loop
  // nor a creation order (the subscription is created after its topic and every queue).
  const graph = edges.filter((edge) => edge.fromQueue || !edge.deadLetters);
  reportCycles(ctx, ns.name, graph);
  // Basic has no forwarding at all: the Service Bus check refuses every forward there.
  if (ns.sku !== "Basic") reportLongChains(ctx, graph);
}

/** Auto-forwarding targets resolve within their namespace, forwarding never loops, chains stay short. */
export const checkForwarding: SemanticCheck = (ctx) => {
  const index = indexDeclared(ctx.spec);
  (ctx.spec.serviceBus ?? []).forEach((ns, i) => checkNamespace(ctx, index, ns, `/serviceBus/${i}`));
};
