/**
 * Reads the workflow files and runs their inline code the way GitHub would, offline: a
 * `run:` script under `bash -eo pipefail` (GitHub's default shell) with stand-in commands first on
 * PATH, and an `actions/github-script` script with a recorded stand-in for its `github` client.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";

export interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly with?: Readonly<Record<string, string | number | boolean>>;
  readonly "working-directory"?: string;
}

export interface Job {
  readonly name?: string;
  readonly needs?: string | readonly string[];
  readonly if?: string;
  readonly "runs-on"?: string | readonly string[];
  readonly environment?: string | { readonly name: string };
  readonly permissions?: Readonly<Record<string, string>>;
  readonly concurrency?: { readonly group: string; readonly "cancel-in-progress"?: boolean };
  readonly strategy?: {
    readonly "max-parallel"?: number;
    readonly "fail-fast"?: boolean;
    readonly matrix?: Readonly<Record<string, unknown>>;
  };
  readonly outputs?: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly steps: readonly Step[];
}

export interface Workflow {
  readonly on: Readonly<Record<string, unknown>>;
  readonly permissions?: Readonly<Record<string, string>>;
  readonly concurrency?: unknown;
  readonly env?: Readonly<Record<string, string>>;
  readonly jobs: Readonly<Record<string, Job>>;
}

export const root = join(__dirname, "..", "..", "..");

export function workflowText(file: string): string {
  return readFileSync(join(root, file), "utf8");
}

export function workflow(file: string): Workflow {
  return parse(workflowText(file)) as Workflow;
}

export function job(file: Workflow, id: string): Job {
  const found = file.jobs[id];
  if (!found) throw new Error(`no job ${id}`);
  return found;
}

export function step(steps: readonly Step[], name: string | RegExp): Step {
  const found = steps.find((s) =>
    typeof name === "string" ? s.name === name : name.test(s.name ?? s.uses ?? s.run ?? ""),
  );
  if (!found) throw new Error(`no step ${String(name)}`);
  return found;
}

export function stepIndex(steps: readonly Step[], matches: (s: Step) => boolean, what: string): number {
  const index = steps.findIndex(matches);
  if (index < 0) throw new Error(`no step that ${what}`);
  return index;
}

export const runs = (pattern: RegExp) => (s: Step) => pattern.test(s.run ?? "");

export interface ShellRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** What the script appended to $GITHUB_OUTPUT. */
  readonly outputs: Readonly<Record<string, string>>;
}

/**
 * Runs a step's `run:` script in `cwd` with `commands` (name → bash script body) standing in for
 * real programs, as GitHub runs it: `bash --noprofile --norc -eo pipefail`.
 */
export function runShell(
  script: string,
  options: { cwd: string; env?: Record<string, string>; commands?: Record<string, string> },
): ShellRun {
  const bin = mkdtempSync(join(tmpdir(), "workflow-bin-"));
  for (const [name, body] of Object.entries(options.commands ?? {})) {
    const path = join(bin, name);
    writeFileSync(path, `#!/usr/bin/env bash\n${body}\n`);
    chmodSync(path, 0o755);
  }
  const outputFile = join(bin, "github-output");
  writeFileSync(outputFile, "");
  const scriptFile = join(bin, "step.sh");
  writeFileSync(scriptFile, script);
  const run = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", scriptFile], {
    cwd: options.cwd,
    encoding: "utf8",
    env: {
      PATH: `${bin}:${process.env.PATH ?? ""}`,
      HOME: process.env.HOME ?? tmpdir(),
      GITHUB_OUTPUT: outputFile,
      ...options.env,
    },
  });
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(outputFile, "utf8").split("\n")) {
    const at = line.indexOf("=");
    if (at > 0) outputs[line.slice(0, at)] = line.slice(at + 1);
  }
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, outputs };
}

/** One call the script made on its `github` client. */
export interface ApiCall {
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface ScriptRun {
  readonly calls: readonly ApiCall[];
  readonly failed: readonly string[];
  readonly notices: readonly string[];
}

type Handler = (params: Record<string, unknown>) => unknown;

/**
 * Runs an `actions/github-script` script with the globals github-script gives it (`github`,
 * `context`, `core`, `require`) replaced by recording stand-ins. `answers` maps a REST method
 * (`issues.listForRepo`) to what it returns; `github.paginate(method, params)` returns that
 * method's answer as the whole list.
 */
export async function runGithubScript(
  script: string,
  options: {
    env?: Record<string, string>;
    files?: Record<string, string>;
    answers?: Record<string, Handler>;
  },
): Promise<ScriptRun> {
  const calls: ApiCall[] = [];
  const failed: string[] = [];
  const notices: string[] = [];
  const rest: Record<string, Record<string, (params: Record<string, unknown>) => Promise<unknown>>> = {};
  const method = (group: string, name: string) => {
    const key = `${group}.${name}`;
    const fn = async (params: Record<string, unknown>) => {
      calls.push({ method: key, params });
      const handler = options.answers?.[key];
      return handler ? handler(params) : { data: {} };
    };
    Object.assign(fn, { key });
    return fn;
  };
  const groups: Record<string, string[]> = {
    issues: [
      "getLabel",
      "createLabel",
      "listForRepo",
      "create",
      "update",
      "createComment",
      "listComments",
      "updateComment",
    ],
    actions: ["listJobsForWorkflowRun"],
  };
  for (const [group, names] of Object.entries(groups)) {
    rest[group] = Object.fromEntries(names.map((name) => [name, method(group, name)]));
  }
  const github = {
    rest,
    paginate: async (fn: { key: string }, params: Record<string, unknown>) => {
      calls.push({ method: fn.key, params });
      const handler = options.answers?.[fn.key];
      return handler ? handler(params) : [];
    },
  };
  const context = { repo: { owner: "contoso", repo: "messaging-infra" }, runId: 4242 };
  const core = {
    setFailed: (message: string) => failed.push(message),
    notice: (message: string) => notices.push(message),
  };
  const fakeRequire = (id: string) => {
    if (id === "node:fs" || id === "fs") {
      return {
        readFileSync: (path: string) => {
          const text = options.files?.[path];
          if (text === undefined) throw new Error(`ENOENT: ${path}`);
          return text;
        },
      };
    }
    throw new Error(`the script requires ${id}, which the test does not provide`);
  };
  const fakeProcess = { env: { ...options.env } };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<unknown>;
  const run = new AsyncFunction("github", "context", "core", "require", "process", script);
  await run(github, context, core, fakeRequire, fakeProcess);
  return { calls, failed, notices };
}
