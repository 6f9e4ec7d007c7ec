import { Construct } from "constructs";
import { EventhubConsumerGroup } from "@cdktf/provider-azurerm/lib/eventhub-consumer-group";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import type { Grantee } from "../shared/role-assignments";
import type { EventHub } from "./event-hub";

export interface ConsumerGroupProps {
  readonly eventHub: EventHub;
  /** Name of the consumer group inside its event hub. */
  readonly name: string;
  /**
   * Free text Azure stores with the group (who reads it, for what).
   * @default - none
   */
  readonly userMetadata?: string;
}

/** Azure Event Hubs quotas: AMQP consumer group names are at most 50 characters. */
const maxNameLength = 50;
/** azurerm_eventhub_consumer_group validates `user_metadata` as 1-1024 characters. */
const maxUserMetadataLength = 1024;

/** An independent view of an event hub's stream, with its own read position per reader. */
export class ConsumerGroup extends Construct {
  readonly id: string;
  readonly name: string;
  readonly eventHub: EventHub;
  readonly resource: EventhubConsumerGroup;

  constructor(scope: Construct, id: string, props: ConsumerGroupProps) {
    super(scope, id);
    const where = `consumer group ${props.eventHub.label}/${props.name}`;
    if (props.name === "$Default") {
      throw new Error(`${where}: $Default exists in every event hub already; give the group another name`);
    }
    if (props.name.length < 1 || props.name.length > maxNameLength) {
      throw new Error(`${where}: name must be 1-${maxNameLength} characters, got ${props.name.length}`);
    }
    if (
      props.userMetadata !== undefined &&
      (props.userMetadata.length < 1 || props.userMetadata.length > maxUserMetadataLength)
    ) {
      throw new Error(
        `${where}: userMetadata must be 1-${maxUserMetadataLength} characters, got ${props.userMetadata.length}`,
      );
    }
    this.name = props.name;
    this.eventHub = props.eventHub;
    this.resource = new EventhubConsumerGroup(this, "consumer-group", {
      name: props.name,
      eventhubName: props.eventHub.name,
      namespaceName: props.eventHub.namespace.name,
      resourceGroupName: props.eventHub.namespace.resourceGroupName,
      userMetadata: props.userMetadata,
      // The group cannot exist before its hub, and names alone carry no dependency.
      dependsOn: [props.eventHub.resource],
    });
    this.id = this.resource.id;
  }

  /**
   * Lets `grantee` read through this group: Azure Event Hubs Data Receiver on the hub, the scope Azure
   * documents for receivers. A principal already receiving from the hub keeps its one assignment.
   */
  grantReceive(grantee: Grantee): RoleAssignment {
    return this.eventHub.grantReceive(grantee);
  }
}
