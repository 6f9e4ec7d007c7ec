/**
 * Built-in data-plane roles, by the display names Azure gives them (stable across clouds; role
 * assignments name them with `role_definition_name`). Source: "Azure built-in roles"
 * (learn.microsoft.com/azure/role-based-access-control/built-in-roles), Integration, Internet of
 * Things, Storage and Analytics sections. The constructs grant them; the connection catalog and
 * the policies name them.
 */
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
