/**
 * One benchmark phase in a fresh process (`npm run bench` starts one per phase and size):
 * prints a single JSON line with wall time, peak resident memory and resources emitted.
 *
 *   measure.ts validate <environment file>
 *   measure.ts synth <environment file> <outdir>
 *   measure.ts baseline <synthesized cdk.tf.json> <outdir>
 *   measure.ts policy <outdir> <environment file>
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadEnvironmentFile } from "../../model/load-environment";
import { parseEnvironmentText } from "../../model/parse";
import { checkSchema } from "../../model/schema-check";
import { synthesizeEnvironments } from "../../stacks/app";
import {
  prepareBaseline,
  synthesizeBaseline,
  type SynthesizedResources,
  type SynthesizedStack,
} from "./baseline";
import { preparePolicyEvaluation } from "./policy-phase";

export interface PhaseResult {
  readonly phase: string;
  readonly ms: number;
  readonly peakRssMb: number;
  readonly resources?: number;
  readonly findings?: number;
  /** validate: the part of `ms` spent compiling the JSON schema on first use (once per process). */
  readonly schemaCompileMs?: number;
}

function countResources(file: string): number {
  const json = JSON.parse(readFileSync(file, "utf8")) as { resource?: SynthesizedResources };
  return Object.values(json.resource ?? {}).reduce((sum, byId) => sum + Object.keys(byId).length, 0);
}

function peakRssMb(): number {
  // maxRSS is in kilobytes on Linux.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * Leaves the module loader's call stack before any timed work. cdktf records the full call stack
 * of every token it creates (with source-mapped positions under tsx), so work done while this
 * module is still being evaluated pays for ~10 extra loader frames per token that a phase started
 * after an `await` does not. Every phase starts here, so synthesis and the baseline are measured
 * from the same stack depth, as `stacks/main.ts` runs synthesis.
 */
function leaveModuleEvaluation(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function run(args: readonly string[]): Promise<PhaseResult> {
  const [phase, first, second] = args;
  await leaveModuleEvaluation();
  if (phase === "validate") {
    const start = performance.now();
    // The first check of a process compiles the JSON schema (a one-time cost, independent of the
    // file's size). It is part of what a user waits for, so it stays inside `ms`; compiling it on
    // a one-line document first lets it be reported apart as `schemaCompileMs`.
    const tiny = parseEnvironmentText("name: warm-up\n", "warm-up.yaml");
    if (tiny.document) checkSchema(tiny.document);
    const compiled = performance.now();
    const result = loadEnvironmentFile(first);
    const ms = performance.now() - start;
    if (!result.ok)
      throw new Error(`generated file is invalid: ${JSON.stringify(result.errors.slice(0, 3))}`);
    return { phase, ms, schemaCompileMs: compiled - start, peakRssMb: peakRssMb() };
  }
  if (phase === "synth") {
    const result = loadEnvironmentFile(first);
    if (!result.ok)
      throw new Error(`generated file is invalid: ${JSON.stringify(result.errors.slice(0, 3))}`);
    const start = performance.now();
    synthesizeEnvironments([result.model], second);
    const ms = performance.now() - start;
    return {
      phase,
      ms,
      peakRssMb: peakRssMb(),
      resources: countResources(join(second, "stacks", result.model.name, "cdk.tf.json")),
    };
  }
  if (phase === "baseline") {
    const prepared = await prepareBaseline(JSON.parse(readFileSync(first, "utf8")) as SynthesizedStack);
    const start = performance.now();
    const resources = synthesizeBaseline(prepared, second);
    return { phase, ms: performance.now() - start, peakRssMb: peakRssMb(), resources };
  }
  if (phase === "policy") {
    const evaluate = preparePolicyEvaluation(first, second);
    const start = performance.now();
    const findings = evaluate();
    return { phase, ms: performance.now() - start, peakRssMb: peakRssMb(), findings };
  }
  throw new Error(`unknown phase "${phase}"`);
}

run(process.argv.slice(2)).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
