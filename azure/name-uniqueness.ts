/**
 * Where Azure requires a resource's name to be unique, and whether it compares names ignoring
 * letter case, for every resource type the project creates. Sources:
 *
 * - [rules]: learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 *   ("Naming rules and restrictions for Azure resources"): the Scope column, and "Resource and
 *   resource group names are case-insensitive unless specifically noted in the valid characters
 *   column" (none of the types below is noted);
 * - the host name a service gives each resource: a name that is a label of a public DNS zone is
 *   unique across every subscription in that zone, and DNS ignores case (RFC 4343).
 */

/** The public DNS zones whose labels are resource names. */
export const dnsZones = {
  /**
   * `<namespace>.servicebus.windows.net` for Service Bus, Event Hubs and Relay namespaces alike
   * (learn.microsoft.com "Service Bus, Event Hubs and Relay" FQDN: `<namespace>.servicebus.windows.net`),
   * and for the geo-disaster-recovery alias clients connect to (learn.microsoft.com
   * service-bus-geo-dr "alias": connection strings use `<alias>.servicebus.windows.net`; the REST API's
   * `alternateName` exists because an alias may not take a namespace's name).
   */
  messaging: "servicebus.windows.net",
  /** `<hub>.azure-devices.net` ([rules] Microsoft.Devices/IotHubs: global). */
  iotHub: "azure-devices.net",
  /**
   * `<service>.azure-devices-provisioning.net` (learn.microsoft.com iot-dps "service operations
   * endpoint"; the REST API's "Check Provisioning Service Name Availability" checks it across Azure).
   */
  deviceProvisioning: "azure-devices-provisioning.net",
  /** `<app>.azurewebsites.net`: a Logic Apps Standard app is an App Service site ([rules] Microsoft.Web/sites: global). */
  appService: "azurewebsites.net",
  /** `<account>.blob.core.windows.net` and its siblings ([rules] Microsoft.Storage/storageAccounts: global). */
  storage: "core.windows.net",
} as const;

/**
 * `<name>.<region>-1.eventgrid.azure.net`: the endpoint of a custom topic and the HTTP endpoint of a
 * namespace (learn.microsoft.com event-grid "Publish events to custom topics" and "namespace
 * topics": `https://<name>.<region>-1.eventgrid.azure.net`). One host name per name and region, so
 * topics and namespaces share the name space of their region.
 */
export function eventGridZone(location: string): string {
  return `${location.toLowerCase()}-1.eventgrid.azure.net`;
}

/** The level at which a name must be unique. */
export type UniquenessLevel =
  /** A label of a public DNS zone: unique across Azure. */
  | "dns"
  /** Unique among resources of the same type in one resource group. */
  | "resourceGroup"
  /** Unique among the parent resource's children of one collection. */
  | "parent"
  /** Unique in the subscription (resource groups). */
  | "subscription";

export interface NameUniqueness {
  readonly level: UniquenessLevel;
  /**
   * For `parent`: the children that share one set of names, in words (`queues and topics`: a
   * Service Bus namespace addresses both by path); for `dns`: the zone, `eventGrid` standing for
   * the region's Event Grid zone ({@link eventGridZone}).
   */
  readonly within?: string;
  /** Whether Azure compares names without regard to letter case. */
  readonly ignoresCase: boolean;
  readonly source: string;
}

const rules = "learn.microsoft.com resource-name-rules";
const caseNote = `${rules}: names are case-insensitive unless noted`;

const inParent = (within: string, source: string): NameUniqueness => ({
  level: "parent",
  within,
  ignoresCase: true,
  source: `${source}; ${caseNote}`,
});
const inResourceGroup = (source: string): NameUniqueness => ({
  level: "resourceGroup",
  ignoresCase: true,
  source: `${rules}: ${source}, scope resource group; ${caseNote}`,
});
const inZone = (within: string, source: string): NameUniqueness => ({
  level: "dns",
  within,
  ignoresCase: true,
  source: `${source}; DNS names ignore case (RFC 4343)`,
});

/** By ARM resource type (`Microsoft.ServiceBus/namespaces`), compared ignoring case. */
const byType: Readonly<Record<string, NameUniqueness>> = {
  "microsoft.resources/resourcegroups": {
    level: "subscription",
    ignoresCase: true,
    source: `${rules}: Microsoft.Resources/resourcegroups, scope subscription; ${caseNote}`,
  },
  "microsoft.servicebus/namespaces": inZone(
    dnsZones.messaging,
    `${rules}: Microsoft.ServiceBus/namespaces, global`,
  ),
  "microsoft.servicebus/namespaces/disasterrecoveryconfigs": inZone(
    dnsZones.messaging,
    `${rules}: Microsoft.ServiceBus/namespaces/disasterRecoveryConfigs, global (the alias is the host name clients use)`,
  ),
  // Queues and topics are both addressed as `<namespace>/<path>`: Azure refuses a topic named like a queue.
  "microsoft.servicebus/namespaces/queues": inParent(
    "queues and topics",
    `${rules}: Microsoft.ServiceBus/namespaces/queues, scope namespace`,
  ),
  "microsoft.servicebus/namespaces/topics": inParent(
    "queues and topics",
    `${rules}: Microsoft.ServiceBus/namespaces/topics, scope namespace`,
  ),
  "microsoft.servicebus/namespaces/topics/subscriptions": inParent(
    "subscriptions",
    `${rules}: Microsoft.ServiceBus/namespaces/topics/subscriptions, scope topic`,
  ),
  "microsoft.servicebus/namespaces/topics/subscriptions/rules": inParent(
    "rules",
    `${rules}: Microsoft.ServiceBus/namespaces/topics/subscriptions/rules, scope subscription`,
  ),
  "microsoft.eventhub/namespaces": inZone(
    dnsZones.messaging,
    `${rules}: Microsoft.EventHub/namespaces, global`,
  ),
  "microsoft.eventhub/namespaces/disasterrecoveryconfigs": inZone(
    dnsZones.messaging,
    "learn.microsoft.com event-hubs-geo-dr: the alias is the stable FQDN clients connect to",
  ),
  "microsoft.eventhub/clusters": inResourceGroup("Microsoft.EventHub/clusters"),
  "microsoft.eventhub/namespaces/eventhubs": inParent(
    "event hubs",
    `${rules}: Microsoft.EventHub/namespaces/eventhubs, scope namespace`,
  ),
  "microsoft.eventhub/namespaces/eventhubs/consumergroups": inParent(
    "consumer groups",
    `${rules}: Microsoft.EventHub/namespaces/eventhubs/consumergroups, scope event hub`,
  ),
  "microsoft.eventhub/namespaces/schemagroups": inParent(
    "schema groups",
    "Microsoft.EventHub/namespaces/schemagroups: a child of the namespace",
  ),
  "microsoft.eventgrid/topics": inZone(
    "eventGrid",
    "learn.microsoft.com event-grid custom topic endpoint `<topic>.<region>-1.eventgrid.azure.net`",
  ),
  "microsoft.eventgrid/namespaces": inZone(
    "eventGrid",
    "learn.microsoft.com event-grid namespace endpoint `<namespace>.<region>-1.eventgrid.azure.net`",
  ),
  "microsoft.eventgrid/systemtopics": inResourceGroup("Microsoft.EventGrid/systemTopics"),
  "microsoft.eventgrid/eventsubscriptions": inParent(
    "event subscriptions",
    "Microsoft.EventGrid/eventSubscriptions: an extension resource of the topic it subscribes to",
  ),
  "microsoft.eventgrid/systemtopics/eventsubscriptions": inParent(
    "event subscriptions",
    "Microsoft.EventGrid/systemTopics/eventSubscriptions: a child of the system topic",
  ),
  "microsoft.eventgrid/namespaces/topicspaces": inParent(
    "topic spaces",
    "Microsoft.EventGrid/namespaces/topicSpaces: a child of the namespace",
  ),
  "microsoft.eventgrid/namespaces/clientgroups": inParent(
    "client groups",
    "Microsoft.EventGrid/namespaces/clientGroups: a child of the namespace",
  ),
  "microsoft.eventgrid/namespaces/permissionbindings": inParent(
    "permission bindings",
    "Microsoft.EventGrid/namespaces/permissionBindings: a child of the namespace",
  ),
  // A client's name is its authentication name unless one is given, and authentication names are
  // unique in the namespace ignoring case (learn.microsoft.com event-grid mqtt-clients).
  "microsoft.eventgrid/namespaces/clients": {
    level: "parent",
    within: "MQTT clients (an edge site's gateway is a client named after its site)",
    ignoresCase: true,
    source:
      "learn.microsoft.com event-grid mqtt-clients: client authentication names are unique in the namespace, case-insensitively",
  },
  "microsoft.relay/namespaces": inZone(dnsZones.messaging, `${rules}: Microsoft.Relay/namespaces, global`),
  // Hybrid connections and WCF relays are both addressed as `sb://<namespace>/<path>`.
  "microsoft.relay/namespaces/hybridconnections": inParent(
    "hybrid connections and WCF relays",
    `${rules}: Microsoft.Relay/namespaces/hybridConnections, scope namespace`,
  ),
  "microsoft.relay/namespaces/wcfrelays": inParent(
    "hybrid connections and WCF relays",
    `${rules}: Microsoft.Relay/namespaces/wcfRelays, scope namespace`,
  ),
  "microsoft.devices/iothubs": inZone(dnsZones.iotHub, `${rules}: Microsoft.Devices/IotHubs, global`),
  "microsoft.devices/iothubs/routing.routes": inParent(
    "routes",
    "IoT Hub routing: route names are unique in the hub (learn.microsoft.com iot-hub-devguide-messages-d2c)",
  ),
  "microsoft.devices/iothubs/routing.endpoints": inParent(
    "custom endpoints",
    "IoT Hub routing: endpoint names are unique across the hub's endpoint types (learn.microsoft.com iot-hub-devguide-endpoints)",
  ),
  "microsoft.devices/iothubs/eventhubendpoints/consumergroups": inParent(
    "consumer groups",
    `${rules}: Microsoft.Devices/IotHubs/eventHubEndpoints/ConsumerGroups, scope eventHubEndpoints`,
  ),
  "microsoft.devices/provisioningservices": inZone(
    dnsZones.deviceProvisioning,
    "learn.microsoft.com iot-dps: each service is reached at `<name>.azure-devices-provisioning.net`",
  ),
  "microsoft.streamanalytics/streamingjobs": inResourceGroup("Microsoft.StreamAnalytics/streamingjobs"),
  // The query names inputs and outputs alike, so the portal keeps their aliases apart in one job.
  "microsoft.streamanalytics/streamingjobs/inputs": inParent(
    "inputs and outputs",
    `${rules}: Microsoft.StreamAnalytics/streamingjobs/inputs, scope streaming job`,
  ),
  "microsoft.streamanalytics/streamingjobs/outputs": inParent(
    "inputs and outputs",
    `${rules}: Microsoft.StreamAnalytics/streamingjobs/outputs, scope streaming job`,
  ),
  "microsoft.storage/storageaccounts": inZone(
    dnsZones.storage,
    `${rules}: Microsoft.Storage/storageAccounts, global`,
  ),
  "microsoft.logic/workflows": inResourceGroup("Microsoft.Logic/workflows"),
  "microsoft.web/sites": inZone(dnsZones.appService, `${rules}: Microsoft.Web/sites, global`),
  "microsoft.web/sites/workflows": inParent(
    "workflows",
    "Logic Apps Standard: each workflow is a folder of the app's content, named once per app (learn.microsoft.com logic-apps single-tenant-overview)",
  ),
  "microsoft.web/serverfarms": inResourceGroup("Microsoft.Web/serverfarms"),
  "microsoft.web/connections": inResourceGroup("Microsoft.Web/connections"),
  "microsoft.network/privateendpoints": inResourceGroup("Microsoft.Network/privateEndpoints"),
  "microsoft.managedidentity/userassignedidentities": inResourceGroup(
    "Microsoft.ManagedIdentity/userAssignedIdentities",
  ),
  "microsoft.operationalinsights/workspaces": inResourceGroup("Microsoft.OperationalInsights/workspaces"),
  "microsoft.insights/actiongroups": inResourceGroup("Microsoft.Insights/actionGroups"),
  "microsoft.insights/autoscalesettings": inResourceGroup("Microsoft.Insights/autoscalesettings"),
  "microsoft.consumption/budgets": {
    level: "resourceGroup",
    ignoresCase: true,
    source: "Microsoft.Consumption/budgets: an extension resource of the resource group it watches",
  },
};

/** Where a resource of `azureType` must have a unique name; throws for a type nobody described. */
export function nameUniquenessOf(azureType: string): NameUniqueness {
  const found = byType[azureType.toLowerCase()];
  if (!found) throw new Error(`internal: no name uniqueness is known for Azure resource type ${azureType}`);
  return found;
}
