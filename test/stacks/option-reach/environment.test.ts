import {
  describeRefusals,
  encryption,
  environment,
  onlyResource,
  referenceTo,
  synthesize,
  waiver,
  type Json,
  type TerraformJson,
  type Tier,
} from "./helpers";

/*
 * The environment-wide options (naming, resource group, tags,
 * state backend, allowDestroy, encryption, waivers), each with one definite outcome.
 */

const premium = (tier: Tier, extra: Json = {}): Json =>
  environment(
    tier,
    { serviceBus: [{ name: "orders", sku: "Premium", queues: [{ name: "q1" }], topics: [{ name: "t1" }] }] },
    extra,
  );

describe("environment options (Service Bus Premium)", () => {
  const synthesized = new Map<string, TerraformJson>();
  const of = (key: string, doc: Json): TerraformJson => {
    const known = synthesized.get(key);
    if (known) return known;
    const json = synthesize(doc);
    synthesized.set(key, json);
    return json;
  };
  const namespace = (json: TerraformJson) => onlyResource(json, "azurerm_servicebus_namespace", {});
  const queue = (json: TerraformJson) => onlyResource(json, "azurerm_servicebus_queue", { name: "q1" });

  it("naming.workload joins the convention's names", () => {
    const json = of(
      "workload",
      premium("development", { naming: { prefix: "contoso", workload: "orders" } }),
    );
    expect(namespace(json)).toMatchObject({ name: "sbns-contoso-orders-orders-reach" });
  });

  it("resourceGroupName names the resource group", () => {
    const json = of("group", premium("development", { resourceGroupName: "rg-reach-custom" }));
    expect(onlyResource(json, "azurerm_resource_group", {})).toMatchObject({ name: "rg-reach-custom" });
  });

  it("environment tags reach every resource's tags", () => {
    const json = of("tags", premium("development", { tags: { costCenter: "4711" } }));
    expect(namespace(json)).toMatchObject({ tags: expect.objectContaining({ costCenter: "4711" }) });
    expect(onlyResource(json, "azurerm_resource_group", {})).toMatchObject({
      tags: expect.objectContaining({ costCenter: "4711" }),
    });
  });

  it("state selects the azurerm backend with Entra ID authentication", () => {
    const json = of(
      "state",
      premium("development", {
        state: { resourceGroup: "rg-tf", storageAccount: "sttfreach", container: "tfstate" },
      }),
    ) as TerraformJson & { terraform: { backend: Json } };
    expect(json.terraform.backend).toEqual({
      azurerm: {
        resource_group_name: "rg-tf",
        storage_account_name: "sttfreach",
        container_name: "tfstate",
        key: "reach.terraform.tfstate",
        use_azuread_auth: true,
      },
    });
  });

  it("production protects a queue from destroy", () => {
    const json = of("production", premium("production"));
    expect(queue(json)).toMatchObject({ lifecycle: { prevent_destroy: true } });
  });

  it("allowDestroy of a queue lifts its destroy protection in production", () => {
    const json = of(
      "allowDestroy",
      premium("production", {
        allowDestroy: [{ resource: "serviceBus/orders/q1", reason: "rebuilt from the source" }],
      }),
    );
    expect(queue(json)).not.toHaveProperty("lifecycle");
    expect(onlyResource(json, "azurerm_servicebus_topic", { name: "t1" })).toMatchObject({
      lifecycle: { prevent_destroy: true },
    });
  });

  it("encryption.infrastructureEncryption: false reaches the namespace's customer-managed key", () => {
    const json = of(
      "infrastructure",
      premium("production", { encryption: { ...encryption, infrastructureEncryption: false } }),
    );
    expect(namespace(json)).toMatchObject({
      customer_managed_key: expect.objectContaining({ infrastructure_encryption_enabled: false }),
    });
  });

  it("a waiver with nothing to waive changes no resource: the namespace stays closed", () => {
    const json = of(
      "waiver",
      premium("production", { waivers: [waiver("SB-PUBLIC-NETWORK", "serviceBus/orders")] }),
    );
    expect(namespace(json)).toMatchObject({ public_network_access_enabled: false });
    expect(onlyResource(json, "azurerm_private_endpoint", {})).toMatchObject({
      private_service_connection: expect.objectContaining({
        private_connection_resource_id: referenceTo(
          "azurerm_servicebus_namespace",
          "service-bus-orders_namespace",
        ),
      }),
    });
  });
});

describeRefusals("environment options refused", [
  {
    option: "allowDestroy of something the file does not declare",
    doc: premium("production", { allowDestroy: [{ resource: "serviceBus/orders/nothing", reason: "x" }] }),
    path: "allowDestroy[0].resource",
    message: 'allowDestroy resource "serviceBus/orders/nothing" names nothing declared in this file',
  },
  {
    option: "a waiver expiring more than a year ahead",
    doc: premium("production", {
      waivers: [{ ...waiver("SB-PUBLIC-NETWORK", "serviceBus/orders"), expires: "2028-01-01" }],
    }),
    path: "waivers[0].expires",
    message: "waiver expires 2028-01-01 is more than one year ahead",
  },
]);

describe("secondaryLocation alone pairs nothing in development (geo-disaster recovery is off there by default)", () => {
  let json: TerraformJson;
  beforeAll(() => {
    json = synthesize(
      environment(
        "development",
        {
          serviceBus: [{ name: "orders", sku: "Premium" }],
          eventHubs: [{ name: "telemetry", sku: "Standard" }],
        },
        { secondaryLocation: "northeurope" },
      ),
    );
  });

  it.each([
    ["Service Bus", "azurerm_servicebus_namespace_disaster_recovery_config", "azurerm_servicebus_namespace"],
    ["Event Hubs", "azurerm_eventhub_namespace_disaster_recovery_config", "azurerm_eventhub_namespace"],
  ])("%s: one namespace, no pairing", (_service, pairing, namespace) => {
    expect(Object.keys(json.resource[pairing] ?? {})).toEqual([]);
    expect(Object.keys(json.resource[namespace] ?? {})).toHaveLength(1);
  });
});
