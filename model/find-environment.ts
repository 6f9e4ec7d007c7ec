import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "./diagnostics";
import { environmentFilesIn } from "./environment-files";
import { loadEnvironmentFile, type LoadOptions } from "./load-environment";
import type { EnvironmentModel } from "./model";

/**
 * How a command names the environment it works on: `--env <name>` (the file's `name`, looked up
 * in a folder) or `--env-file <path>`. Every command takes the same two flags with the same meaning.
 */
export interface EnvironmentSelector {
  readonly env?: string;
  readonly envFile?: string;
  /** Folder `--env` looks in. */
  readonly dir: string;
}

export type EnvironmentLookup =
  | { readonly ok: true; readonly model: EnvironmentModel }
  | {
      readonly ok: false;
      /** One line saying what went wrong and, for an unknown name, which names exist. */
      readonly message: string;
      /** The errors of the file that was found but is invalid. */
      readonly errors: readonly Diagnostic[];
    };

const fail = (message: string, errors: readonly Diagnostic[] = []): EnvironmentLookup => ({
  ok: false,
  message,
  errors,
});

/**
 * The model of the selected environment. `--env <name>` tries `<dir>/<name>.yaml` (or `.yml`)
 * first, then every file in the folder whose `name` matches; an unknown name lists the names that
 * do exist, so a typo is one glance away from its fix.
 */
export function findEnvironment(selector: EnvironmentSelector, options: LoadOptions = {}): EnvironmentLookup {
  if (selector.env !== undefined && selector.envFile !== undefined)
    return fail("give either --env <name> or --env-file <path>, not both");
  if (selector.envFile !== undefined) {
    if (!existsSync(selector.envFile)) return fail(`no environment file at ${selector.envFile}`);
    const result = loadEnvironmentFile(selector.envFile, options);
    return result.ok ? result : fail(`${selector.envFile} is not valid`, result.errors);
  }
  if (selector.env === undefined) return fail("name the environment with --env <name> or --env-file <path>");
  const env = selector.env;
  if (!existsSync(selector.dir)) return fail(`no environment folder ${selector.dir}`);

  const files = environmentFilesIn(selector.dir);
  const direct = [join(selector.dir, `${env}.yaml`), join(selector.dir, `${env}.yml`)];
  const ordered = [
    ...direct.filter((file) => files.includes(file)),
    ...files.filter((f) => !direct.includes(f)),
  ];
  const known: string[] = [];
  for (const file of ordered) {
    const result = loadEnvironmentFile(file, options);
    if (!result.ok) {
      // The file named after the environment is the one meant: its errors are the answer.
      if (direct.includes(file)) return fail(`${file} is not valid`, result.errors);
      continue;
    }
    if (result.model.name === env) return result;
    known.push(result.model.name);
  }
  const names = [...new Set(known)].sort();
  return fail(
    names.length === 0
      ? `no environment named "${env}": ${selector.dir} holds no valid environment file`
      : `no environment named "${env}" in ${selector.dir}; known environments: ${names.join(", ")}`,
  );
}
