import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkDeployOrder, deployOrder, type DeployNode } from "../../model/deploy-order";
import { validateFiles } from "../../model/validate-files";

const source = (file: string, line: number) => ({ file, line, column: 10, pointer: "/deploy/after" });

function node(name: string, ...after: string[]): DeployNode {
  const file = `${name}.yaml`;
  return { name, file, after: after.map((environment, i) => ({ environment, source: source(file, 5 + i) })) };
}

describe("deploy order of a folder", () => {
  it("puts every environment after the ones it names, ties by name", () => {
    const nodes = [node("prod", "staging"), node("staging", "dev"), node("dev"), node("sandbox")];
    expect(checkDeployOrder(nodes)).toEqual([]);
    expect(deployOrder(nodes).map((n) => n.name)).toEqual(["dev", "sandbox", "staging", "prod"]);
  });

  it("waits for every predecessor of an environment that names several", () => {
    const nodes = [node("prod", "qa", "staging"), node("qa", "dev"), node("staging", "dev"), node("dev")];
    expect(deployOrder(nodes).map((n) => n.name)).toEqual(["dev", "qa", "staging", "prod"]);
  });

  it("reports a name no file declares, with the nearest known one", () => {
    expect(checkDeployOrder([node("dev"), node("prod", "dve")])).toEqual([
      {
        file: "prod.yaml",
        line: 5,
        column: 10,
        path: "deploy.after",
        message:
          'no environment named "dve" to deploy after; did you mean "dev"? (environments in this folder: dev)',
      },
    ]);
  });

  it("reports a cycle in every file that takes part, naming the whole loop", () => {
    const problems = checkDeployOrder([node("dev", "prod"), node("staging", "dev"), node("prod", "staging")]);
    expect(problems.map((p) => p.file).sort()).toEqual(["dev.yaml", "prod.yaml", "staging.yaml"]);
    expect(problems[0].message).toContain("(dev → prod → staging → dev)");
  });

  it("leaves an environment naming itself to the single-file check", () => {
    expect(checkDeployOrder([node("dev", "dev")])).toEqual([]);
  });

  it("refuses to order a folder with a cycle rather than guess", () => {
    expect(() => deployOrder([node("a", "b"), node("b", "a")])).toThrow(/cycle/);
  });
});

describe("validate across files", () => {
  const head = (name: string) =>
    `name: ${name}\ntier: development\nlocation: westeurope\nnaming: { prefix: contoso }\n`;

  function folder(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), "deploy-order-"));
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    return dir;
  }

  it("knows the other environments of the folder when one file is validated alone", () => {
    const dir = folder({ "dev.yaml": head("dev"), "prod.yaml": `${head("prod")}deploy: { after: dev }\n` });
    expect(validateFiles([join(dir, "prod.yaml")])).toEqual([
      { file: join(dir, "prod.yaml"), valid: true, unreadable: false, errors: [] },
    ]);
  });

  it("makes a file invalid whose predecessor no file declares, at its line", () => {
    const dir = folder({ "prod.yaml": `${head("prod")}deploy:\n  after: staging\n` });
    const [result] = validateFiles([join(dir, "prod.yaml")]);
    expect(result.valid).toBe(false);
    expect(result.errors).toMatchObject([{ line: 6, column: 10, path: "deploy.after" }]);
  });

  it("reports a cycle through a file that was not given, in the file that was", () => {
    const dir = folder({
      "dev.yaml": `${head("dev")}deploy: { after: prod }\n`,
      "prod.yaml": `${head("prod")}deploy: { after: dev }\n`,
    });
    const [result] = validateFiles([join(dir, "prod.yaml")]);
    expect(result.errors.map((e) => e.message)).toEqual([expect.stringContaining("dev → prod → dev")]);
  });
});
