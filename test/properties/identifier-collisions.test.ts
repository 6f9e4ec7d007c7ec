import { test } from "@fast-check/jest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TerraformOutput, TerraformResource, TerraformStack } from "cdktf";
import { formatDiagnostic } from "../../model/diagnostics";
import type { JsonObject } from "../../policies/engine/terraform-json";
import { synthesizeEnvironments } from "../../stacks/app";
import { collidingNamesFile } from "./arbitraries/colliding-names";
import { azureNameClashes } from "./azure-name-clashes";
import { load } from "./harness";
import { propertyTimeout, runs, seed } from "./run-config";

/*
 * Names that meet once joined with hyphens, sanitized or compared ignoring case, in every
 * section at once: a file the validator accepts synthesizes, every Terraform output and every
 * resource keeps a logical ID of its own (an output or resource whose logical ID another took
 * would be merged into it in the JSON, silently), and no two resources share an Azure name.
 */

interface Identifiers {
  readonly outputs: readonly string[];
  readonly resources: readonly string[];
  readonly document: JsonObject;
}

function synthesizedIdentifiers(yaml: string): Identifiers | "refused" {
  const loaded = load(yaml);
  if (!loaded.ok) return "refused";
  const outdir = mkdtempSync(join(tmpdir(), "identifiers-"));
  try {
    const app = synthesizeEnvironments([loaded.model], outdir);
    const elements = app.node.findAll();
    const stack = elements.find((c): c is TerraformStack => c instanceof TerraformStack);
    if (!stack) throw new Error("no stack was synthesized");
    const document = JSON.parse(
      readFileSync(join(outdir, "stacks", loaded.model.name, "cdk.tf.json"), "utf8"),
    ) as JsonObject;
    return {
      outputs: elements.filter((c) => c instanceof TerraformOutput).map((o) => stack.getLogicalId(o)),
      resources: elements
        .filter((c): c is TerraformResource => c instanceof TerraformResource)
        .map((r) => `${r.terraformResourceType}.${stack.getLogicalId(r)}`),
      document,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function repeated(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

function expectDistinct(yaml: string): boolean {
  const found = synthesizedIdentifiers(yaml);
  if (found === "refused") return false;
  expect(repeated(found.outputs)).toEqual([]);
  expect(repeated(found.resources)).toEqual([]);
  expect(Object.keys((found.document.output ?? {}) as JsonObject)).toHaveLength(found.outputs.length);
  expect(azureNameClashes(found.document)).toEqual([]);
  return true;
}

describe("names that meet once joined, sanitized or case-folded", () => {
  let accepted = 0;
  let drawn = 0;

  test.prop([collidingNamesFile], { numRuns: runs(40), seed })(
    `synthesize with distinct construct IDs, output names and Azure names (seed ${seed})`,
    (file) => {
      drawn += 1;
      if (expectDistinct(file.yaml)) accepted += 1;
    },
    propertyTimeout,
  );

  it("are mostly accepted, so the property above is exercised", () => {
    expect(drawn).toBeGreaterThan(0);
    expect(accepted / drawn).toBeGreaterThan(0.5);
  });
});

describe("the known counterexamples", () => {
  const file = (body: string): string =>
    `name: ids\ntier: development\nlocation: westeurope\nnaming: { prefix: contoso }\n${body}`;

  it.each([
    [
      "topic `orders` + subscription `to-billing` beside topic `orders-to` + subscription `billing` (A10)",
      `eventGrid:
  topics:
    - name: orders
      subscriptions: [{ name: to-billing, destination: { webhook: { url: "https://h.example/a" } } }]
    - name: orders-to
      subscriptions: [{ name: billing, destination: { webhook: { url: "https://h.example/a" } } }]
`,
    ],
    [
      "Event Hubs namespaces `edge-1` and `edge_1` (A11)",
      `eventHubs:
  - { name: edge-1, sku: Standard }
  - { name: edge_1, sku: Standard, resourceName: evhns-other-name }
`,
    ],
    [
      "Service Bus namespaces `a.b` and `a-b` with local authentication (alerts and connection strings)",
      `serviceBus:
  - { name: a.b, sku: Standard, localAuth: true, resourceName: sb-ids-one }
  - { name: a-b, sku: Standard, localAuth: true, resourceName: sb-ids-two }
`,
    ],
  ])("%s", (_title, body) => {
    const yaml = file(body);
    const loaded = load(yaml);
    if (!loaded.ok) throw new Error(loaded.errors.map(formatDiagnostic).join("\n"));
    expect(expectDistinct(yaml)).toBe(true);
  });
});
