import type { Construct } from "constructs";
import {
  DeviceProvisioningService,
  IotHub,
  type DeviceProvisioningServiceProps,
} from "../../../constructs/iot-hub";
import { validationErrors } from "../synthesized";
import { onlyResource, resourcesOf, synth, type Synthesized } from "../synthesized";

function provisioning(
  scope: Construct,
  overrides: Partial<DeviceProvisioningServiceProps> = {},
): DeviceProvisioningService {
  const hub = new IotHub(scope, "hub", {
    name: "iot-contoso-plants-test",
    location: "westeurope",
    resourceGroupName: "rg-test",
    sku: "S1",
  });
  return new DeviceProvisioningService(scope, "dps", {
    name: "provs-contoso-plants-test",
    location: "westeurope",
    resourceGroupId: "/subscriptions/0/resourceGroups/rg-test",
    resourceGroupName: "rg-test",
    hub,
    ...overrides,
  });
}

const dpsOf = (json: Synthesized): Record<string, unknown> => {
  const found = resourcesOf(json, "azapi_resource").filter((r) =>
    String(r.type).startsWith("Microsoft.Devices/provisioningServices@"),
  );
  if (found.length !== 1) throw new Error(`expected one provisioning service, found ${found.length}`);
  return found[0];
};

describe("DeviceProvisioningService", () => {
  it("locks the service and protects it from destroy when asked, since it holds every enrollment", () => {
    const json = synth((s) => provisioning(s, { lock: true, preventDestroy: true }));
    expect(onlyResource(json, "azurerm_management_lock")).toMatchObject({
      lock_level: "CanNotDelete",
      scope: expect.stringMatching(/^\$\{azapi_resource\.dps_[A-F0-9]+\.id\}$/),
    });
    expect(dpsOf(json).lifecycle).toEqual({ prevent_destroy: true });
  });

  it("registers its private endpoint in the provisioning service's private DNS zone", () => {
    const zone =
      "/subscriptions/0/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.azure-devices-provisioning.net";
    const json = synth((s) =>
      provisioning(s, { privateEndpoint: { subnetId: "/subscriptions/0/subnet", privateDnsZoneId: zone } }),
    );
    const endpoint = onlyResource(json, "azurerm_private_endpoint");
    expect(endpoint.private_service_connection).toMatchObject({ subresource_names: ["iotDps"] });
    expect(endpoint.private_dns_zone_group).toEqual({ name: "default", private_dns_zone_ids: [zone] });
  });

  it("neither locks nor protects the service by default", () => {
    const json = synth((s) => provisioning(s));
    expect(resourcesOf(json, "azurerm_management_lock")).toEqual([]);
    expect(dpsOf(json).lifecycle).toBeUndefined();
  });

  it("links the hub by a managed identity, with no connection string anywhere", () => {
    const json = synth((scope) => provisioning(scope));
    expect(dpsOf(json)).toMatchObject({
      type: "Microsoft.Devices/provisioningServices@2026-03-01-preview",
      body: {
        properties: {
          iotHubs: [
            {
              authenticationType: "UserAssigned",
              selectedUserAssignedIdentityResourceId: expect.stringMatching(
                /^\$\{azurerm_user_assigned_identity\.[^}]+\.id\}$/,
              ),
              hostName: expect.stringMatching(/^\$\{azurerm_iothub\.[^}]+\.hostname\}$/),
              location: "westeurope",
            },
          ],
        },
      },
    });
    expect(JSON.stringify(json)).not.toContain("connection_string");
  });

  it("creates no shared access policy on the hub", () => {
    const json = synth((scope) => provisioning(scope));
    expect(resourcesOf(json, "azurerm_iothub_shared_access_policy")).toEqual([]);
  });

  it("grants the link identity IoT Hub Data Contributor on the hub alone", () => {
    const json = synth((scope) => provisioning(scope));
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "IoT Hub Data Contributor",
      scope: expect.stringMatching(/^\$\{azurerm_iothub\.[^}]+\.id\}$/),
      principal_id: expect.stringMatching(/^\$\{azurerm_user_assigned_identity\.[^}]+\.principal_id\}$/),
    });
  });

  it("is created after the grant, since the service checks the link when it is created", () => {
    const json = synth((scope) => provisioning(scope));
    expect(dpsOf(json).depends_on).toEqual([expect.stringMatching(/^azurerm_role_assignment\./)]);
  });

  it("hashes devices over its hubs and keeps its public endpoint closed behind a private endpoint", () => {
    const json = synth((scope) => provisioning(scope, { privateEndpoint: { subnetId: "/subnets/pe" } }));
    expect(dpsOf(json)).toMatchObject({
      body: {
        sku: { name: "S1", capacity: 1 },
        properties: {
          allocationPolicy: "Hashed",
          publicNetworkAccess: "Disabled",
          enableDataResidency: false,
        },
      },
    });
  });

  it("uses the allocation policy it is given", () => {
    const json = synth((scope) => provisioning(scope, { allocationPolicy: "GeoLatency" }));
    expect(dpsOf(json)).toMatchObject({ body: { properties: { allocationPolicy: "GeoLatency" } } });
  });

  it("gets a private endpoint on the iotDps sub-resource", () => {
    const json = synth((scope) => provisioning(scope, { privateEndpoint: { subnetId: "/subnets/pe" } }));
    expect(onlyResource(json, "azurerm_private_endpoint")).toMatchObject({
      name: "provs-contoso-plants-test-pep",
      private_service_connection: { subresource_names: ["iotDps"] },
    });
  });

  it("refuses units beyond what the provider accepts", () => {
    expect(validationErrors((scope) => provisioning(scope, { capacity: 201 }))).toEqual([
      "Device Provisioning Service provs-contoso-plants-test: capacity: a Device Provisioning Service has at most 200 units, got 201",
    ]);
  });

  it("refuses a local-auth setting, which Device Provisioning does not have", () => {
    expect(validationErrors((scope) => provisioning(scope, { localAuth: false }))).toEqual([
      expect.stringContaining(
        "localAuth: switching local (SAS) authentication needs a disableLocalAuth property",
      ),
    ]);
  });

  it("admits only the allowed ranges, rejecting every other address after them", () => {
    const json = synth((scope) =>
      provisioning(scope, { publicNetworkAccess: true, allowedIpRanges: ["203.0.113.0/24"] }),
    );
    expect(dpsOf(json)).toMatchObject({
      body: {
        properties: {
          publicNetworkAccess: "Enabled",
          ipFilterRules: [
            { filterName: "allowed-1", action: "Accept", ipMask: "203.0.113.0/24", target: "all" },
            { filterName: "deny-others", action: "Reject", ipMask: "0.0.0.0/0", target: "all" },
          ],
        },
      },
    });
  });

  it("has no IP filter when no ranges are given", () => {
    const json = synth((scope) => provisioning(scope));
    expect(dpsOf(json)).not.toHaveProperty("body.properties.ipFilterRules");
  });

  it("carries user-assigned identities besides the hub link's", () => {
    const json = synth((scope) => provisioning(scope, { userAssignedIdentityIds: ["/identities/extra"] }));
    expect(dpsOf(json).identity).toEqual({
      type: "UserAssigned",
      identity_ids: [expect.stringMatching(/^\$\{azurerm_user_assigned_identity\./), "/identities/extra"],
    });
  });
});
