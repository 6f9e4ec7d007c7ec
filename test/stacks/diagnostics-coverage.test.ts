import { synthesizedStack, type TerraformJson } from "./helpers/synthesized";

/** Every resource type that carries messages or events, and so must send its logs and metrics. */
const messagingTypes = [
  "azurerm_servicebus_namespace",
  "azurerm_eventhub_namespace",
  "azurerm_eventgrid_topic",
  "azurerm_eventgrid_system_topic",
  "azurerm_eventgrid_namespace",
  "azurerm_relay_namespace",
  "azurerm_iothub",
  "azurerm_iothub_dps",
];

function withoutDiagnostics(stack: TerraformJson): string[] {
  const targets = new Set(
    Object.values(stack.resource.azurerm_monitor_diagnostic_setting ?? {}).map((d) =>
      String(d.target_resource_id),
    ),
  );
  return messagingTypes.flatMap((type) =>
    Object.keys(stack.resource[type] ?? {})
      .filter((id) => !targets.has(`\${${type}.${id}.id}`))
      .map((id) => `${type}.${id}`),
  );
}

describe.each(["dev", "prod"])("diagnostics in the %s stack", (name) => {
  it("has a diagnostic setting for every messaging resource", () => {
    expect(withoutDiagnostics(synthesizedStack(`environments/${name}.yaml`))).toEqual([]);
  });
});

describe("the diagnostics walk", () => {
  it("notices a namespace without a diagnostic setting", () => {
    const stack: TerraformJson = {
      terraform: {},
      resource: { azurerm_servicebus_namespace: { orders: {} }, azurerm_monitor_diagnostic_setting: {} },
    };
    expect(withoutDiagnostics(stack)).toEqual(["azurerm_servicebus_namespace.orders"]);
  });
});
