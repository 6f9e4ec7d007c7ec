import { readFileSync } from "node:fs";
import { loadEnvironmentText } from "../../../model/load-environment";
import type { EnvironmentModel } from "../../../model/model";
import { evaluateStack } from "../../../policies/engine/evaluate";
import type { EnvironmentResult, Finding } from "../../../policies/engine/finding";
import { ruleCatalog } from "../../../policies/rules/catalog";
import { TODAY } from "./fixtures";

/**
 * Text that tries every way of steering a Markdown report: an HTML comment that would hide the
 * rest, fake sections, an image with a script, table and code breaks, a mention, an issue link,
 * a Mermaid directive, a link, emphasis, a line break and a right-to-left override.
 */
export const HOSTILE =
  'x <!-- hidden --> </details><details open><summary>fake</summary> <img src=x onerror=alert(1)> | a | b ` ``` @octocat #1 %%{init: {"theme":"dark"}}%% [link](https://evil.example) *bold* _it_ $x$ \\ line\nbreak \u202eevil';

/** A principal name may hold anything but spaces and slashes. */
export const HOSTILE_NAME = "<!--|@octocat|`pwn`|<details>";

export function loadText(text: string, file: string): EnvironmentModel {
  const loaded = loadEnvironmentText(text, file, { today: TODAY });
  if (!loaded.ok)
    throw new Error(
      loaded.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.path} ${e.message}`).join("\n"),
    );
  return loaded.model;
}

export const shipped = (name: string): string => readFileSync(`environments/${name}.yaml`, "utf8");

/** The shipped prod file with hostile text in every free-text field, and a principal with a hostile name. */
export function hostileProd(): string {
  const q = JSON.stringify(HOSTILE);
  const replacements: readonly (readonly [string, string])[] = [
    ["reason: partner ingestion over public endpoint until their ExpressRoute is live", `reason: ${q}`],
    ["filter: { sql: \"region = 'EU' AND amount > 0\" }", `filter: { sql: ${q} }`],
    [
      "filter: { correlation: { label: order.created } }",
      `filter: { correlation: { label: ${q}, properties: { note: ${q} } } }`,
    ],
    ["includedEventTypes: [com.contoso.order.created]", `includedEventTypes: [${q}]`],
    ["subjectBeginsWith: /orders/", `subjectBeginsWith: ${q}\n            subjectEndsWith: ${q}`],
    ["          deadLetter: true", `          deadLetter: true\n          labels: [${q}]`],
    [
      '- { name: telemetry, templates: ["plants/+/telemetry/#"] }',
      `- { name: telemetry, templates: ["plants/+/telemetry/#"], description: ${q} }`,
    ],
    [
      "- { name: gateways, query: \"attributes.role = 'gateway'\" }",
      `- { name: gateways, query: "attributes.role = 'gateway'", description: ${q} }`,
    ],
    [
      "        requiresClientAuthorization: true",
      `        requiresClientAuthorization: true\n        userMetadata: ${q}`,
    ],
    [
      '- { key: site, value: "$twin.tags.site", routes: [telemetry] }',
      `- { key: site, value: ${q}, routes: [telemetry] }`,
    ],
    ['  costCenter: "4711"', `  costCenter: "4711"\n  note: ${q}`],
    ["      attributes: { role: gateway }", `      attributes: { role: gateway, note: ${q} }`],
    [
      "  analytics:      { objectId",
      `  ${JSON.stringify(HOSTILE_NAME)}: { objectId: 55555555-5555-5555-5555-555555555555, type: Group }\n  analytics:      { objectId`,
    ],
    ["        senders: [analytics]", `        senders: [analytics, ${JSON.stringify(HOSTILE_NAME)}]`],
  ];
  let text = shipped("prod");
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`prod.yaml no longer holds ${from}`);
    text = text.replace(from, to);
  }
  return `${text}\nallowDestroy:\n  - resource: serviceBus/orders/payments-poison\n    reason: ${q}\n`;
}

/** An evaluation of the model against an empty stack, with these findings instead of the rules'. */
export function resultFor(model: EnvironmentModel, findings?: readonly Finding[]): EnvironmentResult {
  const result = evaluateStack(
    { environment: model.name, stackFile: `cdktf.out/stacks/${model.name}/cdk.tf.json`, document: {}, model },
    { rules: ruleCatalog, today: TODAY },
  );
  return findings ? { ...result, findings } : result;
}

/** An open finding about `address` whose message quotes `text`. */
export function finding(address: string, text: string, severity: Finding["severity"] = "high"): Finding {
  return {
    ruleId: "SB-LOCAL-AUTH",
    severity,
    title: "local auth",
    message: `${address}: ${text}`,
    remediation: "Set `localAuth: false`.",
    subject: { address, source: { file: "environments/prod.yaml", line: 3, column: 1, pointer: "" } },
    status: "open",
  };
}
