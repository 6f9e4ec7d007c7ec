/**
 * What a logic app's `receives:` and `sends:` entries name: a queue, a topic subscription or an
 * event hub it reads; a queue, a topic or an event hub it writes. Entity names compare as Azure
 * compares them, ignoring case; the result carries the names as declared.
 */
import type { EntityUse } from "../azure/logic-app-rules";
import type { EnvironmentSpec } from "./spec";

export interface AccessTarget {
  readonly kind: EntityUse["kind"];
  readonly namespace: string;
  readonly entity: string;
  readonly subscription?: string;
  /** The reference with the names as declared. */
  readonly reference: string;
}

export type AccessLookup = { readonly target: AccessTarget } | { readonly problem: string };

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function listed(names: readonly string[]): string {
  return names.length === 0 ? "none" : names.map((n) => `"${n}"`).join(", ");
}

/** The entity a `receives:` (`receive`) or `sends:` (`send`) entry names, or why it names none. */
export function lookUpAccess(
  spec: EnvironmentSpec,
  text: string,
  direction: "send" | "receive",
): AccessLookup {
  const [namespace, entity, subscription] = text.split("/");
  const field = direction === "send" ? "sends" : "receives";
  const sb = (spec.serviceBus ?? []).find((ns) => ns.name === namespace);
  const eh = (spec.eventHubs ?? []).find((ns) => ns.name === namespace);
  if (!sb && !eh) {
    const names = [...(spec.serviceBus ?? []), ...(spec.eventHubs ?? [])].map((ns) => ns.name);
    return {
      problem: `${field} "${text}": no Service Bus or Event Hubs namespace "${namespace}" is declared (declared: ${listed(names)})`,
    };
  }
  const queue = (sb?.queues ?? []).find((q) => same(q.name, entity));
  const topic = (sb?.topics ?? []).find((t) => same(t.name, entity));
  const hub = (eh?.hubs ?? []).find((h) => same(h.name, entity));
  if (subscription !== undefined) {
    if (direction === "send") {
      return {
        problem: `${field} "${text}": messages are sent to a topic, not to a subscription; write ${namespace}/${entity}`,
      };
    }
    if (!topic) {
      return { problem: `${field} "${text}": no topic "${entity}" in Service Bus namespace "${namespace}"` };
    }
    const names = (topic.subscriptions ?? []).map((s) => s.name);
    const found = names.find((name) => same(name, subscription));
    return found
      ? {
          target: {
            kind: "serviceBusSubscription",
            namespace,
            entity: topic.name,
            subscription: found,
            reference: `${namespace}/${topic.name}/${found}`,
          },
        }
      : {
          problem: `${field} "${text}": no subscription "${subscription}" on topic "${namespace}/${topic.name}" (declared: ${listed(names)})`,
        };
  }
  if ((queue ?? topic) && hub) {
    // Entries carry no service prefix, so the stack could not tell which of the two to grant on.
    return {
      problem: `${field} "${text}" is ambiguous: Service Bus namespace "${namespace}" declares "${(queue ?? topic)?.name}" and Event Hubs namespace "${namespace}" declares event hub "${hub.name}"; give one of the two namespaces another name in this file`,
    };
  }
  if (queue)
    return {
      target: {
        kind: "serviceBusQueue",
        namespace,
        entity: queue.name,
        reference: `${namespace}/${queue.name}`,
      },
    };
  if (topic) {
    if (direction === "receive") {
      const names = (topic.subscriptions ?? []).map((s) => s.name);
      return {
        problem: `${field} "${text}" is a topic, which is read through one of its subscriptions: write ${namespace}/${topic.name}/<subscription> (declared: ${listed(names)})`,
      };
    }
    return {
      target: {
        kind: "serviceBusTopic",
        namespace,
        entity: topic.name,
        reference: `${namespace}/${topic.name}`,
      },
    };
  }
  if (hub)
    return {
      target: { kind: "eventHub", namespace, entity: hub.name, reference: `${namespace}/${hub.name}` },
    };
  const names = [
    ...(sb?.queues ?? []).map((q) => q.name),
    ...(sb?.topics ?? []).map((t) => t.name),
    ...(eh?.hubs ?? []).map((h) => h.name),
  ];
  return {
    problem: `${field} "${text}": namespace "${namespace}" declares no queue, topic or event hub "${entity}" (declared: ${listed(names)})`,
  };
}
