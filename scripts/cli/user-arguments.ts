/**
 * The arguments the user gave a command. Every npm script that runs one ends in `--`: Node 20
 * reads `--env-file <path>` as its own option wherever it stands on the command line, so without
 * the separator it would load an environment file's YAML as environment variables, or exit 9
 * ("not found") before the command runs. The separator is not the user's, so it is dropped here.
 */
export function userArguments(argv: readonly string[]): string[] {
  return argv[0] === "--" ? argv.slice(1) : [...argv];
}
