import { TerraformStack, Testing } from "cdktf";
import { EntityRegistry } from "../../stacks/entity-registry";
import type { RelayNamespace } from "../../model/model";
import { addRelay } from "../../stacks/relay";
import { StackIds } from "../../stacks/ids/stack-ids";
import type { StackContext } from "../../stacks/stack-context";
import {
  environmentWithRelay,
  hybridConnectionModel,
  relayModel,
  wcfRelayModel,
} from "./helpers/relay-model";
import { analytics, ordersApi } from "./helpers/service-bus-model";

interface Synthesized {
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
}

function build(namespaces: readonly RelayNamespace[]): Synthesized {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  const model = environmentWithRelay(namespaces);
  const ctx: StackContext = {
    scope: stack,
    model,
    resourceGroupName: "rg-test",
    resourceGroupId: "/subscriptions/0/resourceGroups/rg-test",
    location: "westeurope",
    logAnalyticsWorkspaceId: "/workspaces/log",
    entities: new EntityRegistry(),
    ids: new StackIds(model),
  };
  addRelay(ctx);
  return JSON.parse(Testing.synth(stack)) as Synthesized;
}

const resources = (json: Synthesized, type: string): Record<string, unknown>[] =>
  Object.values(json.resource[type] ?? {});
const roles = (json: Synthesized): [unknown, unknown][] =>
  resources(json, "azurerm_role_assignment").map((r) => [r.role_definition_name, r.principal_id]);

describe("addRelay", () => {
  it("builds the namespace under its Azure name with diagnostics to the environment's workspace", () => {
    const json = build([relayModel()]);
    expect(resources(json, "azurerm_relay_namespace")).toEqual([
      expect.objectContaining({ name: "relay-contoso-plant-bridge-test" }),
    ]);
    expect(resources(json, "azurerm_monitor_diagnostic_setting")).toEqual([
      expect.objectContaining({ log_analytics_workspace_id: "/workspaces/log" }),
    ]);
  });

  it("closes the public endpoint the model closes", () => {
    const json = build([relayModel()]);
    expect(resources(json, "azapi_resource")[0]).toMatchObject({
      body: { properties: { publicNetworkAccess: "Disabled" } },
    });
  });

  it("grants a hybrid connection's listeners and senders their Relay roles on the connection", () => {
    const json = build([relayModel()]);
    expect(roles(json)).toEqual([
      ["Azure Relay Listener", ordersApi.objectId],
      ["Azure Relay Sender", analytics.objectId],
    ]);
  });

  it("keeps client authorization as the model resolves it", () => {
    const json = build([
      relayModel({
        hybridConnections: [
          hybridConnectionModel({
            name: "open",
            requiresClientAuthorization: false,
            listeners: [],
            senders: [],
          }),
        ],
      }),
    ]);
    expect(resources(json, "azurerm_relay_hybrid_connection")).toEqual([
      expect.objectContaining({ name: "open", requires_client_authorization: false }),
    ]);
  });

  it("builds declared WCF relays with their listeners", () => {
    const json = build([
      relayModel({
        hybridConnections: [],
        wcfRelays: [wcfRelayModel({ name: "legacy-erp", relayType: "Http" })],
      }),
    ]);
    expect(resources(json, "azapi_resource").find((r) => r.name === "legacy-erp")).toMatchObject({
      body: { properties: { relayType: "Http" } },
    });
    expect(roles(json)).toEqual([["Azure Relay Listener", ordersApi.objectId]]);
  });

  it("gives the private endpoint the name the model resolved", () => {
    const privateEndpoint = { azureName: "relay-contoso-plant-bridge-test-pep", subnetId: "/subnets/pe" };
    const json = build([relayModel({ privateEndpoint })]);
    expect(resources(json, "azurerm_private_endpoint")).toEqual([
      expect.objectContaining({ name: "relay-contoso-plant-bridge-test-pep", subnet_id: "/subnets/pe" }),
    ]);
  });

  it("grants namespace owners Azure Relay Owner under the construct ID their assignments always had", () => {
    const json = build([relayModel({ owners: [ordersApi], hybridConnections: [] })]);
    expect(Object.keys(json.resource.azurerm_role_assignment ?? {})).toEqual([
      expect.stringMatching(/^relay-plant-bridge_own-orders-api_/),
    ]);
    expect(roles(json)).toEqual([["Azure Relay Owner", ordersApi.objectId]]);
  });

  it("sets no local-auth switch, which Azure Relay does not have, whatever the model resolved", () => {
    expect(() => build([relayModel({ localAuth: true })])).not.toThrow();
  });
});
