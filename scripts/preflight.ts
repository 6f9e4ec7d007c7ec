/** `npm run preflight -- --env <name>`: what an environment needs in Azure before its first deploy. */
import { preflightMain } from "./preflight/cli";
import { userArguments } from "./cli/user-arguments";

preflightMain(userArguments(process.argv.slice(2)), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `preflight: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
