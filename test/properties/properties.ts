import type fc from "fast-check";
import { formatDiagnostic } from "../../model/diagnostics";
import type { JsonObject } from "../../policies/engine/terraform-json";
import { environmentFile, type EnvironmentCase } from "./arbitraries/environment";
import { azureNameClashes } from "./azure-name-clashes";
import { generatedFile, load, runDiagram, runPlanGuard, runPolicy, synthesisOf, synthesize } from "./harness";

/*
 * The properties of the environment-file pipeline over whole generated files. Each `check`
 * throws on a violation; jest (test/properties/*.test.ts) runs a few hundred cases of them and
 * `npm run test:properties` as many as asked, printing the minimal counterexample of each.
 */

export interface PropertyDefinition {
  /** Short name for the command line (`--property synthesizes`). */
  readonly id: string;
  readonly title: string;
  readonly arbitrary: fc.Arbitrary<EnvironmentCase>;
  readonly check: (file: EnvironmentCase) => void;
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The synthesized stack of an accepted file; undefined for a refused file or a synthesis crash (property a's). */
function synthesizedOf(file: EnvironmentCase) {
  const outcome = synthesisOf(file.yaml);
  if (outcome.kind !== "synthesized") return undefined;
  return { model: outcome.model, document: JSON.parse(outcome.text) as JsonObject };
}

/** (a) A file the validator accepts synthesizes. */
const synthesizes: PropertyDefinition = {
  id: "synthesizes",
  title: "a file the validator accepts synthesizes without an exception",
  arbitrary: environmentFile,
  check: (file) => {
    const outcome = synthesisOf(file.yaml);
    if (outcome.kind === "crashed") {
      throw new Error(`validated, then synthesis threw:\n${describeError(outcome.error)}`);
    }
  },
};

/** (b) Policy, diagram and plan guard run on what an accepted file synthesizes. */
const viewsRun: PropertyDefinition = {
  id: "views",
  title:
    "policy (every report format), diagram and plan guard run on a synthesized file without an exception",
  arbitrary: environmentFile,
  check: (file) => {
    const stack = synthesizedOf(file);
    if (!stack) return;
    for (const [view, run] of [
      ["policy", () => runPolicy(stack.model, stack.document)],
      ["diagram", () => runDiagram(stack.model)],
      ["plan guard", () => runPlanGuard(stack.model, stack.document)],
    ] as const) {
      try {
        run();
      } catch (error) {
        throw new Error(`${view} threw on a synthesized file:\n${describeError(error)}`);
      }
    }
  },
};

/** (c) A refused file says where: its name, a line and the field, for every error. */
const refusalsLocated: PropertyDefinition = {
  id: "refusals",
  title: "every error of a refused file names the file, a line ≥ 1, a column ≥ 1 and a field path",
  arbitrary: environmentFile,
  check: (file) => {
    const result = load(file.yaml);
    if (result.ok) return;
    if (result.errors.length === 0) throw new Error("refused without an error");
    for (const error of result.errors) {
      const text = formatDiagnostic(error);
      if (error.file !== generatedFile) throw new Error(`error names file "${error.file}": ${text}`);
      if (!(error.line >= 1 && error.column >= 1)) throw new Error(`error without a position: ${text}`);
      if (error.path.trim() === "") throw new Error(`error without a field path: ${text}`);
      if (error.message.trim() === "") throw new Error(`error without a message: ${text}`);
    }
  },
};

/** (d) The same file synthesizes to the same bytes. */
const deterministic: PropertyDefinition = {
  id: "deterministic",
  title: "synthesizing the same file twice gives byte-identical JSON",
  arbitrary: environmentFile,
  check: (file) => {
    const outcome = synthesisOf(file.yaml);
    if (outcome.kind !== "synthesized") return;
    const again = load(file.yaml);
    if (!again.ok) throw new Error("the file validated once and not the second time");
    if (synthesize(again.model) !== outcome.text)
      throw new Error("the second synthesis differs from the first");
  },
};

/** (e) No two synthesized resources share an Azure name where Azure needs it unique. */
const uniqueAzureNames: PropertyDefinition = {
  id: "names",
  title: "no two synthesized resources of one type share an Azure name (ignoring case) in one parent",
  arbitrary: environmentFile,
  check: (file) => {
    const stack = synthesizedOf(file);
    if (!stack) return;
    const clashes = azureNameClashes(stack.document);
    if (clashes.length > 0) {
      throw new Error(
        `synthesized resources share an Azure name:\n${clashes
          .map((c) => `  "${c.name}" (${c.where}): ${c.addresses.join(", ")}`)
          .join("\n")}`,
      );
    }
  },
};

export const properties: readonly PropertyDefinition[] = [
  synthesizes,
  viewsRun,
  refusalsLocated,
  deterministic,
  uniqueAzureNames,
];

export function propertyById(id: string): PropertyDefinition {
  const found = properties.find((p) => p.id === id);
  if (!found) throw new Error(`no property "${id}"; known: ${properties.map((p) => p.id).join(", ")}`);
  return found;
}
