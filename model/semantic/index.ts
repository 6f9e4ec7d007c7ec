import type { Diagnostic } from "../diagnostics";
import type { ParsedDocument } from "../parsed-document";
import type { NamedFiles } from "../named-files";
import type { EnvironmentSpec } from "../spec";
import { checkAzureNames } from "./azure-names";
import { checkCapacity } from "./capacity";
import { SemanticContext, type SemanticCheck } from "./context";
import { checkDeploy } from "./deploy";
import { checkEventGrid } from "./event-grid";
import { checkEventHubs } from "./event-hubs";
import { checkForwarding } from "./forwarding";
import { checkIotHubs } from "./iot-hub";
import { checkLogicApps } from "./logic-apps";
import { checkReferences } from "./references";
import { checkRelays } from "./relay";
import { checkServiceBus } from "./service-bus";
import { checkSites } from "./sites";
import { checkStreamAnalytics } from "./stream-analytics";
import { checkTierRequirements } from "./tier-requirements";
import { checkUniqueNames } from "./unique-names";
import { checkWaivers } from "./waivers";

/**
 * Every semantic check, in the order their errors read best. Each family lives in its own file;
 * adding one is one import and one entry here.
 */
const checks: readonly SemanticCheck[] = [
  checkUniqueNames,
  checkReferences,
  checkForwarding,
  checkAzureNames,
  checkWaivers,
  checkTierRequirements,
  checkServiceBus,
  checkEventHubs,
  checkEventGrid,
  checkIotHubs,
  checkRelays,
  checkCapacity,
  checkSites,
  checkStreamAnalytics,
  checkDeploy,
  checkLogicApps,
];

export function checkSemantics(
  doc: ParsedDocument,
  spec: EnvironmentSpec,
  options: { today?: Date; files?: NamedFiles } = {},
): Diagnostic[] {
  const ctx = new SemanticContext(doc, spec, options.today ?? new Date(), options.files);
  for (const check of checks) check(ctx);
  return [...ctx.diagnostics];
}
