import { join } from "node:path";
import type { TerraformPlan } from "../../policies/plan-guard/plan-format";
import { readPlanFile } from "../../policies/plan-guard/read-plan-file";

export const plansDir = join(__dirname, "..", "fixtures", "plans");

/** A plan fixture by file name, read through the guard's own reader. */
export function fixturePlan(name: string): TerraformPlan {
  const result = readPlanFile(join(plansDir, name));
  if (!result.ok) throw new Error(`fixture ${name} does not read: ${result.message}`);
  return result.plan;
}
