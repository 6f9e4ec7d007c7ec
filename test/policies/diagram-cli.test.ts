import { join } from "node:path";
import { tmpdir } from "node:os";
import { diagramMain } from "../../scripts/diagram";

const SHARED_EXAMPLES = join(__dirname, "..", "fixtures", "shared-examples");

function run(...argv: string[]): { code: number; stdout: string } {
  let stdout = "";
  const code = diagramMain(argv, { stdout: (t) => (stdout += t), stderr: () => undefined });
  return { code, stdout };
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

  test("exits 2 when no environment has that name", () => {
    expect(run("--env", "staging", "--environments-dir", join(tmpdir(), "no-environments-here")).code).toBe(
      2,
    );
  });
});
