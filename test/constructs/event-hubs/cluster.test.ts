import { EventHubsCluster } from "../../../constructs/event-hubs";
import { onlyResource, synth, validationErrors } from "./synth";

const props = { name: "evhcl-contoso-test", location: "westeurope", resourceGroupName: "rg-test" };

describe("EventHubsCluster", () => {
  it("writes the capacity into the Dedicated_<n> SKU name azurerm expects", () => {
    const cluster = onlyResource(
      synth((s) => new EventHubsCluster(s, "c", { ...props, capacity: 2 })),
      "azurerm_eventhub_cluster",
    );
    expect(cluster).toMatchObject({ name: "evhcl-contoso-test", sku_name: "Dedicated_2" });
  });

  it("starts with one capacity unit", () => {
    const cluster = onlyResource(
      synth((s) => new EventHubsCluster(s, "c", props)),
      "azurerm_eventhub_cluster",
    );
    expect(cluster.sku_name).toBe("Dedicated_1");
  });

  it.each([0, 21])("refuses %p capacity units", (capacity) => {
    expect(validationErrors((s) => new EventHubsCluster(s, "c", { ...props, capacity }))).toEqual([
      `Event Hubs cluster evhcl-contoso-test: capacity: a dedicated cluster takes 1-20 capacity units, got ${capacity}; ask Azure support for larger clusters`,
    ]);
  });

  it("locks the cluster and prevents its destruction when asked", () => {
    const json = synth((s) => new EventHubsCluster(s, "c", { ...props, lock: true, preventDestroy: true }));
    expect(onlyResource(json, "azurerm_eventhub_cluster").lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(json, "azurerm_management_lock")).toMatchObject({ lock_level: "CanNotDelete" });
  });
});
