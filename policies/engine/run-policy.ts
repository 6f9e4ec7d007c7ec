import { existsSync } from "node:fs";
import { environmentFilesIn } from "../../model/environment-files";
import { formatDiagnostic, type Diagnostic } from "../../model/diagnostics";
import { loadEnvironmentFile } from "../../model/load-environment";
import { ruleCatalog } from "../rules/catalog";
import { evaluateStack } from "./evaluate";
import type { EnvironmentResult } from "./finding";
import { loadStacks, PolicyInputError } from "./load-stacks";
import type { EnvironmentModel } from "../../model/model";
import { capacityRecommendations } from "../capacity/recommendations";
import type { Rule } from "./rule";

export interface PolicyRunOptions {
  readonly outDir: string;
  readonly environmentsDir: string;
  /** The day waivers are judged against. @default - today */
  readonly today?: Date;
  /** @default - the whole rule catalog */
  readonly rules?: readonly Rule[];
}

/** Environment files that do not load: no policy can be evaluated until they are fixed. */
export class InvalidEnvironmentFiles extends PolicyInputError {
  constructor(readonly errors: readonly Diagnostic[]) {
    super(errors.map(formatDiagnostic).join("\n"));
  }
}

/** Environment models by `name`, from every file in the folder; the errors of every invalid file are one input error. */
export function loadModels(environmentsDir: string, today: Date): Map<string, EnvironmentModel> {
  const models = new Map<string, EnvironmentModel>();
  if (!existsSync(environmentsDir)) return models;
  const errors: Diagnostic[] = [];
  for (const file of environmentFilesIn(environmentsDir)) {
    const result = loadEnvironmentFile(file, { today });
    if (result.ok) models.set(result.model.name, result.model);
    else errors.push(...result.errors);
  }
  if (errors.length > 0) throw new InvalidEnvironmentFiles(errors);
  return models;
}

/** Evaluates every synthesized stack against the environment file of the same name. */
export function runPolicy(options: PolicyRunOptions): EnvironmentResult[] {
  const today = options.today ?? new Date();
  const models = loadModels(options.environmentsDir, today);
  return loadStacks(options.outDir).map((stack) => {
    const model = models.get(stack.name);
    const result = evaluateStack(
      { environment: stack.name, stackFile: stack.file, document: stack.document, model },
      { rules: options.rules ?? ruleCatalog, today },
    );
    return model ? { ...result, recommendations: capacityRecommendations(model) } : result;
  });
}
