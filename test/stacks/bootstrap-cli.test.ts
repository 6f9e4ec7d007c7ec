/**
 * `npm run bootstrap`: the command a tenant admin runs once per environment. Terraform itself is
 * never run here: `--apply` is checked against a recording stand-in for it.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  bootstrapMain,
  githubRepositoryOf,
  type BootstrapIo,
  type Runner,
} from "../../scripts/bootstrap/cli";
import type { StackRequirements } from "../../stacks/stack-requirements";

const environments = join(__dirname, "..", "..", "environments");
const requirements: StackRequirements = {
  resourceProviders: ["Microsoft.EventHub", "Microsoft.ServiceBus"],
  globalNames: [],
  externalRoleScopes: [],
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "bootstrap-cli-"));
  dirs.push(dir);
  return dir;
};

function run(args: string[], extra: Partial<BootstrapIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = bootstrapMain(args, {
    env: {},
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    requirementsOf: () => requirements,
    gitRemote: () => undefined,
    ...extra,
  });
  return { code, out: out.join(""), err: err.join("") };
}

describe("npm run bootstrap", () => {
  it("synthesizes the environment's bootstrap stack and says how to apply it", () => {
    const outDir = tempDir();
    const result = run([
      "--env",
      "dev",
      "--environments-dir",
      environments,
      "--repository",
      "contoso/infra",
      "--out-dir",
      outDir,
    ]);
    expect(result.code).toBe(0);
    const stackDir = join(outDir, "stacks", "bootstrap-dev");
    const stack = JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8")) as {
      provider: { azurerm: { resource_providers_to_register: string[] }[] };
    };
    expect(stack.provider.azurerm[0].resource_providers_to_register).toEqual([
      "Microsoft.EventHub",
      "Microsoft.ManagedIdentity",
      "Microsoft.ServiceBus",
      "Microsoft.Storage",
    ]);
    expect(result.out).toContain("registers: Microsoft.EventHub, Microsoft.ServiceBus");
    expect(result.out).toContain(`terraform -chdir=${stackDir} init && terraform -chdir=${stackDir} apply`);
  });

  it("runs terraform init, then apply (which asks before changing anything), with --apply", () => {
    const calls: string[][] = [];
    const runner: Runner = (command, args) => {
      calls.push([command, ...args]);
      return { status: 0 };
    };
    const outDir = tempDir();
    const result = run(
      [
        "--env",
        "dev",
        "--environments-dir",
        environments,
        "--repository",
        "contoso/infra",
        "--out-dir",
        outDir,
        "--apply",
      ],
      { run: runner },
    );
    const chdir = `-chdir=${join(outDir, "stacks", "bootstrap-dev")}`;
    expect(calls).toEqual([
      ["terraform", chdir, "init", "-input=false"],
      ["terraform", chdir, "apply"],
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("output github_variables");
  });

  it("stops after a failed terraform init, with exit 1", () => {
    const calls: string[][] = [];
    const result = run(
      [
        "--env",
        "dev",
        "--environments-dir",
        environments,
        "--repository",
        "contoso/infra",
        "--out-dir",
        tempDir(),
        "--apply",
      ],
      {
        run: (command, args) => {
          calls.push([command, ...args]);
          return { status: 1 };
        },
      },
    );
    expect(result.code).toBe(1);
    expect(calls).toHaveLength(1);
    expect(result.err).toContain("terraform init failed (exit 1)");
  });

  it("says to install Terraform when it cannot be started, with exit 2", () => {
    const result = run(
      [
        "--env",
        "dev",
        "--environments-dir",
        environments,
        "--repository",
        "contoso/infra",
        "--out-dir",
        tempDir(),
        "--apply",
      ],
      { run: () => ({ status: null, error: new Error("spawn terraform ENOENT") }) },
    );
    expect(result.code).toBe(2);
    expect(result.err).toContain("install Terraform and put it on PATH");
  });

  it("takes the repository from GITHUB_REPOSITORY", () => {
    const result = run(["--env", "dev", "--environments-dir", environments, "--out-dir", tempDir()], {
      env: { GITHUB_REPOSITORY: "contoso/infra" },
    });
    expect(result.code).toBe(0);
  });

  it("reads the repository from the clone's GitHub origin when no flag names it", () => {
    const result = run(["--env", "dev", "--environments-dir", environments, "--out-dir", tempDir()], {
      gitRemote: () => "git@github.com:contoso/messaging-infra.git",
    });
    expect(result.code).toBe(0);
    expect(result.out).toContain("identities for contoso/messaging-infra");
    expect(githubRepositoryOf("https://github.com/contoso/messaging-infra")).toBe("contoso/messaging-infra");
    expect(githubRepositoryOf("https://dev.azure.com/contoso/_git/infra")).toBeUndefined();
  });

  it("needs the repository whose workflows sign in, as <owner>/<repo>", () => {
    expect(run(["--env", "dev", "--environments-dir", environments]).err).toContain(
      "--repository <owner>/<repo>",
    );
    const wrong = run([
      "--env",
      "dev",
      "--environments-dir",
      environments,
      "--repository",
      "https://github.com/contoso/infra",
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain(
      '--repository must be <owner>/<repo>, got "https://github.com/contoso/infra"',
    );
  });

  it("names the known environments when --env names none", () => {
    const result = run(["--env", "qa", "--environments-dir", environments, "--repository", "contoso/infra"]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("known environments: dev, prod");
  });

  it("refuses an environment without state:, which CI cannot deploy, with exit 1 and nothing written", () => {
    const dir = tempDir();
    const file = join(dir, "sandbox.yaml");
    cpSync(join(environments, "workflows"), join(dir, "workflows"), { recursive: true });
    writeFileSync(
      file,
      readFileSync(join(environments, "dev.yaml"), "utf8")
        .replace(/^name: dev$/m, "name: sandbox")
        .replace(/^state:\n( {2}.*\n)+/m, ""),
    );
    const outDir = join(dir, "out");
    const result = run(["--env-file", file, "--repository", "contoso/infra", "--out-dir", outDir]);
    expect(result.code).toBe(1);
    expect(result.err).toContain("sandbox has no state: block");
    expect(existsSync(outDir)).toBe(false);
  });
});
