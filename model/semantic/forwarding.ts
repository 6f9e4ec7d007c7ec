import { entityRef, splitEntityRef } from "../resource-refs";
import type { SemanticCheck, SemanticContext } from "./context";
import { indexDeclared, type DeclaredIndex } from "./declared-index";
import { declaredHint } from "./not-declared";

/** One auto-forwarding edge: messages of `from` go on to `to`. */
interface Forward {
  readonly from: string;
  readonly to: string;
  readonly pointer: string;
}

/**
 * Checks one forwardTo / forwardDeadLetteredTo. Auto-forwarding only chains entities of the same
 * namespace (learn.microsoft.com/azure/service-bus-messaging/service-bus-auto-forwarding: "the
 * source and destination entities must be in the same namespace"), and the target is a queue or
 * a topic. Returns the target's reference when it resolves.
 */
function checkForwardTarget(
  ctx: SemanticContext,
  index: DeclaredIndex,
  pointer: string,
  namespace: string,
  text: string,
): string | undefined {
  const field = pointer.slice(pointer.lastIndexOf("/") + 1);
  const parts = splitEntityRef(text);
  const local = index.serviceBusEntitiesByNamespace.get(namespace) ?? [];
  if (!parts) {
    ctx.error(
      pointer,
      `${field} must be "<namespace>/<queue or topic>", e.g. "${namespace}/${local[0] ?? "dead-letters"}", got "${text}"`,
    );
    return undefined;
  }
  if (parts.namespace !== namespace) {
    const where = index.serviceBusNamespaces.has(parts.namespace)
      ? `is in Service Bus namespace "${parts.namespace}"`
      : `names Service Bus namespace "${parts.namespace}"`;
    ctx.error(
      pointer,
      `${field} "${text}" ${where}, but Azure auto-forwarding only works within one namespace ("${namespace}"): forward to a queue or topic in "${namespace}", or move one of the entities`,
    );
    return undefined;
  }
  if (!index.serviceBusEntities.has(text)) {
    ctx.error(
      pointer,
      `${field} "${text}": no queue or topic "${parts.entity}" in Service Bus namespace "${namespace}"; ${declaredHint(parts.entity, local, "queues and topics")}`,
    );
    return undefined;
  }
  return text;
}

/**
 * Finds forwarding cycles (a → b → a, or a → a) with one depth-first walk over the forwarding
 * graph: O(entities + edges). A topic forwards through each of its subscriptions.
 */
function reportCycles(ctx: SemanticContext, edges: readonly Forward[]): void {
  const outgoing = new Map<string, Forward[]>();
  for (const edge of edges) {
    const list = outgoing.get(edge.from) ?? [];
    list.push(edge);
    outgoing.set(edge.from, list);
  }
  const state = new Map<string, "open" | "done">();
  for (const start of outgoing.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const cursors: number[] = [0];
    state.set(start, "open");
    while (path.length > 0) {
      const node = path[path.length - 1];
      const next = (outgoing.get(node) ?? [])[cursors[cursors.length - 1]];
      if (next === undefined) {
        state.set(node, "done");
        path.pop();
        cursors.pop();
        continue;
      }
      cursors[cursors.length - 1] += 1;
      const seen = state.get(next.to);
      if (seen === "open") {
        const cycle = [...path.slice(path.indexOf(next.to)), next.to];
        ctx.error(
          next.pointer,
          `forwarding cycle ${cycle.join(" → ")}: messages would circle until Azure dead-letters them; remove or redirect one forwardTo in the cycle`,
        );
      } else if (seen === undefined) {
        state.set(next.to, "open");
        path.push(next.to);
        cursors.push(0);
      }
    }
  }
}

/** Auto-forwarding targets resolve within their namespace, and forwarding never loops. */
export const checkForwarding: SemanticCheck = (ctx) => {
  const index = indexDeclared(ctx.spec);
  const edges: Forward[] = [];
  (ctx.spec.serviceBus ?? []).forEach((ns, i) => {
    (ns.queues ?? []).forEach((queue, j) => {
      const base = `/serviceBus/${i}/queues/${j}`;
      if (queue.forwardTo !== undefined) {
        const to = checkForwardTarget(ctx, index, `${base}/forwardTo`, ns.name, queue.forwardTo);
        if (to !== undefined)
          edges.push({ from: entityRef(ns.name, queue.name), to, pointer: `${base}/forwardTo` });
      }
      if (queue.forwardDeadLetteredTo !== undefined) {
        checkForwardTarget(ctx, index, `${base}/forwardDeadLetteredTo`, ns.name, queue.forwardDeadLetteredTo);
      }
    });
    (ns.topics ?? []).forEach((topic, j) =>
      (topic.subscriptions ?? []).forEach((sub, k) => {
        const base = `/serviceBus/${i}/topics/${j}/subscriptions/${k}`;
        if (sub.forwardTo !== undefined) {
          const to = checkForwardTarget(ctx, index, `${base}/forwardTo`, ns.name, sub.forwardTo);
          if (to !== undefined)
            edges.push({ from: entityRef(ns.name, topic.name), to, pointer: `${base}/forwardTo` });
        }
        if (sub.forwardDeadLetteredTo !== undefined) {
          checkForwardTarget(ctx, index, `${base}/forwardDeadLetteredTo`, ns.name, sub.forwardDeadLetteredTo);
        }
      }),
    );
  });
  reportCycles(ctx, edges);
};
