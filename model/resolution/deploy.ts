import type { DeploySettings } from "../model";
import type { ResolveContext } from "./context";

/**
 * GitHub-hosted Linux: where an environment's jobs run unless its file names other labels. It cannot
 * reach private endpoints, which is why an environment closed to the public names its own runners.
 */
export const defaultRunnerLabels: readonly string[] = ["ubuntu-latest"];

function listOf(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === "string" ? [value] : value;
}

export function resolveDeploy(ctx: ResolveContext): DeploySettings {
  const deploy = ctx.spec.deploy ?? {};
  const after = deploy.after;
  const runsOn = listOf(deploy.runsOn);
  return {
    after: listOf(after).map((environment, i) => ({
      environment,
      // A single name is the value of `after` itself; a list entry has its own position.
      source: ctx.source(typeof after === "string" ? "/deploy/after" : `/deploy/after/${i}`),
    })),
    runsOn: runsOn.length > 0 ? runsOn : defaultRunnerLabels,
  };
}
