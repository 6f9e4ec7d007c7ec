/**
 * `tsx scripts/azapi-types.ts <azapi git dir> <tag>`: prints every `<type>@<api-version>` the azapi
 * release `<tag>` embeds a schema for, in the resource providers this project declares through
 * azapi, one a line, sorted. Its output is checked in as test/fixtures/azapi/types-<version>.txt,
 * which the tests compare every azapi type@version of every stack against. Reads the provider's
 * source with git (internal/azure/generated/<rp>/<namespace>/<api-version>/types.json).
 */
import { execFileSync } from "node:child_process";

/** Resource-provider namespaces whose types the stacks declare through azapi. */
const NAMESPACES = [
  "microsoft.devices",
  "microsoft.eventgrid",
  "microsoft.eventhub",
  "microsoft.logic",
  "microsoft.relay",
  "microsoft.servicebus",
  "microsoft.web",
];

interface SchemaEntry {
  readonly $type?: string;
  readonly name?: string;
}

function git(dir: string, args: readonly string[]): string {
  return execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

export function embeddedTypes(dir: string, tag: string): string[] {
  const files = git(dir, ["ls-tree", "-r", "--name-only", tag, "internal/azure/generated"])
    .split("\n")
    .filter((path) => path.endsWith("/types.json") && NAMESPACES.includes(path.split("/")[4] ?? ""));
  const names = new Set<string>();
  for (const file of files) {
    const entries = JSON.parse(git(dir, ["show", `${tag}:${file}`])) as SchemaEntry[];
    for (const entry of entries) {
      if (entry.$type === "ResourceType" && entry.name) names.add(entry.name);
    }
  }
  return [...names].sort();
}

const [dir, tag] = process.argv.slice(2);
if (!dir || !tag) {
  process.stderr.write("usage: tsx scripts/azapi-types.ts <azapi git dir> <tag>\n");
  process.exitCode = 2;
} else {
  process.stdout.write(`${embeddedTypes(dir, tag).join("\n")}\n`);
}
