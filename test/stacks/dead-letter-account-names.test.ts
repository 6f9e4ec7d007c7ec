import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthesizedStack } from "./helpers/synthesized";

/** Issue 15 #6: with this prefix, `slice(0, 24)` gave dev and demo one account, stcontosoglobalmsgegdlde. */
const deadLettering = (name: string): string => `name: ${name}
tier: development
location: westeurope
naming:
  prefix: contosoglobalmsg
eventGrid:
  topics:
    - name: lifecycle
      subscriptions:
        - { name: to-hook, destination: { webhook: { url: "https://example.com/hook" } }, deadLetter: true }
`;

describe("the Event Grid dead-letter storage account the stacks create", () => {
  const dir = mkdtempSync(join(tmpdir(), "dead-letter-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const accountOf = (name: string): string[] => {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, deadLettering(name));
    return Object.values(synthesizedStack(file).resource.azurerm_storage_account ?? {}).map((a) =>
      String(a.name),
    );
  };

  it("differs between dev and demo under a prefix that leaves no room for the environment", () => {
    const [dev] = accountOf("dev");
    const [demo] = accountOf("demo");
    expect(dev).not.toBe(demo);
    for (const name of [dev, demo]) expect(name).toMatch(/^[a-z0-9]{3,24}$/);
  });
});
