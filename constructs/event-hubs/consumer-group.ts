import { Construct } from "constructs";
import { EventhubConsumerGroup } from "@cdktf/provider-azurerm/lib/eventhub-consumer-group";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import type { Grantee } from "../shared/role-assignments";
import { known, validateWith } from "../shared/validation";
import { hubConsumerGroups, type EventHub } from "./event-hub";
import { consumerGroupProblems } from "../../azure/event-hubs";
import { nameProblemsOf } from "../../azure/name-rules";

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

/** An independent view of an event hub's stream, with its own read position per reader. */
export class ConsumerGroup extends Construct {
  readonly id: string;
  readonly name: string;
  readonly eventHub: EventHub;
  readonly resource: EventhubConsumerGroup;

  constructor(scope: Construct, id: string, props: ConsumerGroupProps) {
    super(scope, id);
    hubConsumerGroups.add(props.eventHub, props.name);
    validateWith(this, `consumer group ${props.eventHub.label}/${props.name}`, () => {
      const name = known(props.name);
      return [
        ...consumerGroupProblems({ name: name ?? "", userMetadata: known(props.userMetadata) }),
        ...(name === undefined ? [] : nameProblemsOf("consumerGroup", name)),
      ];
    });
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
