import type { EnvironmentModel } from "../../model/model";
import type { StackRequirements } from "../../stacks/stack-requirements";
import type { ArmClients } from "../smoke/arm-clients";
import type { ArmReader } from "./arm-reader";
import type { Finding } from "./findings";

/** What every family of checks reads. */
export interface PreflightContext {
  readonly model: EnvironmentModel;
  readonly requirements: StackRequirements;
  readonly subscriptionId: string;
  readonly clients: ArmClients;
  readonly arm: ArmReader;
}

/**
 * One family of checks (network, encryption, ...). It returns its findings in a fixed order and
 * lets ARM errors through: the runner turns those into failed findings with advice.
 */
export interface CheckFamily {
  /** What the family checks, for the line an ARM error turns into. */
  readonly what: string;
  readonly run: (ctx: PreflightContext, guard: Guard) => Promise<readonly Finding[]>;
}

/** Runs one check; an ARM error becomes a failed finding for `check` with the usual fix. */
export type Guard = (check: string, work: () => Promise<Finding>) => Promise<Finding>;
