import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");

/** Runs the cdktf app as `cdktf synth` does (the CLI sets CDKTF_OUTDIR), without the CLI's start-up. */
function runApp(environmentsDir: string, outdir: string) {
  return spawnSync(tsx, ["stacks/main.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ENVIRONMENTS_DIR: environmentsDir, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: "1" },
  });
}

describe("the cdktf app", () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "synth-app-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("stops on an invalid environment file with file, line and field, and writes nothing", () => {
    const outdir = join(tempDir(), "out");
    const run = runApp("test/fixtures/environments-invalid", outdir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("test/fixtures/environments-invalid/broken.yaml:11:");
    expect(run.stderr).toContain("maxDeliveryCont");
    expect(run.stderr).toContain('did you mean "maxDeliveryCount"');
    expect(existsSync(outdir)).toBe(false);
  });

  it("writes one stack per environment file, named after the file's name", () => {
    const outdir = join(tempDir(), "out");
    const run = runApp("environments", outdir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readdirSync(join(outdir, "stacks")).sort()).toEqual(["dev", "prod"]);
  });

  it("synthesizes byte-identical output on every run, wherever the repository lives", () => {
    const first = join(tempDir(), "out");
    const second = join(tempDir(), "out");
    expect(runApp("environments", first).status).toBe(0);
    expect(runApp("environments", second).status).toBe(0);
    for (const stack of ["dev", "prod"]) {
      const a = readFileSync(join(first, "stacks", stack, "cdk.tf.json"), "utf8");
      const b = readFileSync(join(second, "stacks", stack, "cdk.tf.json"), "utf8");
      expect(a).toBe(b);
      expect(a).not.toContain(root);
      expect(a).not.toContain(tmpdir());
    }
  });
});
