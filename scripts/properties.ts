/**
 * `npm run test:properties -- [--runs 5000] [--seed N] [--property <id>]... [--classes] [--markdown <file>]`
 *
 * Runs the environment-file properties (test/properties/properties.ts) over many more generated
 * files than `npm test` does. Without `--classes`: each property runs until its first failure and
 * prints the shrunk (minimal) counterexample. With `--classes`: every case runs through every
 * property, failures are grouped by the kind of error, and each group's first case is shrunk on
 * its own, so one frequent failure does not hide the others. The seed is printed; FC_SEED sets it.
 * Exit 1 when a property fails, 2 on a usage error.
 */
import { writeFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import fc from "fast-check";
import type { EnvironmentCase } from "../test/properties/arbitraries/environment";
import { properties, propertyById, type PropertyDefinition } from "../test/properties/properties";
import { userArguments } from "./cli/user-arguments";

interface Options {
  readonly runs: number;
  readonly seed: number;
  readonly property: readonly string[];
  readonly classes: boolean;
  readonly markdown?: string;
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * What kind of failure an error is, with the generated names, numbers and hashes taken out, so
 * the same defect on different files falls into one class.
 */
export function failureClass(property: PropertyDefinition, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split("\n");
  if (property.id === "names") {
    const kinds = lines
      .slice(1)
      .map((line) => {
        const type = /\(((?:azapi_resource [\w./]+)|[a-z_]+)/.exec(line)?.[1] ?? "?";
        // The construct a resource belongs to, without the generated names: `..._endpoint-alarms_deliver_511F92A7` → `deliver`.
        const roles = [...line.matchAll(/_([A-Za-z-]+?)(?:-[^_,\s]*)?_[0-9A-F]{8}\b/g)].map((m) => m[1]);
        return `${type}[${[...new Set(roles)].sort().join("|")}]`;
      })
      .sort();
    return `names: ${[...new Set(kinds)].join(", ")}`;
  }
  const first = (property.id === "synthesizes" || property.id === "views" ? lines[1] : lines[0]) ?? "";
  const normalized = first
    // A quoted construct ID keeps its kind (`grant-receive-app` → `grant…`): kinds tell defects apart.
    .replace(/'([a-z]+)-[^']*'/g, "$1…")
    .replace(/'[^']*'|"[^"]*"|`[^`]*`/g, "…")
    .replace(/\S*\/\S*/g, "…")
    .replace(/\[[^\]]*\]/g, "[…]")
    .replace(/\b[\w.]*-[\w.-]*\b/g, "…")
    .replace(/\d+/g, "N");
  return `${property.id}: ${normalized}`;
}

interface Failure {
  readonly property: PropertyDefinition;
  readonly signature: string;
  /** Index of the first failing case in the seeded stream, for replaying and shrinking it. */
  readonly index: number;
  count: number;
}

function shrinkClass(failure: Failure, options: Options): fc.RunDetails<[EnvironmentCase]> {
  const { property, signature } = failure;
  return fc.check(
    fc.property(property.arbitrary, (file) => {
      try {
        property.check(file);
      } catch (error) {
        if (failureClass(property, error) === signature) throw error;
      }
    }),
    { seed: options.seed, path: String(failure.index), numRuns: 1 },
  );
}

function counterexampleOf(details: fc.RunDetails<[EnvironmentCase]>): string {
  return details.counterexample ? details.counterexample[0].yaml : "(none: the failure did not replay)";
}

function runClasses(
  options: Options,
  chosen: readonly PropertyDefinition[],
  out: (text: string) => void,
): boolean {
  // Every property draws the same arbitrary, so one stream of cases serves them all.
  const arbitrary = chosen[0].arbitrary;
  const cases = fc.sample(arbitrary, { numRuns: options.runs, seed: options.seed });
  const failures = new Map<string, Failure>();
  cases.forEach((file, index) => {
    for (const property of chosen) {
      try {
        property.check(file);
      } catch (error) {
        const signature = failureClass(property, error);
        const known = failures.get(signature);
        if (known) known.count += 1;
        else failures.set(signature, { property, signature, index, count: 1 });
      }
    }
    if ((index + 1) % 250 === 0)
      out(`… ${index + 1} of ${cases.length} cases, ${failures.size} failure classes\n`);
  });
  const sections: string[] = [];
  for (const failure of [...failures.values()].sort((a, b) => b.count - a.count)) {
    const details = shrinkClass(failure, options);
    const section =
      `## ${failure.signature}\n\n` +
      `Property: ${failure.property.title}. Failing cases: ${failure.count} of ${cases.length} ` +
      `(first: case ${failure.index}, seed ${options.seed}); shrunk ${details.numShrinks} times.\n\n` +
      "```yaml\n" +
      counterexampleOf(details) +
      "```\n\n```text\n" +
      errorText(details.errorInstance).split("\n").slice(0, 24).join("\n") +
      "\n```\n";
    sections.push(section);
    out(`\n${section}`);
  }
  out(`\n${failures.size} failure classes in ${cases.length} cases (seed ${options.seed})\n`);
  if (options.markdown)
    writeFileSync(
      options.markdown,
      `# Property failures (seed ${options.seed}, ${cases.length} cases)\n\n${sections.join("\n")}`,
    );
  return failures.size === 0;
}

function runEach(
  options: Options,
  chosen: readonly PropertyDefinition[],
  out: (text: string) => void,
): boolean {
  let passed = true;
  for (const property of chosen) {
    out(`\n# ${property.id}: ${property.title}\n`);
    const details = fc.check(
      fc.property(property.arbitrary, (file) => property.check(file)),
      {
        numRuns: options.runs,
        seed: options.seed,
      },
    );
    if (!details.failed) {
      out(`passed ${details.numRuns} cases\n`);
      continue;
    }
    passed = false;
    out(`${fc.defaultReportMessage(details)}\n`);
  }
  return passed;
}

export function propertiesMain(argv: readonly string[], out: (text: string) => void): number {
  const program = new Command()
    .name("properties")
    .description("run the environment-file properties over many generated files")
    .option("--runs <n>", "cases per property", "1000")
    .option("--seed <n>", "random seed (default: FC_SEED, else a fresh one)")
    .option(
      "--property <id>",
      "a property to run (repeatable; default: all)",
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option(
      "--classes",
      "run every case through every property and shrink one case per kind of failure",
      false,
    )
    .option("--markdown <file>", "with --classes: also write the classes to this Markdown file")
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: out });
  try {
    program.parse([...argv], { from: "user" });
  } catch (error) {
    return error instanceof CommanderError && error.exitCode === 0 ? 0 : 2;
  }
  const cli = program.opts<{
    runs: string;
    seed?: string;
    property: string[];
    classes: boolean;
    markdown?: string;
  }>();
  const seedText = cli.seed ?? process.env.FC_SEED;
  const options: Options = {
    runs: Number(cli.runs),
    seed: seedText === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(seedText),
    property: cli.property,
    classes: cli.classes,
    markdown: cli.markdown,
  };
  if (!Number.isInteger(options.runs) || options.runs < 1 || !Number.isInteger(options.seed)) {
    out("properties: --runs and --seed take whole numbers\n");
    return 2;
  }
  let chosen: PropertyDefinition[];
  try {
    // Determinism synthesizes every file twice: in --classes runs it is checked only when asked for.
    const all = options.classes ? properties.filter((p) => p.id !== "deterministic") : properties;
    chosen = options.property.length === 0 ? [...all] : options.property.map(propertyById);
  } catch (error) {
    out(`properties: ${errorText(error)}\n`);
    return 2;
  }
  out(
    `seed ${options.seed}, ${options.runs} cases (replay with --seed ${options.seed} or FC_SEED=${options.seed})\n`,
  );
  const passed = options.classes ? runClasses(options, chosen, out) : runEach(options, chosen, out);
  return passed ? 0 : 1;
}

if (require.main === module) {
  process.exitCode = propertiesMain(userArguments(process.argv.slice(2)), (text) =>
    process.stdout.write(text),
  );
}
