import {
  COMMENT_LIMIT,
  renderComment,
  renderSummary,
  SUMMARY_LIMIT_BYTES,
} from "../../policies/report/bounded";
import { renderMarkdown } from "../../policies/report/markdown";
import type { ReportOptions } from "../../policies/report/report-options";
import { MERMAID_LIMITS } from "../../policies/topology/mermaid";
import { changedEstate } from "./support/estate";
import { brokenRows, mermaidBlocks, unbalancedDetails } from "./support/markdown-checks";
import { finding, HOSTILE, loadText, resultFor, shipped } from "./support/review-fixtures";

const RUN = "https://github.com/contoso/messaging-infra/actions/runs/4242";
const edges = (diagram: string): number => (diagram.match(/ -->\|/g) ?? []).length;

describe("a report of 5,000-entity environments", () => {
  // Four environments of about 5,000 entities each, with thousands of changes, and in each a
  // finding per queue quoting hostile text: as large as a pull request's report gets.
  const { heads, bases } = changedEstate(4);
  const options: ReportOptions = {
    failOn: "high",
    color: false,
    rootDir: ".",
    baseModels: bases,
    runUrl: RUN,
  };
  const results = heads.map((model) =>
    resultFor(
      model,
      model.serviceBus.flatMap((ns) =>
        ns.queues.map((q) => finding(`serviceBus/${ns.name}/${q.name}`, HOSTILE)),
      ),
    ),
  );
  const comment = renderComment(results, options);
  const summary = renderSummary(results, options);
  const complete = renderMarkdown(results, options);

  it("posts a comment of at most 60,000 characters", () => {
    expect(results.reduce((n, r) => n + r.findings.length, 0)).toBeGreaterThanOrEqual(5000);
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
  });

  it("says in the comment what it left out and where all of it is", () => {
    expect(comment).toMatch(
      /_\d+ more (open findings|changed settings) not shown: see the complete report in the \[job summary\]/,
    );
  });

  it("keeps the job summary under GitHub's 1 MiB", () => {
    expect(Buffer.byteLength(summary, "utf8")).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
  });

  it("keeps everything in the complete report", () => {
    expect(complete).not.toMatch(/not shown/);
    expect(complete.match(/\| high \| <code>SB-LOCAL-AUTH<\/code>/g)).toHaveLength(
      results.reduce((n, r) => n + r.findings.length, 0),
    );
  });

  // One environment leaves the comment room for its diagram; four crowd it out (it says where they are).
  const single = renderComment(results.slice(0, 1), options);

  it("leaves the diagram out of a comment that has no room for it, saying where it is", () => {
    expect(mermaidBlocks(comment)).toEqual([]);
    expect(comment).toMatch(
      /Not drawn here to keep this short: see the complete report in the \[job summary\]/,
    );
  });

  it.each([
    ["comment on one environment", single],
    ["summary", summary],
    ["complete report", complete],
  ])("draws every diagram of the %s within Mermaid's limits, saying it is abridged", (_name, report) => {
    const diagrams = mermaidBlocks(report);
    expect(diagrams.length).toBeGreaterThan(0);
    for (const diagram of diagrams) {
      expect(edges(diagram)).toBeLessThanOrEqual(MERMAID_LIMITS.maxEdges);
      expect(diagram.length).toBeLessThanOrEqual(MERMAID_LIMITS.maxChars);
    }
    expect(
      report.match(
        /\*\*Abridged\*\*: what this pull request changes \(highlighted\) and everything one connection away/g,
      ),
    ).toHaveLength(diagrams.length);
  });

  it("keeps the comment's tables and sections whole", () => {
    expect([brokenRows(comment), unbalancedDetails(comment)]).toEqual([[], 0]);
  });
});

describe("a comment for many environments", () => {
  const dev = loadText(shipped("dev"), "environments/dev.yaml");
  const results = Array.from({ length: 400 }, (_, i) =>
    resultFor({ ...dev, name: `${HOSTILE.slice(0, 40)}-${i}` }, [finding("serviceBus/orders", HOSTILE)]),
  );
  const comment = renderComment(results, { failOn: "high", color: false, rootDir: ".", runUrl: RUN });

  it("still fits in 60,000 characters", () => {
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
  });

  it("says how many environments it left out and where they are", () => {
    expect(comment).toMatch(
      /_\d+ more environments not shown: see the complete report in the \[job summary\]/,
    );
  });
});
