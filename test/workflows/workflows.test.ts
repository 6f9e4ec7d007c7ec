/**
 * The GitHub Actions workflows, checked offline: both validate against the GitHub workflow JSON
 * schema (SchemaStore's github-workflow.json, vendored as test/fixtures/github-workflow.schema.json
 * from SchemaStore/schemastore src/schemas/json/github-workflow.json at commit
 * 5262385e31cc1151b7476d38045b9976d636dba5), and the pull request's checks are asserted on the
 * parsed YAML. The deploy pipeline's properties: deploy-pipeline.test.ts.
 */
import Ajv from "ajv";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Readonly<Record<string, string | number | boolean>>;
}

interface Job {
  readonly needs?: string | readonly string[];
  readonly if?: string;
  readonly environment?: string | { readonly name: string };
  readonly permissions?: Readonly<Record<string, string>>;
  readonly concurrency?: { readonly group: string; readonly "cancel-in-progress"?: boolean };
  readonly steps: readonly Step[];
}

interface Workflow {
  readonly on: Readonly<Record<string, unknown>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly jobs: Readonly<Record<string, Job>>;
}

const root = join(__dirname, "..", "..");
const workflowFiles = [".github/workflows/pull-request.yml", ".github/workflows/deploy.yml"];

function text(file: string): string {
  return readFileSync(join(root, file), "utf8");
}

function workflow(file: string): Workflow {
  return parse(text(file)) as Workflow;
}

const deploy = workflow(".github/workflows/deploy.yml");
const pullRequest = workflow(".github/workflows/pull-request.yml");

function job(file: Workflow, id: string): Job {
  const found = file.jobs[id];
  if (!found) throw new Error(`no job ${id}`);
  return found;
}

function stepIndex(steps: readonly Step[], matches: (step: Step) => boolean, what: string): number {
  const index = steps.findIndex(matches);
  if (index < 0) throw new Error(`no step that ${what}`);
  return index;
}

const runs = (pattern: RegExp) => (step: Step) => pattern.test(step.run ?? "");

describe("workflow files", () => {
  const schema = JSON.parse(text("test/fixtures/github-workflow.schema.json")) as object;
  // strict off: the schema uses keywords beside $ref and annotation keys ajv's strict mode rejects.
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

  it.each(workflowFiles)("%s validates against the GitHub workflow schema", (file) => {
    const valid = validate(parse(text(file)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(workflowFiles)("%s pins every action to a full release tag", (file) => {
    const uses = Object.values(workflow(file).jobs).flatMap((j) =>
      j.steps.flatMap((step) => (step.uses ? [step.uses] : [])),
    );
    expect(uses.filter((action) => !/@v\d+\.\d+\.\d+$/.test(action))).toEqual([]);
  });

  it.each(workflowFiles)(
    "%s references no secrets: Azure login is OIDC with repository variables",
    (file) => {
      expect(text(file)).not.toMatch(/secrets\./);
    },
  );

  it("uses the same Terraform release for pull-request plans and deploys", () => {
    expect(pullRequest.env?.TERRAFORM_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(deploy.env?.TERRAFORM_VERSION).toBe(pullRequest.env?.TERRAFORM_VERSION);
  });
});

describe("pull-request workflow", () => {
  it("runs the type-check, lint, tests, synthesis and policy report", () => {
    const commands = job(pullRequest, "checks").steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(commands).toEqual(
      expect.arrayContaining([
        "npm ci",
        "npm run typecheck",
        "npm run lint",
        "npx jest --ci",
        "npm run policy -- --format sarif --output policy.sarif",
      ]),
    );
  });

  it("gives the Markdown report the base branch's environment files, to say what changed", () => {
    const steps = job(pullRequest, "checks").steps;
    const extract = steps.findIndex((step) => step.run?.includes('git archive "$BASE_SHA" environments'));
    const report = steps.findIndex((step) =>
      step.run?.includes("--base-environments-dir .base/environments"),
    );
    expect(extract).toBeGreaterThanOrEqual(0);
    expect(report).toBeGreaterThan(extract);
  });

  it("uploads the SARIF report with permission to write code scanning alerts", () => {
    const checks = job(pullRequest, "checks");
    expect(checks.permissions?.["security-events"]).toBe("write");
    const upload = checks.steps.find((step) => step.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(upload?.with?.sarif_file).toBe("policy.sarif");
  });

  it("updates one policy comment, found again by its marker", () => {
    const comment = job(pullRequest, "checks").steps.find((step) =>
      step.uses?.startsWith("actions/github-script@"),
    );
    const script = String(comment?.with?.script ?? "");
    expect(script).toContain("updateComment");
    expect(script).toMatch(/const marker = "<!-- [a-z-]+ -->"/);
  });

  it("plans only where the Azure repository variables are configured", () => {
    const condition = job(pullRequest, "changed-environments").if ?? "";
    for (const variable of ["AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_SUBSCRIPTION_ID"]) {
      expect(condition).toContain(`vars.${variable} != ''`);
    }
  });

  it("runs the plan guard on each changed environment's plan", () => {
    const steps = job(pullRequest, "plan").steps;
    const show = stepIndex(steps, runs(/terraform show -json plan\.tfplan/), "exports the plan");
    const guard = stepIndex(steps, runs(/npm run plan-guard/), "runs the plan guard");
    expect(guard).toBeGreaterThan(show);
  });

  it("gives the plan job an OIDC token", () => {
    expect(job(pullRequest, "plan").permissions?.["id-token"]).toBe("write");
  });
});
