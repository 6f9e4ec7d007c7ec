/**
 * The job matrix of the workflows: every environment file of a folder, in deploy order, with what
 * a job needs to know before it starts (its runners, the file, what it waits for, the variable that
 * holds its plan identity). Workflows read it with `fromJSON`, so the YAML never names an environment.
 */
import { formatDiagnostic, type Diagnostic } from "../../model/diagnostics";
import { deployNodeOf, deployOrder } from "../../model/deploy-order";
import { environmentFilesIn } from "../../model/environment-files";
import { checkAcrossFiles } from "../../model/checks/across-files";
import { loadEnvironmentFile } from "../../model/load-environment";
import { planClientIdVariableOf } from "../../model/github-variables";
import type { EnvironmentModel } from "../../model/model";

export interface MatrixEntry {
  /** The environment's `name`: its stack, its GitHub environment and its concurrency group. */
  readonly name: string;
  readonly file: string;
  readonly runsOn: readonly string[];
  /** Environments that must have deployed on the same commit first. */
  readonly after: readonly string[];
  /** Repository variable holding the client ID of this environment's plan identity. */
  readonly planClientIdVariable: string;
}

export type MatrixResult =
  | { readonly ok: true; readonly entries: readonly MatrixEntry[] }
  | { readonly ok: false; readonly errors: readonly string[] };

function entryOf(model: EnvironmentModel): MatrixEntry {
  return {
    name: model.name,
    file: model.file,
    runsOn: model.deploy.runsOn,
    after: model.deploy.after.map((a) => a.environment),
    planClientIdVariable: planClientIdVariableOf(model.name),
  };
}

/**
 * Every environment of `dir` in deploy order, or `only` those (by name, still in deploy order).
 * Any invalid file, unknown name or broken order is an error: a matrix built from part of a folder
 * could deploy an environment before the one it waits for.
 */
export function deployMatrix(dir: string, only?: readonly string[]): MatrixResult {
  const files = environmentFilesIn(dir);
  if (files.length === 0) return { ok: false, errors: [`no environment files (*.yaml, *.yml) in ${dir}`] };
  const models: EnvironmentModel[] = [];
  const errors: Diagnostic[] = [];
  for (const file of files) {
    const result = loadEnvironmentFile(file);
    if (result.ok) models.push(result.model);
    else errors.push(...result.errors);
  }
  errors.push(...checkAcrossFiles(models));
  const problems = errors.map(formatDiagnostic);
  if (problems.length > 0) return { ok: false, errors: problems };

  const ordered = deployOrder(models.map((model) => ({ ...deployNodeOf(model), model })));
  const known = new Set(models.map((m) => m.name));
  const unknown = (only ?? []).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    return {
      ok: false,
      errors: [
        `no environment named ${unknown.join(", ")} in ${dir}; known environments: ${[...known].sort().join(", ")}`,
      ],
    };
  }
  const wanted = only ? new Set(only) : known;
  return { ok: true, entries: ordered.filter((n) => wanted.has(n.name)).map((n) => entryOf(n.model)) };
}
