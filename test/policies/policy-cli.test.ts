import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PolicyIo } from "../../scripts/policy";
import { policyMain } from "../../scripts/policy";
import type { JsonObject } from "../../policies/engine/terraform-json";
import { compliantStack, TODAY, violatingStack } from "./support/fixtures";

function outDirWith(document: JsonObject): string {
  const dir = mkdtempSync(join(tmpdir(), "policy-cli-"));
  mkdirSync(join(dir, "stacks", "compliant"), { recursive: true });
  writeFileSync(join(dir, "stacks", "compliant", "cdk.tf.json"), JSON.stringify(document));
  return dir;
}

function run(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const io: PolicyIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTty: false,
    today: TODAY,
    cwd: process.cwd(),
  };
  const code = policyMain(["--environments-dir", join(tmpdir(), "no-environments-here"), ...argv], io);
  return { code, stdout, stderr };
}

describe("npm run policy", () => {
  test("exits 0 when no open finding reaches the threshold", () => {
    expect(run("--out-dir", outDirWith(compliantStack())).code).toBe(0);
  });

  test("exits 1 when an open finding is at the threshold", () => {
    expect(run("--out-dir", outDirWith(violatingStack("SB-LOCAL-AUTH")), "--fail-on", "high").code).toBe(1);
  });

  test("exits 0 when open findings are all below the threshold", () => {
    expect(run("--out-dir", outDirWith(violatingStack("SB-LOCAL-AUTH")), "--fail-on", "critical").code).toBe(
      0,
    );
  });

  test("exits 2 when the output folder has no synthesized stacks", () => {
    expect(run("--out-dir", join(tmpdir(), "no-cdktf-out-here")).code).toBe(2);
  });

  test("exits 2 on an unknown format", () => {
    expect(run("--out-dir", outDirWith(compliantStack()), "--format", "html").code).toBe(2);
  });

  test("writes the report to --output instead of stdout", () => {
    const file = join(mkdtempSync(join(tmpdir(), "policy-report-")), "report.sarif");
    const result = run(
      "--out-dir",
      outDirWith(violatingStack("SB-LOCK")),
      "--format",
      "sarif",
      "--output",
      file,
    );
    expect([result.stdout, (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version]).toEqual([
      "",
      "2.1.0",
    ]);
  });

  test("prints no colour codes when stdout is not a terminal", () => {
    expect(run("--out-dir", outDirWith(violatingStack("SB-LOCK"))).stdout).not.toContain("\u001b[");
  });
});
