import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { AssetType, TerraformAsset } from "cdktf";
import type { Construct } from "constructs";

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
  for (const [path, text] of files) {
    const target = join(folder, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return new TerraformAsset(scope, id, { path: folder, type: AssetType.DIRECTORY });
}
