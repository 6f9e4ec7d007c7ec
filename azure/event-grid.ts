/**
 * Azure Event Grid's facts about custom topics, system topics and namespaces (event subscriptions
 * have theirs in `event-grid-subscriptions.ts`, the MQTT broker in `event-grid-mqtt.ts`).
 * Validation, constructs, the connection catalog and the smoke tests read them here; each rule
 * returns every problem it finds for a plain input whose field names are the environment file's.
 * Sources, cited with each fact:
 *
 * - [rules] "Naming rules and restrictions for Azure resources" (Microsoft.EventGrid);
 * - [schemas] "Azure Event Grid event schema" and "CloudEvents v1.0 schema with Azure Event Grid";
 * - [limits] "Azure Event Grid quotas and limits";
 * - [REST] azure-rest-api-specs, eventgrid/resource-manager stable/2025-02-15 (TopicProperties,
 *   SystemTopicProperties, NamespaceProperties);
 * - [azurerm] the azurerm 4.x schemas of `azurerm_eventgrid_topic` and `azurerm_eventgrid_namespace`.
 */
import type { AzureNameRule } from "./name-rule";
import { sharedInterfaceProblems, type NamespaceCapabilities } from "./namespace-capabilities";
import type { Problem } from "./problem";
import { BuiltInRole } from "./roles";

/** [REST] The API version of Microsoft.EventGrid/namespaces and its MQTT children that azapi and the smoke tests use. */
export const EVENT_GRID_NAMESPACE_API_VERSION = "2025-02-15";

// ---------------------------------------------------------------- endpoints and roles

/** A custom topic's publishing endpoint ("Publish events to Azure Event Grid custom topics"). */
export function topicEndpoint(topicAzureName: string, region: string): string {
  return `https://${topicAzureName}.${region}-1.eventgrid.azure.net/api/events`;
}

/** A namespace's HTTP endpoint for namespace topics ("Publish to namespace topics"). */
export function namespaceHttpEndpoint(namespaceAzureName: string, region: string): string {
  return `https://${namespaceAzureName}.${region}-1.eventgrid.azure.net`;
}

/** Data-plane roles: publishing to a custom topic is "EventGrid Data Sender" on the topic. */
export const EventGridRoles = { topicSender: BuiltInRole.eventGridDataSender } as const;

// ---------------------------------------------------------------- names

/** [rules] Every Event Grid name: 3-50 letters, numbers and hyphens unless said otherwise. */
export const eventGridNameShape = {
  minLength: 3,
  maxLength: 50,
  allowed: /[A-Za-z0-9-]/,
  allowedText: "letters, numbers and hyphens",
} as const;

const rulesPage = "learn.microsoft.com resource-name-rules";

export const eventGridNameRules = {
  eventGridTopic: {
    what: "Event Grid topic",
    ...eventGridNameShape,
    source: `${rulesPage}, Microsoft.EventGrid/topics: 3-50, alphanumerics and hyphens`,
  },
  eventGridSystemTopic: {
    what: "Event Grid system topic",
    ...eventGridNameShape,
    maxLength: 128,
    source: `${rulesPage}, Microsoft.EventGrid/systemTopics: 3-128, alphanumerics and hyphens`,
  },
  eventSubscription: {
    what: "Event Grid event subscription",
    ...eventGridNameShape,
    maxLength: 64,
    source: `${rulesPage}, Microsoft.EventGrid/eventSubscriptions: 3-64, alphanumerics and hyphens`,
  },
  eventGridNamespace: {
    what: "Event Grid namespace",
    ...eventGridNameShape,
    source:
      "learn.microsoft.com/azure/event-grid/mqtt-event-grid-namespace-terminology: 3-50, alphanumerics and hyphens",
  },
} as const satisfies Record<string, AzureNameRule>;

// ---------------------------------------------------------------- shared interfaces

/**
 * [azurerm] `azurerm_eventgrid_topic` has `local_auth_enabled`, `public_network_access_enabled`,
 * `inbound_ip_rule` and `identity`; [REST] TopicProperties has no customer-managed key and its IP
 * rules no trusted-services exception. Private link sub-resource `topic`.
 */
export const topicCapabilities: NamespaceCapabilities = {
  kind: "Event Grid topic",
  privateEndpoint: true,
  customerManagedKey: {
    needs:
      "a service that offers one, and Event Grid encrypts with Microsoft-managed keys only (remove customerManagedKey)",
  },
  localAuthSwitch: true,
  ipRules: true,
  trustedServices: {
    needs:
      "IP rules with a trusted-services exception, which Event Grid does not have (remove trustedServicesAllowed)",
  },
  userAssignedIdentities: true,
  publicNetworkAccessSwitch: true,
};

/**
 * [azurerm] `azurerm_eventgrid_namespace` has `public_network_access`, `inbound_ip_rule` and
 * `identity` but no local-auth argument; [REST] NamespaceProperties has no customer-managed key and
 * no trusted-services exception.
 */
export const namespaceCapabilities: NamespaceCapabilities = {
  ...topicCapabilities,
  kind: "Event Grid namespace",
  localAuthSwitch: {
    needs: "an Event Grid custom topic; namespaces have no local-auth switch (remove localAuth)",
  },
};

/**
 * Private link group IDs ("Configure private endpoints for Azure Event Grid topics or domains",
 * "... for Event Grid namespaces"): a topic's is `topic`; a namespace serves MQTT clients through
 * `topicspace` and HTTP publishers through `topic`.
 */
export function privateLinkSubresource(resource: "topic" | "namespace", mqttEnabled = false): string {
  return resource === "namespace" && mqttEnabled ? "topicspace" : "topic";
}

/** [REST] IP rules take IPv4 addresses or CIDR ranges. */
export const ipRangePattern =
  /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\/(3[0-2]|[12]?\d))?$/;

/** Every IP rule that is not an IPv4 address or CIDR range. */
export function ipRangeProblems(allowedIpRanges: readonly (string | undefined)[] = []): Problem[] {
  return allowedIpRanges.flatMap((range, i) =>
    range === undefined || ipRangePattern.test(range)
      ? []
      : [{ field: `allowedIpRanges/${i}`, message: `must be an IPv4 address or CIDR range, got "${range}"` }],
  );
}

/** Data-plane access an environment file grants on a resource, by principal names. */
export interface GrantListsInput {
  readonly senders?: readonly string[];
  readonly receivers?: readonly string[];
  readonly owners?: readonly string[];
}

/** What a topic or namespace entry states of the settings every namespace-like resource shares. */
export interface SettingsInput extends GrantListsInput {
  readonly privateEndpoint?: boolean;
  readonly customerManagedKey?: boolean;
  readonly localAuth?: boolean;
  readonly trustedServicesAllowed?: boolean;
  readonly userAssignedIdentityIds?: readonly string[];
}

/**
 * Which grant lists each resource takes, or why not ("Authorize access to Event Grid resources
 * with Microsoft Entra ID"): a custom topic pushes to its subscriptions, so only publishing can be
 * granted; MQTT clients reach a namespace's broker through permission bindings.
 */
const grantLists: Readonly<Record<"topic" | "namespace", Readonly<Record<keyof GrantListsInput, string>>>> = {
  topic: {
    senders: "",
    receivers: "a topic pushes events to its subscriptions; nobody receives from it",
    owners: "grant senders, or manage subscriptions through the file",
  },
  namespace: {
    senders: "MQTT clients get access through mqtt.permissions",
    receivers: "MQTT clients get access through mqtt.permissions",
    owners: "MQTT clients get access through mqtt.permissions",
  },
};

/**
 * Every setting a topic or namespace entry states that the resource has no counterpart for; each
 * problem means "remove the field". The shared interfaces go through the one shared rule. IP rules
 * are left to the tier check, which judges them against the effective public network access.
 */
export function settingProblems(resource: "topic" | "namespace", input: SettingsInput): Problem[] {
  const capabilities = resource === "topic" ? topicCapabilities : namespaceCapabilities;
  const problems = sharedInterfaceProblems(capabilities, {
    privateEndpoint: input.privateEndpoint,
    customerManagedKey: input.customerManagedKey,
    localAuth: input.localAuth,
    trustedServicesAllowed: input.trustedServicesAllowed,
    userAssignedIdentityIds: input.userAssignedIdentityIds,
  });
  if (input.customerManagedKey === false && capabilities.customerManagedKey !== true) {
    problems.push({
      field: "customerManagedKey",
      message: `customerManagedKey: false states what every ${capabilities.kind} does (Event Grid encrypts with Microsoft-managed keys only); remove it`,
    });
  }
  for (const [field, reason] of Object.entries(grantLists[resource])) {
    if (reason !== "" && input[field as keyof GrantListsInput] !== undefined)
      problems.push({ field, message: `${field} does not apply here: ${reason}; remove it` });
  }
  return problems;
}

// ---------------------------------------------------------------- topics

export type InputSchema = "CloudEventSchemaV1_0" | "EventGridSchema" | "CustomEventSchema";

/**
 * The input schema of a topic that names none: CloudEvents 1.0, the CNCF standard every SDK speaks.
 * (Azure's own default, and azurerm's `input_schema` default, is the Event Grid schema.)
 */
export const defaultInputSchema: InputSchema = "CloudEventSchemaV1_0";

/** [schemas] System topics publish in the Event Grid schema. */
export const systemTopicInputSchema: InputSchema = "EventGridSchema";

export interface TopicInput {
  readonly inputSchema?: InputSchema;
  readonly inputMapping?: object;
}

/** [REST] An input mapping belongs to the custom input schema only. */
export function topicProblems(topic: TopicInput): Problem[] {
  if (topic.inputMapping === undefined) return [];
  const schema = topic.inputSchema ?? defaultInputSchema;
  if (schema === "CustomEventSchema") return [];
  const defaulted = topic.inputSchema === undefined ? " (the default)" : "";
  return [
    {
      field: "inputMapping",
      message: `inputMapping applies only to inputSchema: CustomEventSchema, but this topic's input schema is ${schema}${defaulted}; set inputSchema: CustomEventSchema or remove inputMapping`,
    },
  ];
}

/** [REST] System topic types are `Microsoft.<Provider>.<Type>`, e.g. `Microsoft.Storage.StorageAccounts`. */
export const systemTopicTypePattern = /^Microsoft\.[A-Za-z]+(\.[A-Za-z]+)+$/;

export interface SystemTopicInput {
  readonly topicType?: string;
  /** ARM ID of the resource whose events the topic publishes. */
  readonly sourceResourceId?: string;
}

export function systemTopicProblems(topic: SystemTopicInput): Problem[] {
  const problems: Problem[] = [];
  if (topic.topicType !== undefined && !systemTopicTypePattern.test(topic.topicType)) {
    problems.push({
      field: "topicType",
      message: `topicType must look like Microsoft.<Provider>.<Type> (e.g. Microsoft.Storage.StorageAccounts), got "${topic.topicType}"`,
    });
  }
  if (topic.sourceResourceId !== undefined && !topic.sourceResourceId.startsWith("/subscriptions/")) {
    problems.push({
      field: "sourceResourceId",
      message: `sourceResourceId must be an ARM resource ID, got "${topic.sourceResourceId}"`,
    });
  }
  return problems;
}

// ---------------------------------------------------------------- namespaces

/**
 * [azurerm] `azurerm_eventgrid_namespace` `capacity`: IntBetween(1, 40) throughput units ([limits]:
 * namespace throughput units), 1 by default.
 */
export const NamespaceLimits = { minCapacity: 1, maxCapacity: 40 } as const;

export function namespaceProblems(namespace: { readonly capacity?: number }): Problem[] {
  const { capacity } = namespace;
  return capacity === undefined || whole(capacity, NamespaceLimits.minCapacity, NamespaceLimits.maxCapacity)
    ? []
    : [
        {
          field: "capacity",
          message: `capacity must be between ${NamespaceLimits.minCapacity} and ${NamespaceLimits.maxCapacity} throughput units, got ${capacity}`,
        },
      ];
}

/** Whether `value` is a whole number within [min, max]. */
function whole(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** `field must be between min and max, got value`, when it is not a whole number in range. */
export function rangeProblems(field: string, value: number | undefined, min: number, max: number): Problem[] {
  return value === undefined || whole(value, min, max)
    ? []
    : [{ field, message: `${field} must be between ${min} and ${max}, got ${value}` }];
}
