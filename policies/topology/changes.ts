import type { Topology, TopologyEdge, TopologyNode } from "./graph";

/** What a change does to an environment's message flow: entities and connections added or removed. */
export interface TopologyChanges {
  /** The base branch had no such environment: everything is new. */
  readonly newEnvironment: boolean;
  readonly addedNodes: readonly TopologyNode[];
  readonly removedNodes: readonly TopologyNode[];
  readonly addedEdges: readonly string[];
  readonly removedEdges: readonly string[];
}

function describeEdge(edge: TopologyEdge, labels: ReadonlyMap<string, string>): string {
  return `${labels.get(edge.from) ?? edge.from} → ${labels.get(edge.to) ?? edge.to} (${edge.label})`;
}

/** Compares the base branch's topology (absent for a new environment) with the head's. Linear in both. */
export function topologyChanges(base: Topology | undefined, head: Topology): TopologyChanges {
  const baseNodes = new Map((base?.nodes ?? []).map((n) => [n.id, n]));
  const headNodes = new Map(head.nodes.map((n) => [n.id, n]));
  const labels = new Map([...baseNodes.values(), ...headNodes.values()].map((n) => [n.id, `${n.label}`]));
  const edgeKey = (e: TopologyEdge) => `${e.from}\u0000${e.to}\u0000${e.label}`;
  const baseEdges = new Map((base?.edges ?? []).map((e) => [edgeKey(e), e]));
  const headEdges = new Map(head.edges.map((e) => [edgeKey(e), e]));
  return {
    newEnvironment: base === undefined,
    addedNodes: head.nodes.filter((n) => !baseNodes.has(n.id)),
    removedNodes: (base?.nodes ?? []).filter((n) => !headNodes.has(n.id)),
    addedEdges: head.edges.filter((e) => !baseEdges.has(edgeKey(e))).map((e) => describeEdge(e, labels)),
    removedEdges: (base?.edges ?? [])
      .filter((e) => !headEdges.has(edgeKey(e)))
      .map((e) => describeEdge(e, labels)),
  };
}

/** The Markdown section a reviewer reads first: what this pull request changes in the flow. */
export function renderTopologyChanges(changes: TopologyChanges): string[] {
  const lines = ["#### Topology changes", ""];
  if (changes.newEnvironment) {
    lines.push(
      `New environment: ${changes.addedNodes.length} entities and ${changes.addedEdges.length} connections.`,
      "",
    );
    return lines;
  }
  const total =
    changes.addedNodes.length +
    changes.removedNodes.length +
    changes.addedEdges.length +
    changes.removedEdges.length;
  if (total === 0) {
    lines.push("No change to entities or connections.", "");
    return lines;
  }
  const list = (title: string, items: readonly string[]) => {
    if (items.length === 0) return;
    lines.push(`**${title}**`, "", ...items.map((item) => `- ${item}`), "");
  };
  list(
    "Added",
    changes.addedNodes.map((n) => `${n.label}`),
  );
  list(
    "Removed",
    changes.removedNodes.map((n) => `${n.label}`),
  );
  list("New connections", changes.addedEdges);
  list("Removed connections", changes.removedEdges);
  return lines;
}
