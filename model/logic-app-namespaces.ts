/**
 * The namespaces a logic app's `connections:` name, found in the environment file: a connection's
 * value is a namespace's name, or `serviceBus/<name>` / `eventHubs/<name>` where both services
 * declare that name. The semantic checks and the resolver read connections through here alone.
 */
import type { NamespaceContents } from "../azure/logic-app-rules";
import type { ConnectedService } from "../azure/logic-apps";
import type { EnvironmentSpec, EventHubsNamespaceSpec, ServiceBusNamespaceSpec } from "./spec";

export type ConnectedNamespaceSpec =
  | { readonly service: "serviceBus"; readonly index: number; readonly spec: ServiceBusNamespaceSpec }
  | { readonly service: "eventHubs"; readonly index: number; readonly spec: EventHubsNamespaceSpec };

export type ConnectionLookup =
  { readonly found: ConnectedNamespaceSpec } | { readonly missing: string } | { readonly ambiguous: string };

const services: readonly ConnectedService[] = ["serviceBus", "eventHubs"];

function findIn(
  spec: EnvironmentSpec,
  service: ConnectedService,
  name: string,
): ConnectedNamespaceSpec | undefined {
  if (service === "serviceBus") {
    const index = (spec.serviceBus ?? []).findIndex((ns) => ns.name === name);
    return index < 0 ? undefined : { service, index, spec: (spec.serviceBus ?? [])[index] };
  }
  const index = (spec.eventHubs ?? []).findIndex((ns) => ns.name === name);
  return index < 0 ? undefined : { service, index, spec: (spec.eventHubs ?? [])[index] };
}

/** The namespace a connection's value names. */
export function lookUpConnection(spec: EnvironmentSpec, value: string): ConnectionLookup {
  const slash = value.indexOf("/");
  if (slash > 0) {
    const service = value.slice(0, slash) as ConnectedService;
    const found = findIn(spec, service, value.slice(slash + 1));
    return found ? { found } : { missing: value.slice(slash + 1) };
  }
  const matches = services.flatMap((service) => {
    const found = findIn(spec, service, value);
    return found ? [found] : [];
  });
  if (matches.length === 1) return { found: matches[0] };
  return matches.length === 0 ? { missing: value } : { ambiguous: value };
}

/** The names of the queues, topics with their subscriptions, and hubs of a connected namespace. */
export function contentsOf(connected: ConnectedNamespaceSpec): NamespaceContents {
  if (connected.service === "serviceBus") {
    const ns = connected.spec;
    return {
      service: "serviceBus",
      name: ns.name,
      queues: (ns.queues ?? []).map((q) => q.name),
      topics: (ns.topics ?? []).map((t) => ({
        name: t.name,
        subscriptions: (t.subscriptions ?? []).map((s) => s.name),
      })),
      hubs: [],
    };
  }
  return {
    service: "eventHubs",
    name: connected.spec.name,
    queues: [],
    topics: [],
    hubs: (connected.spec.hubs ?? []).map((h) => h.name),
  };
}

/** Every declared connection of an app that names a namespace of the file, with that namespace's contents. */
export function connectionContents(
  spec: EnvironmentSpec,
  connections: Readonly<Record<string, string>> | undefined,
): Record<string, NamespaceContents | undefined> {
  const result: Record<string, NamespaceContents | undefined> = {};
  for (const [name, value] of Object.entries(connections ?? {})) {
    const lookup = lookUpConnection(spec, value);
    result[name] = "found" in lookup ? contentsOf(lookup.found) : undefined;
  }
  return result;
}
