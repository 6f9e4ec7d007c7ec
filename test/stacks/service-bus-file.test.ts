import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnvironmentText, type LoadResult } from "../../model/load-environment";
import { topologyOf } from "../../policies/topology/graph";
import { synthesizeEnvironments } from "../../stacks/app";

/*
 * Service Bus files that validation and synthesis once judged differently: each is either refused
 * with its line and field, or synthesizes what it says.
 */

type Resources = Record<string, Record<string, Record<string, unknown>>>;

const header = `name: ops-test
tier: development
location: westeurope
naming: { prefix: contoso }
principals:
  app: { objectId: 11111111-1111-1111-1111-111111111111, type: ServicePrincipal }
`;

function load(text: string): LoadResult {
  return loadEnvironmentText(text, "ops.yaml", { today: new Date("2026-11-23T00:00:00Z") });
}

function synthesized(text: string): Resources {
  const result = load(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  const outdir = mkdtempSync(join(tmpdir(), "sb-file-"));
  try {
    synthesizeEnvironments([result.model], outdir);
    const json = JSON.parse(
      readFileSync(join(outdir, "stacks", result.model.name, "cdk.tf.json"), "utf8"),
    ) as {
      resource: Resources;
    };
    return json.resource;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const named = (resources: Resources, type: string, name: string): [string, Record<string, unknown>] => {
  const found = Object.entries(resources[type] ?? {}).find(([, r]) => r.name === name);
  if (!found) throw new Error(`no ${type} named ${name}`);
  return found;
};

describe("Service Bus environment files", () => {
  it("synthesize one role assignment for a principal among a subscription's receivers and owners", () => {
    const resources = synthesized(`${header}serviceBus:
  - name: ops
    sku: Standard
    topics:
      - name: events
        subscriptions:
          - { name: audit, receivers: [app], owners: [app] }
`);
    const [address] = named(resources, "azurerm_servicebus_subscription", "audit");
    expect(Object.values(resources.azurerm_role_assignment)).toEqual([
      expect.objectContaining({
        role_definition_name: "Azure Service Bus Data Receiver",
        scope: `\${azurerm_servicebus_subscription.${address}.id}`,
      }),
    ]);
  });

  it("forward to the entity a reference names in another letter case", () => {
    const resources = synthesized(`${header}serviceBus:
  - name: ops
    sku: Standard
    queues:
      - { name: Orders, forwardTo: ops/orders-NEXT, forwardDeadLetteredTo: ops/Poison }
      - { name: orders-next }
      - { name: poison }
`);
    const [, orders] = named(resources, "azurerm_servicebus_queue", "Orders");
    const [next] = named(resources, "azurerm_servicebus_queue", "orders-next");
    const [poison] = named(resources, "azurerm_servicebus_queue", "poison");
    expect(orders).toMatchObject({
      forward_to: `\${azurerm_servicebus_queue.${next}.name}`,
      forward_dead_lettered_messages_to: `\${azurerm_servicebus_queue.${poison}.name}`,
    });
  });

  it("resolve a reference in another letter case to the declared entity, so the diagram links to it", () => {
    const result = load(`${header}serviceBus:
  - name: ops
    sku: Standard
    queues:
      - { name: Orders, forwardDeadLetteredTo: ops/POISON }
      - { name: poison }
`);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.model.serviceBus[0].queues[0].forwardDeadLetteredTo).toBe("ops/poison");
    const topology = topologyOf(result.model);
    const nodes = new Set(topology.nodes.map((node) => node.id));
    expect(topology.edges.filter((edge) => edge.label === "dead letters" && !nodes.has(edge.to))).toEqual([]);
  });

  it.each(["ops/orders", "ops/Orders"])(
    "refuse a queue forwarding its dead letters to itself, written %s",
    (reference) => {
      const result = load(`${header}serviceBus:
  - name: ops
    sku: Standard
    queues:
      - { name: orders, forwardDeadLetteredTo: ${reference} }
`);
      expect(result.ok ? [] : result.errors).toEqual([
        expect.objectContaining({
          file: "ops.yaml",
          line: 11,
          path: "serviceBus[0].queues[0].forwardDeadLetteredTo",
          message: expect.stringContaining(
            "forwarding cycle ops/orders → ops/orders (dead letters included)",
          ),
        }),
      ]);
    },
  );

  it("refuse geo-disaster recovery the production tier turns on when secondaryLocation is location", () => {
    const result = load(`name: prod-test
tier: production
location: westeurope
secondaryLocation: westeurope
naming: { prefix: contoso }
network:
  privateEndpointSubnetId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-prod/subnets/snet-pe
encryption:
  keyVaultKeyId: https://kv-contoso.vault.azure.net/keys/messaging
  identityId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sec/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-messaging
serviceBus:
  - name: orders
    sku: Premium
`);
    expect(result.ok ? [] : result.errors).toEqual([
      expect.objectContaining({
        line: 12,
        path: "serviceBus[0]",
        message: expect.stringContaining("the production tier's default"),
      }),
    ]);
  });
});
