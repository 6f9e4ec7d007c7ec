import type { Construct } from "constructs";
import { RelayNamespace, type RelayNamespaceProps } from "../../../constructs/relay";
import { ordersApi } from "../event-grid/synth";
import { validationErrors } from "../synthesized";
import { onlyResource, resourcesOf, synth } from "../synthesized";

const props: RelayNamespaceProps = {
  name: "relay-contoso-bridge-test",
  location: "westeurope",
  resourceGroupName: "rg-test",
};
const namespace = (scope: Construct, overrides: Partial<RelayNamespaceProps> = {}): RelayNamespace =>
  new RelayNamespace(scope, "relay", { ...props, ...overrides });
const endpoint = { subnetId: "/subnets/pe" };

describe("RelayNamespace", () => {
  it("is a Standard namespace", () => {
    const json = synth((scope) => namespace(scope));
    expect(onlyResource(json, "azurerm_relay_namespace")).toMatchObject({
      name: "relay-contoso-bridge-test",
      sku_name: "Standard",
    });
  });

  it("keeps the public endpoint open without a private endpoint, trusted services passing", () => {
    const json = synth((scope) => namespace(scope));
    expect(onlyResource(json, "azapi_resource_action")).toEqual({
      type: "Microsoft.Relay/namespaces/networkRuleSets@2021-11-01",
      resource_id: expect.stringMatching(
        /^\$\{azurerm_relay_namespace\.[^}]+\.id\}\/networkRuleSets\/default$/,
      ),
      method: "PUT",
      provider: "azapi",
      body: {
        properties: {
          publicNetworkAccess: "Enabled",
          defaultAction: "Allow",
          trustedServiceAccessEnabled: true,
          ipRules: [],
        },
      },
    });
  });

  it("closes the public endpoint by default when it has a private endpoint", () => {
    const json = synth((scope) => namespace(scope, { privateEndpoint: endpoint }));
    expect(onlyResource(json, "azapi_resource_action").body).toMatchObject({
      properties: { publicNetworkAccess: "Disabled", defaultAction: "Deny" },
    });
  });

  it("admits only the allowed ranges when the public endpoint is open", () => {
    const json = synth((scope) =>
      namespace(scope, {
        publicNetworkAccess: true,
        allowedIpRanges: ["203.0.113.0/24"],
        trustedServicesAllowed: false,
      }),
    );
    expect(onlyResource(json, "azapi_resource_action").body).toEqual({
      properties: {
        publicNetworkAccess: "Enabled",
        defaultAction: "Deny",
        trustedServiceAccessEnabled: false,
        ipRules: [{ ipMask: "203.0.113.0/24", action: "Allow" }],
      },
    });
  });

  it("refuses IP ranges while the public endpoint is closed", () => {
    const errors = validationErrors((scope) =>
      namespace(scope, { publicNetworkAccess: false, allowedIpRanges: ["203.0.113.0/24"] }),
    );
    expect(errors).toEqual([
      "Relay namespace relay-contoso-bridge-test: allowedIpRanges: allowedIpRanges admit nothing while publicNetworkAccess is false; remove them or allow public access",
    ]);
  });

  it("refuses IP ranges that the private endpoint's default closed public endpoint would ignore", () => {
    const errors = validationErrors((scope) =>
      namespace(scope, { privateEndpoint: endpoint, allowedIpRanges: ["203.0.113.0/24"] }),
    );
    expect(errors).toEqual([expect.stringContaining("allowedIpRanges admit nothing")]);
  });

  it("refuses a name Azure does not accept", () => {
    expect(validationErrors((scope) => namespace(scope, { name: "relay" }))).toEqual([
      'Relay namespace relay: name: Relay namespace name "relay" must be at least 6 characters (it is 5)',
    ]);
  });

  it("refuses a local-auth setting, which Azure Relay does not have", () => {
    expect(validationErrors((scope) => namespace(scope, { localAuth: false }))).toEqual([
      expect.stringContaining(
        "localAuth: switching local (SAS) authentication needs a disableLocalAuth property",
      ),
    ]);
  });

  it("refuses a customer-managed key", () => {
    const customerManagedKey = { keyVaultKeyId: "https://kv/keys/k", identityId: "/identities/cmk" };
    expect(validationErrors((scope) => namespace(scope, { customerManagedKey }))).toEqual([
      expect.stringContaining("customerManagedKey: a customer-managed key needs"),
    ]);
  });

  it("refuses user-assigned identities, which a namespace that calls no service cannot use", () => {
    expect(
      validationErrors((scope) => namespace(scope, { userAssignedIdentityIds: ["/identities/a"] })),
    ).toEqual([expect.stringContaining("userAssignedIdentityIds: user-assigned identities needs")]);
  });

  it("reports every problem at once", () => {
    expect(validationErrors((scope) => namespace(scope, { name: "relay", localAuth: true }))).toHaveLength(2);
  });

  it("gets a private endpoint on the namespace sub-resource, named after the namespace", () => {
    const json = synth((scope) => namespace(scope, { privateEndpoint: endpoint }));
    expect(onlyResource(json, "azurerm_private_endpoint")).toMatchObject({
      name: "relay-contoso-bridge-test-pep",
      private_service_connection: { subresource_names: ["namespace"] },
    });
  });

  it("names its private endpoint as told", () => {
    const json = synth((scope) => namespace(scope, { privateEndpoint: { ...endpoint, name: "pe-bridge" } }));
    expect(onlyResource(json, "azurerm_private_endpoint").name).toBe("pe-bridge");
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

  it("grants full control as Azure Relay Owner under the construct ID its assignments always had", () => {
    const json = synth((scope) => namespace(scope).grantManage(ordersApi));
    const [id] = Object.keys(json.resource.azurerm_role_assignment ?? {});
    expect(id).toMatch(/^relay_own-orders-api_/);
    expect(resourcesOf(json, "azurerm_role_assignment")).toEqual([
      expect.objectContaining({ role_definition_name: "Azure Relay Owner" }),
    ]);
  });
});
