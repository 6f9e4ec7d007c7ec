import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatDiagnostic } from "../../model/diagnostics";
import { loadEnvironmentText } from "../../model/load-environment";
import { synthesizeEnvironments } from "../../stacks/app";

/*
 * Files that once passed validation and then crashed synthesis (or would have been refused by
 * Azure at apply): each is now refused with file, line and field, and the same file without the
 * mistake synthesizes.
 */

const today = new Date("2026-11-23T00:00:00Z");
const thumbprint = "3f2504e04f8941d39a0c0305e82c3301aabbccdd";
const account = (name: string): string =>
  `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/${name}`;

function file(eventGrid: string, extra = ""): string {
  return `name: egtest
tier: development
location: westeurope
naming: { prefix: contoso }
eventGrid:
${eventGrid}${extra}`;
}

function broker(lines: string): string {
  return `  namespaces:
    - name: plant
      mqtt:
        topicSpaces:
          - { name: telemetry, templates: ["plants/#"] }
        clientGroups:
          - { name: gateways, query: "attributes.role = 'gateway'" }
${lines}`;
}

function errorsOf(text: string): string[] {
  const result = loadEnvironmentText(text, "egtest.yaml", { today });
  return result.ok ? [] : result.errors.map(formatDiagnostic);
}

function synthesizes(text: string): boolean {
  const result = loadEnvironmentText(text, "egtest.yaml", { today });
  if (!result.ok) throw new Error(result.errors.map(formatDiagnostic).join("\n"));
  const outdir = mkdtempSync(join(tmpdir(), "egtest-"));
  try {
    synthesizeEnvironments([result.model], outdir);
    return readFileSync(join(outdir, "stacks", "egtest", "cdk.tf.json"), "utf8").length > 0;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe("Event Grid files validation refuses instead of synthesis crashing", () => {
  const permission = "          - { clientGroup: gateways, topicSpace: telemetry, role: publisher }\n";

  it("refuses the same MQTT permission listed twice, naming both entries", () => {
    const text = file(broker(`        permissions:\n${permission}${permission}`));
    expect(errorsOf(text)).toEqual([
      'egtest.yaml:15:13  eventGrid.namespaces[0].mqtt.permissions[1]  eventGrid.namespaces[0].mqtt.permissions[1] repeats eventGrid.namespaces[0].mqtt.permissions[0] (line 14): both let client group "gateways" publish to topic space "telemetry"; remove one of them',
    ]);
    expect(synthesizes(file(broker(`        permissions:\n${permission}`)))).toBe(true);
  });

  it("refuses a repeated MQTT permission whose names differ only in letter case", () => {
    const text = file(
      broker(
        `        permissions:\n${permission}          - { clientGroup: Gateways, topicSpace: TELEMETRY, role: publisher }\n`,
      ),
    );
    expect(errorsOf(text).some((e) => e.includes("permissions[1] repeats"))).toBe(true);
  });

  it("accepts the same client group and topic space with both roles", () => {
    const subscriber = permission.replace("publisher", "subscriber");
    expect(synthesizes(file(broker(`        permissions:\n${permission}${subscriber}`)))).toBe(true);
  });

  it("refuses a fractional attribute on an MQTT client", () => {
    const client = (value: string): string =>
      `        clients:\n          - { name: press-07, certificateThumbprint: ${thumbprint}, attributes: { ratio: ${value} } }\n`;
    expect(errorsOf(file(broker(client("0.5"))))).toEqual([
      "egtest.yaml:14:117  eventGrid.namespaces[0].mqtt.clients[0].attributes.ratio  attribute ratio must be a whole number (Azure accepts int), got 0.5",
    ]);
    expect(synthesizes(file(broker(client("2"))))).toBe(true);
  });

  it("refuses a fractional attribute on a site's gateway", () => {
    const site = (value: string): string => `
sites:
  - name: munich
    mqttClient: { namespace: plant, certificateThumbprint: ${thumbprint}, attributes: { ratio: ${value} } }
`;
    expect(errorsOf(file(broker(""), site("0.5")))).toEqual([
      "egtest.yaml:16:123  sites[0].mqttClient.attributes.ratio  attribute ratio must be a whole number (Azure accepts int), got 0.5",
    ]);
    expect(synthesizes(file(broker(""), site("1")))).toBe(true);
  });

  it("refuses a system topic type that is not Microsoft.<Provider>.<Type>", () => {
    const systemTopic = (topicType: string): string => `  systemTopics:
    - name: storage
      source: { resourceId: ${account("stdata")} }
      topicType: ${topicType}
`;
    expect(errorsOf(file(systemTopic("StorageAccounts")))).toEqual([
      'egtest.yaml:9:18  eventGrid.systemTopics[0].topicType  topicType must look like Microsoft.<Provider>.<Type> (e.g. Microsoft.Storage.StorageAccounts), got "StorageAccounts"',
    ]);
    expect(synthesizes(file(systemTopic("Microsoft.Storage.StorageAccounts")))).toBe(true);
  });

  it("refuses a storage queue message time-to-live of zero seconds", () => {
    const topic = (ttl: number): string => `  topics:
    - name: orders
      subscriptions:
        - name: to-queue
          destination: { storageQueue: { storageAccountId: ${account("stdata")}, queueName: orders, messageTtlSeconds: ${ttl} } }
`;
    expect(errorsOf(file(topic(0)))).toEqual([
      "egtest.yaml:10:225  eventGrid.topics[0].subscriptions[0].destination.storageQueue.messageTtlSeconds  messageTtlSeconds must be a positive number of seconds or -1 (never expires), got 0",
    ]);
    expect(synthesizes(file(topic(-1)))).toBe(true);
  });

  it("refuses dead-letter containers of one name in two storage accounts of one topic", () => {
    const topic = (container: string): string => `  topics:
    - name: orders
      subscriptions:
        - name: first
          destination: { webhook: { url: "https://hooks.contoso.example/a" } }
          deadLetter: { storageAccountId: ${account("stdata")}, container: ${container} }
        - name: second
          destination: { webhook: { url: "https://hooks.contoso.example/b" } }
          deadLetter: true
`;
    expect(errorsOf(file(topic("deadletter")))).toEqual([
      `egtest.yaml:14:23  eventGrid.topics[0].subscriptions[1].deadLetter  dead-letter container "deadletter" in the environment's own dead-letter account has the name of the one in ${account("stdata")} at eventGrid.topics[0].subscriptions[0].deadLetter.container (line 11): the topic's access to each is a role assignment named after the topic and the dead-letter container name, and Azure refuses two role assignments of one name; rename one of them`,
    ]);
    expect(synthesizes(file(topic("undeliverable")))).toBe(true);
  });
});
