/**
 * The deploy pipeline (.github/workflows/deploy.yml): one job definition for every environment,
 * fed by the environment files in deploy order, with its safety properties asserted on the YAML.
 */
import { job, runs, step, stepIndex, workflow, workflowText } from "./helpers/workflow";

const file = ".github/workflows/deploy.yml";
const deploy = workflow(file);
const order = job(deploy, "order");
const env = job(deploy, "deploy");

describe("deploy workflow", () => {
  it("runs on pushes to main and on demand", () => {
    expect(deploy.on).toEqual({ push: { branches: ["main"] }, workflow_dispatch: null });
  });

  it("builds its matrix from the environment files, in deploy order", () => {
    const list = step(order.steps, "Environments in deploy order");
    expect(list.run).toContain("npm run --silent deploy-matrix");
    expect(order.outputs?.environments).toBe("${{ steps.order.outputs.environments }}");
    expect(env.needs).toBe("order");
    expect(env.strategy?.matrix).toEqual({
      environment: "${{ fromJSON(needs.order.outputs.environments) }}",
    });
  });

  it("deploys one environment at a time, in the order of the matrix", () => {
    expect(env.strategy?.["max-parallel"]).toBe(1);
  });

  it("lets an unrelated environment deploy after a failure: the order check stops the dependent ones", () => {
    expect(env.strategy?.["fail-fast"]).toBe(false);
    expect(env.steps[0].name).toBe("Require the environments this one deploys after");
  });

  it("names each job after its environment, which the order check looks for", () => {
    expect(env.name).toBe("deploy ${{ matrix.environment.name }}");
    expect(String(env.steps[0].with?.script)).toContain("job.name === `deploy ${name}`");
  });

  it("runs every step of an environment on the runners its file names", () => {
    expect(env["runs-on"]).toBe("${{ matrix.environment.runsOn }}");
  });

  it("deploys through the GitHub environment of the same name, whose reviewers gate it", () => {
    expect(env.environment).toBe("${{ matrix.environment.name }}");
  });

  it("gives each job an OIDC token, read-only contents and read access to the run's jobs", () => {
    expect(env.permissions).toEqual({ "id-token": "write", contents: "read", actions: "read" });
  });

  it("never runs two deploys of one environment at once nor cancels one half-way", () => {
    expect(env.concurrency).toEqual({
      group: "deploy-${{ matrix.environment.name }}",
      "cancel-in-progress": false,
    });
  });

  it("signs in to Azure with the variables of the job's GitHub environment", () => {
    const login = env.steps.find((s) => s.uses?.startsWith("azure/login@"));
    expect(login?.with).toEqual({
      "client-id": "${{ vars.AZURE_CLIENT_ID }}",
      "tenant-id": "${{ vars.AZURE_TENANT_ID }}",
      "subscription-id": "${{ vars.AZURE_SUBSCRIPTION_ID }}",
    });
    expect(env.env?.ARM_CLIENT_ID).toBe("${{ vars.AZURE_CLIENT_ID }}");
  });

  it("guards each plan with that environment's file", () => {
    expect(env.env?.ENVIRONMENT_FILE).toBe("${{ matrix.environment.file }}");
    const guard = env.steps[stepIndex(env.steps, runs(/npm run plan-guard/), "runs the plan guard")];
    expect(guard.run).toBe('npm run plan-guard -- "$STACK_DIR/plan.json" --env-file "$ENVIRONMENT_FILE"');
  });

  it("adopts the bootstrapped resource group, then plans, guards the plan, applies it and smoke-tests", () => {
    const s = env.steps;
    const indexes = [
      stepIndex(s, (x) => x.name === "Require the environments this one deploys after", "checks the order"),
      stepIndex(s, runs(/terraform\?\.backend\?\.azurerm/), "checks the backend"),
      stepIndex(s, runs(/^terraform init/), "initializes"),
      stepIndex(s, runs(/terraform import/), "adopts the resource group"),
      stepIndex(s, runs(/terraform plan .*-out=plan\.tfplan/), "plans"),
      stepIndex(s, runs(/terraform show -json plan\.tfplan/), "exports the plan"),
      stepIndex(s, runs(/npm run plan-guard/), "runs the plan guard"),
      stepIndex(s, runs(/terraform apply .*plan\.tfplan/), "applies the plan"),
      stepIndex(s, (x) => x.uses?.startsWith("azure/login@") === true, "logs in for the smoke tests"),
      stepIndex(s, runs(/^npm run smoke -- --env "\$ENVIRONMENT"$/), "runs the smoke tests"),
    ];
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
  });

  it("never writes a value from an environment file into a script, only into environment variables", () => {
    // A name like $(curl ...) would otherwise run as a command on the runner.
    const scripts = Object.values(deploy.jobs).flatMap((j) => j.steps.flatMap((s) => (s.run ? [s.run] : [])));
    expect(scripts.filter((script) => script.includes("${{"))).toEqual([]);
  });

  it("names no environment: a new environment file is a new stage without editing the workflow", () => {
    const code = workflowText(file)
      .split("\n")
      .filter((line) => !line.trimStart().startsWith("#"))
      .join("\n");
    expect(code.replace(/\/dev\/null/g, "")).not.toMatch(/\b(dev|prod|staging)\b/);
  });
});
