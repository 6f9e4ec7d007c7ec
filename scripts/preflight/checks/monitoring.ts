import type { CheckFamily } from "../context";
import { fail, nameOf, pass } from "../findings";

/** The Log Analytics workspace diagnostics go to, when the file names one (else the stack creates it). */
export const monitoring: CheckFamily = {
  what: "monitoring",
  run: async (ctx, guard) => {
    const workspaceId = ctx.model.monitoring.logAnalyticsWorkspaceId;
    if (!workspaceId) return [];
    const check = `Log Analytics workspace ${nameOf(workspaceId)} exists`;
    return [
      await guard(check, async () => {
        const workspace = await ctx.arm.get(workspaceId);
        if (!workspace) {
          return fail(
            check,
            `no workspace ${workspaceId}`,
            `create it, correct monitoring.logAnalyticsWorkspaceId in ${ctx.model.file}, or remove it to let the stack create one`,
          );
        }
        const state = workspace.properties?.provisioningState;
        if (typeof state === "string" && state !== "Succeeded") {
          return fail(
            check,
            `the workspace is ${state}`,
            "wait until it is provisioned, or use another workspace",
          );
        }
        return pass(check);
      }),
    ];
  },
};
