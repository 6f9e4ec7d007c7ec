import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatDiagnostic } from "../../model/diagnostics";
import { loadEnvironmentText } from "../../model/load-environment";
import type { EnvironmentModel } from "../../model/model";
import { synthesizeEnvironments } from "../../stacks/app";
import { identityNames } from "../../stacks/ids/grantee-names";

interface RoleAssignment {
  readonly name: string;
  readonly scope: string;
  readonly role_definition_name: string;
  readonly principal_id: string;
  readonly description: string;
}

function loaded(text: string): EnvironmentModel {
  const result = loadEnvironmentText(text, "grantees.yaml", { today: new Date("2026-11-23T00:00:00Z") });
  if (!result.ok) throw new Error(result.errors.map(formatDiagnostic).join("\n"));
  return result.model;
}

function roleAssignments(model: EnvironmentModel): RoleAssignment[] {
  const outdir = mkdtempSync(join(tmpdir(), "grantees-"));
  try {
    synthesizeEnvironments([model], outdir);
    const json = JSON.parse(readFileSync(join(outdir, "stacks", model.name, "cdk.tf.json"), "utf8")) as {
      resource: Record<string, Record<string, RoleAssignment>>;
    };
    return Object.values(json.resource.azurerm_role_assignment ?? {});
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The grantee name of an assignment, as `grantRole` writes it at the start of the description. */
const granteeOf = (assignment: RoleAssignment): string => assignment.description.split(": ")[0];

/** Identities the stack creates have a principal ID Terraform knows only at apply. */
const byIdentity = (assignment: RoleAssignment): boolean => assignment.principal_id.includes("${");

const header = "tier: development\nlocation: westeurope\nnaming: { prefix: contoso }\n";

/** Every kind of identity that receives grants: topic, system topic, MQTT route, namespace, hub, DPS, capture. */
const everyIdentity = `name: grantees
${header}principals:
  app: { objectId: 11111111-1111-1111-1111-111111111111, type: ServicePrincipal }
serviceBus:
  - name: orders
    sku: Premium
    queues: [{ name: q1 }]
    topics: [{ name: t1 }]
eventHubs:
  - name: telemetry
    sku: Standard
    hubs:
      - name: h1
        capture: { container: capture }
eventGrid:
  topics:
    - name: events
      subscriptions: [{ name: to-queue, destination: { serviceBusQueue: orders/q1 } }]
  systemTopics:
    - name: changes
      source: { serviceBus: orders }
      topicType: Microsoft.ServiceBus.Namespaces
      subscriptions: [{ name: to-topic, destination: { serviceBusTopic: orders/t1 } }]
  namespaces:
    - name: plant
      mqtt:
        topicSpaces: [{ name: telemetry, templates: ["plants/+/telemetry/#"] }]
        routeTo: { eventHub: telemetry/h1 }
iotHub:
  - name: plants
    sku: S1
    capacity: 1
    routes:
      - { name: alarms, source: DeviceMessages, condition: "true", to: { serviceBusQueue: orders/q1 } }
    deviceProvisioning: { allocationPolicy: Hashed }
`;

describe("grantee names", () => {
  it("know the name every identity the stack creates is granted under", () => {
    const model = loaded(everyIdentity);
    const known = new Set(identityNames(model));
    const granted = roleAssignments(model).filter(byIdentity).map(granteeOf);
    // One of each kind, so a kind the list forgot cannot pass unseen.
    for (const prefix of [
      "evgt-events",
      "evgt-evgt-",
      "egst-",
      "evgns-",
      "iot-hub-",
      "dps-",
      "telemetry-capture",
    ])
      expect(granted.some((name) => name.startsWith(prefix))).toBe(true);
    expect(granted.filter((name) => !known.has(name))).toEqual([]);
  });

  it("keep a principal named like an identity apart from it, so neither loses its role", () => {
    const model = loaded(`name: grantees
${header}principals:
  egst-changes: { objectId: 11111111-1111-1111-1111-111111111111, type: ServicePrincipal }
serviceBus:
  - name: orders
    sku: Premium
    topics: [{ name: t1, senders: [egst-changes] }]
eventGrid:
  systemTopics:
    - name: changes
      source: { serviceBus: orders }
      topicType: Microsoft.ServiceBus.Namespaces
      subscriptions: [{ name: to-topic, destination: { serviceBusTopic: orders/t1 } }]
`);
    const senders = roleAssignments(model).filter(
      (a) =>
        a.role_definition_name === "Azure Service Bus Data Sender" && a.scope.includes("servicebus_topic"),
    );
    expect(senders.filter(byIdentity).map(granteeOf)).toEqual(["egst-changes"]);
    const principal = senders.filter((a) => !byIdentity(a));
    expect(principal).toHaveLength(1);
    expect(granteeOf(principal[0])).toMatch(/^egst-changes-[0-9a-f]{8}$/);
    expect(new Set(senders.map((a) => a.name)).size).toBe(2);
  });

  it("leave every other principal its own name", () => {
    const model = loaded(`name: grantees
${header}principals:
  app: { objectId: 11111111-1111-1111-1111-111111111111, type: ServicePrincipal }
serviceBus:
  - name: orders
    sku: Standard
    queues: [{ name: q1, senders: [app] }]
`);
    expect(roleAssignments(model).map(granteeOf)).toEqual(["app"]);
  });
});
