import type { NodeKind, Topology, TopologyNode } from "./graph";

function text(label: string): string {
  return `"${label.replace(/"/g, "#quot;")}"`;
}

const SHAPES: Readonly<Record<NodeKind, readonly [string, string]>> = {
  principal: ["([", "])"],
  site: ["([", "])"],
  devices: ["([", "])"],
  external: [">", "]"],
  subscription: ["(", ")"],
  consumerGroup: ["(", ")"],
  eventSubscription: ["(", ")"],
  queue: ["[", "]"],
  topic: ["[", "]"],
  hub: ["[", "]"],
  eventGridTopic: ["[", "]"],
  mqttBroker: ["[", "]"],
  iotHub: ["[", "]"],
  hybridConnection: ["[", "]"],
};

function node(n: TopologyNode): string {
  const [open, close] = SHAPES[n.kind];
  return `${n.id}${open}${text(n.label)}${close}`;
}

/** The topology as a Mermaid flowchart (renders in GitHub comments and Markdown files). */
export function renderMermaid(topology: Topology): string {
  const lines = ["flowchart LR"];
  for (const group of topology.groups) {
    const members = topology.nodes.filter((n) => n.group === group.id);
    if (members.length === 0) continue;
    lines.push(`  subgraph ${group.id}[${text(group.label)}]`);
    for (const member of members) lines.push(`    ${node(member)}`);
    lines.push("  end");
  }
  for (const loose of topology.nodes.filter((n) => n.group === undefined)) lines.push(`  ${node(loose)}`);
  for (const edge of topology.edges) lines.push(`  ${edge.from} -->|${text(edge.label)}| ${edge.to}`);
  return lines.join("\n");
}
