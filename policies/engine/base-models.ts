import { existsSync } from "node:fs";
import { environmentFilesIn } from "../../model/environment-files";
import { loadEnvironmentFile } from "../../model/load-environment";
import type { PolicyModel } from "../../model/policy-model";

/**
 * The base branch's environment models, to compare topologies with. Unlike the head's, a base
 * file that this version cannot read (the pull request may change the schema) is skipped with a
 * note, never an error: the report then shows that environment as new.
 */
export function loadBaseModels(
  dir: string,
  today: Date,
  note: (message: string) => void,
): Map<string, PolicyModel> {
  const models = new Map<string, PolicyModel>();
  if (!existsSync(dir)) return models;
  for (const file of environmentFilesIn(dir)) {
    const result = loadEnvironmentFile(file, { today });
    if (result.ok) models.set(result.model.name, result.model);
    else
      note(
        `base version of ${file} could not be read with this version (${result.errors.length} errors); compared as new`,
      );
  }
  return models;
}
