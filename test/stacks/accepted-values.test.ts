import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnvironmentText } from "../../model/load-environment";
import { synthesizedStack } from "./helpers/synthesized";

/** TimeSpan.MaxValue: what every ARM export of a queue carries for "never". */
const NEVER = "P10675199DT2H48M5.4775807S";
const head = "name: dev\ntier: development\nlocation: westeurope\nnaming:\n  prefix: contoso\n";
const environment = `${head}serviceBus:
  - name: orders
    sku: Standard
    queues:
      - { name: q, messageTtl: ${NEVER}, autoDeleteOnIdle: ${NEVER} }
    topics:
      - name: t
        messageTtl: ${NEVER}
        autoDeleteOnIdle: ${NEVER}
        subscriptions:
          - { name: s, messageTtl: ${NEVER}, autoDeleteOnIdle: ${NEVER} }
eventHubs:
  - name: telemetry
    sku: Standard
    schemaGroups:
      - { name: readings, compatibility: Backward, type: Json }
`;

describe("values Azure accepts", () => {
  const dir = mkdtempSync(join(tmpdir(), "accepted-"));
  const file = join(dir, "dev.yaml");
  writeFileSync(file, environment);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const only = (type: string) => Object.values(synthesizedStack(file).resource[type] ?? {});

  it.each([
    ["azurerm_servicebus_queue", "default_message_ttl"],
    ["azurerm_servicebus_queue", "auto_delete_on_idle"],
    ["azurerm_servicebus_topic", "default_message_ttl"],
    ["azurerm_servicebus_topic", "auto_delete_on_idle"],
    ["azurerm_servicebus_subscription", "default_message_ttl"],
    ["azurerm_servicebus_subscription", "auto_delete_on_idle"],
  ])("take TimeSpan.MaxValue (no expiry) as %s %s, written as Azure writes it", (type, attribute) => {
    expect(only(type).map((r) => r[attribute])).toEqual([NEVER]);
  });

  it("take a Json schema group (azurerm 4.55 schema_type accepts Json)", () => {
    expect(only("azurerm_eventhub_namespace_schema_group")).toEqual([
      expect.objectContaining({ name: "readings", schema_type: "Json", schema_compatibility: "Backward" }),
    ]);
  });

  it("still refuse a duration beyond TimeSpan.MaxValue, saying what the ceiling means", () => {
    const result = loadEnvironmentText(
      `${head}serviceBus:\n  - name: orders\n    sku: Standard\n    queues:\n      - { name: q, autoDeleteOnIdle: P10675200D }\n`,
      "env.yaml",
    );
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      expect.stringContaining(`or ${NEVER} (TimeSpan.MaxValue) for no limit`),
    ]);
  });
});

describe("an entity name with /", () => {
  it("is refused at the name, saying that references use / (Azure itself allows it)", () => {
    const result = loadEnvironmentText(
      `${head}serviceBus:\n  - name: orders\n    sku: Standard\n    queues:\n      - { name: "sales/eu" }\n`,
      "env.yaml",
    );
    expect(result.ok ? [] : result.errors).toEqual([
      expect.objectContaining({
        line: 10,
        path: "serviceBus[0].queues[0].name",
        message: expect.stringMatching(/Azure allows "\/".*references.*orders\/payments/),
      }),
    ]);
  });
});
