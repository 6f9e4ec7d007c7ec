import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadEnvironmentFile } from "../../model/load-environment";
import { TerraformStack, Testing } from "cdktf";
import { packageAsset, stagedPackageFolders, withStagedPackages } from "../../stacks/logic-app-package";
import { stackRequirementsOf } from "../../stacks/stack-requirements";
import { synthesizedStack } from "./helpers/synthesized";

const file = join("test", "fixtures", "logic-apps", "prod.yaml");

describe("the staging folders of Standard app packages", () => {
  it("exist while stacks are built and are removed when the work is done", () => {
    let during: string[] = [];
    withStagedPackages(() => {
      const stack = new TerraformStack(Testing.app(), "s");
      packageAsset(stack, "package", new Map([["router/workflow.json", "{}"]]));
      during = stagedPackageFolders();
      expect(during).toHaveLength(1);
      expect(during.filter((folder) => !existsSync(join(folder, "router", "workflow.json")))).toEqual([]);
    });
    expect(during.filter((folder) => existsSync(folder))).toEqual([]);
    expect(stagedPackageFolders()).toEqual([]);
  });

  it("leave nothing behind after synthesis", () => {
    synthesizedStack(file);
    expect(stagedPackageFolders()).toEqual([]);
  });

  it("leave nothing behind after a stack-requirements read", () => {
    const loaded = loadEnvironmentFile(file, { today: new Date("2026-11-23T00:00:00Z") });
    if (!loaded.ok) throw new Error(`${file} is invalid`);
    stackRequirementsOf(loaded.model);
    expect(stagedPackageFolders()).toEqual([]);
  });
});
