import { App } from "cdktf";
import type { EnvironmentModel } from "../model/model";
import { MessagingStack } from "./messaging-stack";
import { withStagedPackages } from "./logic-app-package";
import { withPlainStackTraces } from "./plain-stack-traces";

/**
 * Synthesizes one stack per model into `outdir`. Callers validate every file first, so an
 * invalid environment never leaves a partial `cdktf.out` behind.
 */
export function synthesizeEnvironments(models: readonly EnvironmentModel[], outdir?: string): App {
  return withPlainStackTraces(() =>
    withStagedPackages(() => {
      const app = new App(outdir ? { outdir, skipValidation: false } : {});
      for (const model of [...models].sort((a, b) => a.name.localeCompare(b.name))) {
        new MessagingStack(app, model);
      }
      app.synth();
      return app;
    }),
  );
}
