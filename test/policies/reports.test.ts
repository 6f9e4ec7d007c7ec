import { renderGithub } from "../../policies/report/github";
import { renderJson } from "../../policies/report/json";
import { renderMarkdown } from "../../policies/report/markdown";
import { renderText } from "../../policies/report/text";
import { reportedRules } from "../../policies/rules/catalog";
import { prodModel } from "../fixtures/policy/prod-model";
import { evaluate, readJson, violatingStack } from "./support/fixtures";

const options = { failOn: "high" as const, color: false, rootDir: "." };
const failing = () => evaluate(violatingStack("SB-PUBLIC-NETWORK"));

describe("text report", () => {
  test("groups open findings under their severity", () => {
    expect(renderText([failing()], options)).toMatch(/ {2}HIGH\n {4}SB-PUBLIC-NETWORK {2}serviceBus\/orders/);
  });

  test("colours the verdict when writing to a terminal", () => {
    expect(renderText([failing()], { ...options, color: true })).toContain("\u001b[1;31mFAIL\u001b[0m");
  });

  test("shows a waived finding with its reason and expiry", () => {
    expect(renderText([evaluate(readJson("prod", "cdk.tf.json"), prodModel)], options)).toContain(
      "waived until 2027-03-31: partner ingestion over public endpoint until their ExpressRoute is live",
    );
  });
});

describe("markdown report", () => {
  test("lists an open finding with its remediation", () => {
    expect(renderMarkdown([failing()], options)).toMatch(
      /\| high \| <code>SB-PUBLIC-NETWORK<\/code> \| <code>serviceBus\/orders<\/code> \|.*\| Remove `publicNetworkAccess: true`/,
    );
  });

  test("marks an environment with a blocking finding as failing in the summary", () => {
    expect(renderMarkdown([failing()], options)).toMatch(
      /\| compliant \| production \| — \| 73 \| 0 \| 1 \| 0 \| 0 \| 0 \| ❌ fail \|/,
    );
  });
});

describe("json report", () => {
  test("says whether the run passed at the threshold", () => {
    expect((JSON.parse(renderJson([failing()], reportedRules, options)) as { passed: boolean }).passed).toBe(
      false,
    );
  });

  test("carries each rule's anchors", () => {
    const report = JSON.parse(renderJson([failing()], reportedRules, options)) as {
      rules: { id: string; anchors: { checkov: string[] } }[];
    };
    expect(report.rules.find((r) => r.id === "SB-LOCAL-AUTH")?.anchors.checkov).toEqual(["CKV_AZURE_203"]);
  });
});

describe("github annotations", () => {
  test("put an open finding on the line that declares its resource", () => {
    const result = failing();
    const [line] = renderGithub([result], options).split("\n");
    const source = result.findings[0].subject.source;
    expect(line).toBe(
      `::error file=${source?.file},line=${source?.line},col=${source?.column},title=SB-PUBLIC-NETWORK (high) in compliant::serviceBus/orders: ${result.findings[0].message}. ${result.findings[0].remediation}`,
    );
  });

  test("make a finding below the threshold a warning", () => {
    expect(renderGithub([failing()], { ...options, failOn: "critical" })).toMatch(/^::warning file=/);
  });

  test("leave waived findings out and count the open ones", () => {
    const report = renderGithub([evaluate(readJson("prod", "cdk.tf.json"), prodModel)], options);
    expect(report).not.toContain("::");
    expect(report).toContain("0 open findings in 1 environment");
  });
});
