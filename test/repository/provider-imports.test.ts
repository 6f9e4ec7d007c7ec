import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(__dirname, "..", "..");
const sourceDirs = ["azure", "model", "constructs", "stacks", "policies", "scripts", "test"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === "fixtures" ? [] : sourceFiles(path);
    return /\.(ts|js|mjs|cjs)$/.test(entry) ? [path] : [];
  });
}

// The package root loads every one of ~1,500 resource bindings: about 2 s and 430 MB per run.
const rootImport = /(from\s+|require\(\s*|import\(\s*)["']@cdktf\/provider-azurerm["']/;

describe("provider imports", () => {
  const files = sourceDirs.flatMap((dir) => sourceFiles(join(root, dir)));

  it("finds the source files to check", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("imports the azurerm provider only by deep path, never the package root", () => {
    const offenders = files
      .filter((file) => !file.endsWith("provider-imports.test.ts"))
      .filter((file) => rootImport.test(readFileSync(file, "utf8")))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });

  it("recognises a root import when it sees one", () => {
    // Assembled, so this file does not itself read as a root import to text searches.
    const root = ["@cdktf", "provider-azurerm"].join("/");
    expect(rootImport.test(`import { ServicebusQueue } from "${root}";`)).toBe(true);
    expect(rootImport.test(`import { ServicebusQueue } from "${root}/lib/servicebus-queue";`)).toBe(false);
  });
});
