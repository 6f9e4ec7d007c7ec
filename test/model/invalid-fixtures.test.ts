import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { formatDiagnostic } from "../../model/diagnostics";
import { loadEnvironmentText } from "../../model/load-environment";
import { expectationsIn } from "./fixture-expectations";

const fixtures = join(__dirname, "..", "fixtures");
const today = new Date("2026-06-01T00:00:00Z");

function yamlFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
}

describe("invalid environment files", () => {
  const dir = join(fixtures, "invalid");
  it.each(yamlFilesIn(dir))("%s is rejected with the errors it states", (name) => {
    const file = join(dir, name);
    const text = readFileSync(file, "utf8");
    const expected = expectationsIn(text);
    expect(expected.length).toBeGreaterThan(0);
    const result = loadEnvironmentText(text, file, { today });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    const report = errors.map(formatDiagnostic).join("\n");
    for (const want of expected) {
      const match = errors.find(
        (e) =>
          e.file === file &&
          e.line === want.line &&
          (want.column === undefined || e.column === want.column) &&
          e.path === want.path &&
          e.message.includes(want.message),
      );
      if (!match) {
        throw new Error(
          `expected ${want.line}:${want.column ?? "*"} ${want.path} :: ${want.message}\nbut ${name} reported:\n${report}`,
        );
      }
    }
  });
});

describe("valid environment files", () => {
  const dir = join(fixtures, "valid");
  it.each(yamlFilesIn(dir))("%s loads without errors", (name) => {
    const file = join(dir, name);
    const result = loadEnvironmentText(readFileSync(file, "utf8"), file, { today });
    expect(result.ok ? [] : result.errors.map(formatDiagnostic)).toEqual([]);
  });
});
