import type { Construct } from "constructs";
import { RelayNamespace, type RelayNamespaceProps } from "../../../constructs/relay";
import { ordersApi } from "../event-grid/synth";
import { onlyResource, synth } from "../synthesized";

const props: RelayNamespaceProps = {
  name: "relay-contoso-bridge-test",
  location: "westeurope",
  resourceGroupName: "rg-test",
};
const namespace = (scope: Construct, overrides: Partial<RelayNamespaceProps> = {}): RelayNamespace =>
  new RelayNamespace(scope, "relay", { ...props, ...overrides });

describe("RelayNamespace", () => {
  it("is a Standard namespace", () => {
    const json = synth((scope) => namespace(scope));
    expect(onlyResource(json, "azurerm_relay_namespace")).toMatchObject({
      name: "relay-contoso-bridge-test",
      sku_name: "Standard",
    });
  });

  it("closes the public endpoint by default through the namespace's network rule set", () => {
    const json = synth((scope) => namespace(scope));
    expect(onlyResource(json, "azapi_resource")).toMatchObject({
      type: "Microsoft.Relay/namespaces/networkRuleSets@2021-11-01",
      name: "default",
      parent_id: expect.stringMatching(/^\$\{azurerm_relay_namespace\.[^}]+\.id\}$/),
      body: {
        properties: {
          publicNetworkAccess: "Disabled",
          defaultAction: "Deny",
          trustedServiceAccessEnabled: false,
          ipRules: [],
        },
      },
    });
  });

  it("admits only the allowed ranges when the public endpoint is open", () => {
    const json = synth((scope) =>
      namespace(scope, { publicNetworkAccess: true, allowedIpRanges: ["203.0.113.0/24"] }),
    );
    expect(onlyResource(json, "azapi_resource").body).toEqual({
      properties: {
        publicNetworkAccess: "Enabled",
        defaultAction: "Deny",
        trustedServiceAccessEnabled: false,
        ipRules: [{ ipMask: "203.0.113.0/24", action: "Allow" }],
      },
    });
  });

  it("refuses IP ranges while the public endpoint is closed", () => {
    expect(() => synth((scope) => namespace(scope, { allowedIpRanges: ["203.0.113.0/24"] }))).toThrow(
      "allowedIpRanges only filter the public endpoint",
    );
  });

  it("refuses a name Azure does not accept", () => {
    expect(() => synth((scope) => namespace(scope, { name: "relay" }))).toThrow(
      "name must be 6-50 letters, digits and hyphens",
    );
  });

  it("gets a private endpoint on the namespace sub-resource", () => {
    const json = synth((scope) => namespace(scope, { privateEndpointSubnetId: "/subnets/pe" }));
    expect(onlyResource(json, "azurerm_private_endpoint").private_service_connection).toMatchObject({
      subresource_names: ["namespace"],
    });
  });

  it("sends its logs to the given workspace", () => {
    const json = synth((scope) => namespace(scope, { logAnalyticsWorkspaceId: "/workspaces/log" }));
    expect(onlyResource(json, "azurerm_monitor_diagnostic_setting").log_analytics_workspace_id).toBe(
      "/workspaces/log",
    );
  });

  it("is locked when told", () => {
    const json = synth((scope) => namespace(scope, { lock: true }));
    expect(onlyResource(json, "azurerm_management_lock").lock_level).toBe("CanNotDelete");
  });

  it("grants namespace-wide listening as Azure Relay Listener on the namespace", () => {
    const json = synth((scope) => namespace(scope).grantListen(ordersApi));
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Azure Relay Listener",
      scope: expect.stringMatching(/^\$\{azurerm_relay_namespace\.[^}]+\.id\}$/),
    });
  });
});
