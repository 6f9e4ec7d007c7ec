/**
 * `npm run --silent deploy-matrix -- [--environments-dir <dir>] [--only <name,...>]`: prints the
 * workflows' job matrix (a JSON list of environments in deploy order) on one line. Exit 1 when a
 * file is invalid or the order is broken, 2 on a usage error.
 */
import { deployMatrixMain } from "./deploy/matrix-cli";
import { userArguments } from "./cli/user-arguments";

process.exitCode = deployMatrixMain(userArguments(process.argv.slice(2)), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
