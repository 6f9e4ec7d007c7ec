import { Construct } from "constructs";
import { IothubConsumerGroup } from "@cdktf/provider-azurerm/lib/iothub-consumer-group";
import { BUILT_IN_ENDPOINT, iotHubNameRules } from "../../azure/iot-hub";
import { azureNameProblems } from "../../azure/name-rule";
import { known, validateWith } from "../shared/validation";
import type { IotHub } from "./iot-hub";

export interface IotHubConsumerGroupProps {
  readonly hub: IotHub;
  /** Letters, digits, `-`, `.` and `_` (so not `$Default`, which every hub has already). */
  readonly name: string;
}

/**
 * A consumer group on the hub's built-in endpoint (`events`): each reading application gets its
 * own, so readers keep independent positions in the stream.
 */
export class IotHubConsumerGroup extends Construct {
  readonly resource: IothubConsumerGroup;
  readonly name: string;

  constructor(scope: Construct, id: string, props: IotHubConsumerGroupProps) {
    super(scope, id);
    validateWith(this, `IoT Hub consumer group ${props.name}`, () =>
      azureNameProblems(iotHubNameRules.consumerGroup, known(props.name)),
    );
    this.name = props.name;
    this.resource = new IothubConsumerGroup(this, "consumer-group", {
      name: props.name,
      iothubName: props.hub.resource.name,
      resourceGroupName: props.hub.resourceGroupName,
      eventhubEndpointName: BUILT_IN_ENDPOINT,
    });
  }
}
