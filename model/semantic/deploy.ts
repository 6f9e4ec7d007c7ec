import { nameProblemOf as azureNameProblem } from "../../azure/name-rules";
import { resourceGroupNameOf } from "../resource-names";
import type { SemanticCheck, SemanticContext } from "./context";

function listOf(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === "string" ? [value] : value;
}

/** `deploy.after` naming the environment itself; other names and cycles span files (model/deploy-order.ts). */
function checkOrder(ctx: SemanticContext): void {
  const after = ctx.spec.deploy?.after;
  listOf(after).forEach((environment, i) => {
    if (environment !== ctx.spec.name) return;
    ctx.error(
      typeof after === "string" ? "/deploy/after" : `/deploy/after/${i}`,
      `environment "${environment}" cannot deploy after itself; name the environments that must deploy before it`,
    );
  });
}

/** GitHub matches runner labels without regard to case, so `Linux` and `linux` are one label. */
function checkRunners(ctx: SemanticContext): void {
  const runsOn = ctx.spec.deploy?.runsOn;
  const seen = new Map<string, string>();
  listOf(runsOn).forEach((label, i) => {
    const other = seen.get(label.toLowerCase());
    if (other !== undefined && other !== label) {
      ctx.error(
        typeof runsOn === "string" ? "/deploy/runsOn" : `/deploy/runsOn/${i}`,
        `runner label "${label}" repeats "${other}": GitHub compares labels without regard to case`,
      );
    }
    seen.set(label.toLowerCase(), label);
  });
}

/**
 * The remote state the deploys use, which `npm run bootstrap` creates: Azure's names for it, and a
 * resource group of its own. The deploy identity is Contributor on the environment's group, so
 * state kept there would be within reach of every deploy (and of a stack that deletes its group).
 */
function checkState(ctx: SemanticContext): void {
  const state = ctx.spec.state;
  if (!state) return;
  const account = azureNameProblem("storageAccount", state.storageAccount);
  if (account)
    ctx.error(
      "/state/storageAccount",
      `Azure name "${state.storageAccount}" for the state storage account ${account}`,
    );
  const group = azureNameProblem("resourceGroup", state.resourceGroup);
  if (group)
    ctx.error(
      "/state/resourceGroup",
      `Azure name "${state.resourceGroup}" for the state resource group ${group}`,
    );
  const environmentGroup = resourceGroupNameOf(ctx.spec);
  // Resource group names are compared without regard to case, as Azure does.
  if (state.resourceGroup.toLowerCase() === environmentGroup.toLowerCase()) {
    ctx.error(
      "/state/resourceGroup",
      `the state's resource group is the environment's own (${environmentGroup}): keep the state in another group, out of reach of the deploy identity that changes the environment's`,
    );
  }
}

/** What one file alone can get wrong about how it is deployed. */
export const checkDeploy: SemanticCheck = (ctx) => {
  checkOrder(ctx);
  checkRunners(ctx);
  checkState(ctx);
};
