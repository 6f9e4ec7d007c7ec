/**
 * The scheduled drift check (.github/workflows/drift.yml): its shape, the smoke step's exit codes
 * under bash, the issue it writes from the smoke JSON, and the github-script step that opens,
 * updates or closes one issue per environment, run against a recording stand-in for GitHub's API.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { driftIssueMain } from "../../scripts/drift/cli";
import { driftIssue, type DriftIssue } from "../../scripts/drift/issue";
import { code, inertText } from "../../scripts/drift/markdown";
import type { SmokeSummary } from "../../scripts/smoke/results";
import { job, runGithubScript, runShell, step, workflow, type ApiCall } from "./helpers/workflow";

const drift = workflow(".github/workflows/drift.yml");
const check = job(drift, "drift");
const runUrl = "https://github.com/contoso/messaging-infra/actions/runs/4242";

const clean: SmokeSummary = {
  environment: "prod",
  passed: 12,
  drift: 0,
  missing: 0,
  unmanaged: 0,
  errors: 0,
  results: [{ status: "passed", resource: "serviceBus/orders" }],
};

const drifted: SmokeSummary = {
  environment: "prod",
  passed: 10,
  drift: 1,
  missing: 1,
  unmanaged: 1,
  errors: 0,
  results: [
    { status: "missing", resource: "eventHubs/telemetry/hubs/device-telemetry" },
    {
      status: "drift",
      resource: "serviceBus/orders/queues/orders-inbound",
      property: "maxDeliveryCount",
      expected: 10,
      actual: 3,
    },
    { status: "unmanaged", resource: "serviceBus/orders/queues/scratch" },
  ],
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "drift-"));
  dirs.push(dir);
  return dir;
};

describe("drift workflow", () => {
  it("runs on a schedule and on demand", () => {
    expect(Object.keys(drift.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    expect(drift.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) }]);
  });

  it("checks every environment of the deploy matrix, each on its own runners, each to its own verdict", () => {
    expect(step(job(drift, "environments").steps, "Environments").run).toContain(
      "npm run --silent deploy-matrix",
    );
    expect(check.strategy?.matrix).toEqual({
      environment: "${{ fromJSON(needs.environments.outputs.environments) }}",
    });
    expect(check["runs-on"]).toBe("${{ matrix.environment.runsOn }}");
    expect(check.strategy?.["fail-fast"]).toBe(false);
  });

  it("signs in as the environment's plan identity, outside any GitHub environment that would wait for reviewers", () => {
    expect(check.environment).toBeUndefined();
    const login = check.steps.find((s) => s.uses?.startsWith("azure/login@"));
    expect(login?.with?.["client-id"]).toBe(
      "${{ vars[matrix.environment.planClientIdVariable] || vars.AZURE_CLIENT_ID }}",
    );
    expect(check.permissions).toEqual({ "id-token": "write", contents: "read", issues: "write" });
  });

  it("compares Azure with the file through the smoke tests, as JSON", () => {
    expect(step(check.steps, "Compare Azure with the environment file").run).toContain(
      'npm run --silent smoke -- --env "$ENVIRONMENT" --format json > smoke.json',
    );
  });
});

describe("the smoke step", () => {
  const script = String(step(check.steps, "Compare Azure with the environment file").run);
  const smokeExiting = (exit: number) => ({
    cwd: tempDir(),
    env: { ENVIRONMENT: "prod" },
    commands: { npm: `echo '{"environment":"prod"}'\nexit ${exit}` },
  });

  it("passes on a clean environment and says so to the next steps", () => {
    const run = runShell(script, smokeExiting(0));
    expect([run.status, run.outputs["exit-code"]]).toEqual([0, "0"]);
  });

  it("goes on to write the issue when the environment drifted", () => {
    const run = runShell(script, smokeExiting(1));
    expect([run.status, run.outputs["exit-code"]]).toEqual([0, "1"]);
  });

  it("fails the job when the check could not run, leaving the issue as it is", () => {
    const run = runShell(script, smokeExiting(2));
    expect(run.status).toBe(2);
    expect(run.stdout).toContain("::error::the drift check of prod could not run (exit 2)");
  });
});

describe("the drift issue", () => {
  it("lists what drifted and what is missing, then what Azure holds beyond the file", () => {
    const issue = driftIssue(drifted, runUrl);
    expect(issue.title).toBe("Drift in prod");
    expect(issue.drifted).toBe(true);
    expect(issue.body).toContain(
      "| drift | <code>serviceBus/orders/queues/orders-inbound</code> | <code>maxDeliveryCount</code> | <code>10</code> | <code>3</code> |",
    );
    expect(issue.body.indexOf("| drift |")).toBeLessThan(issue.body.indexOf("| missing |"));
    expect(issue.body).toContain("- <code>serviceBus/orders/queues/scratch</code>");
    expect(issue.body).toContain(`([run](${runUrl}))`);
  });

  it("is not needed for a clean environment", () => {
    expect(driftIssue(clean, runUrl).drifted).toBe(false);
  });

  it("marks its body with the environment, encoded so no name can close the comment", () => {
    expect(driftIssue({ ...clean, environment: "x-->y" }, runUrl).marker).toBe(
      "<!-- drift-check:x--%3Ey -->",
    );
  });

  it("quotes hostile values inertly: no HTML, no table break, no mention, no link", () => {
    const hostile = "a|b <!-- hide --> @platform-team [x](https://evil.example) `tick`\n| row |";
    const cell = code(hostile);
    expect(cell).not.toMatch(/<(?!\/?code>)/);
    expect(cell).not.toMatch(/(?<!\\)\|/);
    expect(cell).not.toContain("\n");
    expect(cell).not.toMatch(/(?<!\\)[`[\]()@:]/);
    expect(cell).toContain("&lt;\\!-- hide --&gt;");
    expect(inertText("*bold* _it_ #1")).toBe("\\*bold\\* \\_it\\_ \\#1");
  });

  it("comes out of the CLI as JSON from the smoke summary file", () => {
    const file = join(tempDir(), "smoke.json");
    writeFileSync(file, JSON.stringify(drifted));
    const out: string[] = [];
    const code = driftIssueMain([file, "--run-url", runUrl], {
      stdout: (t) => out.push(t),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    expect(JSON.parse(out.join(""))).toEqual(driftIssue(drifted, runUrl));
  });

  it("refuses a file that is not a smoke summary with exit 2", () => {
    const file = join(tempDir(), "smoke.json");
    writeFileSync(file, "{}");
    const err: string[] = [];
    expect(
      driftIssueMain([file, "--run-url", runUrl], { stdout: () => undefined, stderr: (t) => err.push(t) }),
    ).toBe(2);
    expect(err.join("")).toContain("is not a smoke test summary");
  });
});

describe("keeping one issue per environment", () => {
  const script = String(
    step(check.steps, "Open, update or close the environment's drift issue").with?.script,
  );

  function issueOf(summary: SmokeSummary): DriftIssue {
    return driftIssue(summary, runUrl);
  }

  async function reconcile(summary: SmokeSummary, openIssues: unknown[], labelExists = true) {
    return runGithubScript(script, {
      files: { "drift-issue.json": JSON.stringify(issueOf(summary)) },
      answers: {
        "issues.getLabel": () => {
          if (labelExists) return { data: { name: "drift" } };
          throw Object.assign(new Error("Not Found"), { status: 404 });
        },
        "issues.listForRepo": () => openIssues,
        "issues.create": () => ({ data: { number: 7 } }),
      },
    });
  }

  const writes = (calls: readonly ApiCall[]) =>
    calls.filter((c) => !["issues.getLabel", "issues.listForRepo"].includes(c.method));

  const mine = (number: number, summary: SmokeSummary = drifted) => ({
    number,
    body: issueOf(summary).body,
  });

  it("opens an issue labelled drift when the environment drifted and none is open", async () => {
    const run = await reconcile(drifted, []);
    expect(writes(run.calls)).toEqual([
      {
        method: "issues.create",
        params: {
          owner: "contoso",
          repo: "messaging-infra",
          title: "Drift in prod",
          body: issueOf(drifted).body,
          labels: ["drift"],
        },
      },
    ]);
  });

  it("updates the open issue of the environment instead of opening another", async () => {
    const run = await reconcile(drifted, [
      { number: 3, body: issueOf({ ...drifted, environment: "dev" }).body },
      mine(5),
    ]);
    expect(writes(run.calls)).toEqual([
      {
        method: "issues.update",
        params: { owner: "contoso", repo: "messaging-infra", issue_number: 5, body: issueOf(drifted).body },
      },
    ]);
  });

  it("comments and closes the issue once the environment is clean", async () => {
    const run = await reconcile(clean, [mine(5)]);
    expect(writes(run.calls).map((c) => c.method)).toEqual(["issues.createComment", "issues.update"]);
    expect(writes(run.calls)[1].params).toMatchObject({
      issue_number: 5,
      state: "closed",
      state_reason: "completed",
    });
  });

  it("does nothing for a clean environment without an open issue", async () => {
    expect(writes((await reconcile(clean, [])).calls)).toEqual([]);
  });

  it("never mistakes a pull request carrying the marker for the issue", async () => {
    const run = await reconcile(drifted, [{ ...mine(9), pull_request: { url: "x" } }]);
    expect(writes(run.calls).map((c) => c.method)).toEqual(["issues.create"]);
  });

  it("creates the drift label the first time", async () => {
    const run = await reconcile(drifted, [], false);
    expect(writes(run.calls)[0]).toMatchObject({ method: "issues.createLabel", params: { name: "drift" } });
  });

  it("looks only at open issues labelled drift", async () => {
    const run = await reconcile(clean, []);
    expect(run.calls.find((c) => c.method === "issues.listForRepo")?.params).toMatchObject({
      state: "open",
      labels: "drift",
    });
  });
});
