import { TIMESPAN_MAX_SECONDS } from "./durations";
import type { Capability, NamespaceCapabilities } from "./namespace-capabilities";
import {
  messagingEntityPath,
  messagingNamespace,
  rulesPage,
  shortChildName,
  type AzureNameRule,
} from "./name-rule";
import { BuiltInRole } from "./roles";

/*
 * Azure Service Bus as Azure defines it: what each tier offers, its limits, names, endpoints and
 * roles. Validation, constructs, policies and smoke tests read these; nothing restates them.
 * The rules that judge a namespace or entity against them are in `service-bus-rules.ts` and
 * `service-bus-entity-rules.ts`.
 * Sources, cited as [key] below:
 * [tiers]   "Service Bus Premium and Standard messaging tiers" (feature table: Basic has no topics,
 *           sessions, duplicate detection or auto-forwarding; geo-disaster recovery, messaging
 *           units and large messages are Premium only).
 * [quotas]  "Service Bus quotas" (tier limits and common limits).
 * [network] "Network security for Azure Service Bus": private endpoints are Premium only; "Allow
 *           access to Azure Service Bus namespace from specific IP addresses or ranges": IP
 *           firewall rules on every tier.
 * [cmk]     "Configure customer-managed keys for encrypting Azure Service Bus data at rest": Premium only.
 * [forward] "Chaining Service Bus entities with autoforwarding": same namespace only, not from a
 *           session-enabled entity, at most four hops; "QueueProperties.ForwardDeadLetteredMessagesTo":
 *           "The destination entity must already exist."
 * [azurerm] hashicorp/terraform-provider-azurerm internal/services/servicebus: the validators named.
 */

export type ServiceBusSku = "Basic" | "Standard" | "Premium";

export const serviceBusSkus: readonly ServiceBusSku[] = ["Basic", "Standard", "Premium"];

/** Whether `value` names a Service Bus SKU (synthesized JSON carries it as plain text). */
export function isServiceBusSku(value: unknown): value is ServiceBusSku {
  return typeof value === "string" && (serviceBusSkus as readonly string[]).includes(value);
}

const premium: Capability = { needs: "the Premium SKU" };
const standardOrPremium: Capability = { needs: "the Standard or Premium SKU" };

const SECOND = 1;
const MINUTE = 60;
const DAY = 86400;
/** TimeSpan.MaxValue, the ceiling Azure stores durations in; Azure writes it for "never". */
const TIMESPAN_MAX = TIMESPAN_MAX_SECONDS;

/** What one tier offers. */
export interface ServiceBusTier {
  readonly sku: ServiceBusSku;
  /** The interfaces every namespace-like resource shares ([network], [cmk]). */
  readonly shared: NamespaceCapabilities;
  readonly topics: Capability;
  readonly sessions: Capability;
  readonly duplicateDetection: Capability;
  readonly autoForwarding: Capability;
  /** Messaging units, partitions and their autoscale. */
  readonly messagingUnits: Capability;
  readonly geoDisasterRecovery: Capability;
  /** Whether an entity's largest message can be raised (`maxMessageSizeKilobytes`); 256 KB elsewhere. */
  readonly largeMessages: Capability;
  /**
   * Entity sizes azurerm accepts ([azurerm] validate/servicebus.go `ServiceBusMaxSizeInMegabytes`).
   * Basic and Standard take 1–5 GB ([quotas]); a partitioned one holds 16 times the value set
   * (azurerm servicebus_queue_resource.go reads it back divided by 16): their 80 GB.
   */
  readonly entitySizesMegabytes: readonly number[];
  /** Longest message time to live: 14 days on Basic (the ARM error quoted in Azure/azure-service-bus#306). */
  readonly maxMessageTtlSeconds: number;
}

const standardSizes = [1024, 2048, 3072, 4096, 5120];

function shared(sku: ServiceBusSku): NamespaceCapabilities {
  const premiumOnly = sku === "Premium" ? true : premium;
  return {
    kind: "Service Bus namespace",
    sku,
    privateEndpoint: premiumOnly,
    customerManagedKey: premiumOnly,
    localAuthSwitch: true,
    ipRules: true,
    trustedServices: true,
    userAssignedIdentities: true,
    publicNetworkAccessSwitch: true,
  };
}

export const serviceBusTiers: Readonly<Record<ServiceBusSku, ServiceBusTier>> = {
  Basic: {
    sku: "Basic",
    shared: shared("Basic"),
    topics: standardOrPremium,
    sessions: standardOrPremium,
    duplicateDetection: standardOrPremium,
    autoForwarding: standardOrPremium,
    messagingUnits: premium,
    geoDisasterRecovery: premium,
    largeMessages: premium,
    entitySizesMegabytes: standardSizes,
    maxMessageTtlSeconds: 14 * DAY,
  },
  Standard: {
    sku: "Standard",
    shared: shared("Standard"),
    topics: true,
    sessions: true,
    duplicateDetection: true,
    autoForwarding: true,
    messagingUnits: premium,
    geoDisasterRecovery: premium,
    largeMessages: premium,
    entitySizesMegabytes: standardSizes,
    maxMessageTtlSeconds: TIMESPAN_MAX,
  },
  Premium: {
    sku: "Premium",
    shared: shared("Premium"),
    topics: true,
    sessions: true,
    duplicateDetection: true,
    autoForwarding: true,
    messagingUnits: true,
    geoDisasterRecovery: true,
    largeMessages: true,
    entitySizesMegabytes: [...standardSizes, 10240, 20480, 40960, 81920],
    maxMessageTtlSeconds: TIMESPAN_MAX,
  },
};

/** Whether `sku` offers private endpoints ([network]): the tier profiles' default applies only there. */
export function serviceBusOffersPrivateEndpoint(sku: ServiceBusSku): boolean {
  return serviceBusTiers[sku].shared.privateEndpoint === true;
}

/** Whether `sku` offers customer-managed keys ([cmk]). */
export function serviceBusOffersCustomerManagedKey(sku: ServiceBusSku): boolean {
  return serviceBusTiers[sku].shared.customerManagedKey === true;
}

/** Whether `sku` offers geo-disaster recovery ([tiers]). */
export function serviceBusOffersGeoDisasterRecovery(sku: ServiceBusSku): boolean {
  return serviceBusTiers[sku].geoDisasterRecovery === true;
}

/**
 * Messaging units of a Premium namespace: the azurerm validator on `capacity` accepts 1, 2, 4, 8
 * and 16 ([azurerm] servicebus_namespace_resource.go), and "the number of messaging units must be
 * a multiple of the number of partitions" ([quotas]).
 */
export const premiumMessagingUnits: readonly number[] = [1, 2, 4, 8, 16];

/** Premium partitions: 1, 2 or 4, fixed at creation ([quotas], Premium namespace partitions). */
export const premiumPartitions: readonly number[] = [1, 2, 4];

/** Messaging units a namespace with `partitions` may have: the allowed counts that are multiples of them. */
export function messagingUnitSteps(partitions: number): readonly number[] {
  return premiumMessagingUnits.filter((units) => units % partitions === 0);
}

/** Largest message on Premium, in KB ([azurerm] `ServiceBusMaxMessageSizeInKilobytes`: 1024–102400). */
export const premiumMessageSizeKilobytes = { min: 1024, max: 102400 } as const;

/** Deliveries before a message is dead-lettered: at least one ([azurerm] `max_delivery_count`, IntAtLeast(1)). */
export const minDeliveryCount = 1;

/**
 * Duration limits, in seconds, from Azure's queue and subscription properties: a lock lasts at most
 * 5 minutes (and at least 5 seconds, the portal's floor); duplicate detection looks back 20 seconds
 * to 7 days; auto-delete-on-idle waits at least 5 minutes. Time to live is per tier.
 */
export const serviceBusDurations = {
  lockDuration: { min: 5 * SECOND, max: 5 * MINUTE },
  duplicateDetection: { min: 20 * SECOND, max: 7 * DAY },
  autoDeleteOnIdle: { min: 5 * MINUTE, max: TIMESPAN_MAX },
} as const;

/** Time to live a message may be given on `sku`. */
export function messageTtlLimit(sku: ServiceBusSku): { readonly min: number; readonly max: number } {
  return { min: SECOND, max: serviceBusTiers[sku].maxMessageTtlSeconds };
}

/** Per topic ([quotas], common limits): subscriptions, SQL filters and correlation filters across them. */
export const topicLimits = { subscriptions: 2000, sqlFilters: 2000, correlationFilters: 100000 } as const;

/**
 * Filter and action strings hold at most 1,024 characters ([quotas]); rule names at most 50
 * ([azurerm] servicebus_subscription_rule_resource.go validates `name` with StringLenBetween(1, 50)).
 */
export const ruleLimits = { sqlLength: 1024, nameLength: 50 } as const;

/**
 * The rule Azure gives every subscription, a catch-all until replaced ("Topic filters and
 * actions": a subscription is created with a rule named `$Default` whose filter is `1=1`).
 */
export const defaultSubscriptionRule = { name: "$Default", sql: "1=1" } as const;

/**
 * The rules a subscription holds in Azure once its declared rules are written: Azure's `$Default`
 * (1=1) when none is declared; else the declared ones, with `$Default` replaced by the declared
 * rule of that name or, when none is, by a filter that matches nothing (1=0), so only the declared
 * rules select messages.
 */
export function subscriptionRulesInAzure<Rule extends { readonly name: string }>(
  rules: readonly Rule[],
): readonly (Rule | { readonly name: "$Default"; readonly sql: string })[] {
  if (rules.length === 0) return [defaultSubscriptionRule];
  const named = rules.some((rule) => rule.name.toLowerCase() === defaultSubscriptionRule.name.toLowerCase());
  return named ? rules : [{ name: defaultSubscriptionRule.name, sql: "1=0" }, ...rules];
}

/** "Don't create a chain that exceeds four hops. Messages that exceed four hops are dead-lettered." ([forward]) */
export const maxForwardingHops = 4;

/**
 * How Azure tells entities apart: names are case-insensitive ("Naming rules and restrictions for
 * Azure resources": resource names are case-insensitive), so `Orders` and `orders` are one queue.
 */
export function serviceBusEntityKey(name: string): string {
  return name.toLowerCase();
}

/** Azure's naming rules for Service Bus resources ([rules] and the [azurerm] validators named). */
export const serviceBusNameRules = {
  namespace: {
    what: "Service Bus namespace",
    ...messagingNamespace,
    reservedSuffixes: ["-sb", "-mgmt"],
    source: `${rulesPage}, Microsoft.ServiceBus/namespaces: 6-50; azurerm servicebus/validate/namespace_name.go: can't end with "-", "-sb" or "-mgmt" (learn.microsoft.com/rest/api/servicebus/create-namespace)`,
  },
  queue: {
    what: "Service Bus queue",
    ...messagingEntityPath,
    source: `${rulesPage}, Microsoft.ServiceBus/namespaces/queues: 1-260; azurerm servicebus/validate/queue_name.go`,
  },
  topic: {
    what: "Service Bus topic",
    ...messagingEntityPath,
    source: `${rulesPage}, Microsoft.ServiceBus/namespaces/topics: 1-260; azurerm servicebus/validate/topic_name.go`,
  },
  subscription: {
    what: "Service Bus subscription",
    ...shortChildName,
    source: `${rulesPage}, Microsoft.ServiceBus/namespaces/topics/subscriptions: 1-50; azurerm servicebus/validate/subscription_name.go`,
  },
  rule: {
    what: "Service Bus subscription rule",
    ...shortChildName,
    // Azure's own catch-all rule: the resolver names a single `filter` that way.
    reservedNames: [defaultSubscriptionRule.name],
    source: `${rulesPage}, Microsoft.ServiceBus/namespaces/topics/subscriptions/rules: 1-50`,
  },
  alias: {
    what: "Service Bus geo-disaster-recovery alias",
    ...shortChildName,
    source: `${rulesPage}, Microsoft.ServiceBus/namespaces/disasterRecoveryConfigs: 1-50`,
  },
} as const satisfies Record<string, AzureNameRule>;

/**
 * A namespace's (or geo-disaster-recovery alias's) host name: every namespace is a DNS name in
 * `servicebus.windows.net` ("Create a Service Bus namespace").
 */
export function serviceBusHostName(name: string): string {
  return `${name}.servicebus.windows.net`;
}

/** `sb://<namespace>.servicebus.windows.net`: the address identity-based deliveries use. */
export function serviceBusEndpointUri(name: string): string {
  return `sb://${serviceBusHostName(name)}`;
}

/**
 * Where clients connect, per protocol ("AMQP 1.0 in Azure Service Bus and Event Hubs protocol
 * guide": AMQPS on 5671, AMQP over WebSockets at `/$servicebus/websocket` on 443; HTTPS on 443).
 */
export function serviceBusEndpoints(name: string): {
  readonly amqp: string;
  readonly amqpWebSockets: string;
  readonly https: string;
} {
  const host = serviceBusHostName(name);
  return {
    amqp: `amqps://${host}`,
    amqpWebSockets: `wss://${host}/$servicebus/websocket`,
    https: `https://${host}/`,
  };
}

/** The private-link sub-resource (group ID) of a namespace ("Integrate Azure Service Bus with Azure Private Link"). */
export const serviceBusPrivateLinkSubresource = "namespace";

/** The narrowest built-in data-plane role for each access. */
export const serviceBusRoles = {
  send: BuiltInRole.serviceBusDataSender,
  receive: BuiltInRole.serviceBusDataReceiver,
  manage: BuiltInRole.serviceBusDataOwner,
} as const;

/**
 * What Azure Monitor autoscale of messaging units reads and does ("Automatically update messaging
 * units of an Azure Service Bus namespace"): the namespace's CPU and memory metrics, and the
 * action that moves to the next allowed unit count rather than adding a fixed number.
 */
export const serviceBusAutoscale = {
  metricNamespace: "microsoft.servicebus/namespaces",
  cpuMetric: "NamespaceCpuUsage",
  memoryMetric: "NamespaceMemoryUsage",
  stepAction: "ServiceAllowedNextValue",
} as const;
