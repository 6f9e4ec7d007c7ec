import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Recommendation } from "../../policies/capacity/recommendations";
import { capacityRecommendations } from "../../policies/capacity/recommendations";
import type { EnvironmentResult } from "../../policies/engine/finding";
import { COMMENT_LIMIT, renderComment } from "../../policies/report/bounded";
import { renderJson } from "../../policies/report/json";
import { renderMarkdown } from "../../policies/report/markdown";
import type { ReportOptions } from "../../policies/report/report-options";
import { renderText } from "../../policies/report/text";
import {
  brokenRows,
  foreignTags,
  htmlComments,
  mentions,
  unbalancedDetails,
} from "./support/markdown-checks";
import { HOSTILE, loadText, resultFor } from "./support/review-fixtures";

const options: ReportOptions = { failOn: "high", color: false, rootDir: process.cwd() };
const prodFile = join(__dirname, "..", "fixtures", "capacity", "prod.yaml");
const prod = loadText(readFileSync(prodFile, "utf8"), "environments/prod.yaml");
const withRecommendations = (recommendations: readonly Recommendation[]): EnvironmentResult => ({
  ...resultFor(prod),
  recommendations,
});
const hostile = (i: number): Recommendation => ({
  resource: `eventHubs/${HOSTILE}${i}`,
  source: { file: "environments/prod.yaml", line: 10 + i, column: 5, pointer: "/eventHubs/0" },
  message: `capacity 9 throughput units for ${HOSTILE} ${"x".repeat(400)}`,
});

describe("capacity recommendations in the policy report", () => {
  const computed = withRecommendations(capacityRecommendations(prod));

  it("shows them inside the environment's details block, after its findings", () => {
    const report = renderMarkdown([computed], options);
    const section = report.slice(report.indexOf("#### Capacity recommendations"));
    expect(report.indexOf("#### Findings")).toBeLessThan(report.indexOf("#### Capacity recommendations"));
    expect(report.indexOf("<details")).toBeLessThan(report.indexOf("#### Capacity recommendations"));
    expect(section.indexOf("</details>")).toBeGreaterThan(0);
    expect(section).toMatch(/\| eventHubs\/telemetry\/device-telemetry \| prod\.yaml:\d+ \| 16 partitions/);
    expect(section).toContain("16 partitions, while the declared peak load needs 3 partitions");
  });

  it("says so when nothing is over-provisioned, and shows nothing where none were computed", () => {
    expect(renderMarkdown([withRecommendations([])], options)).toContain(
      "No over-provisioning against the declared load (`throughput:`).",
    );
    expect(renderMarkdown([resultFor(prod)], options)).not.toContain("Capacity recommendations");
  });

  it("escapes resource names and messages from the environment file", () => {
    const report = renderMarkdown([withRecommendations([hostile(1), hostile(2)])], options);
    expect(foreignTags(report)).toEqual([]);
    expect(htmlComments(report)).toEqual([]);
    expect(mentions(report)).toEqual([]);
    expect(brokenRows(report)).toEqual([]);
    expect(unbalancedDetails(report)).toBe(0);
  });

  it("keeps the pull-request comment within its bound however many there are", () => {
    const many = Array.from({ length: 3000 }, (_, i) => hostile(i));
    const comment = renderComment([withRecommendations(many)], options);
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(comment).toMatch(/_\d+ more capacity recommendations not shown: see /);
    expect(unbalancedDetails(comment)).toBe(0);
  });

  it("lists them in the terminal report and the JSON report", () => {
    const text = renderText([computed], options);
    expect(text).toContain("  RECOMMENDATIONS\n    eventHubs/telemetry/device-telemetry  prod.yaml:");
    const json = JSON.parse(renderJson([computed], [], options)) as {
      environments: { recommendations: Recommendation[] }[];
    };
    expect(json.environments[0].recommendations.map((r) => r.resource)).toEqual([
      "eventHubs/telemetry/device-telemetry",
    ]);
  });
});
