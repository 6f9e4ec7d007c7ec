import { join } from "node:path";
import { diagramMain } from "../../scripts/diagram";
import { smokeMain } from "../../scripts/smoke/cli";

/*
 * `--env <name>` is an environment name and `--env-file <path>` a file, in every command. (The
 * plan guard, run as its own process, is checked in test/policies/plan-guard-cli.test.ts.)
 */
const examples = join(__dirname, "..", "fixtures", "shared-examples");

async function smoke(...argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await smokeMain(argv, { env: {}, stdout: () => undefined, stderr: (t) => (stderr += t) });
  return { code, stderr };
}

function diagram(...argv: string[]): { code: number; stderr: string } {
  let stderr = "";
  const code = diagramMain(argv, { stdout: () => undefined, stderr: (t) => (stderr += t) });
  return { code, stderr };
}

describe("the environment flags", () => {
  it("let smoke read an environment file given by path", async () => {
    // Found and valid: the run goes on to ask for the subscription, and stops there without Azure.
    const run = await smoke("--env-file", join(examples, "prod.yaml"));
    expect(run).toEqual({ code: 2, stderr: expect.stringContaining("AZURE_SUBSCRIPTION_ID") });
  });

  it.each([
    [
      "smoke",
      () => smoke("--env", "dev", "--env-file", join(examples, "dev.yaml"), "--environments-dir", examples),
    ],
    [
      "diagram",
      async () =>
        diagram("--env", "dev", "--env-file", join(examples, "dev.yaml"), "--environments-dir", examples),
    ],
  ])("refuse a name and a file together in %s", async (_command, run) => {
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("give either --env <name> or --env-file <path>, not both");
  });

  it.each([
    ["smoke", () => smoke("--env", "qa", "--environments-dir", examples)],
    ["diagram", async () => diagram("--env", "qa", "--environments-dir", examples)],
  ])("list the known environments for an unknown name in %s", async (_command, run) => {
    expect((await run()).stderr).toContain(
      `no environment named "qa" in ${examples}; known environments: dev, prod`,
    );
  });
});
