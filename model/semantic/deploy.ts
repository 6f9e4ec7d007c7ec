import type { SemanticCheck } from "./context";

function listOf(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === "string" ? [value] : value;
}

/**
 * What one file alone can get wrong in `deploy:`. Names in `after:` that no other file declares,
 * and cycles through several files, are the folder's to check (model/deploy-order.ts).
 */
export const checkDeploy: SemanticCheck = (ctx) => {
  const deploy = ctx.spec.deploy;
  if (!deploy) return;
  const single = typeof deploy.after === "string";
  listOf(deploy.after).forEach((environment, i) => {
    if (environment !== ctx.spec.name) return;
    ctx.error(
      single ? "/deploy/after" : `/deploy/after/${i}`,
      `environment "${environment}" cannot deploy after itself; name the environments that must deploy before it`,
    );
  });
  // GitHub matches runner labels without regard to case, so `Linux` and `linux` are one label.
  const seen = new Map<string, string>();
  const labels = listOf(deploy.runsOn);
  labels.forEach((label, i) => {
    const other = seen.get(label.toLowerCase());
    if (other !== undefined && other !== label) {
      ctx.error(
        typeof deploy.runsOn === "string" ? "/deploy/runsOn" : `/deploy/runsOn/${i}`,
        `runner label "${label}" repeats "${other}": GitHub compares labels without regard to case`,
      );
    }
    seen.set(label.toLowerCase(), label);
  });
};
