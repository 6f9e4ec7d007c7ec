import { smokeMain, type SmokeIo } from "../../scripts/smoke/cli";
import { staticTestCredential } from "./helpers/fake-arm-server";

const examples = "test/fixtures/shared-examples";

function io(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const credentialFor = jest.fn(() => staticTestCredential);
  const value: SmokeIo = { env, stdout: (t) => out.push(t), stderr: (t) => err.push(t), credentialFor };
  return { value, out, err, credentialFor };
}

describe("smoke command line", () => {
  it("says it needs a subscription and exits 2 without creating a credential", async () => {
    const run = io();
    const code = await smokeMain(["--env", "dev", "--environments-dir", examples], run.value);
    expect(code).toBe(2);
    expect(run.err.join("")).toContain("AZURE_SUBSCRIPTION_ID");
    expect(run.credentialFor).not.toHaveBeenCalled();
  });

  it("refuses an unknown cloud before asking for any token", async () => {
    const run = io({ AZURE_SUBSCRIPTION_ID: "00000000-0000-0000-0000-000000000001" });
    const code = await smokeMain(
      ["--env", "dev", "--environments-dir", examples, "--cloud", "AzureMoonCloud"],
      run.value,
    );
    expect(code).toBe(2);
    expect(run.err.join("")).toContain("AzurePublicCloud, AzureChinaCloud, AzureUSGovernment");
    expect(run.credentialFor).not.toHaveBeenCalled();
  });

  it("refuses a plain-http ARM endpoint, since tokens would travel in clear", async () => {
    const run = io({ AZURE_SUBSCRIPTION_ID: "00000000-0000-0000-0000-000000000001" });
    const code = await smokeMain(
      ["--env", "dev", "--environments-dir", examples, "--arm-endpoint", "http://arm.local"],
      run.value,
    );
    expect(code).toBe(2);
    expect(run.err.join("")).toContain("must use https");
    expect(run.credentialFor).not.toHaveBeenCalled();
  });

  it("refuses a subscription ID that is not a GUID", async () => {
    const run = io({ AZURE_SUBSCRIPTION_ID: "my-subscription" });
    expect(await smokeMain(["--env", "dev", "--environments-dir", examples], run.value)).toBe(2);
    expect(run.err.join("")).toContain("must be a GUID");
  });

  it("names the environment it could not find", async () => {
    const run = io({ AZURE_SUBSCRIPTION_ID: "00000000-0000-0000-0000-000000000001" });
    expect(await smokeMain(["--env", "staging", "--environments-dir", examples], run.value)).toBe(2);
    expect(run.err.join("")).toContain(
      `no environment named "staging" in ${examples}; known environments: dev, prod`,
    );
  });

  it("exits 2 on a missing --env", async () => {
    const run = io();
    expect(await smokeMain([], run.value)).toBe(2);
  });
});
