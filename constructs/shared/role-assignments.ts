import { Construct } from "constructs";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { deterministicUuid } from "./deterministic-uuid";

/** Built-in data-plane roles, by their Azure display names (stable across clouds). */
export const BuiltInRole = {
  serviceBusDataSender: "Azure Service Bus Data Sender",
  serviceBusDataReceiver: "Azure Service Bus Data Receiver",
  serviceBusDataOwner: "Azure Service Bus Data Owner",
  eventHubsDataSender: "Azure Event Hubs Data Sender",
  eventHubsDataReceiver: "Azure Event Hubs Data Receiver",
  eventHubsDataOwner: "Azure Event Hubs Data Owner",
  schemaRegistryReader: "Schema Registry Reader (Preview)",
  schemaRegistryContributor: "Schema Registry Contributor (Preview)",
  eventGridDataSender: "EventGrid Data Sender",
  eventGridTopicSpacesPublisher: "EventGrid TopicSpaces Publisher",
  eventGridTopicSpacesSubscriber: "EventGrid TopicSpaces Subscriber",
  relayListener: "Azure Relay Listener",
  relaySender: "Azure Relay Sender",
  relayOwner: "Azure Relay Owner",
  iotHubDataContributor: "IoT Hub Data Contributor",
  storageBlobDataContributor: "Storage Blob Data Contributor",
  storageQueueDataMessageSender: "Storage Queue Data Message Sender",
} as const;

export type BuiltInRoleName = (typeof BuiltInRole)[keyof typeof BuiltInRole];

/** Someone (or something) that can be granted a role. */
export interface Grantee {
  /** A stable label for the grantee: the principal's name in the environment file, or a resource path. */
  readonly name: string;
  /** Object (principal) ID; may be a token, e.g. a managed identity's `principal_id`. */
  readonly principalId: string;
  readonly principalType?: "ServicePrincipal" | "Group" | "User";
}

export interface RoleGrantProps {
  /** ID of the resource the role applies to: the narrowest that serves. */
  readonly scopeId: string;
  /** A stable label of the scope (for the assignment's deterministic name), e.g. `orders/payments`. */
  readonly scopeLabel: string;
  readonly role: BuiltInRoleName;
  readonly grantee: Grantee;
}

/** One role assignment with a deterministic name, so re-synthesis never re-creates it. */
export function grantRole(scope: Construct, id: string, props: RoleGrantProps): RoleAssignment {
  return new RoleAssignment(scope, id, {
    name: deterministicUuid(props.scopeLabel, props.role, props.grantee.name),
    scope: props.scopeId,
    roleDefinitionName: props.role,
    principalId: props.grantee.principalId,
    principalType: props.grantee.principalType,
    description: `${props.grantee.name}: ${props.role} on ${props.scopeLabel}`,
  });
}

/** Construct IDs must be unique per scope; principal names in the file already are. */
export function grantId(prefix: string, grantee: Grantee): string {
  return `${prefix}-${grantee.name}`;
}
