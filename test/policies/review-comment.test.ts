import { COMMENT_MARKER, renderComment, renderSummary } from "../../policies/report/bounded";
import { renderMarkdown } from "../../policies/report/markdown";
import type { ReportOptions } from "../../policies/report/report-options";
import {
  brokenRows,
  foreignTags,
  htmlComments,
  mentions,
  unbalancedDetails,
} from "./support/markdown-checks";
import { HOSTILE, hostileProd, loadText, resultFor, shipped } from "./support/review-fixtures";

const dev = loadText(shipped("dev"), "environments/dev.yaml");
const prod = loadText(shipped("prod"), "environments/prod.yaml");
const RUN = "https://github.com/contoso/messaging-infra/actions/runs/4242";
const base = new Map([
  ["dev", dev],
  ["prod", prod],
]);
const options: ReportOptions = { failOn: "high", color: false, rootDir: ".", baseModels: base, runUrl: RUN };

/** Prod with sessions turned on for a queue: the change the issue saw reported as "no change". */
const sessionsOn = loadText(
  shipped("prod").replace("      - name: payments\n", "      - name: payments\n        sessions: true\n"),
  "environments/prod.yaml",
);

describe("the pull-request comment", () => {
  const comment = renderComment([resultFor(dev), resultFor(sessionsOn)], options);

  it("starts with its marker, then the summary table, before any environment's details", () => {
    const lines = comment.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      COMMENT_MARKER,
      "## Policy report",
      "",
      "| Environment | Tier | This pull request | Rules | Critical | High | Medium | Low | Waived | Result |",
    ]);
    expect(comment.indexOf("| prod |")).toBeLessThan(comment.indexOf("<details"));
  });

  it("puts an environment the pull request changes in a <details> block", () => {
    expect(comment).toMatch(
      /<details open><summary><b>prod<\/b> · production · 1 change, ⚠️ 1 loses data · ✅ pass<\/summary>/,
    );
  });

  it("gives an environment the pull request does not change one line", () => {
    expect(comment).not.toContain("<b>dev</b>");
    expect(comment.split("\n").filter((line) => line.includes("**dev**"))).toEqual([
      "- **dev** (development): unchanged · ✅ pass · 0 open findings, 0 waived",
    ]);
  });

  it("shows sessions on a queue as a replacement that loses its messages", () => {
    expect(comment).toContain(
      "| queue <code>serviceBus/orders/payments</code> | <code>sessions</code> | false | true | ⚠️ **replaces the queue** (`requires_session` cannot change in place); loses the queue&#39;s messages, including scheduled and dead-lettered ones |",
    );
  });

  it("links the job summary and the artifact that hold the complete report", () => {
    expect(comment).toContain(`[job summary](${RUN})`);
    expect(comment).toContain(`[\`policy-report\` artifact](${RUN}#artifacts)`);
  });

  it("links nothing when the run URL is not an https URL of its own", () => {
    const forged = renderComment([resultFor(sessionsOn)], {
      ...options,
      runUrl: "javascript:alert(1)//https://github.com/x) [click](https://evil.example",
    });
    expect(forged).not.toMatch(/javascript|evil/);
    expect(forged).toContain("<code>npm run policy -- --format markdown</code>");
  });

  it("highlights the changed queue in the diagram", () => {
    expect(comment).toMatch(/\n {2}class ([\w,]*,)?sb__orders__payments(,[\w,]*)? changed;\n/);
  });
});

describe("the job summary and the complete report", () => {
  const results = [resultFor(dev), resultFor(sessionsOn)];

  it("give every environment in full, with its connection catalog", () => {
    for (const report of [renderSummary(results, options), renderMarkdown(results, options)]) {
      expect(report.match(/<details open>/g)).toHaveLength(2);
      expect(
        report.match(/#### Connection catalog\n\n\| Resource \| Azure name \| Endpoints \|/g),
      ).toHaveLength(2);
    }
  });
});

describe("quoted text cannot steer a report", () => {
  const head = loadText(hostileProd(), "environments/prod.yaml");
  const results = [resultFor(dev), resultFor(head)];
  const reports = {
    comment: renderComment(results, options),
    summary: renderSummary(results, options),
    complete: renderMarkdown(results, options),
  };
  const cases = Object.entries(reports);

  it("quotes hostile text from every free-text field (the fixture reaches the report)", () => {
    expect(reports.complete.match(/x &lt;&#33;-- hidden --&gt;/g)?.length).toBeGreaterThan(10);
    expect(HOSTILE).toContain("<!--");
  });

  it.each(cases)("the %s holds no HTML but its own", (_name, report) => {
    expect(foreignTags(report)).toEqual([]);
  });

  it.each(cases)("the %s opens no HTML comment that could hide the rest", (_name, report) => {
    expect(htmlComments(report)).toEqual([]);
  });

  it.each(cases)("the %s pings nobody", (_name, report) => {
    expect(mentions(report)).toEqual([]);
  });

  it.each(cases)("the %s keeps every table row to its table's cells", (_name, report) => {
    expect(brokenRows(report)).toEqual([]);
  });

  it.each(cases)("the %s closes every <details> it opens", (_name, report) => {
    expect(unbalancedDetails(report)).toBe(0);
  });
});
