import type { NodeKind, Topology, TopologyNode } from "./graph";

function quoted(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

const SHAPES: Readonly<Record<NodeKind, string>> = {
  principal: "ellipse",
  site: "ellipse",
  devices: "ellipse",
  external: "cds",
  subscription: "box",
  consumerGroup: "box",
  eventSubscription: "box",
  queue: "box3d",
  topic: "box3d",
  hub: "box3d",
  eventGridTopic: "box3d",
  mqttBroker: "box3d",
  iotHub: "box3d",
  hybridConnection: "box3d",
  streamJob: "component",
  workflow: "component",
};

function node(n: TopologyNode, indent: string): string {
  return `${indent}${quoted(n.id)} [label=${quoted(n.label)}, shape=${SHAPES[n.kind]}];`;
}

/** The topology as Graphviz DOT, one cluster per namespace-like resource. */
export function renderDot(topology: Topology): string {
  const lines = [`digraph ${quoted(topology.environment)} {`, "  rankdir=LR;"];
  for (const group of topology.groups) {
    const members = topology.nodes.filter((n) => n.group === group.id);
    if (members.length === 0) continue;
    lines.push(`  subgraph ${quoted(`cluster_${group.id}`)} {`, `    label=${quoted(group.label)};`);
    for (const member of members) lines.push(node(member, "    "));
    lines.push("  }");
  }
  for (const loose of topology.nodes.filter((n) => n.group === undefined)) lines.push(node(loose, "  "));
  for (const edge of topology.edges)
    lines.push(`  ${quoted(edge.from)} -> ${quoted(edge.to)} [label=${quoted(edge.label)}];`);
  lines.push("}");
  return lines.join("\n");
}
