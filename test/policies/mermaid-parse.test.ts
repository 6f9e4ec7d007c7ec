import { renderComment } from "../../policies/report/bounded";
import { renderMarkdown } from "../../policies/report/markdown";
import { topologyOf } from "../../policies/topology/graph";
import { MERMAID_LIMITS, renderMermaid } from "../../policies/topology/mermaid";
import { parseMermaid, type ParseOutcome } from "../support/mermaid-parser";
import { changedEstate, estateOf5000 } from "./support/estate";
import { mermaidBlocks } from "./support/markdown-checks";
import { hostileProd, loadText, resultFor, shipped } from "./support/review-fixtures";

/*
 * Diagram validity is Mermaid's to judge: every diagram here goes through `mermaid.parse`, the
 * grammar and limits GitHub's renderer runs, in one child process (test/support/mermaid-parser.ts).
 */
const dev = loadText(shipped("dev"), "environments/dev.yaml");
const prod = loadText(shipped("prod"), "environments/prod.yaml");
const hostile = loadText(hostileProd(), "environments/prod.yaml");
const estate = estateOf5000();
const { heads, bases } = changedEstate(1);
const options = { failOn: "high" as const, color: false, rootDir: "." };

const diagrams: Readonly<Record<string, string>> = {
  "dev as shipped": renderMermaid(topologyOf(dev)).text,
  "prod as shipped": renderMermaid(topologyOf(prod)).text,
  "prod with hostile names and text": renderMermaid(topologyOf(hostile)).text,
  "a 5,000-entity estate, one box per namespace": renderMermaid(topologyOf(estate)).text,
  "the comment on a hostile pull request": mermaidBlocks(
    renderComment([resultFor(hostile)], { ...options, baseModels: new Map([["prod", prod]]) }),
  )[0],
  "a 5,000-entity change, centred on what changed": mermaidBlocks(
    renderMarkdown(
      heads.map((model) => resultFor(model)),
      { ...options, baseModels: bases },
    ),
  )[0],
};

/** 501 connections: one more than Mermaid draws. */
const tooMany = ["flowchart LR", ...Array.from({ length: 501 }, (_, i) => `  n${i} --> n${i + 1}`)].join(
  "\n",
);

const outcomes = new Map<string, ParseOutcome>();
beforeAll(() => {
  const names = Object.keys(diagrams);
  parseMermaid([...names.map((name) => diagrams[name]), tooMany]).forEach((outcome, i) =>
    outcomes.set(names[i] ?? "too many", outcome),
  );
}, 120_000);

describe("Mermaid parses every diagram", () => {
  it.each(Object.keys(diagrams))("%s", (name) => {
    expect(diagrams[name]).toBeDefined();
    expect(outcomes.get(name)).toEqual({ ok: true, type: "flowchart-v2", config: {} });
  });

  it("and refuses one beyond its edge limit, so the check above can fail", () => {
    expect(outcomes.get("too many")).toEqual({
      ok: false,
      error: expect.stringContaining("Edge limit exceeded"),
    });
  });

  it("from estates far beyond Mermaid's limits", () => {
    const whole = topologyOf(estate);
    expect(whole.edges.length).toBeGreaterThan(MERMAID_LIMITS.maxEdges * 10);
  });
});
