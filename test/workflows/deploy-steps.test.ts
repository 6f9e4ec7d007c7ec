/**
 * Shell steps of the deploy job, run under bash as GitHub runs them, with `terraform` replaced by
 * a script that answers as Terraform does and records how it was called.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { job, runShell, step, workflow } from "./helpers/workflow";

const adopt = String(
  step(
    job(workflow(".github/workflows/deploy.yml"), "deploy").steps,
    "Adopt the resource group the bootstrap created",
  ).run,
);

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A stack folder with a synthesized stack whose resource group is `rg-contoso-messaging-prod`. */
function stackDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "stack-"));
  dirs.push(dir);
  const stack = {
    resource: { azurerm_resource_group: { "resource-group": { name: "rg-contoso-messaging-prod" } } },
  };
  writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(stack));
  return dir;
}

/** `terraform` that prints `STATE` for `state list` and answers `import` as IMPORT says. */
const terraform = `
echo "$*" >> "$CALLS"
case "$1" in
  state) printf '%s' "$STATE" ;;
  import)
    case "$IMPORT" in
      ok) echo "Import successful!" ;;
      missing) echo "Error: Cannot import non-existent remote object" >&2; exit 1 ;;
      *) echo "Error: AuthorizationFailed" >&2; exit 1 ;;
    esac ;;
esac`;

function adoptWith(state: string, importAnswer: string) {
  const dir = stackDir();
  const calls = join(dir, "calls");
  writeFileSync(calls, "");
  const run = runShell(adopt, {
    cwd: dir,
    env: {
      STATE: state,
      IMPORT: importAnswer,
      CALLS: calls,
      ARM_SUBSCRIPTION_ID: "00000000-0000-0000-0000-0000000000aa",
    },
    commands: { terraform },
  });
  return { ...run, calls: readFileSync(calls, "utf8").trim().split("\n") };
}

describe("adopting the resource group the bootstrap created", () => {
  it("imports the group by its ID when the stack's state does not hold it yet", () => {
    const run = adoptWith("", "ok");
    expect(run.status).toBe(0);
    expect(run.calls).toEqual([
      "state list",
      "import -input=false -lock-timeout=10m azurerm_resource_group.resource-group /subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-contoso-messaging-prod",
    ]);
  });

  it("does nothing once the state holds the group", () => {
    const run = adoptWith(
      "azurerm_resource_group.resource-group\nazurerm_servicebus_namespace.orders\n",
      "ok",
    );
    expect(run.status).toBe(0);
    expect(run.calls).toEqual(["state list"]);
  });

  it("leaves a group that does not exist to the plan, which creates it", () => {
    const run = adoptWith("", "missing");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "resource group rg-contoso-messaging-prod does not exist yet: the plan creates it",
    );
  });

  it("fails the job on any other import error, showing Terraform's message", () => {
    const run = adoptWith("", "denied");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("AuthorizationFailed");
  });
});
