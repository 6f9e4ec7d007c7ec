import fc from "fast-check";
import { environmentFile } from "./arbitraries/environment";
import { load } from "./harness";
import { seed } from "./run-config";

/*
 * The properties over accepted files say something about logic apps only if generated files with
 * logic apps are accepted: in both hosting models, with workflows that read and write entities
 * through their connections, and in both tiers. A change to the arbitraries (or to validation)
 * that left every drawn logic app refused would otherwise pass unnoticed.
 */

describe("generated files with logic apps", () => {
  const accepted = fc
    .sample(
      environmentFile.filter((file) => file.doc.logicApps !== undefined),
      { numRuns: 150, seed },
    )
    .flatMap((file) => {
      const result = load(file.yaml);
      return result.ok ? [result.model] : [];
    });
  const apps = accepted.flatMap((model) => model.logicApps.map((app) => ({ tier: model.tier, app })));
  const connected = apps.filter(({ app }) => app.workflows.some((w) => w.uses.length > 0));

  it(`are accepted in both hosting models with workflows that use their connections (seed ${seed})`, () => {
    expect(new Set(connected.map(({ app }) => app.hosting))).toEqual(new Set(["Consumption", "Standard"]));
  });

  it(`are accepted in both tiers (seed ${seed})`, () => {
    expect(new Set(connected.map(({ tier }) => tier))).toEqual(new Set(["development", "production"]));
  });
});
