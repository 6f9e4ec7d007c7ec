import { Construct } from "constructs";
import type { EventDestination } from "./destination";
import { EventSubscription } from "./event-subscription";
import { EventGridTopic } from "./topic";

export interface MqttRouteProps {
  /** Azure name of the custom topic MQTT messages are routed through. */
  readonly topicName: string;
  readonly location: string;
  readonly resourceGroupName: string;
  /** Where routed messages end up: a Service Bus queue or topic, an event hub, or any push destination. */
  readonly destination: EventDestination;
  /**
   * Whether the routing topic's public endpoint accepts traffic.
   * @default - public network access off
   */
  readonly publicNetworkAccessEnabled?: boolean;
  /**
   * Log Analytics workspace for the routing topic's delivery logs.
   * @default - no diagnostic settings
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Private endpoint of the routing topic, like the namespace's own.
   * @default - no private endpoint
   */
  readonly privateEndpoint?: { readonly subnetId: string; readonly privateDnsZoneId?: string };
  /**
   * A CanNotDelete lock: the route carries the broker's messages on.
   * @default - no lock
   */
  readonly lock?: boolean;
  /** @default - the routing topic may be destroyed */
  readonly preventDestroy?: boolean;
  /** @default - no tags */
  readonly tags?: Readonly<Record<string, string>>;
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
    this.topic = new EventGridTopic(this, "topic", {
      name: props.topicName,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      inputSchema: "CloudEventSchemaV1_0",
      publicNetworkAccessEnabled: props.publicNetworkAccessEnabled,
      logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      privateEndpoint: props.privateEndpoint,
      lock: props.lock,
      preventDestroy: props.preventDestroy,
      tags: props.tags,
    });
    this.subscription = new EventSubscription(this, "subscription", {
      name: "mqtt-route",
      source: this.topic,
      destination: props.destination,
    });
  }
}
