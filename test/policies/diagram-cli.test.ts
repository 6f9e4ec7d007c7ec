import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { diagramMain } from "../../scripts/diagram";
import { generateEnvironment } from "../../scripts/bench/generate-environment";
import { MERMAID_LIMITS } from "../../policies/topology/mermaid";

const SHARED_EXAMPLES = join(__dirname, "..", "fixtures", "shared-examples");

function run(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const code = diagramMain(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("npm run diagram", () => {
  test("prints the Mermaid topology of the named environment", () => {
    expect(
      run("--env", "dev", "--environments-dir", SHARED_EXAMPLES).stdout.startsWith("flowchart LR\n"),
    ).toBe(true);
  });

  test("prints DOT on request", () => {
    expect(
      run("--env", "dev", "--environments-dir", SHARED_EXAMPLES, "--format", "dot").stdout.startsWith(
        'digraph "dev" {',
      ),
    ).toBe(true);
  });

  test("prints the connection catalog as JSON", () => {
    const catalog = JSON.parse(
      run("--env", "dev", "--environments-dir", SHARED_EXAMPLES, "--format", "catalog").stdout,
    ) as { environment: string };
    expect(catalog.environment).toBe("dev");
  });

  test("takes an environment file with --env-file", () => {
    expect(run("--env-file", join(SHARED_EXAMPLES, "prod.yaml"), "--format", "dot").stdout).toMatch(
      /^digraph "prod"/,
    );
  });

  test("lists the environments that exist when the name is unknown", () => {
    const result = run("--env", "staging", "--environments-dir", SHARED_EXAMPLES);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `diagram: no environment named "staging" in ${SHARED_EXAMPLES}; known environments: dev, prod\n`,
    );
  });

  test("exits 2 when no environment is named", () => {
    expect(run("--environments-dir", SHARED_EXAMPLES).code).toBe(2);
  });

  test("exits 2 when the folder does not exist", () => {
    expect(run("--env", "staging", "--environments-dir", join(tmpdir(), "no-environments-here")).code).toBe(
      2,
    );
  });

  test("stays within Mermaid's limits for a topology far beyond them, and says so", () => {
    const file = join(mkdtempSync(join(tmpdir(), "diagram-large-")), "large.yaml");
    writeFileSync(file, generateEnvironment("large", 5000).yaml);
    const result = run("--env-file", file);
    expect(result.code).toBe(0);
    expect((result.stdout.match(/ -->\|/g) ?? []).length).toBeLessThanOrEqual(MERMAID_LIMITS.maxEdges);
    expect(result.stdout.length).toBeLessThanOrEqual(MERMAID_LIMITS.maxChars + 1);
    expect(result.stderr).toMatch(
      /beyond Mermaid's limits; drawn as one box per namespace.*--format dot draws all of it/,
    );
  });
});
