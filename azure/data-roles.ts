/**
 * Built-in data-plane role names as Azure displays them. The constructs grant the same roles; the
 * catalog restates them because policies read no construct code.
 */
export const DataRole = {
  serviceBusSender: "Azure Service Bus Data Sender",
  serviceBusReceiver: "Azure Service Bus Data Receiver",
  serviceBusOwner: "Azure Service Bus Data Owner",
  eventHubsSender: "Azure Event Hubs Data Sender",
  eventHubsReceiver: "Azure Event Hubs Data Receiver",
  eventHubsOwner: "Azure Event Hubs Data Owner",
  eventGridSender: "EventGrid Data Sender",
  relayListener: "Azure Relay Listener",
  relaySender: "Azure Relay Sender",
  relayOwner: "Azure Relay Owner",
  iotHubDataContributor: "IoT Hub Data Contributor",
} as const;
