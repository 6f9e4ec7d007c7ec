import { smokeMain } from "../../scripts/smoke/cli";

/**
 * The live smoke test: runs only where Azure credentials are configured (the deploy pipeline
 * after `cdktf deploy`), and is skipped with its reason everywhere else.
 */
const environment = process.env.SMOKE_ENV ?? "dev";
const missing = process.env.AZURE_SUBSCRIPTION_ID
  ? undefined
  : "AZURE_SUBSCRIPTION_ID is not set (no Azure credentials)";
const suite = missing ? describe.skip : describe;
// Printed so the reason shows in every run's output, not only in a verbose listing.
if (missing) console.info(`live smoke test skipped: ${missing}; set it (and a credential) to run it`);

suite(`live smoke test of ${environment}${missing ? ` — skipped: ${missing}` : ""}`, () => {
  it("finds the deployed environment as its file declares it", async () => {
    const output: string[] = [];
    const code = await smokeMain(["--env", environment], {
      env: process.env,
      stdout: (t) => output.push(t),
      stderr: (t) => output.push(t),
    });
    expect({ code, output: output.join("") }).toEqual({ code: 0, output: expect.any(String) });
  }, 300000);
});
