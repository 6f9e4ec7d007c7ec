import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { JsonObject } from "./terraform-json";
import { isJsonObject } from "./terraform-json";

/** A problem with the policy run's inputs (missing folder, unreadable or invalid JSON): exit code 2. */
export class PolicyInputError extends Error {}

export interface SynthesizedStack {
  readonly name: string;
  readonly file: string;
  readonly document: JsonObject;
}

/** Every `stacks/<name>/cdk.tf.json` under a cdktf output folder, sorted by stack name. */
export function loadStacks(outDir: string): SynthesizedStack[] {
  const stacksDir = join(outDir, "stacks");
  if (!existsSync(stacksDir))
    throw new PolicyInputError(
      `no synthesized stacks: ${stacksDir} does not exist (run npm run synth first)`,
    );
  const stacks: SynthesizedStack[] = [];
  for (const name of readdirSync(stacksDir).sort()) {
    const file = join(stacksDir, name, "cdk.tf.json");
    if (!existsSync(file)) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new PolicyInputError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!isJsonObject(parsed)) throw new PolicyInputError(`${file}: not a Terraform JSON object`);
    stacks.push({ name, file, document: parsed });
  }
  if (stacks.length === 0) throw new PolicyInputError(`no cdk.tf.json under ${stacksDir}`);
  return stacks;
}
