import { synthesizedStack } from "./helpers/synthesized";

const stack = synthesizedStack("test/fixtures/stream-analytics/prod.yaml");
const jobAddress = "azurerm_stream_analytics_job.stream-analytics-overheat-detection_job_EB3F180E";
const only = (type: string): Record<string, unknown> => {
  const found = Object.values(stack.resource[type] ?? {});
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
};
const jobGrants = (): Record<string, unknown>[] =>
  Object.values(stack.resource.azurerm_role_assignment ?? {}).filter(
    (grant) => grant.principal_id === `\${${jobAddress}.identity[0].principal_id}`,
  );

describe("prod.yaml's Stream Analytics job in the stack", () => {
  it("is the production job: StandardV2 at 1 SU V2, Stop on output errors, kept from destruction", () => {
    expect(only("azurerm_stream_analytics_job")).toMatchObject({
      name: "asa-contoso-orders-overheat-detection-prod",
      sku_name: "StandardV2",
      streaming_units: 10,
      output_error_policy: "Stop",
      lifecycle: { prevent_destroy: true },
    });
  });

  it("reads the hub through its consumer group and writes the queue, both with its identity", () => {
    expect(only("azurerm_stream_analytics_stream_input_eventhub_v2")).toMatchObject({
      authentication_mode: "Msi",
      servicebus_namespace: "evhns-contoso-orders-telemetry-prod",
      eventhub_name: "device-telemetry",
      eventhub_consumer_group_name: "analytics",
    });
    expect(only("azurerm_stream_analytics_output_servicebus_queue")).toMatchObject({
      authentication_mode: "Msi",
      servicebus_namespace: "sbns-contoso-orders-orders-prod",
      queue_name: "maintenance-alerts",
    });
  });

  it("holds receiver on the hub and sender on the queue, nothing wider", () => {
    expect(jobGrants().map((grant) => [grant.role_definition_name, grant.scope])).toEqual([
      [
        "Azure Event Hubs Data Receiver",
        "${azurerm_eventhub.event-hubs-telemetry_namespace_hub-device-telemetry_event-hub_CF2D5E84.id}",
      ],
      [
        "Azure Service Bus Data Sender",
        expect.stringMatching(/^\$\{azurerm_servicebus_queue\.service-bus-orders_queue-maintenance-alerts/),
      ],
    ]);
  });

  it("sends its logs to Log Analytics, is locked, and has the four production alerts", () => {
    const target = `\${${jobAddress}.id}`;
    const diagnostics = Object.values(stack.resource.azurerm_monitor_diagnostic_setting ?? {});
    expect(diagnostics.some((d) => d.target_resource_id === target)).toBe(true);
    const locks = Object.values(stack.resource.azurerm_management_lock ?? {});
    expect(locks.some((lock) => lock.scope === target)).toBe(true);
    const alerts = Object.values(stack.resource.azurerm_monitor_metric_alert ?? {}).filter((alert) =>
      JSON.stringify(alert.scopes).includes(jobAddress),
    );
    expect(
      alerts.map((alert) => (alert.criteria as { metric_name: string }[])[0]?.metric_name).sort(),
    ).toEqual(["DeserializationError", "Errors", "OutputWatermarkDelaySeconds", "ResourceUtilization"]);
  });
});
