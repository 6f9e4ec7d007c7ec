import type { Topology, TopologyEdge, TopologyNode } from "./graph";

/** What a change does to an environment's message flow: entities and connections added or removed. */
export interface TopologyChanges {
  /** The base branch had no such environment: everything is new. */
  readonly newEnvironment: boolean;
  readonly addedNodes: readonly TopologyNode[];
  readonly removedNodes: readonly TopologyNode[];
  readonly addedEdges: readonly TopologyEdge[];
  readonly removedEdges: readonly TopologyEdge[];
  /** Each node's label, from the head or (for removed nodes) the base. */
  readonly labels: ReadonlyMap<string, string>;
}

/** `orders-api → queue payments (send)`: a connection by the names a reviewer knows. */
export function describeEdge(edge: TopologyEdge, labels: ReadonlyMap<string, string>): string {
  return `${labels.get(edge.from) ?? edge.from} → ${labels.get(edge.to) ?? edge.to} (${edge.label})`;
}

const edgeKey = (e: TopologyEdge): string => `${e.from}\u0000${e.to}\u0000${e.label}`;

/** Compares the base branch's topology (absent for a new environment) with the head's. Linear in both. */
export function topologyChanges(base: Topology | undefined, head: Topology): TopologyChanges {
  const baseNodes = new Map((base?.nodes ?? []).map((n) => [n.id, n]));
  const headNodes = new Map(head.nodes.map((n) => [n.id, n]));
  const labels = new Map([...baseNodes.values(), ...headNodes.values()].map((n) => [n.id, n.label]));
  const baseEdges = new Set((base?.edges ?? []).map(edgeKey));
  const headEdges = new Set(head.edges.map(edgeKey));
  return {
    newEnvironment: base === undefined,
    addedNodes: head.nodes.filter((n) => !baseNodes.has(n.id)),
    removedNodes: (base?.nodes ?? []).filter((n) => !headNodes.has(n.id)),
    addedEdges: head.edges.filter((e) => !baseEdges.has(edgeKey(e))),
    removedEdges: (base?.edges ?? []).filter((e) => !headEdges.has(edgeKey(e))),
    labels,
  };
}

/**
 * The nodes of `head` a diagram of the change centres on: those declaring a touched reference
 * (`serviceBus/orders/payments`), every member of a touched namespace, the nearest node above a
 * touched thing that has none of its own (an IoT route is drawn as its hub's edge), and the ends
 * of every connection added or removed.
 */
export function changedNodes(
  head: Topology,
  touched: ReadonlySet<string>,
  changes: TopologyChanges,
): Set<string> {
  const nodesByRef = new Map<string, string[]>();
  const members = new Map<string, string[]>();
  const append = (map: Map<string, string[]>, key: string, id: string): void => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  for (const n of head.nodes) {
    if (n.ref !== undefined) append(nodesByRef, n.ref, n.id);
    if (n.group !== undefined) append(members, n.group, n.id);
  }
  const groupRefs = new Map(head.groups.map((group) => [group.ref, group.id]));

  const focus = new Set<string>();
  for (const ref of touched) {
    const group = groupRefs.get(ref);
    if (!nodesByRef.has(ref) && group !== undefined) {
      for (const id of members.get(group) ?? []) focus.add(id);
      continue;
    }
    let at: string | undefined = ref;
    while (at !== undefined && !nodesByRef.has(at)) {
      const slash = at.lastIndexOf("/");
      at = slash > 0 ? at.slice(0, slash) : undefined;
    }
    for (const id of at !== undefined ? (nodesByRef.get(at) ?? []) : []) focus.add(id);
  }
  const present = new Set(head.nodes.map((n) => n.id));
  for (const edge of [...changes.addedEdges, ...changes.removedEdges])
    for (const id of [edge.from, edge.to]) if (present.has(id)) focus.add(id);
  return focus;
}
