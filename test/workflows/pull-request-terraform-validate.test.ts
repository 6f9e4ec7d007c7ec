import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/*
 * The pull-request workflow runs the real providers' validation on every synthesized stack, so what
 * azurerm or azapi refuse (a reserved IoT Hub endpoint name, an azapi type@version the pinned release
 * does not know) fails the pull request before the policy report and any plan.
 */
interface Step {
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly "continue-on-error"?: boolean;
  readonly env?: Readonly<Record<string, string>>;
  readonly with?: Readonly<Record<string, string | number | boolean>>;
}

const workflow = parse(
  readFileSync(join(__dirname, "..", "..", ".github/workflows/pull-request.yml"), "utf8"),
) as {
  env: Record<string, string>;
  jobs: Record<string, { steps: readonly Step[] }>;
};
const steps = workflow.jobs.checks.steps;
const indexOf = (matches: (step: Step) => boolean): number => steps.findIndex(matches);

const synth = indexOf((s) => /npm run synth/.test(s.run ?? ""));
const validate = indexOf((s) => /terraform .*validate/.test(s.run ?? ""));
const setup = indexOf((s) => (s.uses ?? "").startsWith("hashicorp/setup-terraform@"));
const policy = indexOf((s) => /npm run policy -- --format sarif/.test(s.run ?? ""));
const report = indexOf((s) => /--comment-output/.test(s.run ?? ""));
const fail = steps.length - 1;

describe("terraform validate in the pull-request checks", () => {
  const step = steps[validate];

  it("runs after synthesis, on the Terraform release plans use, and before the policy report", () => {
    expect(validate).toBeGreaterThan(synth);
    expect(setup).toBeGreaterThan(synth);
    expect(setup).toBeLessThan(validate);
    expect(steps[setup].with?.terraform_version).toBe("${{ env.TERRAFORM_VERSION }}");
    expect(workflow.env.TERRAFORM_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(validate).toBeLessThan(policy);
    expect(validate).toBeLessThan(report);
  });

  it("initializes every synthesized stack without a backend, then validates it", () => {
    expect(step.run).toMatch(/for dir in cdktf\.out\/stacks\/\*\/; do/);
    expect(step.run).toMatch(/terraform -chdir="\$dir" init -backend=false/);
    expect(step.run).toMatch(/terraform -chdir="\$dir" validate/);
    expect(step.if).toBe("${{ steps.synth.outcome == 'success' }}");
  });

  it("lets the report be published, then fails the job when a stack is refused", () => {
    expect(step["continue-on-error"]).toBe(true);
    expect(step.id).toBe("terraform-validate");
    expect(steps[fail].if).toContain("steps.terraform-validate.outcome != 'success'");
    expect(steps[fail].run).toContain('[ "$TERRAFORM_VALIDATE" != success ]');
  });

  it("fails the step for any stack, not only the last one", () => {
    expect(step.run).toMatch(/status=1/);
    expect(step.run).toMatch(/exit "\$status"/);
  });
});
