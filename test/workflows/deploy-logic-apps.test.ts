/**
 * The deploy job's step that publishes Standard logic apps' workflows after the apply, run under
 * bash as GitHub runs it, with `zip` and `az` replaced by scripts that record how they were called.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { job, runShell, step, workflow } from "./helpers/workflow";

const deployWorkflows = String(
  step(job(workflow(".github/workflows/deploy.yml"), "deploy").steps, "Deploy logic app workflows").run,
);

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const record = `echo "$(basename "$0") $PWD $*" >> "$CALLS"`;

/** Runs the step against a stack folder whose synthesized stack has `packages` as its output. */
function runWith(packages: Record<string, { app: string; package: string }> | undefined) {
  const root = mkdtempSync(join(tmpdir(), "deploy-logic-apps-"));
  dirs.push(root);
  const stackDir = join(root, "stack");
  mkdirSync(stackDir);
  for (const { package: folder } of Object.values(packages ?? {})) {
    mkdirSync(join(stackDir, folder, "route-invoices"), { recursive: true });
    writeFileSync(join(stackDir, folder, "route-invoices", "workflow.json"), "{}");
  }
  const stack = {
    resource: { azurerm_resource_group: { "resource-group": { name: "rg-contoso-messaging-prod" } } },
    output: packages ? { logic_app_packages: { value: packages } } : {},
  };
  writeFileSync(join(stackDir, "cdk.tf.json"), JSON.stringify(stack));
  const calls = join(root, "calls");
  writeFileSync(calls, "");
  const run = runShell(deployWorkflows, {
    cwd: root,
    env: { STACK_DIR: stackDir, RUNNER_TEMP: root, CALLS: calls, ENVIRONMENT: "prod" },
    commands: { zip: record, az: record },
  });
  const lines = readFileSync(calls, "utf8").trim().split("\n").filter(Boolean);
  return { ...run, root, stackDir, calls: lines };
}

describe("deploying Standard logic app workflows after the apply", () => {
  it("zips each app's synthesized package and zip-deploys it to the app in the environment's group", () => {
    const run = runWith({
      "invoice-router": { app: "logic-contoso-invoices-prod", package: "assets/package_1/ABC" },
    });
    expect(run.status).toBe(0);
    const archive = join(run.root, "logic-contoso-invoices-prod.zip");
    expect(run.calls).toEqual([
      `zip ${join(run.stackDir, "assets/package_1/ABC")} -qr ${archive} .`,
      `az ${run.root} logicapp deployment source config-zip --resource-group rg-contoso-messaging-prod --name logic-contoso-invoices-prod --src ${archive}`,
    ]);
  });

  it("deploys every app, one after the other", () => {
    const run = runWith({
      a: { app: "logic-a", package: "assets/a/1" },
      b: { app: "logic-b", package: "assets/b/2" },
    });
    expect(run.status).toBe(0);
    expect(
      run.calls.filter((c) => c.startsWith("az ")).map((c) => c.split(" --name ")[1].split(" ")[0]),
    ).toEqual(["logic-a", "logic-b"]);
  });

  it("does nothing for an environment without Standard logic apps", () => {
    const run = runWith(undefined);
    expect({ status: run.status, calls: run.calls, said: run.stdout.trim() }).toEqual({
      status: 0,
      calls: [],
      said: "no Standard logic apps in prod",
    });
  });

  it("fails the job when a deployment fails", () => {
    const root = mkdtempSync(join(tmpdir(), "deploy-logic-apps-fail-"));
    dirs.push(root);
    mkdirSync(join(root, "stack", "assets", "p"), { recursive: true });
    writeFileSync(
      join(root, "stack", "cdk.tf.json"),
      JSON.stringify({
        resource: { azurerm_resource_group: { "resource-group": { name: "rg" } } },
        output: { logic_app_packages: { value: { x: { app: "logic-x", package: "assets/p" } } } },
      }),
    );
    const run = runShell(deployWorkflows, {
      cwd: root,
      env: { STACK_DIR: join(root, "stack"), RUNNER_TEMP: root, ENVIRONMENT: "prod" },
      commands: { zip: "exit 0", az: "echo 'ERROR: Forbidden' >&2; exit 1" },
    });
    expect(run.status).not.toBe(0);
  });
});
