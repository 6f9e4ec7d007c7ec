import type { Construct } from "constructs";
import { HybridConnection, RelayNamespace, type HybridConnectionProps } from "../../../constructs/relay";
import { ordersApi } from "../event-grid/synth";
import { validationErrors } from "../synthesized";
import { onlyResource, resourcesOf, synth } from "../synthesized";

function connection(scope: Construct, overrides: Partial<HybridConnectionProps> = {}): HybridConnection {
  const namespace = new RelayNamespace(scope, "relay", {
    name: "relay-contoso-bridge-test",
    location: "westeurope",
    resourceGroupName: "rg-test",
  });
  return new HybridConnection(scope, "historian", { namespace, name: "historian", ...overrides });
}

describe("HybridConnection", () => {
  it("requires client authorization by default", () => {
    const json = synth((scope) => connection(scope));
    expect(onlyResource(json, "azurerm_relay_hybrid_connection")).toMatchObject({
      name: "historian",
      requires_client_authorization: true,
    });
  });

  it("stores the user metadata it is given", () => {
    const json = synth((scope) => connection(scope, { userMetadata: "historian on plant network" }));
    expect(onlyResource(json, "azurerm_relay_hybrid_connection").user_metadata).toBe(
      "historian on plant network",
    );
  });

  it("refuses blank user metadata", () => {
    expect(validationErrors((scope) => connection(scope, { userMetadata: " " }))).toEqual([
      'hybrid connection historian: userMetadata: userMetadata must be omitted or non-empty, got ""',
    ]);
  });

  it("refuses a name Azure does not accept", () => {
    expect(validationErrors((scope) => connection(scope, { name: "historian feed" }))).toEqual([
      expect.stringContaining('hybrid connection name "historian feed" may contain only'),
    ]);
  });

  it("grants listening as Azure Relay Listener on the connection itself", () => {
    const json = synth((scope) => connection(scope).grantListen(ordersApi));
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Azure Relay Listener",
      scope: expect.stringMatching(/^\$\{azurerm_relay_hybrid_connection\.[^}]+\.id\}$/),
      principal_id: ordersApi.principalId,
    });
  });

  it("grants sending as Azure Relay Sender on the connection itself", () => {
    const json = synth((scope) => connection(scope).grantSend(ordersApi));
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Azure Relay Sender",
      scope: expect.stringMatching(/^\$\{azurerm_relay_hybrid_connection\.[^}]+\.id\}$/),
    });
  });

  it("is protected from destroy when told", () => {
    const json = synth((scope) => connection(scope, { preventDestroy: true }));
    expect(onlyResource(json, "azurerm_relay_hybrid_connection").lifecycle).toEqual({
      prevent_destroy: true,
    });
  });

  it("grants full control as Azure Relay Owner on the connection itself", () => {
    const json = synth((scope) => connection(scope).grantManage(ordersApi));
    expect(resourcesOf(json, "azurerm_role_assignment")).toEqual([
      expect.objectContaining({
        role_definition_name: "Azure Relay Owner",
        scope: expect.stringMatching(/^\$\{azurerm_relay_hybrid_connection\.[^}]+\.id\}$/),
      }),
    ]);
  });

  it("assigns a principal named among listeners twice only once", () => {
    const json = synth((scope) => {
      const hybrid = connection(scope);
      hybrid.grantListen(ordersApi);
      hybrid.grantListen(ordersApi);
    });
    expect(resourcesOf(json, "azurerm_role_assignment")).toHaveLength(1);
  });
});
