import { walkEnvironment } from "../../model/walk";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectionCatalogFor } from "../../model/connection-catalog";
import { loadEnvironmentText, type LoadResult } from "../../model/load-environment";
import type { EnvironmentModel } from "../../model/model";
import { evaluateStack } from "../../policies/engine/evaluate";
import type { JsonObject } from "../../policies/engine/terraform-json";
import { EnvironmentReferences } from "../../policies/plan-guard/environment-references";
import { planGuard } from "../../policies/plan-guard/plan-guard";
import type { ResourceChange } from "../../policies/plan-guard/plan-format";
import { renderReport } from "../../policies/report/render-report";
import { reportFormats } from "../../policies/report/report-options";
import { ruleCatalog, reportedRules } from "../../policies/rules/catalog";
import { renderDot } from "../../policies/topology/dot";
import { topologyOf } from "../../policies/topology/graph";
import { renderMermaid } from "../../policies/topology/mermaid";
import { synthesizeEnvironments } from "../../stacks/app";
import { generatedWorkflows } from "./arbitraries/logic-apps";
import { generatedQueries } from "./arbitraries/stream-analytics";

/*
 * What the properties do with a generated file, all in-process and each step as the CLI does it:
 * load (validate), synthesize, then the policy engine and its reports, the diagram and the plan
 * guard on what was synthesized.
 */

/** The name generated files are loaded under; every refusal must name it. */
export const generatedFile = "generated.yaml";

/** The day waivers and subscription expiries are judged against: fixed, so runs repeat. */
export const today = new Date("2026-11-23T00:00:00Z");

/** Generated query and workflow files, as if beside `generated.yaml`; any other path does not exist. */
function readGenerated(absolutePath: string): string {
  const text = generatedQueries.get(absolutePath) ?? generatedWorkflows.get(absolutePath);
  if (text === undefined) throw Object.assign(new Error("no such file"), { code: "ENOENT" });
  return text;
}

export function load(yaml: string): LoadResult {
  return loadEnvironmentText(yaml, generatedFile, { today, readFile: readGenerated });
}

/** Synthesizes one model into a fresh folder and returns its stack's `cdk.tf.json` text. */
export function synthesize(model: EnvironmentModel): string {
  const outdir = mkdtempSync(join(tmpdir(), "property-"));
  try {
    synthesizeEnvironments([model], outdir);
    return readFileSync(join(outdir, "stacks", model.name, "cdk.tf.json"), "utf8");
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export type Synthesis =
  | { readonly kind: "refused" }
  | { readonly kind: "crashed"; readonly error: unknown }
  | { readonly kind: "synthesized"; readonly model: EnvironmentModel; readonly text: string };

/*
 * The properties over accepted files run on the same seeded cases, so each file is loaded and
 * synthesized once per worker and the later properties read the result.
 */
const syntheses = new Map<string, Synthesis>();
/** Enough for the jest runs' cases; long script runs keep memory flat by dropping the oldest. */
const remembered = 400;

/** Loads and synthesizes `yaml` (once): refused, crashed in synthesis, or its stack's JSON text. */
export function synthesisOf(yaml: string): Synthesis {
  const known = syntheses.get(yaml);
  if (known) return known;
  const loaded = load(yaml);
  let outcome: Synthesis;
  if (!loaded.ok) outcome = { kind: "refused" };
  else {
    try {
      outcome = { kind: "synthesized", model: loaded.model, text: synthesize(loaded.model) };
    } catch (error) {
      outcome = { kind: "crashed", error };
    }
  }
  syntheses.set(yaml, outcome);
  if (syntheses.size > remembered) syntheses.delete(syntheses.keys().next().value as string);
  return outcome;
}

/** The policy engine and every report format, as `npm run policy` runs them on one stack. */
export function runPolicy(model: EnvironmentModel, document: JsonObject): void {
  const result = evaluateStack(
    { environment: model.name, stackFile: `cdktf.out/stacks/${model.name}/cdk.tf.json`, document, model },
    { rules: ruleCatalog, today },
  );
  for (const format of reportFormats) {
    renderReport(format, [result], reportedRules, {
      failOn: "high",
      color: false,
      rootDir: process.cwd(),
      baseModels: new Map([[model.name, model]]),
    });
  }
}

/** The diagram in both formats and the connection catalog, as `npm run diagram` draws them. */
export function runDiagram(model: EnvironmentModel): void {
  const topology = topologyOf(model);
  renderMermaid(topology);
  renderDot(topology);
  connectionCatalogFor(model);
}

/**
 * The plan guard with the file's references and allowDestroy entries, on a plan that deletes
 * every synthesized resource (its attributes as `before`): the harshest plan there is.
 */
export function runPlanGuard(model: EnvironmentModel, document: JsonObject): void {
  const resources = (document.resource ?? {}) as Record<string, Record<string, JsonObject>>;
  const resourceChanges: ResourceChange[] = Object.entries(resources).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, body]) => ({
      address: `${type}.${name}`,
      mode: "managed" as const,
      type,
      name,
      change: {
        actions: ["delete" as const],
        before: body,
        after: null,
        afterUnknown: false,
        replacePaths: [],
      },
    })),
  );
  planGuard(
    { formatVersion: "1.2", resourceChanges },
    { allowDestroy: model.allowDestroy, references: EnvironmentReferences.of(walkEnvironment(model)) },
  );
}
