import { Construct } from "constructs";
import { routeTopicInputSchema } from "../../azure/event-grid-mqtt";
import type { NamespaceInterfaceProps } from "../shared/shared-interfaces";
import type { EventDestination } from "./destination";
import { EventSubscription } from "./event-subscription";
import { EventGridTopic } from "./topic";

/**
 * The routing topic takes the shared interfaces a namespace's route needs: it carries the broker's
 * traffic, so it is usually given the namespace's own network access, protection and tags.
 */
export interface MqttRouteProps extends Pick<
  NamespaceInterfaceProps,
  | "location"
  | "resourceGroupName"
  | "publicNetworkAccess"
  | "privateEndpoint"
  | "logAnalyticsWorkspaceId"
  | "lock"
  | "preventDestroy"
  | "tags"
> {
  /** Azure name of the custom topic MQTT messages are routed through. */
  readonly topicName: string;
  /** Where routed messages end up: a Service Bus queue or topic, an event hub, or any push destination. */
  readonly destination: EventDestination;
}

/**
 * Routing of a namespace's MQTT messages on to a messaging entity. The namespace routes to an
 * Event Grid custom topic in CloudEvents 1.0 ("Routing MQTT messages in Azure Event Grid":
 * `routeTopicResourceId` names a Microsoft.EventGrid/topics resource), which is created here with
 * one subscription that delivers to the destination with the topic's managed identity; that
 * identity gets the destination's data-sender role. Pass `topic` to the namespace as its `routeTopic`.
 */
export class MqttRoute extends Construct {
  readonly topic: EventGridTopic;
  readonly subscription: EventSubscription;

  constructor(scope: Construct, id: string, props: MqttRouteProps) {
    super(scope, id);
    const { topicName, destination, ...interfaces } = props;
    this.topic = new EventGridTopic(this, "topic", {
      ...interfaces,
      name: topicName,
      inputSchema: routeTopicInputSchema,
    });
    this.subscription = new EventSubscription(this, "subscription", {
      name: "mqtt-route",
      source: this.topic,
      destination,
    });
  }
}
