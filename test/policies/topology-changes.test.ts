import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBaseModels } from "../../policies/engine/base-models";
import { renderTopologyChanges, topologyChanges } from "../../policies/topology/changes";
import type { Topology } from "../../policies/topology/graph";

const head: Topology = {
  environment: "prod",
  groups: [],
  nodes: [
    { id: "api", label: "orders-api", kind: "principal" },
    { id: "q1", label: "queue orders-inbound", kind: "queue", group: "sb" },
    { id: "q2", label: "queue payments", kind: "queue", group: "sb" },
  ],
  edges: [
    { from: "api", to: "q1", label: "send" },
    { from: "api", to: "q2", label: "send" },
  ],
};

const base: Topology = {
  ...head,
  nodes: [head.nodes[0], head.nodes[1], { id: "q3", label: "queue legacy", kind: "queue", group: "sb" }],
  edges: [head.edges[0], { from: "api", to: "q3", label: "send" }],
};

describe("topology changes in a pull request", () => {
  it("lists the entities a change adds and removes", () => {
    const changes = topologyChanges(base, head);
    expect(changes.addedNodes.map((n) => n.label)).toEqual(["queue payments"]);
    expect(changes.removedNodes.map((n) => n.label)).toEqual(["queue legacy"]);
  });

  it("describes new and removed connections by the names a reviewer knows", () => {
    const changes = topologyChanges(base, head);
    expect(changes.addedEdges).toEqual(["orders-api → queue payments (send)"]);
    expect(changes.removedEdges).toEqual(["orders-api → queue legacy (send)"]);
  });

  it("says so when nothing in the flow changed", () => {
    expect(renderTopologyChanges(topologyChanges(head, head))).toContain(
      "No change to entities or connections.",
    );
  });

  it("counts everything as new for an environment the base branch does not have", () => {
    expect(renderTopologyChanges(topologyChanges(undefined, head))).toContain(
      "New environment: 3 entities and 2 connections.",
    );
  });

  it("skips a base file this version cannot read, with a note, instead of failing the report", () => {
    const dir = mkdtempSync(join(tmpdir(), "base-envs-"));
    mkdirSync(join(dir, "environments"));
    writeFileSync(join(dir, "environments", "old.yaml"), "name: old\ntier: development\nlegacyField: 1\n");
    writeFileSync(
      join(dir, "environments", "dev.yaml"),
      readFileSync("test/fixtures/shared-examples/dev.yaml", "utf8"),
    );
    const notes: string[] = [];
    const models = loadBaseModels(join(dir, "environments"), new Date("2026-11-23"), (n) => notes.push(n));
    expect([...models.keys()]).toEqual(["dev"]);
    expect(notes).toEqual([expect.stringContaining("old.yaml could not be read with this version")]);
  });
});
