import { nameProblemOf, type AzureNameKind } from "../../azure/name-rules";
import type { Problem } from "../../azure/problem";

/** Azure's naming rule for `kind`, applied to a construct's `name` (skipped while it is a token). */
export function nameProblems(kind: AzureNameKind, name: string | undefined): Problem[] {
  if (name === undefined) return [];
  const problem = nameProblemOf(kind, name);
  return problem === undefined ? [] : [{ field: "name", message: `Azure name "${name}" ${problem}` }];
}
