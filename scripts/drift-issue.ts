/**
 * `npm run --silent drift-issue -- <smoke.json> --run-url <url>`: turns the JSON of
 * `npm run smoke -- --format json` into the drift issue the scheduled workflow opens, updates or
 * closes (printed as JSON). Exit 2 when the summary cannot be read.
 */
import { driftIssueMain } from "./drift/cli";
import { userArguments } from "./cli/user-arguments";

process.exitCode = driftIssueMain(userArguments(process.argv.slice(2)), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
