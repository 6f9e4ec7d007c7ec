import { diagnosticsInLog, renderFailure } from "../../policies/report/failure";
import { brokenRows, foreignTags, mentions } from "./support/markdown-checks";
import { HOSTILE } from "./support/review-fixtures";

const options = { failOn: "high" as const, color: false, rootDir: "." };

describe("the report that replaces the policy report when there is none", () => {
  it("reads the errors synthesis printed, as file, line, column, field and message", () => {
    const log = [
      "> npm run synth",
      'environments/dev.yaml:11:9  serviceBus[0].queues[0].maxDeliveryCont  unknown field "maxDeliveryCont"',
      "synthesis stopped: fix the errors above (nothing was written)",
    ].join("\n");
    expect(diagnosticsInLog(log)).toEqual([
      {
        file: "environments/dev.yaml",
        line: 11,
        column: 9,
        path: "serviceBus[0].queues[0].maxDeliveryCont",
        message: 'unknown field "maxDeliveryCont"',
      },
    ]);
  });

  it("lists every error at its file and line", () => {
    const report = renderFailure(
      {
        stage: "synthesis",
        errors: diagnosticsInLog("environments/prod.yaml:97:5  waivers[0].reason  too long\n"),
        detail: "synthesis stopped",
      },
      options,
      "comment",
    );
    expect(report).toContain("| environments/prod.yaml | 97 | 5 | waivers&#91;0&#93;.reason | too long |");
  });

  it("shows at most fifty errors in a comment and says how many more the log has", () => {
    const errors = Array.from({ length: 80 }, (_, i) => ({
      file: "environments/dev.yaml",
      line: i + 1,
      column: 1,
      path: "$",
      message: HOSTILE,
    }));
    const report = renderFailure({ stage: "validation", errors }, options, "comment");
    expect(report.match(/^\| environments\/dev\.yaml/gm)).toHaveLength(50);
    expect(report).toContain("_30 more errors not shown: see the job log._");
    expect(report.length).toBeLessThan(60_000);
  });

  it("quotes errors and logs without letting them steer the comment", () => {
    const report = renderFailure(
      {
        stage: "synthesis",
        errors: [{ file: HOSTILE, line: 1, column: 1, path: HOSTILE, message: HOSTILE }],
        detail: `${HOSTILE}\n</pre><!-- ${HOSTILE}`,
      },
      options,
      "comment",
    );
    expect([foreignTags(report), mentions(report), brokenRows(report)]).toEqual([[], [], []]);
    expect(report).not.toContain("<!--");
  });
});
