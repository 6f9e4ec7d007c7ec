import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { AssetType, TerraformAsset } from "cdktf";
import type { Construct } from "constructs";

/** Staging folders written since the last `withStagedPackages` began; cdktf copies them at synthesis. */
const staged = new Set<string>();

/** The staging folders that exist now (for tests). */
export function stagedPackageFolders(): string[] {
  return [...staged];
}

/**
 * Runs `work` (which builds and synthesizes stacks), then removes the staging folders it wrote:
 * synthesis has copied each into the stack's assets by then, so none is needed after it.
 */
export function withStagedPackages<T>(work: () => T): T {
  try {
    return work();
  } finally {
    for (const folder of staged) rmSync(folder, { recursive: true, force: true });
    staged.clear();
  }
}

/**
 * Writes a Standard app's content package to a staging folder and hands it to cdktf as an asset,
 * which synthesis copies under `cdktf.out/stacks/<stack>/assets/` (named by its content's hash);
 * the deploy pipeline zip-deploys it after the apply.
 */
export function packageAsset(
  scope: Construct,
  id: string,
  files: ReadonlyMap<string, string>,
): TerraformAsset {
  const folder = mkdtempSync(join(tmpdir(), "logic-app-package-"));
  staged.add(folder);
  for (const [path, text] of files) {
    const target = join(folder, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return new TerraformAsset(scope, id, { path: folder, type: AssetType.DIRECTORY });
}
