import { compliantStack, evaluate, firedRules } from "./support/fixtures";
import { mergePatch } from "./support/merge-patch";

/** The compliant stack's job reading an IoT hub with a shared access policy, as azurerm's IoT Hub input must. */
function withIotHubInput(): ReturnType<typeof compliantStack> {
  const stack = compliantStack();
  return {
    ...stack,
    resource: mergePatch(stack.resource, {
      azurerm_stream_analytics_stream_input_iothub: {
        asa_iot: {
          name: "devices",
          stream_analytics_job_name: "${azurerm_stream_analytics_job.asa.name}",
          resource_group_name: "rg-test",
          endpoint: "messages/events",
          iothub_namespace: "iot-test",
          eventhub_consumer_group_name: "analytics",
          shared_access_policy_name: "asa",
          shared_access_policy_key: "${azurerm_iothub_shared_access_policy.asa.primary_key}",
          serialization: { type: "Json", encoding: "UTF8" },
        },
      },
    }),
  };
}

describe("Stream Analytics rules", () => {
  it("hold an IoT Hub input to both the managed identity and the no-keys rule", () => {
    expect(firedRules(evaluate(withIotHubInput()))).toEqual(["SA-MANAGED-IDENTITY", "SA-NO-SHARED-KEYS"]);
  });

  it("name the input in the finding", () => {
    const finding = evaluate(withIotHubInput()).findings.find((f) => f.ruleId === "SA-MANAGED-IDENTITY");
    expect(finding?.message).toBe(
      'input "devices" authenticates with a shared access policy, not the job\'s managed identity',
    );
  });
});
