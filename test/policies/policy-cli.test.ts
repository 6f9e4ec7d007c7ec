import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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

describe("npm run policy for a pull request", () => {
  const RUN = "https://github.com/contoso/messaging-infra/actions/runs/7";

  function environmentsWith(files: Readonly<Record<string, string>>): string {
    const dir = mkdtempSync(join(tmpdir(), "policy-envs-"));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    // The workflow definitions the environment files name live beside them.
    cpSync(join("environments", "workflows"), join(dir, "workflows"), { recursive: true });
    return dir;
  }

  const devText = readFileSync("environments/dev.yaml", "utf8");

  function pullRequest(...argv: string[]): { code: number; stderr: string; out: string } {
    const out = mkdtempSync(join(tmpdir(), "policy-pr-"));
    let stderr = "";
    const io: PolicyIo = {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      isTty: false,
      today: TODAY,
      cwd: process.cwd(),
    };
    const code = policyMain(
      [
        "--format",
        "markdown",
        "--output",
        join(out, "report", "policy-report.md"),
        "--comment-output",
        join(out, "comment.md"),
        "--summary-output",
        join(out, "summary.md"),
        "--diagrams-dir",
        join(out, "report", "topology"),
        "--run-url",
        RUN,
        ...argv,
      ],
      io,
    );
    return { code, stderr, out };
  }

  const read = (dir: string, ...path: string[]): string => readFileSync(join(dir, ...path), "utf8");

  test("writes the complete report, the comment, the job summary and every topology as DOT", () => {
    const stacks = mkdtempSync(join(tmpdir(), "policy-stacks-"));
    mkdirSync(join(stacks, "stacks", "dev"), { recursive: true });
    writeFileSync(join(stacks, "stacks", "dev", "cdk.tf.json"), JSON.stringify({ resource: {} }));
    const run = pullRequest(
      "--out-dir",
      stacks,
      "--environments-dir",
      environmentsWith({ "dev.yaml": devText }),
    );
    expect(run.code).toBe(0);
    expect(read(run.out, "comment.md").split("\n")[0]).toBe("<!-- messaging-policy-report -->");
    expect(read(run.out, "summary.md")).toContain("#### Connection catalog");
    expect(read(run.out, "report", "policy-report.md")).toContain("<summary><b>dev</b>");
    expect(read(run.out, "report", "topology", "dev.dot")).toMatch(/^digraph "dev" \{/);
  });

  test("replaces the comment with the errors of an invalid environment file, and exits 2", () => {
    const broken = `${devText.replace("maxDeliveryCount: 10", "maxDeliveryCont: 10")}"<!--@octocat": 1\n`;
    const line = broken.split("\n").findIndex((l) => l.includes("maxDeliveryCont")) + 1;
    const run = pullRequest("--environments-dir", environmentsWith({ "dev.yaml": broken }));
    expect(run.code).toBe(2);
    const comment = read(run.out, "comment.md");
    expect(comment).toContain("❌ **An environment file is invalid.**");
    expect(comment).toContain(
      `dev.yaml | ${line} | 9 | serviceBus&#91;0&#93;.queues&#91;0&#93;.maxDeliveryCont | unknown field`,
    );
    expect(comment).toContain("&lt;&#33;--@&#8203;octocat");
    expect(comment.split("<!--")).toHaveLength(2);
    expect(read(run.out, "summary.md")).toContain("❌ **An environment file is invalid.**");
  });

  test("says synthesis failed, quoting its log, when no stack was written", () => {
    const log = join(mkdtempSync(join(tmpdir(), "policy-log-")), "synth.log");
    writeFileSync(
      log,
      "Error: There is already a Construct with name 'grant-receive-app' <script>\n    at Node.addChild\n",
    );
    const run = pullRequest(
      "--out-dir",
      join(tmpdir(), "no-cdktf-out-here"),
      "--environments-dir",
      environmentsWith({ "dev.yaml": devText }),
      "--synthesis-log",
      log,
    );
    expect(run.code).toBe(2);
    const comment = read(run.out, "comment.md");
    expect(comment).toContain("❌ **Synthesis failed.**");
    expect(comment).toContain(
      "<pre>Error: There is already a Construct with name &#39;grant-receive-app&#39; &lt;script&gt;",
    );
    expect(comment).toContain(`[job log](${RUN})`);
  });

  test("refuses a run URL that is not https", () => {
    expect(run("--out-dir", outDirWith(compliantStack()), "--run-url", "http://example.test/run").code).toBe(
      2,
    );
  });

  test("prints GitHub annotations with --format github", () => {
    const result = run("--out-dir", outDirWith(violatingStack("SB-LOCAL-AUTH")), "--format", "github");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error title=SB-LOCAL-AUTH \(high\) in compliant::/m);
  });
});
