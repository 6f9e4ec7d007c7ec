/**
 * The cdktf app: one stack per environment file in `environments/` (or `ENVIRONMENTS_DIR`).
 * Every file is validated before anything is synthesized, so an invalid file stops the run with
 * the same errors `npm run validate` prints, and `cdktf.out` is left untouched.
 */
import { environmentFilesIn } from "../model/environment-files";
import { formatDiagnostic } from "../model/diagnostics";
import { folderDiagnostics } from "../model/folder-checks";
import { loadEnvironmentFile } from "../model/load-environment";
import type { EnvironmentModel } from "../model/model";
import { synthesizeEnvironments } from "./app";

function main(): number {
  const dir = process.env.ENVIRONMENTS_DIR ?? "environments";
  const files = environmentFilesIn(dir);
  if (files.length === 0) {
    process.stderr.write(`no environment files (*.yaml, *.yml) in ${dir}\n`);
    return 2;
  }
  const models: EnvironmentModel[] = [];
  let failed = false;
  for (const file of files) {
    const result = loadEnvironmentFile(file);
    if (result.ok) {
      models.push(result.model);
    } else {
      failed = true;
      for (const error of result.errors) process.stderr.write(`${formatDiagnostic(error)}\n`);
    }
  }
  if (failed) {
    process.stderr.write("synthesis stopped: fix the errors above (nothing was written)\n");
    return 1;
  }
  const names = new Map<string, string>();
  for (const model of models) {
    const other = names.get(model.name);
    if (other) {
      process.stderr.write(
        `${model.file}:1:1  name  environment name "${model.name}" is also used by ${other}; stack names must be unique\n`,
      );
      return 1;
    }
    names.set(model.name, model.file);
  }
  // The deploy order spans files: `after:` must name another file's environment, without a cycle.
  const acrossFiles = folderDiagnostics(models);
  if (acrossFiles.length > 0) {
    for (const error of acrossFiles) process.stderr.write(`${formatDiagnostic(error)}\n`);
    process.stderr.write("synthesis stopped: fix the errors above (nothing was written)\n");
    return 1;
  }
  synthesizeEnvironments(models);
  return 0;
}

// Synthesis starts once this module has finished loading. cdktf records the full call stack of
// every token it creates (source-mapped under tsx); started during module evaluation, each of those
// stacks also carries ~10 module-loader frames, which cost about a fifth of synthesis time and
// memory on a large estate. Uncaught errors still exit non-zero with their stack.
setImmediate(() => {
  process.exitCode = main();
});
