/** `npm run smoke -- --env <name>`: verify what is deployed against the environment file. */
import { smokeMain } from "./smoke/cli";
import { userArguments } from "./cli/user-arguments";

smokeMain(userArguments(process.argv.slice(2)), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `smoke: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
