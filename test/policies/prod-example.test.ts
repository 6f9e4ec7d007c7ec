import { renderMarkdown } from "../../policies/report/markdown";
import { prodModel } from "../fixtures/policy/prod-model";
import { evaluate, readJson } from "./support/fixtures";

const prod = () => evaluate(readJson("prod", "cdk.tf.json"), prodModel);

describe("the prod example", () => {
  test("has no open finding", () => {
    expect(prod().findings.filter((f) => f.status === "open")).toEqual([]);
  });

  test("has exactly the finding its one waiver covers, waived", () => {
    expect(prod().findings.map((f) => [f.ruleId, f.subject.address, f.status])).toEqual([
      ["EH-PUBLIC-NETWORK", "eventHubs/telemetry", "waived"],
    ]);
  });

  test("locates the waived finding at the line that declares the namespace", () => {
    expect(prod().findings[0].subject.source).toMatchObject({ file: "environments/prod.yaml", line: 93 });
  });

  test("renders the pull-request report", () => {
    expect(renderMarkdown([prod()], { failOn: "high", color: false, rootDir: "." })).toMatchSnapshot();
  });
});
