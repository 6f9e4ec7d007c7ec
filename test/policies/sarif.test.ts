import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { renderSarif } from "../../policies/report/sarif";
import { reportedRules } from "../../policies/rules/catalog";
import type { PolicyModel } from "../../model/policy-model";
import { prodModel } from "../fixtures/policy/prod-model";
import { compliantModel } from "../fixtures/policy/compliant-model";
import { evaluate, readJson, violatingStack } from "./support/fixtures";

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      partialFingerprints: Record<string, string>;
      suppressions?: { kind: string; state: string }[];
    }[];
  }[];
}

const options = { failOn: "high" as const, color: false, rootDir: "/repo" };
const expiredWaiver: PolicyModel = {
  ...compliantModel,
  file: "/repo/environments/compliant.yaml",
  waivers: [
    {
      rule: "SB-LOCK",
      resource: "serviceBus/orders",
      reason: "migration",
      expires: "2026-01-31",
      source: { file: "/repo/environments/compliant.yaml", line: 70, column: 5, pointer: "/waivers/0" },
    },
  ],
};
const prodSarif = (): string =>
  renderSarif([evaluate(readJson("prod", "cdk.tf.json"), prodModel)], reportedRules, {
    ...options,
    rootDir: ".",
  });
const parse = (text: string): SarifLog => JSON.parse(text) as SarifLog;

function validator(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}
const schema: unknown = JSON.parse(
  readFileSync(join(__dirname, "..", "fixtures", "sarif-2.1.0.schema.json"), "utf8"),
);

describe("SARIF report", () => {
  test("validates against the SARIF 2.1.0 schema, with open, waived and expired-waiver results", () => {
    const validate = validator().compile(schema as object);
    const results = [
      evaluate(readJson("prod", "cdk.tf.json"), prodModel),
      evaluate(violatingStack("SB-LOCK"), expiredWaiver),
    ];
    const log: unknown = JSON.parse(renderSarif(results, reportedRules, options));
    expect(validate(log) ? [] : validate.errors).toEqual([]);
  });

  test("lists every catalog rule and waiver rule with a stable ID", () => {
    expect(parse(prodSarif()).runs[0].tool.driver.rules.map((r) => r.id)).toEqual(
      reportedRules.map((r) => r.id),
    );
  });

  test("derives result levels from severity", () => {
    const log = parse(renderSarif([evaluate(violatingStack("SB-DIAGNOSTICS"))], reportedRules, options));
    expect(log.runs[0].results.map((r) => [r.ruleId, r.level])).toEqual([["SB-DIAGNOSTICS", "warning"]]);
  });

  test("locates a result at the environment-file line that declared the resource, relative to the repository", () => {
    const location = parse(prodSarif()).runs[0].results[0].locations[0].physicalLocation;
    expect([location.artifactLocation.uri, location.region.startLine]).toEqual([
      "environments/prod.yaml",
      93,
    ]);
  });

  test("marks a waived finding as an accepted external suppression", () => {
    expect(parse(prodSarif()).runs[0].results[0].suppressions).toEqual([
      expect.objectContaining({ kind: "external", state: "accepted" }),
    ]);
  });

  test("gives results fingerprints that do not change when the file's lines move", () => {
    const moved: PolicyModel = {
      ...prodModel,
      eventHubs: prodModel.eventHubs.map((ns) => ({
        ...ns,
        source: { ...ns.source, line: ns.source.line + 10 },
      })),
    };
    const fingerprints = (model: PolicyModel) =>
      parse(
        renderSarif([evaluate(readJson("prod", "cdk.tf.json"), model)], reportedRules, options),
      ).runs[0].results.map((r) => r.partialFingerprints);
    expect(fingerprints(moved)).toEqual(fingerprints(prodModel));
  });
});
