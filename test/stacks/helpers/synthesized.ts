import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthesizeEnvironments } from "../../../stacks/app";
import { loadEnvironmentFile } from "../../../model/load-environment";

export type TerraformJson = {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, Record<string, unknown>>;
  terraform: Record<string, unknown>;
};

const cache = new Map<string, TerraformJson>();

/** The synthesized Terraform JSON of one environment file, synthesized once per test file. */
export function synthesizedStack(file: string): TerraformJson {
  const cached = cache.get(file);
  if (cached) return cached;
  const result = loadEnvironmentFile(file, { today: new Date("2026-11-23T00:00:00Z") });
  if (!result.ok) throw new Error(`${file} is invalid: ${JSON.stringify(result.errors, null, 2)}`);
  const outdir = mkdtempSync(join(tmpdir(), "stack-"));
  try {
    synthesizeEnvironments([result.model], outdir);
    const json = JSON.parse(
      readFileSync(join(outdir, "stacks", result.model.name, "cdk.tf.json"), "utf8"),
    ) as TerraformJson;
    cache.set(file, json);
    return json;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
