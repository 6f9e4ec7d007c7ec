import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBaseModels } from "../../policies/engine/base-models";
import { changedNodes, describeEdge, topologyChanges } from "../../policies/topology/changes";
import type { Topology } from "../../policies/topology/graph";

const head: Topology = {
  environment: "prod",
  groups: [{ id: "sb", label: "Service Bus orders", ref: "serviceBus/orders" }],
  nodes: [
    { id: "api", label: "orders-api", kind: "principal", ref: "principals/orders-api" },
    {
      id: "q1",
      label: "queue orders-inbound",
      kind: "queue",
      group: "sb",
      ref: "serviceBus/orders/orders-inbound",
    },
    { id: "q2", label: "queue payments", kind: "queue", group: "sb", ref: "serviceBus/orders/payments" },
    { id: "hub", label: "IoT hub plants", kind: "iotHub", ref: "iotHub/plants" },
  ],
  edges: [
    { from: "api", to: "q1", label: "send" },
    { from: "api", to: "q2", label: "send" },
  ],
};

const base: Topology = {
  ...head,
  nodes: [
    head.nodes[0],
    head.nodes[1],
    { id: "q3", label: "queue legacy", kind: "queue", group: "sb", ref: "serviceBus/orders/legacy" },
    head.nodes[3],
  ],
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
    expect(changes.addedEdges.map((e) => describeEdge(e, changes.labels))).toEqual([
      "orders-api → queue payments (send)",
    ]);
    expect(changes.removedEdges.map((e) => describeEdge(e, changes.labels))).toEqual([
      "orders-api → queue legacy (send)",
    ]);
  });

  it("finds no change when the flow is the same", () => {
    const changes = topologyChanges(head, head);
    expect([changes.addedNodes, changes.removedNodes, changes.addedEdges, changes.removedEdges]).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });

  it("counts everything as new for an environment the base branch does not have", () => {
    const changes = topologyChanges(undefined, head);
    expect([changes.newEnvironment, changes.addedNodes.length, changes.addedEdges.length]).toEqual([
      true,
      4,
      2,
    ]);
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
    // The definition dev.yaml's logic app names lives beside it.
    cpSync("test/fixtures/shared-examples/workflows", join(dir, "environments", "workflows"), {
      recursive: true,
    });
    const models = loadBaseModels(join(dir, "environments"), new Date("2026-11-23"), (n) => notes.push(n));
    expect([...models.keys()]).toEqual(["dev"]);
    expect(notes).toEqual([expect.stringContaining("old.yaml could not be read with this version")]);
  });
});

describe("the nodes a diagram of the change centres on", () => {
  const none = topologyChanges(head, head);

  it("are the nodes of the entities the pull request touches", () => {
    expect([...changedNodes(head, new Set(["serviceBus/orders/payments"]), none)]).toEqual(["q2"]);
  });

  it("are every member of a namespace whose own settings changed", () => {
    expect([...changedNodes(head, new Set(["serviceBus/orders"]), none)]).toEqual(["q1", "q2"]);
  });

  it("are the nearest node above a touched thing drawn as an edge, such as an IoT route", () => {
    expect([...changedNodes(head, new Set(["iotHub/plants/alarms"]), none)]).toEqual(["hub"]);
  });

  it("include both ends of a connection the pull request adds", () => {
    expect([...changedNodes(head, new Set(), topologyChanges(base, head))].sort()).toEqual(["api", "q2"]);
  });

  it("leave out an entity that no longer exists, rather than its whole namespace", () => {
    expect([...changedNodes(head, new Set(["serviceBus/orders/legacy"]), none)]).toEqual([]);
  });
});
