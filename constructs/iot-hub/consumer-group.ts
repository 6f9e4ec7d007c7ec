import { Construct } from "constructs";
import { IothubConsumerGroup } from "@cdktf/provider-azurerm/lib/iothub-consumer-group";
import type { IotHub } from "./iot-hub";

export interface IotHubConsumerGroupProps {
  readonly hub: IotHub;
  /** Letters, digits, `-`, `.` and `_`; `$Default` exists on every hub already. */
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
    if (props.name.toLowerCase() === "$default") {
      throw new Error(`consumer group "${props.name}" exists on every hub; choose another name`);
    }
    // The portal's rule, which the provider's validator copies: alphanumerics and - . _
    if (!/^[0-9a-zA-Z._-]+$/.test(props.name)) {
      throw new Error(
        `consumer group name may only contain letters, digits, "-", "." and "_", got "${props.name}"`,
      );
    }
    this.name = props.name;
    this.resource = new IothubConsumerGroup(this, "consumer-group", {
      name: props.name,
      iothubName: props.hub.resource.name,
      resourceGroupName: props.hub.resourceGroupName,
      eventhubEndpointName: "events",
    });
  }
}
