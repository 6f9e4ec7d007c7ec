/**
 * What preflight and the bootstrap read from an environment's synthesized stack: the resource
 * providers, the globally unique names and the role-assignment scopes outside its resource group.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { armTypeOf } from "../../azure/arm-api-versions";
import { globalNameKindOf } from "../../azure/global-names";
import { resourceProviderOf } from "../../azure/resource-providers";
import { loadEnvironmentFile, loadEnvironmentText } from "../../model/load-environment";
import type { EnvironmentModel } from "../../model/model";
import { stackRequirementsOf } from "../../stacks/stack-requirements";

const root = join(__dirname, "..", "..");

function model(file: string): EnvironmentModel {
  const result = loadEnvironmentFile(join(root, file), { today: new Date("2026-11-23T00:00:00Z") });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.model;
}

describe("resource providers of a stack", () => {
  it.each(["environments/dev.yaml", "environments/prod.yaml", "test/fixtures/shared-examples/dev.yaml"])(
    "knows the provider of every resource %s synthesizes",
    (file) => {
      expect(() => stackRequirementsOf(model(file))).not.toThrow();
    },
  );

  it("lists what dev needs and leaves out the providers every subscription has registered", () => {
    expect(stackRequirementsOf(model("environments/dev.yaml")).resourceProviders).toEqual([
      "Microsoft.EventGrid",
      "Microsoft.EventHub",
      "Microsoft.Insights",
      "Microsoft.Logic",
      "Microsoft.OperationalInsights",
      "Microsoft.ServiceBus",
      "Microsoft.Web",
    ]);
  });

  it("reads the namespace of an azapi resource from its type", () => {
    expect(
      resourceProviderOf("azapi_resource", "Microsoft.Devices/provisioningServices@2026-03-01-preview"),
    ).toBe("Microsoft.Devices");
  });

  it("takes the longest matching prefix of an azurerm type", () => {
    expect(resourceProviderOf("azurerm_eventhub_namespace")).toBe("Microsoft.EventHub");
    expect(resourceProviderOf("azurerm_iothub_dps")).toBe("Microsoft.Devices");
    expect(resourceProviderOf("azurerm_monitor_diagnostic_setting")).toBe("Microsoft.Insights");
  });

  it("refuses to guess the provider of a type it does not know", () => {
    expect(resourceProviderOf("azurerm_kubernetes_cluster")).toBeUndefined();
  });
});

describe("globally unique names of a stack", () => {
  const names = stackRequirementsOf(model("environments/prod.yaml")).globalNames;

  it("include the geo-DR secondaries and the storage accounts the stack derives", () => {
    expect(names).toEqual(
      expect.arrayContaining([
        { kind: "serviceBusNamespace", name: "sbns-contoso-orders-orders-prod-geo" },
        { kind: "storageAccount", name: "stcontosoorderscapprod" },
        { kind: "deviceProvisioningService", name: "provs-contoso-orders-plants-prod" },
      ]),
    );
  });

  it("leave out Event Grid, whose host names are per region", () => {
    expect(globalNameKindOf("azurerm_eventgrid_topic")).toBeUndefined();
    expect(names.map((n) => n.name).filter((n) => n.startsWith("evg"))).toEqual([]);
  });
});

describe("role-assignment scopes outside the environment's resource group", () => {
  const account =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-x/providers/Microsoft.Storage/storageAccounts/stexternal";
  // dev.yaml's Event Grid topic subscriptions end just before logicApps: one more subscription goes there.
  const text = readFileSync(join(root, "environments", "dev.yaml"), "utf8").replace(
    "\nlogicApps:",
    `
        - name: to-storage
          destination: { storageQueue: { storageAccountId: ${account}, queueName: events } }
          deadLetter: { storageAccountId: ${account}, container: deadletter }

logicApps:`,
  );

  it("are the external queue and container the stack grants Event Grid's identity on", () => {
    const loaded = loadEnvironmentText(text, join(root, "environments", "dev.yaml"));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(stackRequirementsOf(loaded.model).externalRoleScopes).toEqual([
      `${account}/blobServices/default/containers/deadletter`,
      `${account}/queueServices/default/queues/events`,
    ]);
  });

  it("are none for an environment that grants only on what it creates", () => {
    expect(stackRequirementsOf(model("environments/prod.yaml")).externalRoleScopes).toEqual([]);
  });
});

describe("ARM types of IDs", () => {
  it("names a child resource type with every parent type", () => {
    expect(
      armTypeOf(
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s1",
      ),
    ).toBe("Microsoft.Network/virtualNetworks/subnets");
  });

  it("reads the last provider of an extension resource", () => {
    expect(
      armTypeOf(
        "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6",
      ),
    ).toBe("Microsoft.Authorization/roleDefinitions");
  });
});
