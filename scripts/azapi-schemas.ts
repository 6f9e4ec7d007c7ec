/**
 * `tsx scripts/azapi-schemas.ts <azapi git dir> <tag> <type@version>...`: prints, as JSON, the
 * body schema the azapi release `<tag>` embeds for each `<type>@<api-version>` given: the
 * resource type's node and every node it reaches, renumbered from 0, without descriptions (the
 * shapes are facts; the prose stays upstream). Its output is checked in as
 * constructs/shared/azapi-schemas/<version>.json, which `checkAzapiBody` validates every azapi
 * body against at synthesis, as the provider would at plan time. Reads the provider's source with
 * git (internal/azure/generated/<rp>/<namespace>/<api-version>/types.json).
 */
import { execFileSync } from "node:child_process";

type Node = Record<string, unknown> & { readonly $type: string; readonly name?: string };

function git(dir: string, args: readonly string[]): string {
  return execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

function isRef(value: unknown): value is { $ref: string } {
  return (
    typeof value === "object" && value !== null && typeof (value as { $ref?: unknown }).$ref === "string"
  );
}

/**
 * Every `{ $ref: "#/N" }` inside `value`, rewritten by `map`; the descriptions of nodes and
 * properties dropped (a property map keeps a property that is named `description`).
 */
function rewrite(value: unknown, map: (index: number) => number): unknown {
  if (isRef(value)) return { $ref: `#/${map(Number(value.$ref.slice(2)))}` };
  if (Array.isArray(value)) return value.map((item) => rewrite(item, map));
  if (typeof value === "object" && value !== null) {
    const described = "$type" in value || "flags" in value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !(described && key === "description"))
        .map(([key, item]) => [key, rewrite(item, map)]),
    );
  }
  return value;
}

/** The nodes `root` reaches in `nodes`, `root` first, with refs renumbered into the result. */
export function reachable(nodes: readonly Node[], root: number): Node[] {
  const order: number[] = [];
  const seen = new Map<number, number>();
  const visit = (index: number): number => {
    const known = seen.get(index);
    if (known !== undefined) return known;
    seen.set(index, order.length);
    order.push(index);
    rewrite(nodes[index], visit);
    return seen.get(index) as number;
  };
  visit(root);
  return order.map((index) => rewrite(nodes[index], (i) => seen.get(i) as number) as Node);
}

export function embeddedSchemas(dir: string, tag: string, types: readonly string[]): Record<string, Node[]> {
  const files = git(dir, ["ls-tree", "-r", "--name-only", tag, "internal/azure/generated"])
    .split("\n")
    .filter((path) => path.endsWith("/types.json"));
  const result: Record<string, Node[]> = {};
  for (const type of [...types].sort()) {
    const [resourceType = "", version = ""] = type.split("@");
    const namespace = (resourceType.split("/")[0] ?? "").toLowerCase();
    const file = files.find((path) => path.split("/")[4] === namespace && path.split("/")[5] === version);
    if (!file) throw new Error(`${tag} embeds no schema for ${type}`);
    const nodes = JSON.parse(git(dir, ["show", `${tag}:${file}`])) as Node[];
    const root = nodes.findIndex((node) => node.$type === "ResourceType" && node.name === type);
    if (root < 0) throw new Error(`${tag} ${file} has no resource type ${type}`);
    result[type] = reachable(nodes, root);
  }
  return result;
}

const [dir, tag, ...types] = process.argv.slice(2);
if (!dir || !tag || types.length === 0) {
  process.stderr.write("usage: tsx scripts/azapi-schemas.ts <azapi git dir> <tag> <type@version>...\n");
  process.exitCode = 2;
} else {
  process.stdout.write(
    `${JSON.stringify({ azapi: tag.replace(/^v/, ""), types: embeddedSchemas(dir, tag, types) }, null, 1)}\n`,
  );
}
