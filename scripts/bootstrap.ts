/** `npm run bootstrap -- --env <name> --repository <owner>/<repo> [--apply]`: see scripts/bootstrap/cli.ts. */
import { bootstrapMain } from "./bootstrap/cli";
import { userArguments } from "./cli/user-arguments";

try {
  process.exitCode = bootstrapMain(userArguments(process.argv.slice(2)), {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
} catch (error) {
  process.stderr.write(
    `bootstrap: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 2;
}
