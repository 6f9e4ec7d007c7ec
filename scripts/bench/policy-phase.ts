import { loadEnvironmentFile } from "../../model/load-environment";
import { evaluateStack } from "../../policies/engine/evaluate";
import { loadStacks } from "../../policies/engine/load-stacks";
import { ruleCatalog } from "../../policies/rules/catalog";

/**
 * Policy evaluation as `npm run policy` does it, minus argument parsing and rendering: reading
 * the synthesized stacks and evaluating every rule. The environment file (needed for waivers and
 * tiers) is loaded first, outside the measured part; the returned function is what is timed.
 */
export function preparePolicyEvaluation(outDir: string, environmentFile: string): () => number {
  const today = new Date();
  const loaded = loadEnvironmentFile(environmentFile, { today });
  if (!loaded.ok) throw new Error(`generated file is invalid: ${JSON.stringify(loaded.errors.slice(0, 3))}`);
  const model = loaded.model;
  return () =>
    loadStacks(outDir).reduce(
      (findings, stack) =>
        findings +
        evaluateStack(
          { environment: stack.name, stackFile: stack.file, document: stack.document, model },
          { rules: ruleCatalog, today },
        ).findings.length,
      0,
    );
}
