/**
 * Deploy order from the files, end to end: the matrix the workflows read, what adding
 * environments/staging.yaml does to it, the order check each deploy job starts with (run as GitHub
 * would run it), and the validation that refuses a broken order before anything deploys.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deployMatrixMain } from "../../scripts/deploy/matrix-cli";
import { planClientIdVariableOf } from "../../model/github-variables";
import type { MatrixEntry } from "../../scripts/deploy/matrix";
import { job, root, runGithubScript, workflow } from "./helpers/workflow";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of environments/ with some files added or replaced. */
function environments(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "environments-"));
  dirs.push(dir);
  cpSync(join(root, "environments"), dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function matrix(args: string[]): { code: number; entries: MatrixEntry[]; errors: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = deployMatrixMain(args, { env: {}, stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return {
    code,
    entries: code === 0 ? (JSON.parse(out.join("")) as MatrixEntry[]) : [],
    errors: err.join(""),
  };
}

const staging = readFileSync(join(root, "environments", "dev.yaml"), "utf8")
  .replace(/^name: dev$/m, "name: staging")
  .replace("stcontosotfstatedev", "stcontosotfstatestg")
  .replace(/^state:/m, "deploy:\n  after: dev\n  runsOn: [self-hosted, linux, vnet-staging]\nstate:");

describe("the job matrix of the shipped environments", () => {
  const { code, entries } = matrix(["--environments-dir", join(root, "environments")]);

  it("lists dev, then prod, which deploys after it", () => {
    expect(code).toBe(0);
    expect(entries.map((e) => [e.name, e.after])).toEqual([
      ["dev", []],
      ["prod", ["dev"]],
    ]);
  });

  it("runs dev on GitHub-hosted runners and prod inside its network", () => {
    expect(entries.map((e) => e.runsOn)).toEqual([["ubuntu-latest"], ["self-hosted", "linux", "vnet-prod"]]);
  });

  it("gives each entry its file and the variable of its plan identity", () => {
    expect(entries[1]).toMatchObject({ file: join(root, "environments", "prod.yaml") });
    expect(entries.map((e) => e.planClientIdVariable)).toEqual([
      "AZURE_PLAN_CLIENT_ID_DEV",
      "AZURE_PLAN_CLIENT_ID_PROD",
    ]);
  });
});

describe("adding environments/staging.yaml", () => {
  it("adds a third stage between dev and prod once prod deploys after it", () => {
    const prod = readFileSync(join(root, "environments", "prod.yaml"), "utf8").replace(
      "after: dev ",
      "after: staging ",
    );
    const dir = environments({ "staging.yaml": staging, "prod.yaml": prod });
    const { entries } = matrix(["--environments-dir", dir]);
    expect(entries.map((e) => [e.name, e.after, e.runsOn])).toEqual([
      ["dev", [], ["ubuntu-latest"]],
      ["staging", ["dev"], ["self-hosted", "linux", "vnet-staging"]],
      ["prod", ["staging"], ["self-hosted", "linux", "vnet-prod"]],
    ]);
  });

  it("deploys staging after dev without touching any other file", () => {
    const { entries } = matrix(["--environments-dir", environments({ "staging.yaml": staging })]);
    expect(entries.map((e) => e.name)).toEqual(["dev", "prod", "staging"]);
    expect(entries[2].after).toEqual(["dev"]);
  });

  it("needs no change to any workflow: deploy, drift and pull-request plans all read the matrix", () => {
    for (const [file, id] of [
      [".github/workflows/deploy.yml", "deploy"],
      [".github/workflows/drift.yml", "drift"],
      [".github/workflows/pull-request.yml", "plan"],
    ] as const) {
      const j = job(workflow(file), id);
      expect(j["runs-on"]).toBe("${{ matrix.environment.runsOn }}");
      expect(String(j.strategy?.matrix?.environment)).toMatch(
        /^\$\{\{ fromJSON\(needs\.[a-z-]+\.outputs\.environments\) \}\}$/,
      );
    }
  });
});

describe("the order check each deploy job starts with", () => {
  const check = String(job(workflow(".github/workflows/deploy.yml"), "deploy").steps[0].with?.script);

  /**
   * Plays a push through the pipeline as GitHub schedules it (max-parallel 1: one matrix entry after
   * the other): each job runs the order check against the jobs before it, then deploys, or fails
   * where `failing` says. Returns each environment's outcome.
   */
  async function pipeline(entries: readonly MatrixEntry[], failing: readonly string[] = []) {
    const jobs: { name: string; status: string; conclusion: string }[] = [];
    const outcome: Record<string, string> = {};
    for (const entry of entries) {
      const run = await runGithubScript(check, {
        env: { AFTER: JSON.stringify(entry.after), ENVIRONMENT: entry.name },
        answers: { "actions.listJobsForWorkflowRun": () => jobs },
      });
      const blocked = run.failed.length > 0;
      outcome[entry.name] = blocked
        ? `blocked: ${run.failed.join("; ")}`
        : failing.includes(entry.name)
          ? "failed"
          : "deployed";
      jobs.push({
        name: `deploy ${entry.name}`,
        status: "completed",
        conclusion: outcome[entry.name] === "deployed" ? "success" : "failure",
      });
    }
    return outcome;
  }

  const threeStages = (): MatrixEntry[] => {
    const prod = readFileSync(join(root, "environments", "prod.yaml"), "utf8").replace(
      "after: dev ",
      "after: staging ",
    );
    return matrix(["--environments-dir", environments({ "staging.yaml": staging, "prod.yaml": prod })])
      .entries;
  };

  it("lets every stage deploy when the ones before it succeeded", async () => {
    expect(await pipeline(threeStages())).toEqual({ dev: "deployed", staging: "deployed", prod: "deployed" });
  });

  it("stops prod when staging failed on this commit, before it touches Azure", async () => {
    const outcome = await pipeline(threeStages(), ["staging"]);
    expect(outcome.prod).toBe("blocked: prod deploys after staging; not deployed on this commit: staging");
  });

  it("stops every later stage when the first one failed", async () => {
    const outcome = await pipeline(threeStages(), ["dev"]);
    expect(outcome).toMatchObject({
      staging: expect.stringMatching(/^blocked/),
      prod: expect.stringMatching(/^blocked/),
    });
  });

  it("asks GitHub for the latest attempt's jobs of this run only", async () => {
    const run = await runGithubScript(check, {
      env: { AFTER: '["dev"]', ENVIRONMENT: "prod" },
      answers: { "actions.listJobsForWorkflowRun": () => [{ name: "deploy dev", conclusion: "success" }] },
    });
    expect(run.calls).toEqual([
      {
        method: "actions.listJobsForWorkflowRun",
        params: { owner: "contoso", repo: "messaging-infra", run_id: 4242, filter: "latest", per_page: 100 },
      },
    ]);
  });

  it("asks nothing of GitHub for an environment that waits for none", async () => {
    const run = await runGithubScript(check, { env: { AFTER: "[]", ENVIRONMENT: "dev" } });
    expect(run).toEqual({ calls: [], failed: [], notices: [] });
  });
});

describe("a broken deploy order", () => {
  const cycle = (dir: string) =>
    writeFileSync(
      join(dir, "dev.yaml"),
      readFileSync(join(dir, "dev.yaml"), "utf8").replace(/^state:/m, "deploy: { after: prod }\nstate:"),
    );

  it("gives no matrix, so nothing deploys", () => {
    const dir = environments();
    cycle(dir);
    const result = matrix(["--environments-dir", dir]);
    expect(result.code).toBe(1);
    expect(result.errors).toContain(
      "dev.yaml:12:18  deploy.after  deploy order has a cycle (dev → prod → dev)",
    );
  });

  it("refuses an unknown name given with --only, listing the known ones", () => {
    const result = matrix(["--environments-dir", join(root, "environments"), "--only", "qa"]);
    expect(result.code).toBe(1);
    expect(result.errors).toContain("no environment named qa");
    expect(result.errors).toContain("known environments: dev, prod");
  });

  it("stops npm run validate and npm run synth with file, line and field", () => {
    const dir = environments();
    cycle(dir);
    const tsx = join(root, "node_modules", ".bin", "tsx");
    const validate = spawnSync(tsx, ["scripts/validate.ts", join(dir, "dev.yaml"), join(dir, "prod.yaml")], {
      cwd: root,
      encoding: "utf8",
    });
    expect(validate.status).toBe(1);
    expect(validate.stdout).toContain(
      `${join(dir, "prod.yaml")}:31:10  deploy.after  deploy order has a cycle`,
    );
    const outdir = join(dir, "out");
    const synth = spawnSync(tsx, ["stacks/main.ts"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, ENVIRONMENTS_DIR: dir, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: "1" },
    });
    expect(synth.status).toBe(1);
    expect(synth.stderr).toContain(`${join(dir, "dev.yaml")}:12:18  deploy.after`);
    expect(synth.stderr).toContain("nothing was written");
  });
});

describe("the GitHub variable of an environment's plan identity", () => {
  it("upper-cases the name and turns its hyphens, which variables cannot hold, into underscores", () => {
    expect(planClientIdVariableOf("eu-west-prod")).toBe("AZURE_PLAN_CLIENT_ID_EU_WEST_PROD");
  });
});
