/**
 * A subscription ready for an environment's first deploy, served by the loopback ARM stand-in from
 * the recorded answers in test/fixtures/preflight/. Tests publish it, then break one thing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { globalNames } from "../../../azure/global-names";
import type { EnvironmentModel } from "../../../model/model";
import type { StackRequirements } from "../../../stacks/stack-requirements";
import type { FakeArmServer, RecordedRequest } from "../../smoke/helpers/fake-arm-server";

const fixtures = join(__dirname, "..", "..", "fixtures", "preflight");

/** A recorded answer with its `{{placeholders}}` filled in. */
export function recorded(name: string, values: Record<string, string> = {}): Record<string, unknown> {
  const text = readFileSync(join(fixtures, `${name}.json`), "utf8").replace(
    /\{\{(\w+)\}\}/g,
    (_, key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`fixture ${name} needs {{${key}}}`);
      return value;
    },
  );
  return JSON.parse(text) as Record<string, unknown>;
}

const last = (id: string) => id.split("/").pop() ?? id;
const parent = (id: string) => id.split("/").slice(0, -2).join("/");

export const encryptionPrincipalId = "55555555-5555-5555-5555-555555555555";

export interface World {
  /** ARM paths of what the tests break. */
  readonly paths: {
    readonly subnet: string;
    readonly virtualNetwork: string;
    readonly integrationSubnet: string;
    readonly dnsZones: readonly string[];
    readonly workspace: string;
    readonly vault: string;
    readonly key: string;
    readonly keyRoleAssignments: string;
    readonly stateAccount: string;
    readonly stateContainer: string;
    readonly resourceGroup: string;
  };
  /** Names the stand-in reports as taken (lower-case); free otherwise. */
  readonly takenNames: Set<string>;
}

/** Publishes everything `model` needs, for `subscriptionId`, as a subscription ready for it. */
export function publishReadyWorld(
  server: FakeArmServer,
  model: EnvironmentModel,
  requirements: StackRequirements,
  subscriptionId: string,
): World {
  const location = model.location;
  for (const namespace of requirements.resourceProviders) {
    server.set(
      `/subscriptions/${subscriptionId}/providers/${namespace}`,
      recorded("provider", { subscriptionId, namespace }),
    );
  }

  const network = model.network;
  if (!network) throw new Error("the world needs an environment with network:");
  const subnet = network.privateEndpointSubnetId;
  const virtualNetwork = parent(subnet);
  server.set(subnet, recorded("subnet", { id: subnet, name: last(subnet) }));
  server.set(
    virtualNetwork,
    recorded("virtual-network", { id: virtualNetwork, name: last(virtualNetwork), location }),
  );
  const integrationSubnet = network.integrationSubnetId ?? "";
  if (integrationSubnet) {
    const body = recorded("subnet", { id: integrationSubnet, name: last(integrationSubnet) });
    (body.properties as Record<string, unknown>).delegations = [
      recorded("delegation", { id: integrationSubnet, serviceName: "Microsoft.Web/serverFarms" }),
    ];
    server.set(integrationSubnet, body);
  }
  const dnsZones = [
    ...new Set(Object.values(network.privateDnsZoneIds ?? {}).filter((id): id is string => !!id)),
  ];
  for (const zone of dnsZones) {
    server.set(zone, recorded("private-dns-zone", { id: zone, name: last(zone) }));
    server.set(`${zone}/virtualNetworkLinks`, {
      value: [
        recorded("virtual-network-link", {
          zoneId: zone,
          name: `${last(virtualNetwork)}-link`,
          virtualNetworkId: virtualNetwork,
        }),
      ],
    });
  }

  const workspace = model.monitoring.logAnalyticsWorkspaceId ?? "";
  if (workspace)
    server.set(workspace, recorded("workspace", { id: workspace, name: last(workspace), location }));

  const encryption = model.encryption;
  if (!encryption) throw new Error("the world needs an environment with encryption:");
  const url = new URL(encryption.keyVaultKeyId);
  const vaultName = url.hostname.split(".")[0];
  const keyName = url.pathname.split("/")[2];
  const vault = `/subscriptions/${subscriptionId}/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/${vaultName}`;
  const key = `${vault}/keys/${keyName}`;
  server.set(`/subscriptions/${subscriptionId}/resources`, {
    value: [
      recorded("generic-resource", {
        id: vault,
        name: vaultName,
        type: "Microsoft.KeyVault/vaults",
        location,
      }),
    ],
  });
  server.set(vault, recorded("vault", { id: vault, name: vaultName, location }));
  server.set(key, recorded("key", { id: key, name: keyName, vault: vaultName, location }));
  server.set(
    encryption.identityId,
    recorded("identity", {
      id: encryption.identityId,
      name: last(encryption.identityId),
      location,
      principalId: encryptionPrincipalId,
      clientId: "66666666-6666-6666-6666-666666666666",
    }),
  );
  const keyRoleAssignments = `${key}/providers/Microsoft.Authorization/roleAssignments`;
  server.set(keyRoleAssignments, {
    value: [
      recorded("role-assignment", {
        scope: vault,
        name: "b3b9a1c2-0000-4000-8000-000000000001",
        subscriptionId,
        roleDefinition: "e147488a-f6f5-4113-8e2d-b22465e65bf6",
        principalId: encryptionPrincipalId,
      }),
    ],
  });
  for (const definition of ["key-vault-crypto-service-encryption-user", "reader"]) {
    const body = recorded(`role-definition-${definition}`, { subscriptionId });
    server.set(String(body.id), body);
  }

  const state = model.state;
  if (!state) throw new Error("the world needs an environment with state:");
  const stateAccount = `/subscriptions/${subscriptionId}/resourceGroups/${state.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${state.storageAccount}`;
  const stateContainer = `${stateAccount}/blobServices/default/containers/${state.container}`;
  server.set(
    stateAccount,
    recorded("storage-account", { id: stateAccount, name: state.storageAccount, location }),
  );
  server.set(stateContainer, recorded("blob-container", { id: stateContainer, name: state.container }));

  const takenNames = new Set<string>();
  const availability = (request: RecordedRequest) => {
    const name = String((request.body as { name?: string } | undefined)?.name ?? "");
    if (!takenNames.has(name.toLowerCase())) return { status: 200, body: recorded("name-available") };
    return {
      status: 200,
      body:
        request.path.includes("Microsoft.Storage") || request.path.includes("Devices")
          ? recorded("name-taken-storage", { name })
          : recorded("name-taken-service-bus"),
    };
  };
  for (const path of [
    "Microsoft.ServiceBus/CheckNameAvailability",
    "Microsoft.EventHub/checkNameAvailability",
    "Microsoft.Relay/checkNameAvailability",
    "Microsoft.Devices/checkNameAvailability",
    "Microsoft.Devices/checkProvisioningServiceNameAvailability",
    "Microsoft.Storage/checkNameAvailability",
  ]) {
    server.respond(`/subscriptions/${subscriptionId}/providers/${path}`, availability);
  }

  return {
    paths: {
      subnet,
      virtualNetwork,
      integrationSubnet,
      dnsZones,
      workspace,
      vault,
      key,
      keyRoleAssignments,
      stateAccount,
      stateContainer,
      resourceGroup: `/subscriptions/${subscriptionId}/resourceGroups/${model.resourceGroupName}`,
    },
    takenNames,
  };
}

/** Publishes a resource of the environment's own under its name, as a deploy would have created it. */
export function publishOwned(
  server: FakeArmServer,
  world: World,
  kind: keyof typeof globalNames,
  name: string,
): void {
  const armType = globalNames[kind].armType;
  const id = `${world.paths.resourceGroup}/providers/${armType}/${name}`;
  server.set(id, recorded("generic-resource", { id, name, type: armType, location: "westeurope" }));
}
