/**
 * Which Azure resource provider serves each Terraform resource type the stacks create, so the
 * providers an environment needs can be listed from its synthesized stack: preflight checks their
 * registration, the bootstrap registers them. Sources: "Resource providers for Azure services"
 * (learn.microsoft.com/azure/azure-resource-manager/management/azure-services-resource-providers)
 * for the namespaces, and the REST type each azurerm resource manages (its `id` format).
 */

/** Terraform resource type prefixes (longest match wins) and the namespace that serves them. */
const azurermProviders: readonly (readonly [prefix: string, namespace: string])[] = [
  ["azurerm_servicebus_", "Microsoft.ServiceBus"],
  ["azurerm_eventhub", "Microsoft.EventHub"],
  ["azurerm_eventgrid_", "Microsoft.EventGrid"],
  ["azurerm_relay_", "Microsoft.Relay"],
  // IoT Hub, its routes, endpoints and consumer groups, and Device Provisioning (`azurerm_iothub_dps`).
  ["azurerm_iothub", "Microsoft.Devices"],
  ["azurerm_storage_", "Microsoft.Storage"],
  // Stream Analytics jobs, their inputs, outputs and schedule (Microsoft.StreamAnalytics/streamingjobs).
  ["azurerm_stream_analytics_", "Microsoft.StreamAnalytics"],
  // Logic Apps Standard runs as an App Service site on a Workflow Standard plan (Microsoft.Web/sites, serverfarms).
  ["azurerm_logic_app_standard", "Microsoft.Web"],
  ["azurerm_service_plan", "Microsoft.Web"],
  ["azurerm_private_endpoint", "Microsoft.Network"],
  ["azurerm_private_dns_", "Microsoft.Network"],
  // Diagnostic settings, metric, activity-log and log alerts, action groups, autoscale, workbooks.
  ["azurerm_monitor_", "Microsoft.Insights"],
  ["azurerm_application_insights_workbook", "Microsoft.Insights"],
  ["azurerm_log_analytics_workspace", "Microsoft.OperationalInsights"],
  ["azurerm_consumption_budget_", "Microsoft.Consumption"],
  ["azurerm_user_assigned_identity", "Microsoft.ManagedIdentity"],
  ["azurerm_federated_identity_credential", "Microsoft.ManagedIdentity"],
  ["azurerm_resource_group", "Microsoft.Resources"],
  ["azurerm_role_assignment", "Microsoft.Authorization"],
  ["azurerm_role_definition", "Microsoft.Authorization"],
  ["azurerm_management_lock", "Microsoft.Authorization"],
];

/**
 * Registered in every subscription from the start ("Registered by default" in the page above):
 * nothing to check or register.
 */
export const registeredByDefault: readonly string[] = [
  "Microsoft.Authorization",
  "Microsoft.Consumption",
  "Microsoft.Resources",
];

/**
 * The namespace serving a Terraform resource: for azapi, the part of its `type` before the first
 * slash (`Microsoft.EventGrid/namespaces/topicSpaces@2025-02-15`); for azurerm, from the table.
 * Undefined for a type the table does not know: callers must not guess.
 */
export function resourceProviderOf(terraformType: string, azapiType?: string): string | undefined {
  if (terraformType.startsWith("azapi_")) {
    const namespace = azapiType?.split("/")[0];
    return namespace && /^[A-Za-z]+\.[A-Za-z.]+$/.test(namespace) ? namespace : undefined;
  }
  let best: readonly [string, string] | undefined;
  for (const entry of azurermProviders) {
    if (terraformType.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best?.[1];
}
