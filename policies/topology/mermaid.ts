import { clip, singleLine } from "../report/markdown-text";
import type { NodeKind, Topology, TopologyEdge, TopologyNode } from "./graph";

/**
 * What Mermaid draws at most with its default configuration, which GitHub uses and a diagram
 * cannot change: `maxEdges` (500; the 501st edge fails with "Edge limit exceeded") and
 * `maxTextSize` (50,000 characters), both from mermaid's `defaultConfig`.
 */
export const MERMAID_LIMITS = { maxEdges: 500, maxChars: 50_000 } as const;

export interface MermaidOptions {
  /**
   * Node IDs to highlight and, when the whole topology is too large, to centre the diagram on
   * (what a pull request changes).
   * @default - nothing is highlighted, and a topology too large is drawn as one box per namespace
   */
  readonly focus?: ReadonlySet<string>;
  /** @default - Mermaid's limit, 500 */
  readonly maxEdges?: number;
  /** @default - Mermaid's limit, 50,000 characters */
  readonly maxChars?: number;
}

/** How a diagram was cut down to fit, for the sentence that says so next to it. */
export interface Abridgement {
  /**
   * `neighbourhood`: the focus nodes and the nodes one connection away; `overview`: one box per
   * namespace, with the connections between them.
   */
  readonly view: "neighbourhood" | "overview";
  readonly shownNodes: number;
  readonly totalNodes: number;
  readonly shownEdges: number;
  readonly totalEdges: number;
  /** Some connections of the view itself were left out to stay within the limits. */
  readonly truncated: boolean;
}

export interface MermaidDiagram {
  readonly text: string;
  readonly edges: number;
  /** Absent when the diagram shows the whole topology. */
  readonly abridged?: Abridgement;
}

/**
 * A label as a Mermaid string: no character of it can end the string, start a directive (`%%`),
 * a Markdown string (backticks) or a code fence, inject HTML or read as a mention. Mermaid turns
 * `#123;` back into the character when it draws.
 */
export function mermaidText(label: string, limit = 120): string {
  const clipped = clip(singleLine(label), limit);
  const escaped = clipped.replace(/[#"<>&`%|\\{}@]/g, (c) => `#${c.charCodeAt(0)};`);
  return `"${escaped}"`;
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
  streamJob: ["[[", "]]"],
  workflow: ["[[", "]]"],
};

function node(n: TopologyNode): string {
  const [open, close] = SHAPES[n.kind];
  return `${n.id}${open}${mermaidText(n.label)}${close}`;
}

/** The nodes and edges one drawing shows. */
interface View {
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
}

function draw(topology: Topology, view: View, highlight: ReadonlySet<string>): string {
  const lines = ["flowchart LR"];
  const members = new Map<string, TopologyNode[]>();
  const loose: TopologyNode[] = [];
  for (const n of view.nodes) {
    if (n.group === undefined) loose.push(n);
    else {
      const list = members.get(n.group);
      if (list) list.push(n);
      else members.set(n.group, [n]);
    }
  }
  for (const group of topology.groups) {
    const inside = members.get(group.id);
    if (!inside) continue;
    lines.push(`  subgraph ${group.id}[${mermaidText(group.label)}]`);
    for (const member of inside) lines.push(`    ${node(member)}`);
    lines.push("  end");
  }
  for (const n of loose) lines.push(`  ${node(n)}`);
  for (const edge of view.edges) lines.push(`  ${edge.from} -->|${mermaidText(edge.label)}| ${edge.to}`);
  const marked = view.nodes.filter((n) => highlight.has(n.id)).map((n) => n.id);
  if (marked.length > 0) {
    lines.push("  classDef changed stroke:#d4a72c,stroke-width:4px;");
    lines.push(`  class ${marked.join(",")} changed;`);
  }
  return lines.join("\n");
}

/** Every node an edge of the view reaches, and the view's own nodes, once each, in topology order. */
function closeView(topology: Topology, nodeIds: ReadonlySet<string>, edges: readonly TopologyEdge[]): View {
  const wanted = new Set(nodeIds);
  for (const edge of edges) {
    wanted.add(edge.from);
    wanted.add(edge.to);
  }
  return { nodes: topology.nodes.filter((n) => wanted.has(n.id)), edges };
}

interface Limits {
  readonly maxEdges: number;
  readonly maxChars: number;
}

const fits = (text: string, edges: number, limits: Limits): boolean =>
  edges <= limits.maxEdges && text.length <= limits.maxChars;

/**
 * The longest prefix of `items` (each an edge or a lone node) whose drawing fits, found by
 * bisection: drawings grow with every item, so the first that does not fit ends the search.
 */
function largestFitting(
  topology: Topology,
  items: readonly (TopologyEdge | TopologyNode)[],
  highlight: ReadonlySet<string>,
  limits: Limits,
): { text: string; view: View } {
  const viewOf = (count: number): View => {
    const chosen = items.slice(0, count);
    const edges = chosen.filter((item): item is TopologyEdge => "from" in item);
    const nodes = new Set(chosen.filter((item): item is TopologyNode => "id" in item).map((n) => n.id));
    return closeView(topology, nodes, edges);
  };
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const view = viewOf(middle);
    if (fits(draw(topology, view, highlight), view.edges.length, limits)) low = middle;
    else high = middle - 1;
  }
  const view = viewOf(low);
  return { text: draw(topology, view, highlight), view };
}

/** The focus nodes, every node one connection away, and the connections that touch a focus node. */
function neighbourhood(topology: Topology, focus: ReadonlySet<string>): (TopologyEdge | TopologyNode)[] {
  const touching = topology.edges.filter((e) => focus.has(e.from) || focus.has(e.to));
  const connected = new Set(touching.flatMap((e) => [e.from, e.to]));
  const lone = topology.nodes.filter((n) => focus.has(n.id) && !connected.has(n.id));
  return [...lone, ...touching];
}

/** One box per namespace-like group (with its entity count); connections inside a group are left out. */
function overview(
  topology: Topology,
  focus: ReadonlySet<string>,
): { topology: Topology; focus: Set<string>; boxes: readonly TopologyNode[] } {
  const counts = new Map<string, number>();
  for (const n of topology.nodes) if (n.group) counts.set(n.group, (counts.get(n.group) ?? 0) + 1);
  const boxes: TopologyNode[] = topology.groups
    .filter((group) => counts.has(group.id))
    .map((group) => ({
      id: group.id,
      label: `${group.label} (${counts.get(group.id)} entities)`,
      kind: "queue",
      ref: group.ref,
    }));
  const boxOf = (id: string, groupOf: ReadonlyMap<string, string | undefined>): string =>
    groupOf.get(id) ?? id;
  const groupOf = new Map(topology.nodes.map((n) => [n.id, n.group]));
  const tally = new Map<string, { edge: TopologyEdge; count: number }>();
  for (const edge of topology.edges) {
    const from = boxOf(edge.from, groupOf);
    const to = boxOf(edge.to, groupOf);
    if (from === to) continue;
    const key = `${from}\u0000${to}\u0000${edge.label}`;
    const seen = tally.get(key);
    if (seen) seen.count += 1;
    else tally.set(key, { edge: { from, to, label: edge.label }, count: 1 });
  }
  const edges = [...tally.values()].map(({ edge, count }) =>
    count === 1 ? edge : { ...edge, label: `${edge.label} ×${count}` },
  );
  const loose = topology.nodes.filter((n) => n.group === undefined);
  const boxFocus = new Set([...focus].map((id) => boxOf(id, groupOf)));
  return {
    topology: { environment: topology.environment, groups: [], nodes: [...boxes, ...loose], edges },
    focus: boxFocus,
    boxes,
  };
}

/**
 * The topology as a Mermaid flowchart (renders in GitHub comments and Markdown files), always
 * within Mermaid's limits. When the whole topology does not fit, the diagram shows what `focus`
 * names plus one connection around it, or, without a focus, one box per namespace; if even that
 * is too large, it keeps as many connections as fit. `abridged` says which.
 */
export function renderMermaid(topology: Topology, options: MermaidOptions = {}): MermaidDiagram {
  const limits = {
    maxEdges: Math.min(options.maxEdges ?? MERMAID_LIMITS.maxEdges, MERMAID_LIMITS.maxEdges),
    maxChars: Math.min(options.maxChars ?? MERMAID_LIMITS.maxChars, MERMAID_LIMITS.maxChars),
  };
  const focus = options.focus ?? new Set<string>();
  const whole = draw(topology, topology, focus);
  if (fits(whole, topology.edges.length, limits)) return { text: whole, edges: topology.edges.length };

  const items = focus.size > 0 ? neighbourhood(topology, focus) : [];
  const [source, highlight, mode, candidates] =
    items.length > 0
      ? [topology, focus, "neighbourhood" as const, items]
      : (() => {
          const collapsed = overview(topology, focus);
          return [
            collapsed.topology,
            collapsed.focus,
            "overview" as const,
            [...collapsed.boxes, ...collapsed.topology.edges],
          ];
        })();
  const fitted = largestFitting(source, candidates, highlight, limits);
  const complete = candidates.filter((item) => "from" in item).length;
  return {
    text: fitted.text,
    edges: fitted.view.edges.length,
    abridged: {
      view: mode,
      shownNodes: fitted.view.nodes.length,
      totalNodes: topology.nodes.length,
      shownEdges: fitted.view.edges.length,
      totalEdges: topology.edges.length,
      truncated: fitted.view.edges.length < complete,
    },
  };
}
