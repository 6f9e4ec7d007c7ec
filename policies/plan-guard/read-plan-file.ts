import { readFileSync } from "node:fs";
import { readPlan, type PlanReadResult } from "./plan-format";

/** Reads a `terraform show -json` file; an unreadable file or broken JSON is a result, not a throw. */
export function readPlanFile(file: string): PlanReadResult {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `cannot read ${file}: ${reason}` };
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `${file} is not JSON (${reason}); pass the output of \`terraform show -json <planfile>\``,
    };
  }
  const result = readPlan(document);
  return result.ok ? result : { ok: false, message: `${file}: ${result.message}` };
}
