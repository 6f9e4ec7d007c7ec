import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnvironmentText } from "../../model/load-environment";
import { validateFiles } from "../../model/validate-files";
import { walkEnvironment } from "../../model/walk";
import { testToday } from "./helpers/document";

/** An environment whose Event Grid subscription dead-letters to the project's own storage account. */
const deadLettering = (name: string, prefix: string): string => `name: ${name}
tier: development
location: westeurope
naming:
  prefix: ${prefix}
eventGrid:
  topics:
    - name: lifecycle
      subscriptions:
        - { name: to-hook, destination: { webhook: { url: "https://example.com/hook" } }, deadLetter: true }
`;

const namespaceNamed = (name: string, resourceName: string): string => `name: ${name}
tier: development
location: westeurope
naming:
  prefix: contoso
serviceBus:
  - { name: orders, resourceName: ${resourceName}, sku: Standard }
`;

function deadLetterAccount(text: string): string | undefined {
  const result = loadEnvironmentText(text, "env.yaml", { today: testToday });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return walkEnvironment(result.model).find((r) => r.kind === "deadLetterStorageAccount")?.azureName;
}

describe("generated storage account names", () => {
  it("keeps dev and demo apart when a long prefix leaves no room for the environment", () => {
    const dev = deadLetterAccount(deadLettering("dev", "contosoglobalmsg"));
    const demo = deadLetterAccount(deadLettering("demo", "contosoglobalmsg"));
    expect(dev).toMatch(/^stcontosoglobalmsg[0-9a-f]{6}$/);
    expect(demo).toMatch(/^stcontosoglobalmsg[0-9a-f]{6}$/);
    expect(dev).not.toBe(demo);
  });

  it("keeps a name that fits exactly as before", () => {
    expect(deadLetterAccount(deadLettering("dev", "contoso"))).toBe("stcontosoegdldev");
  });
});

describe("environment files of one folder", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const folderWith = (files: Record<string, string>): string[] => {
    const dir = mkdtempSync(join(tmpdir(), "across-"));
    dirs.push(dir);
    return Object.entries(files).map(([name, text]) => {
      const path = join(dir, name);
      mkdirSync(join(path, ".."), { recursive: true });
      writeFileSync(path, text);
      return path;
    });
  };

  it("refuses a namespace name two environments both use, in each file, naming the other", () => {
    const [dev, prod] = folderWith({
      "dev.yaml": namespaceNamed("dev", "contoso-orders"),
      "prod.yaml": namespaceNamed("prod", "contoso-orders"),
    });
    const results = validateFiles([dev, prod], { today: testToday });
    expect(results.map((r) => r.valid)).toEqual([false, false]);
    expect(results[0].errors).toEqual([
      {
        file: dev,
        line: 7,
        column: 5,
        path: "serviceBus[0]",
        message: `Azure name "contoso-orders" of Service Bus namespace serviceBus/orders is also the name of Service Bus namespace serviceBus/orders (${prod}:7): names in the DNS zone servicebus.windows.net are host names, unique across all of Azure; give one of them a different name or resourceName`,
      },
    ]);
    expect(results[1].errors[0].message).toContain(`(${dev}:7)`);
  });

  it("lets environments of different folders use one name (they are deployed apart)", () => {
    const [dev] = folderWith({ "dev.yaml": namespaceNamed("dev", "contoso-orders") });
    const [prod] = folderWith({ "prod.yaml": namespaceNamed("prod", "contoso-orders") });
    expect(validateFiles([dev, prod], { today: testToday }).map((r) => r.valid)).toEqual([true, true]);
  });

  it("accepts two environments whose long prefix would once have given one storage account", () => {
    const files = folderWith({
      "dev.yaml": deadLettering("dev", "contosoglobalmsg"),
      "demo.yaml": deadLettering("demo", "contosoglobalmsg"),
    });
    expect(validateFiles(files, { today: testToday }).flatMap((r) => r.errors)).toEqual([]);
  });

  it("refuses two files with one environment name: they would write one stack", () => {
    const [a, b] = folderWith({
      "a.yaml": namespaceNamed("dev", "contoso-orders-a"),
      "b.yaml": namespaceNamed("dev", "contoso-orders-b"),
    });
    const [first, second] = validateFiles([a, b], { today: testToday });
    expect(first.valid).toBe(true);
    expect(second.errors.map((e) => e.message)).toEqual([
      `environment name "dev" is also used by ${a}; stack names must be unique`,
    ]);
  });
});
