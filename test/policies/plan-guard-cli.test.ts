import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { plansDir } from "./plan-guard-fixtures";

const root = join(__dirname, "..", "..");

function planGuardCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/plan-guard.ts", ...args],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const plan = (name: string): string => join(plansDir, name);
const environment = (name: string): string => join(plansDir, "environments", name);

describe("npm run plan-guard", () => {
  it("exits 1 and names the resource when the plan deletes a queue", () => {
    const run = planGuardCli(plan("delete.json"));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("BLOCKED  azurerm_servicebus_queue.orders_orders-inbound: delete");
  });

  it("exits 0 when the plan destroys nothing", () => {
    expect(planGuardCli(plan("no-op.json")).status).toBe(0);
  });

  it("exits 2 with a clear message for a plan that is not JSON", () => {
    const run = planGuardCli(plan("malformed.json"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("malformed.json is not JSON");
  });

  it("exits 2 when the plan file cannot be read", () => {
    const run = planGuardCli(plan("missing.json"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("cannot read");
  });

  it("prints the report as one JSON object with --format json", () => {
    const run = planGuardCli(plan("replace.json"), "--format", "json");
    expect(JSON.parse(run.stdout)).toMatchObject({ blocked: true, summary: { replace: 1 } });
  });

  it("exits 0 when the environment file lists the deleted queue under allowDestroy", () => {
    const run = planGuardCli(plan("allowed-destroy.json"), "--env-file", environment("allow-destroy.yaml"));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("exits 2 when the environment file cannot be loaded, with its errors", () => {
    // A file that exists: for a missing one, Node itself stops first (it reads `--env-file` as its
    // own option wherever it appears) with "node: <file>: not found".
    const broken = join(mkdtempSync(join(tmpdir(), "plan-guard-broken-")), "broken.yaml");
    writeFileSync(broken, "name: guarded\ntier: nonsense\n");
    const run = planGuardCli(plan("allowed-destroy.json"), "--env-file", broken);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${broken}:2:7  tier`);
  });

  it("exits 1 for the same plan when the environment file has no allowDestroy entry", () => {
    expect(
      planGuardCli(plan("allowed-destroy.json"), "--env-file", environment("no-allowance.yaml")).status,
    ).toBe(1);
  });

  describe("--env names the environment, as in every other command", () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-guard-envs-"));
    copyFileSync(environment("allow-destroy.yaml"), join(dir, "guarded.yaml"));

    it("finds the environment file by the environment's name", () => {
      const run = planGuardCli(plan("allowed-destroy.json"), "--env", "guarded", "--environments-dir", dir);
      expect([run.status, run.stderr]).toEqual([0, ""]);
    });

    it("lists the known environments when the name is unknown", () => {
      const run = planGuardCli(plan("allowed-destroy.json"), "--env", "staging", "--environments-dir", dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`no environment named "staging" in ${dir}; known environments: guarded`);
    });

    it("no longer takes a file path for --env", () => {
      const run = planGuardCli(plan("allowed-destroy.json"), "--env", environment("allow-destroy.yaml"));
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("no environment named");
    });
  });
});
