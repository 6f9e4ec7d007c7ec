/**
 * `npm run validate -- [--format text|json|github] <file>...`: checks environment files with the
 * same pipeline synthesis uses. `github` prints one annotation per error, which GitHub Actions
 * shows on the pull request's line. Exit 0 when all are valid, 1 when any is invalid, 2 on a usage
 * error or a file that cannot be read.
 */
import { Command, CommanderError, Option } from "commander";
import {
  exitCodeFor,
  exitCodes,
  renderGithub,
  renderJson,
  renderText,
  validateFiles,
} from "../model/validate-files";
import { userArguments } from "./cli/user-arguments";

type ValidateFormat = "text" | "json" | "github";

function main(argv: readonly string[]): number {
  const program = new Command()
    .name("validate")
    .description("Validate environment files (schema, names, references, SKU limits).")
    .argument("<files...>", "environment YAML files to check")
    .addOption(
      new Option("--format <format>", "output format").choices(["text", "json", "github"]).default("text"),
    )
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  try {
    program.parse(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exitCodes.valid : exitCodes.usageOrIo;
    }
    throw error;
  }
  const files = program.processedArgs[0] as string[];
  const { format } = program.opts<{ format: ValidateFormat }>();
  const results = validateFiles(files);
  const rendered: Record<ValidateFormat, () => string> = {
    text: () => renderText(results),
    json: () => renderJson(results),
    github: () => renderGithub(results, process.cwd()),
  };
  process.stdout.write(`${rendered[format]()}\n`);
  return exitCodeFor(results);
}

process.exitCode = main(userArguments(process.argv.slice(2)));
