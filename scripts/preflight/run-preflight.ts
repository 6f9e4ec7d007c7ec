/**
 * Runs every family of checks, in the order the report reads best: what Azure must allow
 * (providers), what the environment plugs into (network, monitoring, keys, other references),
 * where its state lives, and the names it will claim. An ARM error fails only its own line,
 * with the usual fix; a credential that cannot be used stops the run.
 */
import { adviceFor, armFailureOf, credentialAdvice, isCredentialError } from "../smoke/arm-errors";
import { encryption } from "./checks/encryption";
import { monitoring } from "./checks/monitoring";
import { names } from "./checks/names";
import { network } from "./checks/network";
import { resourceProviders } from "./checks/providers";
import { references } from "./checks/references";
import { state } from "./checks/state";
import type { CheckFamily, Guard, PreflightContext } from "./context";
import { fail, type Finding } from "./findings";

export const families: readonly CheckFamily[] = [
  resourceProviders,
  network,
  monitoring,
  encryption,
  references,
  state,
  names,
];

/** No credential could sign in: the run cannot check anything (exit 2). */
export class PreflightCredentialError extends Error {
  constructor(detail: string) {
    super(`${credentialAdvice} (${detail})`);
    this.name = "PreflightCredentialError";
  }
}

export interface PreflightSummary {
  readonly environment: string;
  readonly findings: readonly Finding[];
}

export async function runPreflight(ctx: PreflightContext): Promise<PreflightSummary> {
  const guard: Guard = async (check, work) => {
    try {
      return await work();
    } catch (error) {
      if (isCredentialError(error)) throw new PreflightCredentialError(armFailureOf(error).message);
      const failure = armFailureOf(error);
      return fail(
        check,
        `could not be checked: ${failure.status ? `${failure.status} ` : ""}${failure.message}`,
        adviceFor(failure, {
          subscriptionId: ctx.subscriptionId,
          resourceGroup: ctx.model.resourceGroupName,
        }),
      );
    }
  };
  // Families run side by side; each keeps its own order, and the report keeps the families' order.
  const results = await Promise.all(families.map((family) => family.run(ctx, guard)));
  return { environment: ctx.model.name, findings: results.flat() };
}

/** 0 when every check holds, 1 when any fails. */
export function exitCodeOf(summary: PreflightSummary): number {
  return summary.findings.every((f) => f.passed) ? 0 : 1;
}
