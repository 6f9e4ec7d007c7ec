import { readFileSync } from "node:fs";
import { loadEnvironmentText } from "../../model/load-environment";
import type { EnvironmentModel } from "../../model/model";
import { environmentChanges, type EntityChange } from "../../policies/report/field-changes";
import { TODAY } from "./support/fixtures";

const shipped = (name: string): string => readFileSync(`environments/${name}.yaml`, "utf8");

function load(text: string, file: string): EnvironmentModel {
  const loaded = loadEnvironmentText(text, file, { today: TODAY });
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.line}: ${e.path} ${e.message}`).join("\n"));
  return loaded.model;
}

/** What the pull request changes when `edit` is applied to a shipped environment file. */
function changesOf(name: string, edit: (text: string) => string): EntityChange[] {
  const text = shipped(name);
  const edited = edit(text);
  if (edited === text) throw new Error("the edit changed nothing");
  return [
    ...environmentChanges(load(text, `environments/${name}.yaml`), load(edited, `environments/${name}.yaml`))
      .entities,
  ];
}

const entity = (changes: readonly EntityChange[], ref: string): EntityChange | undefined =>
  changes.find((c) => c.ref === ref);

const replaced = (changes: readonly EntityChange[], ref: string): string[] =>
  (entity(changes, ref)?.fields ?? []).flatMap((f) =>
    f.replacements.map((r) => `${f.path}: ${r.resourceType}.${r.attribute}`),
  );

describe("what a pull request changes, field by field", () => {
  it("marks sessions on a queue as replacing it and losing its messages", () => {
    const changes = changesOf("dev", (t) =>
      t.replace("maxDeliveryCount: 10\n", "maxDeliveryCount: 10\n        sessions: true\n"),
    );
    const queue = entity(changes, "serviceBus/orders/orders-inbound");
    expect(queue?.fields).toEqual([
      {
        path: "sessions",
        before: false,
        after: true,
        replacements: [
          expect.objectContaining({
            resourceType: "azurerm_servicebus_queue",
            attribute: "requires_session",
            loses: expect.stringContaining("messages"),
          }),
        ],
      },
    ]);
  });

  it("shows a setting that changes in place with its old and new value and no replacement", () => {
    const changes = changesOf("dev", (t) => t.replace("maxDeliveryCount: 10", "maxDeliveryCount: 5"));
    expect(entity(changes, "serviceBus/orders/orders-inbound")?.fields).toEqual([
      { path: "maxDeliveryCount", before: 10, after: 5, replacements: [] },
    ]);
  });

  it("replaces a queue when duplicate detection is turned on, not when its window changes", () => {
    const window = changesOf("prod", (t) =>
      t.replace("duplicateDetection: PT30M", "duplicateDetection: PT20M"),
    );
    const turnedOff = changesOf("prod", (t) => t.replace("        duplicateDetection: PT30M\n", ""));
    expect([
      replaced(window, "serviceBus/orders/payments"),
      replaced(turnedOff, "serviceBus/orders/payments"),
    ]).toEqual([[], ["duplicateDetection: azurerm_servicebus_queue.requires_duplicate_detection"]]);
  });

  it("replaces a namespace moving to Premium, not one moving between Basic and Standard", () => {
    const premium = changesOf("dev", (t) =>
      t.replace("    sku: Standard\n    queues:", "    sku: Premium\n    capacity: 1\n    queues:"),
    );
    expect(replaced(premium, "serviceBus/orders")).toContain("sku: azurerm_servicebus_namespace.sku");
    const basic = changesOf("dev", (t) =>
      t
        .replace("    sku: Standard\n    queues:", "    sku: Basic\n    queues:")
        .replace(/ {4}topics:\n[\s\S]*?\n\neventHubs/, "\neventHubs")
        // Basic has no topics, and the logic app sends to one.
        .replace(/\nlogicApps:[\s\S]*$/, "\n"),
    );
    expect(replaced(basic, "serviceBus/orders")).toEqual([]);
  });

  it("replaces a Standard hub whose partition count changes", () => {
    const changes = changesOf("dev", (t) => t.replace("partitions: 4", "partitions: 8"));
    expect(replaced(changes, "eventHubs/telemetry/device-telemetry")).toEqual([
      "partitions: azurerm_eventhub.partition_count",
    ]);
  });

  it("does not replace a Premium hub whose partition count grows: Azure adds partitions in place", () => {
    const premium = (t: string): string =>
      t.replace(
        "  - name: telemetry\n    sku: Standard",
        "  - name: telemetry\n    sku: Premium\n    capacity: 1",
      );
    const text = premium(shipped("dev"));
    const changes = environmentChanges(
      load(text, "environments/dev.yaml"),
      load(text.replace("partitions: 4", "partitions: 8"), "environments/dev.yaml"),
    );
    expect(replaced(changes.entities, "eventHubs/telemetry/device-telemetry")).toEqual([]);
  });

  it("replaces a namespace whose customer-managed key is removed", () => {
    const changes = changesOf("prod", (t) =>
      t.replace(
        "    sku: Premium\n    capacity: 1\n",
        "    sku: Premium\n    capacity: 1\n    customerManagedKey: false\n",
      ),
    );
    expect(replaced(changes, "serviceBus/orders")).toEqual([
      "customerManagedKey: azurerm_servicebus_namespace.customer_managed_key",
    ]);
  });

  it("replaces a namespace given another Azure name", () => {
    const changes = changesOf("dev", (t) =>
      t.replace(
        "  - name: orders\n    sku: Standard",
        "  - name: orders\n    resourceName: sbns-orders-renamed\n    sku: Standard",
      ),
    );
    expect(replaced(changes, "serviceBus/orders")).toEqual(["azureName: azurerm_servicebus_namespace.name"]);
  });

  it("creates a Device Provisioning Service that is added, rather than replacing anything", () => {
    const text = shipped("prod").replace("    deviceProvisioning: { allocationPolicy: Hashed }\n", "");
    const changes = environmentChanges(
      load(text, "environments/prod.yaml"),
      load(shipped("prod"), "environments/prod.yaml"),
    );
    expect(entity(changes.entities, "iotHub/plants")?.fields.map((f) => [f.path, f.replacements])).toEqual([
      ["deviceProvisioning", []],
    ]);
  });

  it("replaces every namespace when the environment moves to another region", () => {
    const changes = changesOf("dev", (t) => t.replace("location: westeurope", "location: northeurope"));
    const location = entity(changes, "environment")?.fields.find((f) => f.path === "location");
    expect(location?.replacements.map((r) => [r.resourceType, r.count])).toEqual([
      ["azurerm_servicebus_namespace", 1],
      ["azurerm_eventhub_namespace", 1],
    ]);
  });

  it("says what a removed queue loses", () => {
    const changes = changesOf("prod", (t) =>
      t
        .replace("      - name: payments-poison\n        receivers: [billing-worker]\n", "")
        .replace("        forwardDeadLetteredTo: orders/payments-poison\n", ""),
    );
    expect(entity(changes, "serviceBus/orders/payments-poison")).toMatchObject({
      change: "removed",
      loses: expect.stringContaining("messages"),
    });
  });

  it("reports a removed namespace once, with the entities that go with it", () => {
    const changes = changesOf("dev", (t) => t.replace(/eventHubs:\n[\s\S]*?\n\neventGrid/, "eventGrid"));
    expect(changes.filter((c) => c.change === "removed").map((c) => [c.ref, c.inside])).toEqual([
      ["eventHubs/telemetry", 1],
    ]);
  });

  it("lists an added queue", () => {
    const changes = changesOf("dev", (t) =>
      t.replace("    topics:\n", "      - name: invoices\n        senders: [orders-api]\n    topics:\n"),
    );
    expect(entity(changes, "serviceBus/orders/invoices")).toMatchObject({ change: "added", inside: 0 });
  });

  it("lists data-losing changes first", () => {
    const changes = changesOf("dev", (t) =>
      t
        .replace("retentionDays: 1", "retentionDays: 2")
        .replace("maxDeliveryCount: 10\n", "maxDeliveryCount: 10\n        sessions: true\n"),
    );
    expect(changes.map((c) => c.ref)).toEqual([
      "serviceBus/orders/orders-inbound",
      "eventHubs/telemetry/device-telemetry",
    ]);
  });

  it("touches the principal whose object ID changes, for the diagram to centre on", () => {
    const text = shipped("dev");
    const edited = text.replace(
      "11111111-1111-1111-1111-111111111111",
      "99999999-9999-9999-9999-999999999999",
    );
    const changes = environmentChanges(
      load(text, "environments/dev.yaml"),
      load(edited, "environments/dev.yaml"),
    );
    expect([...changes.touched]).toEqual(["environment", "principals/orders-api"]);
  });

  it("treats every entity of a new environment as added", () => {
    const changes = environmentChanges(undefined, load(shipped("dev"), "environments/dev.yaml"));
    expect([changes.newEnvironment, changes.entities.map((c) => [c.ref, c.change])]).toEqual([
      true,
      [["environment", "added"]],
    ]);
  });
});
