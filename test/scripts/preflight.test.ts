/**
 * `npm run preflight` against a loopback HTTPS stand-in for ARM answering with recorded fixtures:
 * a subscription ready for prod passes, and each thing a new tenant typically lacks fails its own
 * line with the fix. Nothing here leaves the machine: the credential is a static test token.
 */
import { join } from "node:path";
import { loadEnvironmentFile } from "../../model/load-environment";
import type { EnvironmentModel } from "../../model/model";
import { stackRequirementsOf, type StackRequirements } from "../../stacks/stack-requirements";
import { preflightMain, type PreflightIo } from "../../scripts/preflight/cli";
import { FakeArmServer, staticTestCredential, testCa } from "../smoke/helpers/fake-arm-server";
import { subscriptionId } from "../smoke/helpers/arm-world";
import {
  encryptionPrincipalId,
  publishOwned,
  publishReadyWorld,
  recorded,
  type World,
} from "./helpers/preflight-world";

const environments = join(__dirname, "..", "..", "environments");

function load(name: string): EnvironmentModel {
  const result = loadEnvironmentFile(join(environments, `${name}.yaml`));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.model;
}

const prod = load("prod");
const requirements: StackRequirements = stackRequirementsOf(prod);
let firstRun = true;

describe("preflight of prod against a stand-in ARM endpoint", () => {
  const server = new FakeArmServer();
  let world: World;

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
    world = publishReadyWorld(server, prod, requirements, subscriptionId);
  });

  async function preflight(
    extra: string[] = [],
    env: Record<string, string> = { AZURE_SUBSCRIPTION_ID: subscriptionId },
  ) {
    const out: string[] = [];
    const err: string[] = [];
    const credentialFor = jest.fn(() => staticTestCredential);
    const io: PreflightIo = {
      env,
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      credentialFor,
      transport: { trustedCa: testCa },
      // Synthesizing prod once for the whole file: the first test runs the real synthesis.
      requirementsOf: firstRun ? undefined : () => requirements,
    };
    firstRun = false;
    const code = await preflightMain(
      [
        "--env",
        "prod",
        "--environments-dir",
        environments,
        "--arm-endpoint",
        server.endpoint,
        "--timeout",
        "10",
        ...extra,
      ],
      io,
    );
    const text = out.join("");
    return { code, text, lines: text.split("\n"), err: err.join(""), credentialFor };
  }

  const failing = (lines: readonly string[]) => lines.filter((l) => l.startsWith("FAIL"));

  it("passes every check in a subscription ready for the first deploy", async () => {
    const run = await preflight();
    expect(failing(run.lines)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.text).toContain("prod: 23 passed, 0 failed: ready for the first deploy");
  });

  it("prints one line per check: providers, network, zones, workspace, key, state and every global name", async () => {
    const checks = (await preflight()).lines
      .filter((l) => l.startsWith("pass"))
      .map((l) => l.replace(/ \(.*\)$/, ""));
    expect(checks).toEqual([
      `pass   resource providers registered in subscription ${subscriptionId}: Microsoft.Devices, Microsoft.EventGrid, Microsoft.EventHub, Microsoft.Insights, Microsoft.ManagedIdentity, Microsoft.Network, Microsoft.Relay, Microsoft.ServiceBus, Microsoft.Storage, Microsoft.StreamAnalytics, Microsoft.Web`,
      "pass   private-endpoint subnet snet-private-endpoints exists in virtual network vnet-prod in westeurope",
      "pass   integration subnet snet-app-integration is delegated to Microsoft.Web/serverFarms",
      "pass   private DNS zone privatelink.servicebus.windows.net exists and is linked to virtual network vnet-prod",
      "pass   private DNS zone privatelink.eventgrid.azure.net exists and is linked to virtual network vnet-prod",
      "pass   private DNS zone privatelink.azure-devices.net exists and is linked to virtual network vnet-prod",
      "pass   private DNS zone privatelink.azure-devices-provisioning.net exists and is linked to virtual network vnet-prod",
      "pass   Log Analytics workspace log-contoso-prod exists",
      "pass   Key Vault key messaging in kv-contoso-prod exists, is enabled and can wrap keys",
      "pass   key vault kv-contoso-prod has soft delete and purge protection on",
      "pass   encryption identity id-messaging-cmk may get, wrap and unwrap key messaging",
      "pass   state storage account stcontosotfstate exists and accepts Entra ID only",
      "pass   state container tfstate exists in stcontosotfstate",
      "pass   Device Provisioning Service name provs-contoso-orders-plants-prod is free or already this environment's",
      "pass   Event Hubs namespace name evhns-contoso-orders-telemetry-prod is free or already this environment's",
      "pass   Event Hubs namespace name evhns-contoso-orders-telemetry-prod-geo is free or already this environment's",
      "pass   IoT hub name iot-contoso-orders-plants-prod is free or already this environment's",
      "pass   Relay namespace name relay-contoso-orders-plant-bridge-prod is free or already this environment's",
      "pass   Service Bus namespace name sbns-contoso-orders-orders-prod is free or already this environment's",
      "pass   Service Bus namespace name sbns-contoso-orders-orders-prod-geo is free or already this environment's",
      "pass   storage account name stcontosoorderscapprod is free or already this environment's",
      "pass   storage account name stcontosoordersegdlprod is free or already this environment's",
      "pass   storage account name stcontosoordersinv30e4b1 is free or already this environment's",
    ]);
  });

  it("lists the resource providers that are not registered, with the commands that register them", async () => {
    const relay = `/subscriptions/${subscriptionId}/providers/Microsoft.Relay`;
    server.set(relay, {
      ...recorded("provider", { subscriptionId, namespace: "Microsoft.Relay" }),
      registrationState: "NotRegistered",
    });
    const devices = `/subscriptions/${subscriptionId}/providers/Microsoft.Devices`;
    server.set(devices, {
      ...recorded("provider", { subscriptionId, namespace: "Microsoft.Devices" }),
      registrationState: "Registering",
    });
    const run = await preflight();
    expect(run.code).toBe(1);
    expect(failing(run.lines)).toEqual([
      expect.stringContaining(
        "not registered: Microsoft.Devices (Registering), Microsoft.Relay (NotRegistered); fix: npm run bootstrap -- --env prod (registers them), or with an identity that may: az provider register --namespace Microsoft.Devices && az provider register --namespace Microsoft.Relay",
      ),
    ]);
  });

  it("fails a missing private-endpoint subnet and points at the file", async () => {
    server.delete(world.paths.subnet);
    const [line] = failing((await preflight()).lines);
    expect(line).toContain(`no subnet ${world.paths.subnet}`);
    expect(line).toContain("correct network.privateEndpointSubnetId in");
  });

  it("fails a subnet whose virtual network is in another region than the environment", async () => {
    server.set(
      world.paths.virtualNetwork,
      recorded("virtual-network", {
        id: world.paths.virtualNetwork,
        name: "vnet-prod",
        location: "northeurope",
      }),
    );
    const [line] = failing((await preflight()).lines);
    expect(line).toContain("virtual network vnet-prod is in northeurope, the environment in westeurope");
  });

  it("fails an integration subnet without the Microsoft.Web/serverFarms delegation, with the command that adds it", async () => {
    server.set(
      world.paths.integrationSubnet,
      recorded("subnet", { id: world.paths.integrationSubnet, name: "snet-app-integration" }),
    );
    const [line] = failing((await preflight()).lines);
    expect(line).toContain("the subnet has no delegation");
    expect(line).toContain(
      `az network vnet subnet update --ids ${world.paths.integrationSubnet} --delegations Microsoft.Web/serverFarms`,
    );
  });

  it("fails a private DNS zone that is not linked to the endpoints' virtual network", async () => {
    const zone = world.paths.dnsZones[1];
    server.set(`${zone}/virtualNetworkLinks`, {
      value: [
        recorded("virtual-network-link", {
          zoneId: zone,
          name: "hub-link",
          virtualNetworkId:
            "/subscriptions/x/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub",
        }),
      ],
    });
    const [line] = failing((await preflight()).lines);
    expect(line).toContain(
      "private DNS zone privatelink.eventgrid.azure.net exists and is linked to virtual network vnet-prod",
    );
    expect(line).toContain(
      "az network private-dns link vnet create --resource-group rg-dns --zone-name privatelink.eventgrid.azure.net",
    );
  });

  it("fails a private DNS zone that does not exist", async () => {
    server.delete(world.paths.dnsZones[0]);
    const [line] = failing((await preflight()).lines);
    expect(line).toContain("no zone");
    expect(line).toContain(
      "az network private-dns zone create --resource-group rg-dns --name privatelink.servicebus.windows.net",
    );
  });

  it("fails a Log Analytics workspace that does not exist", async () => {
    server.delete(world.paths.workspace);
    const [line] = failing((await preflight()).lines);
    expect(line).toContain("Log Analytics workspace log-contoso-prod exists");
    expect(line).toContain("monitoring.logAnalyticsWorkspaceId");
  });

  it("fails a key that does not exist, and checks nothing that depends on it", async () => {
    server.delete(world.paths.key);
    const lines = failing((await preflight()).lines);
    expect(lines).toEqual([
      expect.stringContaining(
        "no key messaging; fix: az keyvault key create --vault-name kv-contoso-prod --name messaging",
      ),
    ]);
  });

  it("fails a vault without purge protection, which customer-managed keys require", async () => {
    const vault = recorded("vault", {
      id: world.paths.vault,
      name: "kv-contoso-prod",
      location: "westeurope",
    });
    (vault.properties as Record<string, unknown>).enablePurgeProtection = false;
    server.set(world.paths.vault, vault);
    const [line] = failing((await preflight()).lines);
    expect(line).toContain("az keyvault update --name kv-contoso-prod --enable-purge-protection true");
  });

  it("fails an encryption identity whose only role cannot wrap keys, with the narrowest role to grant", async () => {
    server.set(world.paths.keyRoleAssignments, {
      value: [
        recorded("role-assignment", {
          scope: world.paths.vault,
          name: "b3b9a1c2-0000-4000-8000-000000000002",
          subscriptionId,
          roleDefinition: "acdd72a7-3629-48ce-8b6f-45c4d4ab9e8c",
          principalId: encryptionPrincipalId,
        }),
      ],
    });
    const [line] = failing((await preflight()).lines);
    expect(line).toContain(
      "no role assignment at the key, its vault or above grants the wrap and unwrap data actions",
    );
    expect(line).toContain(`--role "Key Vault Crypto Service Encryption User" --scope ${world.paths.key}`);
  });

  it("asks for the identity's role assignments at the key's scope", async () => {
    await preflight();
    const [request] = server.requestsTo(world.paths.keyRoleAssignments);
    expect(request.query).toBe(`%24filter=assignedTo%28%27${encryptionPrincipalId}%27%29`);
  });

  it("accepts an access-policy vault whose policy grants get, wrap and unwrap, and refuses one that does not", async () => {
    const vault = recorded("vault", {
      id: world.paths.vault,
      name: "kv-contoso-prod",
      location: "westeurope",
    });
    const properties = vault.properties as Record<string, unknown>;
    properties.enableRbacAuthorization = false;
    properties.accessPolicies = [
      {
        tenantId: "t",
        objectId: encryptionPrincipalId,
        permissions: { keys: ["Get", "WrapKey", "UnwrapKey"] },
      },
    ];
    server.set(world.paths.vault, vault);
    expect((await preflight()).code).toBe(0);
    properties.accessPolicies = [
      { tenantId: "t", objectId: encryptionPrincipalId, permissions: { keys: ["Get"] } },
    ];
    const [line] = failing((await preflight()).lines);
    expect(line).toContain(
      `az keyvault set-policy --name kv-contoso-prod --object-id ${encryptionPrincipalId} --key-permissions get wrapKey unwrapKey`,
    );
  });

  it("fails a state account that allows shared keys", async () => {
    const account = recorded("storage-account", {
      id: world.paths.stateAccount,
      name: "stcontosotfstate",
      location: "westeurope",
    });
    (account.properties as Record<string, unknown>).allowSharedKeyAccess = true;
    server.set(world.paths.stateAccount, account);
    const [line] = failing((await preflight()).lines);
    expect(line).toContain("--allow-shared-key-access false");
  });

  it("fails a missing state account and its container, and names the bootstrap as the fix", async () => {
    server.delete(world.paths.stateAccount);
    const lines = failing((await preflight()).lines);
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.endsWith("fix: npm run bootstrap -- --env prod"))).toBe(true);
    expect(server.requestsTo(world.paths.stateContainer)).toEqual([]);
  });

  it("fails a name someone else holds, pointing at the line where resourceName goes", async () => {
    world.takenNames.add("sbns-contoso-orders-orders-prod");
    const [line] = failing((await preflight()).lines);
    expect(line).toContain("sbns-contoso-orders-orders-prod.servicebus.windows.net belongs to someone else");
    expect(line).toMatch(/fix: set resourceName at .*environments\/prod\.yaml:\d+ /);
  });

  it("fails a derived storage name someone else holds, pointing at the naming convention", async () => {
    world.takenNames.add("stcontosoordersegdlprod");
    const [line] = failing((await preflight()).lines);
    expect(line).toContain("the name is built from naming.prefix and naming.workload");
  });

  it("passes a name in use by this environment's own resource group", async () => {
    world.takenNames.add("iot-contoso-orders-plants-prod");
    publishOwned(server, world, "iotHub", "iot-contoso-orders-plants-prod");
    const run = await preflight();
    expect(run.code).toBe(0);
    expect(run.text).toContain(
      "IoT hub name iot-contoso-orders-plants-prod is free or already this environment's (already in resource group",
    );
  });

  it("asks each service for availability with the name in the body", async () => {
    await preflight();
    const post = server.requests.find((r) => r.path.endsWith("Microsoft.Storage/checkNameAvailability"));
    expect(post).toMatchObject({
      method: "POST",
      apiVersion: "2023-05-01",
      body: { type: "Microsoft.Storage/storageAccounts" },
    });
    expect(server.requests.every((r) => r.authorization === "Bearer test-token")).toBe(true);
  });

  it("fails only the line ARM refuses to answer, with the role that would let it read", async () => {
    server.script(world.paths.workspace, {
      status: 403,
      body: { error: { code: "AuthorizationFailed", message: "no read" } },
    });
    const run = await preflight();
    expect(failing(run.lines)).toEqual([
      expect.stringContaining("could not be checked: 403 no read; fix: the identity may not read here"),
    ]);
    expect(run.lines.filter((l) => l.startsWith("pass"))).toHaveLength(22);
  });

  it("prints JSON with --format json", async () => {
    const run = await preflight(["--format", "json"]);
    const summary = JSON.parse(run.text) as { environment: string; findings: { passed: boolean }[] };
    expect(summary.environment).toBe("prod");
    expect(summary.findings).toHaveLength(23);
  });

  it("stops with exit 2 before asking for any token when AZURE_SUBSCRIPTION_ID is missing", async () => {
    const run = await preflight([], {});
    expect(run.code).toBe(2);
    expect(run.err).toContain("set AZURE_SUBSCRIPTION_ID");
    expect(run.credentialFor).not.toHaveBeenCalled();
    expect(server.requests).toEqual([]);
  });

  it("stops with exit 2 on an environment that does not exist, listing those that do", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await preflightMain(["--env", "qa", "--environments-dir", environments], {
      env: { AZURE_SUBSCRIPTION_ID: subscriptionId },
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
    });
    expect(code).toBe(2);
    expect(err.join("")).toContain('no environment named "qa" in');
    expect(err.join("")).toContain("known environments: dev, prod");
  });

  it("stops with exit 2 on a plain-http endpoint, before any request", async () => {
    const run = await preflight(["--arm-endpoint", "http://127.0.0.1:1"]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("must use https");
    expect(run.credentialFor).not.toHaveBeenCalled();
  });

  it("stops with exit 2 when no credential can sign in", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const unavailable = {
      getToken: async () => {
        throw Object.assign(new Error("no credential"), { name: "CredentialUnavailableError" });
      },
    };
    const code = await preflightMain(
      [
        "--env",
        "prod",
        "--environments-dir",
        environments,
        "--arm-endpoint",
        server.endpoint,
        "--timeout",
        "10",
      ],
      {
        env: { AZURE_SUBSCRIPTION_ID: subscriptionId },
        stdout: (t) => out.push(t),
        stderr: (t) => err.push(t),
        credentialFor: () => unavailable,
        requirementsOf: () => requirements,
        transport: { trustedCa: testCa },
      },
    );
    expect(code).toBe(2);
    expect(err.join("")).toContain("No Azure credential could be used");
  });

  it("takes the environment by file with --env-file", async () => {
    const out: string[] = [];
    const code = await preflightMain(
      ["--env-file", join(environments, "prod.yaml"), "--arm-endpoint", server.endpoint, "--timeout", "10"],
      {
        env: { AZURE_SUBSCRIPTION_ID: subscriptionId },
        stdout: (t) => out.push(t),
        stderr: () => undefined,
        credentialFor: () => staticTestCredential,
        requirementsOf: () => requirements,
        transport: { trustedCa: testCa },
      },
    );
    expect(code).toBe(0);
  });
});
