import type { Diagnostic } from "../diagnostics";
import type { EnvironmentModel } from "../model";
import type { ParsedDocument } from "../parsed-document";
import { ModelCheckContext, type ModelCheck } from "./context";
import { checkDerivedNames } from "./derived-names";
import { checkNameCollisions } from "./name-collisions";
import { checkResourceReferences } from "./resource-references";

/** The checks of the resolved model, in the order their errors read best. */
const checks: readonly ModelCheck[] = [checkNameCollisions, checkDerivedNames, checkResourceReferences];

export function checkModel(doc: ParsedDocument, model: EnvironmentModel): Diagnostic[] {
  const ctx = new ModelCheckContext(doc, model);
  for (const check of checks) check(ctx);
  return [...ctx.diagnostics];
}
