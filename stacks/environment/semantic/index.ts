import type { Diagnostic } from "../diagnostics";
import type { ParsedDocument } from "../parsed-document";
import type { EnvironmentSpec } from "../spec";
import { SemanticContext, type SemanticCheck } from "./context";

/**
 * Every semantic check, in the order their errors read best. Each family lives in its own file;
 * adding one is one import and one entry here.
 */
const checks: readonly SemanticCheck[] = [];

export function checkSemantics(doc: ParsedDocument, spec: EnvironmentSpec, options: { today?: Date } = {}): Diagnostic[] {
  const ctx = new SemanticContext(doc, spec, options.today ?? new Date());
  for (const check of checks) check(ctx);
  return [...ctx.diagnostics];
}
