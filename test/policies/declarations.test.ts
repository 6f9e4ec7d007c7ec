import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnvironmentFile } from "../../model/load-environment";
import type { EnvironmentModel } from "../../model/model";
import { DeclarationIndex } from "../../policies/engine/declarations";
import { evaluateStack } from "../../policies/engine/evaluate";
import type { JsonObject } from "../../policies/engine/terraform-json";
import { ruleCatalog } from "../../policies/rules/catalog";
import { synthesizeEnvironments } from "../../stacks/app";
import { documentFromFile } from "../model/helpers/document";
import { TODAY } from "./support/fixtures";

function load(file: string): EnvironmentModel {
  const loaded = loadEnvironmentFile(file, { today: TODAY });
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join("\n"));
  return loaded.model;
}

const lineOf = (file: string, pointer: string): number => documentFromFile(file).locate(pointer).line;

describe("policy declarations from the model's walk", () => {
  const file = "environments/prod.yaml";
  const model = load(file);
  const declarations = new DeclarationIndex(model);

  it("locates an entity at its own line", () => {
    expect(
      declarations.find("eventHubs", ["evhns-contoso-orders-telemetry-prod", "device-telemetry", "archive"]),
    ).toEqual({
      address: "eventHubs/telemetry/device-telemetry/archive",
      source: expect.objectContaining({ line: lineOf(file, "/eventHubs/0/hubs/0/consumerGroups/1") }),
    });
  });

  it("locates a resource the project derives at the declaration it derives from", () => {
    expect(declarations.find("eventGridTopic", ["evgt-contoso-orders-plant-mqtt-route-prod"])).toMatchObject({
      address: "eventGridNamespaces/plant-mqtt",
      source: { line: lineOf(file, "/eventGrid/namespaces/0") },
    });
    expect(declarations.find("serviceBus", ["sbns-contoso-orders-orders-prod-geo"])).toMatchObject({
      address: "serviceBus/orders",
      source: { line: lineOf(file, "/serviceBus/0") },
    });
  });

  it("locates the scoping an edge site adds to its broker at the site", () => {
    expect(
      declarations.find("eventGridNamespace", ["evgns-contoso-orders-plant-mqtt-prod", "site-plant-munich"]),
    ).toMatchObject({
      address: "eventGridNamespaces/plant-mqtt/site-plant-munich",
      source: { line: lineOf(file, "/sites/0") },
    });
  });

  it("marks the hubs that are a system of record", () => {
    const hub = declarations.find("eventHubs", ["evhns-contoso-orders-telemetry-prod", "device-telemetry"]);
    expect(hub?.eventSourced).toBe(false);
  });
});

describe("findings of a synthesized stack", () => {
  it("carry the file line of the resource the walk locates them at", () => {
    const dir = mkdtempSync(join(tmpdir(), "declarations-"));
    try {
      const file = join(dir, "dev.yaml");
      writeFileSync(
        file,
        `name: dev
tier: development
location: westeurope
naming:
  prefix: contoso
serviceBus:
  - name: orders
    sku: Standard
    queues:
      - { name: payments, maxDeliveryCount: 500 }
    topics:
      - name: events
        subscriptions:
          - { name: audit, maxDeliveryCount: 500 }
`,
      );
      const model = load(file);
      synthesizeEnvironments([model], join(dir, "out"));
      const document = JSON.parse(
        readFileSync(join(dir, "out", "stacks", model.name, "cdk.tf.json"), "utf8"),
      ) as JsonObject;
      const result = evaluateStack(
        { environment: model.name, stackFile: "cdk.tf.json", document, model },
        { rules: ruleCatalog, today: TODAY },
      );
      const findings = result.findings.filter((f) => f.ruleId === "SB-MAX-DELIVERY-COUNT");
      expect(findings.map((f) => [f.subject.address, f.subject.source?.line])).toEqual([
        ["serviceBus/orders/events/audit", 14],
        ["serviceBus/orders/payments", 10],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
