/** Runs one semantic check family on YAML text, so each test sees only that family's errors. */
import type { Diagnostic } from "../../../model/diagnostics";
import { SemanticContext, type SemanticCheck } from "../../../model/semantic/context";
import { documentFromText, specOf, testToday } from "./document";

export function diagnosticsOf(
  check: SemanticCheck,
  text: string,
  today: Date = testToday,
): readonly Diagnostic[] {
  const doc = documentFromText(text);
  const ctx = new SemanticContext(doc, specOf(doc), today);
  check(ctx);
  return ctx.diagnostics;
}

export const messagesOf = (check: SemanticCheck, text: string, today?: Date): string[] =>
  diagnosticsOf(check, text, today).map((d) => d.message);

/** The top of a small development-tier file; tests append the sections they need. */
export const devHeader = `name: dev
tier: development
location: westeurope
naming:
  prefix: contoso
principals:
  orders-api: { objectId: 11111111-1111-1111-1111-111111111111, type: ServicePrincipal }
  billing-worker: { objectId: 22222222-2222-2222-2222-222222222222, type: ServicePrincipal }
`;
