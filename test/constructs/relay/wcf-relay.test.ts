import type { Construct } from "constructs";
import { RelayNamespace, WcfRelay, type WcfRelayProps } from "../../../constructs/relay";
import { ordersApi } from "../event-grid/synth";
import { validationErrors } from "../synthesized";
import { resourcesOf, synth, type Synthesized } from "../synthesized";

function relay(scope: Construct, overrides: Partial<WcfRelayProps> = {}): WcfRelay {
  const namespace = new RelayNamespace(scope, "relay", {
    name: "relay-contoso-bridge-test",
    location: "westeurope",
    resourceGroupName: "rg-test",
  });
  return new WcfRelay(scope, "erp", { namespace, name: "legacy-erp", relayType: "NetTcp", ...overrides });
}

const wcfRelayOf = (json: Synthesized): Record<string, unknown> | undefined =>
  resourcesOf(json, "azapi_resource").find((r) =>
    String(r.type).startsWith("Microsoft.Relay/namespaces/wcfRelays@"),
  );

describe("WcfRelay", () => {
  it("is declared through azapi under its namespace with the relay type and secure defaults", () => {
    const json = synth((scope) => relay(scope));
    expect(wcfRelayOf(json)).toMatchObject({
      type: "Microsoft.Relay/namespaces/wcfRelays@2021-11-01",
      name: "legacy-erp",
      parent_id: expect.stringMatching(/^\$\{azurerm_relay_namespace\.[^}]+\.id\}$/),
      body: {
        properties: {
          relayType: "NetTcp",
          requiresClientAuthorization: true,
          requiresTransportSecurity: true,
        },
      },
    });
  });

  it("serves HTTP bindings when asked", () => {
    const json = synth((scope) => relay(scope, { relayType: "Http" }));
    expect(wcfRelayOf(json)).toMatchObject({ body: { properties: { relayType: "Http" } } });
  });

  it("refuses a relay type Azure does not offer", () => {
    const invalid = { relayType: "BasicHttp" } as unknown as Partial<WcfRelayProps>;
    expect(validationErrors((scope) => relay(scope, invalid))).toEqual([
      'WCF relay legacy-erp: relayType: relayType must be one of NetTcp, Http, got "BasicHttp"',
      // azapi's schema refuses it too, and says so at synthesis rather than at plan time.
      expect.stringContaining('.properties.relayType: "BasicHttp" is not one of NetTcp, Http'),
    ]);
  });

  it("grants listening as Azure Relay Listener on the relay itself", () => {
    const json = synth((scope) => relay(scope).grantListen(ordersApi));
    expect(resourcesOf(json, "azurerm_role_assignment")).toEqual([
      expect.objectContaining({
        role_definition_name: "Azure Relay Listener",
        scope: expect.stringMatching(/^\$\{azapi_resource\.[^}]+\.id\}$/),
      }),
    ]);
  });

  it("grants sending as Azure Relay Sender on the relay itself", () => {
    const json = synth((scope) => relay(scope).grantSend(ordersApi));
    expect(resourcesOf(json, "azurerm_role_assignment")).toEqual([
      expect.objectContaining({ role_definition_name: "Azure Relay Sender" }),
    ]);
  });

  it("is protected from destroy when told", () => {
    const json = synth((scope) => relay(scope, { preventDestroy: true }));
    expect(wcfRelayOf(json)?.lifecycle).toEqual({ prevent_destroy: true });
  });

  it("grants full control as Azure Relay Owner on the relay itself", () => {
    const json = synth((scope) => relay(scope).grantManage(ordersApi));
    expect(resourcesOf(json, "azurerm_role_assignment")).toEqual([
      expect.objectContaining({ role_definition_name: "Azure Relay Owner" }),
    ]);
  });
});
