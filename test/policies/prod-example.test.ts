import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluateStack } from "../../policies/engine/evaluate";
import type { EnvironmentResult } from "../../policies/engine/finding";
import type { JsonObject } from "../../policies/engine/terraform-json";
import { renderMarkdown } from "../../policies/report/markdown";
import { ruleCatalog } from "../../policies/rules/catalog";
import { synthesizeEnvironments } from "../../stacks/app";
import { loadEnvironmentFile } from "../../model/load-environment";
import { fixedPrices } from "../cost/support";
import { TODAY } from "./support/fixtures";

let result: EnvironmentResult | undefined;

/** The real prod stack, synthesized from environments/prod.yaml, evaluated once. */
function prod(): EnvironmentResult {
  if (result) return result;
  const loaded = loadEnvironmentFile("environments/prod.yaml", { today: TODAY });
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join("\n"));
  const outdir = mkdtempSync(join(tmpdir(), "policy-prod-"));
  try {
    synthesizeEnvironments([loaded.model], outdir);
    const file = join(outdir, "stacks", "prod", "cdk.tf.json");
    const document = JSON.parse(readFileSync(file, "utf8")) as JsonObject;
    result = evaluateStack(
      { environment: "prod", stackFile: "cdktf.out/stacks/prod/cdk.tf.json", document, model: loaded.model },
      { rules: ruleCatalog, today: TODAY },
    );
    return result;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe("the prod environment", () => {
  test("evaluates every rule of the production tier", () => {
    expect(prod().rulesEvaluated).toHaveLength(
      ruleCatalog.filter((r) => r.tiers.includes("production")).length,
    );
  });

  test("has no open finding", () => {
    expect(prod().findings.filter((f) => f.status === "open")).toEqual([]);
  });

  test("has only findings its waivers cover: the partner-facing namespace, its geo-DR pair, the logic app's runtime storage", () => {
    expect([...new Set(prod().findings.map((f) => `${f.ruleId} ${f.subject.address} ${f.status}`))]).toEqual([
      "EH-PUBLIC-NETWORK eventHubs/telemetry waived",
      "LA-STORAGE-SHARED-KEY logicApps/invoice-router waived",
    ]);
    expect(prod().waivers.map((w) => [w.rule, w.state])).toEqual([
      ["EH-PUBLIC-NETWORK", "active"],
      ["LA-STORAGE-SHARED-KEY", "active"],
    ]);
  });

  test("locates the waived finding at the line that declares the namespace", () => {
    expect(prod().findings[0].subject.source).toMatchObject({ file: "environments/prod.yaml", line: 103 });
  });

  test("renders the pull-request report", () => {
    // The frozen price table: a refresh of the repository's prices does not change the snapshot.
    expect(
      renderMarkdown([prod()], { failOn: "high", color: false, rootDir: ".", prices: fixedPrices() }),
    ).toMatchSnapshot();
  });
});
