import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "@fast-check/jest";
import fc from "fast-check";
import { formatDiagnostic } from "../../model/diagnostics";
import { environmentFile } from "./arbitraries/environment";
import { generatedWorkflows, missingWorkflowFile } from "./arbitraries/logic-apps";
import { generatedQueries, missingQueryFile } from "./arbitraries/stream-analytics";
import { generatedFile, load } from "./harness";
import { propertyById } from "./properties";
import { propertyTimeout, runs, seed } from "./run-config";

/*
 * Generated files the validator refuses: every error says where (file, line, column, field), and
 * the cdktf app, given a folder with a refused file beside an accepted one, writes nothing. Loading
 * is cheap, so this property takes many cases; the app is spawned once.
 */

const refusals = propertyById("refusals");

test.prop([refusals.arbitrary], { numRuns: runs(300), seed })(
  `${refusals.title} (seed ${seed})`,
  (file) => refusals.check(file),
  propertyTimeout,
);

describe("the cdktf app on a folder with a refused generated file", () => {
  const root = join(__dirname, "..", "..");
  const dir = mkdtempSync(join(tmpdir(), "property-app-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`stops before writing anything, with each error at its line and field (seed ${seed})`, () => {
    const files = fc.sample(environmentFile, { numRuns: 200, seed });
    // A missing query or workflow file's error names the file it was loaded as, which differs on disk.
    const refused = files.find(
      (file) =>
        !load(file.yaml).ok &&
        !file.yaml.includes(missingQueryFile) &&
        !file.yaml.includes(missingWorkflowFile),
    );
    const accepted = files.find((file) => load(file.yaml).ok);
    if (!refused || !accepted) throw new Error(`seed ${seed} drew no refused or no accepted file in 200`);
    const environments = join(dir, "environments");
    const outdir = join(dir, "out");
    mkdirSync(environments);
    writeFileSync(join(environments, "accepted.yaml"), accepted.yaml);
    writeFileSync(join(environments, "refused.yaml"), refused.yaml);
    // The jobs' query files and the apps' workflow files, beside the environment files as the files name them.
    mkdirSync(join(environments, "queries"));
    mkdirSync(join(environments, "workflows"));
    for (const [path, text] of [...generatedQueries, ...generatedWorkflows])
      writeFileSync(join(environments, relative(root, path)), text);

    const run = spawnSync(join(root, "node_modules", ".bin", "tsx"), ["stacks/main.ts"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, ENVIRONMENTS_DIR: environments, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: "1" },
    });

    expect(run.status).toBe(1);
    const result = load(refused.yaml);
    if (result.ok) throw new Error("the refused file loaded");
    for (const error of result.errors) {
      const atPath = formatDiagnostic({ ...error, file: join(environments, "refused.yaml") });
      expect(run.stderr).toContain(atPath);
    }
    expect(run.stderr).not.toContain(generatedFile);
    expect(existsSync(outdir)).toBe(false);
  });
});
