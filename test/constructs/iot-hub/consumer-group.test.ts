import { IotHub, IotHubConsumerGroup } from "../../../constructs/iot-hub";
import { validationErrors } from "../synthesized";
import { onlyResource, synth } from "../synthesized";

const hubProps = {
  name: "iot-contoso-plants-test",
  location: "westeurope",
  resourceGroupName: "rg-test",
  sku: "S1",
} as const;

describe("IotHubConsumerGroup", () => {
  it("reads from the hub's built-in events endpoint", () => {
    const json = synth(
      (scope) =>
        new IotHubConsumerGroup(scope, "group", {
          hub: new IotHub(scope, "hub", hubProps),
          name: "operations",
        }),
    );
    expect(onlyResource(json, "azurerm_iothub_consumer_group")).toMatchObject({
      name: "operations",
      eventhub_endpoint_name: "events",
    });
  });

  it("refuses $Default, which every hub has already", () => {
    const errors = validationErrors(
      (scope) =>
        new IotHubConsumerGroup(scope, "group", {
          hub: new IotHub(scope, "hub", hubProps),
          name: "$Default",
        }),
    );
    expect(errors).toEqual([
      expect.stringContaining('IoT Hub consumer group name "$Default" may contain only'),
    ]);
  });
});
