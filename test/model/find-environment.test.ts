import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findEnvironment } from "../../model/find-environment";

const valid = (name: string) =>
  `name: ${name}\ntier: development\nlocation: westeurope\nnaming: { prefix: contoso }\n`;

describe("findEnvironment", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "find-env-"));
    writeFileSync(join(dir, "dev.yaml"), valid("dev"));
    writeFileSync(join(dir, "production.yaml"), valid("prod"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("finds an environment by the file named after it", () => {
    const found = findEnvironment({ env: "dev", dir });
    expect(found.ok && found.model.name).toBe("dev");
  });

  it("finds an environment whose file has another name", () => {
    const found = findEnvironment({ env: "prod", dir });
    expect(found.ok && found.model.file).toBe(join(dir, "production.yaml"));
  });

  it("lists the known environments when the name is unknown", () => {
    const found = findEnvironment({ env: "staging", dir });
    expect(found.ok).toBe(false);
    expect(!found.ok && found.message).toBe(
      `no environment named "staging" in ${dir}; known environments: dev, prod`,
    );
  });

  it("reports the errors of the file named after the environment", () => {
    writeFileSync(join(dir, "qa.yaml"), "name: qa\ntier: nonsense\n");
    const found = findEnvironment({ env: "qa", dir });
    expect(!found.ok && found.message).toBe(`${join(dir, "qa.yaml")} is not valid`);
    expect(!found.ok && found.errors.length).toBeGreaterThan(0);
  });

  it("loads --env-file by path", () => {
    const found = findEnvironment({ envFile: join(dir, "production.yaml"), dir: "unused" });
    expect(found.ok && found.model.name).toBe("prod");
  });

  it("refuses both --env and --env-file", () => {
    const found = findEnvironment({ env: "dev", envFile: join(dir, "dev.yaml"), dir });
    expect(!found.ok && found.message).toBe("give either --env <name> or --env-file <path>, not both");
  });

  it("says when the file does not exist", () => {
    const found = findEnvironment({ envFile: join(dir, "nope.yaml"), dir });
    expect(!found.ok && found.message).toBe(`no environment file at ${join(dir, "nope.yaml")}`);
  });
});
