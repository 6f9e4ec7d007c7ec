import { join } from "node:path";
import { App } from "cdktf";
import type { EnvironmentModel } from "../model/model";
import { BootstrapStack, bootstrapStackName, type BootstrapOptions } from "./bootstrap-stack";
import { withPlainStackTraces } from "./plain-stack-traces";

export type BootstrapSynthesis =
  | { readonly ok: true; readonly stackDir: string }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Synthesizes an environment's bootstrap stack into `<outdir>/stacks/bootstrap-<env>/`, apart from
 * the environments' own stacks (`npm run synth` removes stack folders it did not write, and this
 * one keeps its local state beside it). Construct validation problems come back as a list.
 */
export function synthesizeBootstrap(
  model: EnvironmentModel,
  options: BootstrapOptions,
  outdir: string,
): BootstrapSynthesis {
  return withPlainStackTraces(() => {
    const app = new App({ outdir, skipValidation: false });
    new BootstrapStack(app, model, options);
    try {
      app.synth();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, problems: message.split("\n").filter((line) => line.trim() !== "") };
    }
    return { ok: true, stackDir: join(outdir, "stacks", bootstrapStackName(model.name)) };
  });
}
