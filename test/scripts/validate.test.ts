import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");

function validate(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(tsx, ["scripts/validate.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dev = "test/fixtures/shared-examples/dev.yaml";
const prod = "test/fixtures/shared-examples/prod.yaml";
const badTier = "test/fixtures/invalid/enum-tier.yaml";
const badSku = "test/fixtures/invalid/enum-service-bus-sku.yaml";

describe("npm run validate", () => {
  it("exits 0 and says so when every file is valid", () => {
    const run = validate(dev, prod);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 files checked: all valid");
  });

  it("exits 1 and prints file:line:col, path and message for an invalid file", () => {
    const run = validate(badTier);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${badTier}:4:7  tier  expected one of development, production, got "prod"`);
    expect(run.stdout).toContain("1 file checked: 0 valid, 1 invalid (1 error)");
  });

  it("prints exactly one JSON object with --format json", () => {
    const run = validate("--format", "json", dev);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ valid: true, errors: [] });
  });

  it("checks every file even when an earlier one is invalid, naming each error's file", () => {
    const run = validate("--format", "json", badTier, dev, badSku);
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout) as { valid: boolean; errors: { file: string; path: string }[] };
    expect(output.valid).toBe(false);
    expect(output.errors.map((e) => [e.file, e.path])).toEqual([
      [badTier, "tier"],
      [badSku, "serviceBus[0].sku"],
    ]);
  });

  it("gives every JSON error exactly file, line, column, path and message", () => {
    const run = validate("--format", "json", badTier);
    const output = JSON.parse(run.stdout) as { errors: Record<string, unknown>[] };
    expect(Object.keys(output.errors[0] ?? {})).toEqual(["file", "line", "column", "path", "message"]);
  });

  it("exits 2 for a file that does not exist, and still checks the others", () => {
    const missing = join(mkdtempSync(join(tmpdir(), "validate-")), "absent.yaml");
    const run = validate("--format", "json", missing, badTier);
    expect(run.code).toBe(2);
    const output = JSON.parse(run.stdout) as { errors: { file: string; message: string }[] };
    expect(output.errors.map((e) => e.file)).toEqual([missing, badTier]);
    expect(output.errors[0]?.message).toBe("cannot read file: no such file");
  });

  it("exits 2 when no file is given", () => {
    expect(validate().code).toBe(2);
  });

  it("exits 2 on an unknown option", () => {
    const run = validate("--strict", dev);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--strict'");
  });

  it("exits 2 on an unknown output format", () => {
    expect(validate("--format", "xml", dev).code).toBe(2);
  });

  it("reports a YAML syntax error as an invalid file, not a crash", () => {
    const file = join(mkdtempSync(join(tmpdir(), "validate-")), "broken.yaml");
    writeFileSync(file, 'name: "dev\n');
    const run = validate(file);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${file}:1:7  name  unclosed quote`);
  });
});

describe("npm run validate -- --format github", () => {
  it("prints one annotation per error at its file, line and column, and exits 1", () => {
    const run = validate("--format", "github", badTier, dev);
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n")).toEqual([
      `::error file=${badTier},line=4,col=7,title=tier::expected one of development, production, got "prod"; did you mean "production"?`,
      "2 files checked: 1 valid, 1 invalid (1 error)",
      "",
    ]);
  });

  it("names files by their path in the repository, even when given as absolute paths", () => {
    const run = validate("--format", "github", join(root, badTier));
    expect(run.stdout).toContain(`::error file=${badTier},line=4`);
  });

  it("prints only the tally when every file is valid", () => {
    expect(validate("--format", "github", dev).stdout).toBe("1 file checked: all valid\n");
  });
});
