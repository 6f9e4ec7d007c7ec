/**
 * Azure's naming rules for every resource the project names: length, allowed characters, how a
 * name starts and ends, and reserved names or suffixes. Each rule cites where it comes from:
 *
 * - [rules]: learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 *   ("Naming rules and restrictions for Azure resources");
 * - the azurerm provider's validators (hashicorp/terraform-provider-azurerm, `internal/services/...`),
 *   which reject the name at plan time;
 * - the service documentation, where the rules page is silent.
 *
 * Names are checked as Azure receives them: after the naming convention, or `resourceName`.
 */

export interface AzureNameRule {
  /** What the resource is called in messages ("Service Bus namespace"). */
  readonly what: string;
  readonly minLength: number;
  readonly maxLength: number;
  /** One allowed character. */
  readonly allowed: RegExp;
  /** The allowed characters in words, for the message. */
  readonly allowedText: string;
  readonly start?: { readonly pattern: RegExp; readonly text: string };
  readonly end?: { readonly pattern: RegExp; readonly text: string };
  /** Endings Azure refuses (compared case-insensitively). */
  readonly reservedSuffixes?: readonly string[];
  /** Whole names Azure reserves (compared case-insensitively). */
  readonly reservedNames?: readonly string[];
  /** Where the rule comes from. */
  readonly source: string;
}

const alphanumeric = /[A-Za-z0-9]/;
const letter = /[A-Za-z]/;
const startAlphanumeric = { pattern: alphanumeric, text: "a letter or number" } as const;
const endAlphanumeric = { pattern: alphanumeric, text: "a letter or number" } as const;
const startLetter = { pattern: letter, text: "a letter" } as const;

const rulesPage = "learn.microsoft.com resource-name-rules";

/** Service Bus, Event Hubs and Relay namespaces share the `servicebus.windows.net` DNS zone and its rules. */
const messagingNamespace = {
  minLength: 6,
  maxLength: 50,
  allowed: /[A-Za-z0-9-]/,
  allowedText: "letters, numbers and hyphens",
  start: startLetter,
  end: endAlphanumeric,
} as const;

/** Queues, topics, hybrid connections and WCF relays are addressed by path: `/` is allowed. */
const messagingEntityPath = {
  minLength: 1,
  maxLength: 260,
  allowed: /[A-Za-z0-9._\-/~]/,
  allowedText: "letters, numbers, periods, hyphens, underscores, tildes and slashes",
  start: startAlphanumeric,
  end: endAlphanumeric,
} as const;

const shortChildName = {
  minLength: 1,
  maxLength: 50,
  allowed: /[A-Za-z0-9._-]/,
  allowedText: "letters, numbers, periods, hyphens and underscores",
  start: startAlphanumeric,
  end: endAlphanumeric,
} as const;

const eventGridName = {
  minLength: 3,
  maxLength: 50,
  allowed: /[A-Za-z0-9-]/,
  allowedText: "letters, numbers and hyphens",
} as const;

/** Microsoft.Insights resources: 1-260 characters but a few, not ending with a space or period. */
const insightsName = {
  minLength: 1,
  maxLength: 260,
  allowed: /[^:<>+/&%\\?|\p{Cc}]/u,
  allowedText: "characters other than :<>+/&%\\?| and control characters",
  end: { pattern: /[^ .]/, text: "a character other than a space or period" },
} as const;

export const azureNameRules = {
  environment: {
    what: "environment name",
    minLength: 1,
    maxLength: 24,
    allowed: /[a-z0-9-]/,
    allowedText: "lowercase letters, numbers and hyphens",
    start: { pattern: /[a-z]/, text: "a lowercase letter" },
    end: { pattern: /[a-z0-9]/, text: "a lowercase letter or number" },
    // Project rule, not Azure's: the name is the stack name (a folder under cdktf.out, where case may
    // not distinguish two names) and a part of every Azure name, including storage accounts
    // ([rules] Microsoft.Storage: 3-24 lowercase letters and numbers).
    source:
      "project rule: stack name and part of every Azure name (storage accounts: 24 lowercase characters)",
  },
  resourceGroup: {
    what: "resource group",
    minLength: 1,
    maxLength: 90,
    allowed: /[\p{L}\p{N}._()-]/u,
    allowedText: "letters, numbers, underscores, periods, hyphens and parentheses",
    end: { pattern: /[^.]/, text: "a character other than a period" },
    source: `${rulesPage}, Microsoft.Resources/resourcegroups: 1-90, can't end with period`,
  },
  storageAccount: {
    what: "storage account",
    minLength: 3,
    maxLength: 24,
    allowed: /[a-z0-9]/,
    allowedText: "lowercase letters and numbers",
    source: `${rulesPage}, Microsoft.Storage/storageAccounts: 3-24, lowercase letters and numbers`,
  },
  serviceBusNamespace: {
    what: "Service Bus namespace",
    ...messagingNamespace,
    reservedSuffixes: ["-sb", "-mgmt"],
    source: `${rulesPage}, Microsoft.ServiceBus/namespaces: 6-50; azurerm servicebus/validate/namespace_name.go: can't end with "-", "-sb" or "-mgmt" (learn.microsoft.com/rest/api/servicebus/create-namespace)`,
  },
  serviceBusQueue: {
    what: "Service Bus queue",
    ...messagingEntityPath,
    source: `${rulesPage}, Microsoft.ServiceBus/namespaces/queues: 1-260; azurerm servicebus/validate/queue_name.go`,
  },
  serviceBusTopic: {
    what: "Service Bus topic",
    ...messagingEntityPath,
    source: `${rulesPage}, Microsoft.ServiceBus/namespaces/topics: 1-260; azurerm servicebus/validate/topic_name.go`,
  },
  serviceBusSubscription: {
    what: "Service Bus subscription",
    ...shortChildName,
    source: `${rulesPage}, Microsoft.ServiceBus/namespaces/topics/subscriptions: 1-50; azurerm servicebus/validate/subscription_name.go`,
  },
  serviceBusRule: {
    what: "Service Bus subscription rule",
    ...shortChildName,
    // `$Default` is Azure's own catch-all rule: the resolver names a single `filter` that way.
    reservedNames: ["$Default"],
    source: `${rulesPage}, Microsoft.ServiceBus/namespaces/topics/subscriptions/rules: 1-50`,
  },
  serviceBusAlias: {
    what: "Service Bus geo-disaster-recovery alias",
    ...shortChildName,
    source: `${rulesPage}, Microsoft.ServiceBus/namespaces/disasterRecoveryConfigs: 1-50`,
  },
  eventHubsNamespace: {
    what: "Event Hubs namespace",
    ...messagingNamespace,
    source: `${rulesPage}, Microsoft.EventHub/namespaces: 6-50; azurerm eventhub/validate/eventhub_names.go ValidateEventHubNamespaceName`,
  },
  eventHubsCluster: {
    what: "Event Hubs dedicated cluster",
    ...messagingNamespace,
    source: `${rulesPage}, Microsoft.EventHub/clusters: 6-50, start with letter, end with letter or number`,
  },
  eventHub: {
    what: "event hub",
    ...shortChildName,
    maxLength: 256,
    source: `${rulesPage}, Microsoft.EventHub/namespaces/eventhubs: 1-256; azurerm eventhub/validate/eventhub_names.go ValidateEventHubName`,
  },
  consumerGroup: {
    what: "consumer group",
    ...shortChildName,
    source: `${rulesPage}, Microsoft.EventHub/namespaces/eventhubs/consumergroups: 1-50; azurerm ValidateEventHubConsumerName`,
  },
  schemaGroup: {
    what: "schema group",
    ...shortChildName,
    maxLength: 256,
    source:
      "azurerm eventhub/validate/eventhub_names.go ValidateSchemaGroupName: 1-256, start and end with letter or number",
  },
  eventHubsAlias: {
    what: "Event Hubs geo-disaster-recovery alias",
    ...shortChildName,
    source: `${rulesPage}, Microsoft.EventHub/namespaces/disasterRecoveryConfigs: 1-50`,
  },
  eventGridTopic: {
    what: "Event Grid topic",
    ...eventGridName,
    source: `${rulesPage}, Microsoft.EventGrid/topics: 3-50, alphanumerics and hyphens`,
  },
  eventGridSystemTopic: {
    what: "Event Grid system topic",
    ...eventGridName,
    maxLength: 128,
    source: `${rulesPage}, Microsoft.EventGrid/systemTopics: 3-128, alphanumerics and hyphens`,
  },
  eventSubscription: {
    what: "Event Grid event subscription",
    ...eventGridName,
    maxLength: 64,
    source: `${rulesPage}, Microsoft.EventGrid/eventSubscriptions: 3-64, alphanumerics and hyphens`,
  },
  eventGridNamespace: {
    what: "Event Grid namespace",
    ...eventGridName,
    source:
      "learn.microsoft.com/azure/event-grid/mqtt-event-grid-namespace-terminology: 3-50, alphanumerics and hyphens",
  },
  mqttTopicSpace: {
    what: "MQTT topic space",
    ...eventGridName,
    source: `${rulesPage}, Microsoft.EventGrid/namespaces/topicSpaces: 3-50, alphanumerics and hyphens`,
  },
  mqttClientGroup: {
    what: "MQTT client group",
    ...eventGridName,
    source: `${rulesPage}, Microsoft.EventGrid/namespaces/clientGroups: 3-50, alphanumerics and hyphens`,
  },
  mqttPermissionBinding: {
    what: "MQTT permission binding",
    ...eventGridName,
    source: `${rulesPage}, Microsoft.EventGrid/namespaces/permissionBindings: 3-50, alphanumerics and hyphens`,
  },
  mqttClient: {
    what: "MQTT client",
    minLength: 1,
    maxLength: 128,
    allowed: /[A-Za-z0-9:._-]/,
    allowedText: "letters, numbers, hyphens, colons, periods and underscores",
    source:
      "learn.microsoft.com/azure/event-grid/mqtt-clients: 1-128 characters, alphanumerics, hyphen, colon, dot, underscore",
  },
  relayNamespace: {
    what: "Relay namespace",
    ...messagingNamespace,
    source: `${rulesPage}, Microsoft.Relay/namespaces: 6-50, start with letter, end with letter or number`,
  },
  hybridConnection: {
    what: "hybrid connection",
    ...messagingEntityPath,
    allowed: /[A-Za-z0-9._\-/]/,
    allowedText: "letters, numbers, periods, hyphens, underscores and slashes",
    source: `${rulesPage}, Microsoft.Relay/namespaces/hybridConnections: 1-260`,
  },
  wcfRelay: {
    what: "WCF relay",
    ...messagingEntityPath,
    allowed: /[A-Za-z0-9._\-/]/,
    allowedText: "letters, numbers, periods, hyphens, underscores and slashes",
    source: `${rulesPage}, Microsoft.Relay/namespaces/wcfRelays: 1-260`,
  },
  iotHub: {
    what: "IoT hub",
    minLength: 3,
    maxLength: 50,
    allowed: /[A-Za-z0-9-]/,
    allowedText: "letters, numbers and hyphens",
    end: { pattern: alphanumeric, text: "a letter or number" },
    source: `${rulesPage}, Microsoft.Devices/IotHubs: 3-50, can't end with hyphen; azurerm iothub/validate/iot_hub_name.go`,
  },
  iotRoute: {
    what: "IoT Hub route",
    minLength: 1,
    maxLength: 64,
    allowed: /[A-Za-z0-9._-]/,
    allowedText: "letters, numbers, periods, underscores and hyphens",
    source: "azurerm iothub route `name` validator: ^[-_.a-zA-Z0-9]{1,64}$",
  },
  iotEndpoint: {
    what: "IoT Hub custom endpoint",
    minLength: 1,
    maxLength: 64,
    allowed: /[A-Za-z0-9._-]/,
    allowedText: "letters, numbers, periods, underscores and hyphens",
    reservedNames: ["events", "operationsMonitoringEvents", "fileNotifications", "$default"],
    source:
      "azurerm iothub/validate/iot_hub_endpoint_name.go (reserved names); learn.microsoft.com iot-hub-devguide-endpoints",
  },
  iotConsumerGroup: {
    what: "IoT Hub consumer group",
    minLength: 1,
    maxLength: 50,
    allowed: /[A-Za-z0-9._-]/,
    allowedText: "letters, numbers, hyphens, periods and underscores",
    source: `${rulesPage}, Microsoft.Devices/IotHubs/eventHubEndpoints/ConsumerGroups: 1-50; azurerm iot_hub_consumer_group.go`,
  },
  deviceProvisioning: {
    what: "Device Provisioning Service",
    minLength: 3,
    maxLength: 64,
    allowed: /[A-Za-z0-9-]/,
    allowedText: "letters, numbers and hyphens",
    end: { pattern: alphanumeric, text: "a letter or number" },
    source: `${rulesPage}, Microsoft.Devices/provisioningServices: 3-64, end with alphanumeric`,
  },
  privateEndpoint: {
    what: "private endpoint",
    minLength: 2,
    maxLength: 64,
    allowed: /[A-Za-z0-9._-]/,
    allowedText: "letters, numbers, underscores, periods and hyphens",
    start: startAlphanumeric,
    end: { pattern: /[A-Za-z0-9_]/, text: "a letter, number or underscore" },
    source: `${rulesPage}, Microsoft.Network/privateEndpoints: 2-64; azurerm network/validate PrivateLinkName`,
  },
  userAssignedIdentity: {
    what: "user-assigned identity",
    minLength: 3,
    maxLength: 128,
    allowed: /[A-Za-z0-9_-]/,
    allowedText: "letters, numbers, hyphens and underscores",
    start: startAlphanumeric,
    source: `${rulesPage}, Microsoft.ManagedIdentity/userAssignedIdentities: 3-128, start with letter or number`,
  },
  logAnalyticsWorkspace: {
    what: "Log Analytics workspace",
    minLength: 4,
    maxLength: 63,
    allowed: /[A-Za-z0-9-]/,
    allowedText: "letters, numbers and hyphens",
    start: startAlphanumeric,
    end: endAlphanumeric,
    source: `${rulesPage}, Microsoft.OperationalInsights/workspaces: 4-63, start and end with alphanumeric`,
  },
  actionGroup: {
    what: "action group",
    ...insightsName,
    source: `${rulesPage}, Microsoft.Insights/actionGroups: 1-260, can't end with space or period`,
  },
  autoscaleSetting: {
    what: "autoscale setting",
    ...insightsName,
    source: `${rulesPage}, Microsoft.Insights/autoscalesettings: 1-260, can't end with space or period`,
  },
  budget: {
    what: "budget",
    minLength: 1,
    maxLength: 63,
    allowed: /[A-Za-z0-9_-]/,
    allowedText: "letters, numbers, underscores and hyphens",
    source: "azurerm consumption/validate/name.go ConsumptionBudgetName: ^[-_a-zA-Z0-9]{1,63}$",
  },
} as const satisfies Record<string, AzureNameRule>;

export type AzureNameKind = keyof typeof azureNameRules;

/**
 * What is wrong with `name` as the Azure name of a `kind`, in words that continue
 * `Azure name "x" for <field> ...`; undefined when Azure accepts it. Only the first problem is
 * reported: fixing the length usually changes the rest.
 */
export function azureNameProblem(kind: AzureNameKind, name: string): string | undefined {
  const rule: AzureNameRule = azureNameRules[kind];
  const length = [...name].length;
  if (length > rule.maxLength) {
    return `must be at most ${rule.maxLength} characters (it is ${length})`;
  }
  if (length < rule.minLength) {
    return `must be at least ${rule.minLength} characters (it is ${length})`;
  }
  let position = 0;
  for (const char of name) {
    position += 1;
    if (!rule.allowed.test(char)) {
      return `may contain only ${rule.allowedText}, but has ${JSON.stringify(char)} at position ${position}`;
    }
  }
  const first = [...name][0] ?? "";
  const last = [...name][length - 1] ?? "";
  if (rule.start && !rule.start.pattern.test(first)) return `must start with ${rule.start.text}`;
  if (rule.end && !rule.end.pattern.test(last)) return `must end with ${rule.end.text}`;
  const lowered = name.toLowerCase();
  for (const suffix of rule.reservedSuffixes ?? []) {
    if (lowered.endsWith(suffix)) return `must not end with "${suffix}" (Azure reserves it)`;
  }
  for (const reserved of rule.reservedNames ?? []) {
    if (lowered === reserved.toLowerCase()) return `must not be "${reserved}" (Azure reserves it)`;
  }
  return undefined;
}
