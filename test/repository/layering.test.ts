import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";

const root = join(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return entry.endsWith(".ts") ? [path] : [];
  });
}

/** Every module specifier a file imports, relative ones resolved to repository paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:from\s+|import\(\s*|require\(\s*)["']([^"']+)["']/g)].map(
    (m) => m[1],
  );
  return specifiers.map((s) => (s.startsWith(".") ? relative(root, resolve(dirname(file), s)) : s));
}

function violations(dir: string, forbidden: (specifier: string) => boolean): string[] {
  return sourceFiles(join(root, dir)).flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((specifier) => `${relative(root, file)} imports ${specifier}`),
  );
}

describe("layering", () => {
  it("keeps constructs free of YAML, the file system, the environment model and the stacks", () => {
    const found = violations(
      "constructs",
      (s) =>
        /^(stacks|policies|scripts)\//.test(s) ||
        ["yaml", "fs", "node:fs", "fs/promises", "node:fs/promises"].includes(s),
    );
    expect(found).toEqual([]);
  });

  it("keeps policies away from code that builds resources", () => {
    const found = violations(
      "policies",
      (s) =>
        (/^stacks\//.test(s) && !/^stacks\/environment\//.test(s)) ||
        /^constructs\/(?!shared\/naming)/.test(s),
    );
    expect(found).toEqual([]);
  });

  it("keeps the environment model independent of constructs and stacks that build resources", () => {
    const found = violations(
      "stacks/environment",
      // Allowed: the naming convention, the tiers' limits and the MQTT syntax rules: pure data and
      // functions (no cdktf) the constructs validate against too, so the file and the constructs agree.
      (s) =>
        /^constructs\/(?!shared\/naming$|[a-z-]+\/tier-limits$|[a-z-]+\/mqtt-syntax$)/.test(s) ||
        (/^stacks\//.test(s) && !/^stacks\/environment\//.test(s)),
    );
    expect(found).toEqual([]);
  });
});
