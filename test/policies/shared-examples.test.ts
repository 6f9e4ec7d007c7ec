import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluateStack } from "../../policies/engine/evaluate";
import type { JsonObject } from "../../policies/engine/terraform-json";
import { ruleCatalog } from "../../policies/rules/catalog";
import { synthesizeEnvironments } from "../../stacks/app";
import { loadEnvironmentFile } from "../../model/load-environment";
import { TODAY } from "./support/fixtures";

const EXAMPLES = join(__dirname, "..", "fixtures", "shared-examples");

describe("the shared dev example", () => {
  test("synthesizes to a stack with no open finding in the development tier", () => {
    const loaded = loadEnvironmentFile(join(EXAMPLES, "dev.yaml"), { today: TODAY });
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join("\n"));
    const outdir = mkdtempSync(join(tmpdir(), "policy-dev-synth-"));
    synthesizeEnvironments([loaded.model], outdir);
    const file = join(outdir, "stacks", "dev", "cdk.tf.json");
    const document = JSON.parse(readFileSync(file, "utf8")) as JsonObject;
    const result = evaluateStack(
      { environment: "dev", stackFile: file, document, model: loaded.model },
      { rules: ruleCatalog, today: TODAY },
    );
    expect(result.findings.filter((f) => f.status === "open")).toEqual([]);
  });
});
