import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { loadEnvironmentText } from "../../model/load-environment";
import type { EnvironmentModel } from "../../model/model";
import { renderComment } from "../../policies/report/bounded";
import { synthesizeEnvironments } from "../../stacks/app";
import { diagramMain } from "../../scripts/diagram";
import { policyMain } from "../../scripts/policy";
import { smokeMain } from "../../scripts/smoke/cli";
import { resultFor } from "../policies/support/review-fixtures";
import { TODAY } from "../policies/support/fixtures";

/*
 * The README cannot drift from the code: its walk-through snippets (each marked with the shipped
 * file it applies to) are applied to that file as a reader would, then validated, synthesized and
 * reviewed; every command it names exists, with every option it shows.
 */
const root = join(__dirname, "..", "..");
const readme = readFileSync(join(root, "README.md"), "utf8");

type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml };

const isRecord = (value: Yaml | undefined): value is { [key: string]: Yaml } =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const named = (value: Yaml): string | undefined =>
  isRecord(value) && typeof value.name === "string" ? value.name : undefined;

/**
 * The snippet added to the file the way the README asks: into the mapping it sits under, into the
 * list item of the same `name` (the namespace `orders`), as a new item otherwise.
 */
function apply(file: Yaml | undefined, snippet: Yaml): Yaml {
  if (isRecord(file) && isRecord(snippet)) {
    const out = { ...file };
    for (const [key, value] of Object.entries(snippet)) out[key] = apply(file[key], value);
    return out;
  }
  if (Array.isArray(file) && Array.isArray(snippet)) {
    const out = [...file];
    for (const item of snippet) {
      const at =
        named(item) === undefined ? -1 : out.findIndex((existing) => named(existing) === named(item));
      if (at >= 0) out[at] = apply(out[at], item);
      else if (!out.some((existing) => JSON.stringify(existing) === JSON.stringify(item))) out.push(item);
    }
    return out;
  }
  return snippet;
}

const walkThroughs = [...readme.matchAll(/<!-- walk-through: (\S+) -->\n```yaml\n([\s\S]*?)\n```/g)].map(
  ([, file, snippet]) => ({ file, snippet }),
);

function applied(
  file: string,
  snippet: string,
): { text: string; model: EnvironmentModel; before: EnvironmentModel } {
  const original = readFileSync(join(root, file), "utf8");
  const text = stringify(apply(parse(original) as Yaml, parse(snippet) as Yaml));
  const load = (source: string): EnvironmentModel => {
    const loaded = loadEnvironmentText(source, file, { today: TODAY });
    if (!loaded.ok)
      throw new Error(loaded.errors.map((e) => `${e.line}:${e.column} ${e.path} ${e.message}`).join("\n"));
    return loaded.model;
  };
  return { text, model: load(text), before: load(original) };
}

describe("the README's walk-throughs", () => {
  it("are there to test", () => {
    expect(walkThroughs.map((w) => w.file)).toEqual([
      "environments/dev.yaml",
      "environments/prod.yaml",
      "environments/prod.yaml",
    ]);
  });

  describe("Adding a queue, on the shipped dev environment", () => {
    const { snippet, file } = walkThroughs[0];
    const { model, before } = applied(file, snippet);

    it("validates and declares the queue with its grants", () => {
      const queue = model.serviceBus
        .find((ns) => ns.name === "orders")
        ?.queues.find((q) => q.name === "invoices");
      expect([queue?.senders.map((p) => p.name), queue?.receivers.map((p) => p.name)]).toEqual([
        ["orders-api"],
        ["billing-worker"],
      ]);
    });

    it("synthesizes the queue", () => {
      const outdir = mkdtempSync(join(tmpdir(), "readme-synth-"));
      try {
        synthesizeEnvironments([model], outdir);
        const stack = readFileSync(join(outdir, "stacks", "dev", "cdk.tf.json"), "utf8");
        expect(stack).toContain('"name": "invoices"');
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    });

    it("shows the queue as added in the pull-request comment", () => {
      const comment = renderComment([resultFor(model)], {
        failOn: "high",
        color: false,
        rootDir: root,
        baseModels: new Map([["dev", before]]),
      });
      expect(comment).toContain("| queue <code>serviceBus/orders/invoices</code> | | | | ➕ added |");
    });
  });

  describe("Waivers and deliberate destroys, on the shipped prod environment", () => {
    const { snippet, file } = walkThroughs[2];
    const { model } = applied(file, snippet);

    it("validates, naming a rule and resources the file declares", () => {
      const written = parse(snippet) as { waivers: { rule: string }[]; allowDestroy: { resource: string }[] };
      expect(model.waivers.map((w) => w.rule)).toEqual(
        expect.arrayContaining(written.waivers.map((w) => w.rule)),
      );
      expect(model.allowDestroy.map((a) => a.resource)).toEqual(
        expect.arrayContaining(written.allowDestroy.map((a) => a.resource)),
      );
    });
  });
});

describe("Capacity and cost, on the shipped prod environment", () => {
  const { snippet, file } = walkThroughs[1];
  const { model, text } = applied(file, snippet);

  it("is what prod declares: the load fits the capacity shown", () => {
    const hub = model.eventHubs
      .find((ns) => ns.name === "telemetry")
      ?.hubs.find((h) => h.name === "device-telemetry");
    expect(hub?.throughput).toEqual({ eventsPerSecond: 1000, averageEventBytes: 1024, peakFactor: 2 });
    const eventHubsOf = (yaml: string) => (parse(yaml) as { eventHubs: Yaml }).eventHubs;
    expect(eventHubsOf(text)).toEqual(eventHubsOf(readFileSync(join(root, file), "utf8")));
  });
});

describe("the README's commands", () => {
  const scripts = (
    JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
  ).scripts;
  const used = [...new Set([...readme.matchAll(/npm run ([a-z:-]+)/g)].map((m) => m[1]))];

  it.each(used)("npm run %s is a script of package.json", (script) => {
    expect(scripts[script]).toBeDefined();
  });

  const help = (argv0: string): string => {
    let text = "";
    const out = { stdout: (t: string) => (text += t), stderr: (t: string) => (text += t) };
    if (argv0 === "policy") policyMain(["--help"], { ...out, isTty: false, today: TODAY, cwd: root });
    else if (argv0 === "diagram") diagramMain(["--help"], out);
    else {
      const run = spawnSync(
        process.execPath,
        [join(root, "node_modules", "tsx", "dist", "cli.mjs"), `scripts/${argv0}.ts`, "--help"],
        {
          cwd: root,
          encoding: "utf8",
        },
      );
      text = `${run.stdout}${run.stderr}`;
    }
    return text;
  };
  const options = [
    ...readme.matchAll(/`npm run (validate|policy|diagram|plan-guard|smoke|cost) -- ([^`]*)`/g),
  ].flatMap(([, command, rest]) =>
    (rest.match(/--[a-z][a-z-]*/g) ?? []).map((flag) => [command, flag] as const),
  );
  const unique = [...new Map(options.map((o) => [o.join(" "), o])).values()];

  it.each(unique)("npm run %s takes %s", async (command, flag) => {
    const text =
      command === "smoke"
        ? await (async () => {
            let t = "";
            await smokeMain(["--help"], { env: {}, stdout: (s) => (t += s), stderr: (s) => (t += s) });
            return t;
          })()
        : help(command);
    expect(text).toContain(`${flag} `);
  });
});
