import type {
  EnvironmentModel,
  ServiceBusNamespace,
  ServiceBusQueue,
  ServiceBusSubscription,
  ServiceBusTopic,
} from "../../../model/model";
import {
  analytics,
  billingWorker,
  emptyEnvironment,
  namespaceDefaults,
  noGrants,
  ordersApi,
  source,
} from "./model-defaults";

export { analytics, billingWorker, ordersApi };

/**
 * Hand-built environment models for Service Bus stack tests, shaped like the resolver's output
 * for the shared examples: every default applied, nothing left to interpretation.
 */

export function queueModel(overrides: Partial<ServiceBusQueue> & { name: string }): ServiceBusQueue {
  return {
    sessions: false,
    maxDeliveryCount: 10,
    lockDuration: "PT1M",
    messageTtl: "P14D",
    deadLetterOnExpiration: false,
    maxSizeMegabytes: 1024,
    partitioned: false,
    batchedOperations: true,
    status: "Active",
    preventDestroy: false,
    source: source(`/queues/${overrides.name}`),
    ...noGrants,
    ...overrides,
  };
}

export function subscriptionModel(
  overrides: Partial<ServiceBusSubscription> & { name: string },
): ServiceBusSubscription {
  return {
    maxDeliveryCount: 10,
    lockDuration: "PT1M",
    messageTtl: "P14D",
    deadLetterOnExpiration: false,
    deadLetterOnFilterEvaluationError: true,
    sessions: false,
    batchedOperations: true,
    status: "Active",
    rules: [],
    preventDestroy: false,
    source: source(`/subscriptions/${overrides.name}`),
    ...noGrants,
    ...overrides,
  };
}

export function topicModel(overrides: Partial<ServiceBusTopic> & { name: string }): ServiceBusTopic {
  return {
    messageTtl: "P14D",
    maxSizeMegabytes: 1024,
    partitioned: false,
    batchedOperations: true,
    supportOrdering: false,
    status: "Active",
    subscriptions: [],
    preventDestroy: false,
    source: source(`/topics/${overrides.name}`),
    ...noGrants,
    ...overrides,
  };
}

/** The `orders` namespace of dev.yaml: Standard, one queue with grants, one topic with one subscription. */
export function devNamespace(overrides: Partial<ServiceBusNamespace> = {}): ServiceBusNamespace {
  return {
    name: "orders",
    azureName: "sbns-contoso-orders-dev",
    source: source("/serviceBus/0"),
    ...namespaceDefaults("dev"),
    sku: "Standard",
    capacity: 0,
    partitions: 0,
    zoneRedundant: false,
    queues: [queueModel({ name: "orders-inbound", senders: [ordersApi], receivers: [ordersApi] })],
    topics: [topicModel({ name: "order-events", subscriptions: [subscriptionModel({ name: "audit" })] })],
    ...overrides,
  };
}

/** The `orders` namespace of prod.yaml: Premium, private, locked, geo-paired, filtered subscriptions. */
export function prodNamespace(overrides: Partial<ServiceBusNamespace> = {}): ServiceBusNamespace {
  return devNamespace({
    azureName: "sbns-contoso-orders-orders-prod",
    publicNetworkAccess: false,
    privateEndpoint: {
      azureName: "pep-sbns-contoso-orders-orders-prod",
      subnetId:
        "/subscriptions/0/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/v/subnets/pe",
      privateDnsZoneId: "/zones/privatelink.servicebus.windows.net",
    },
    lock: true,
    preventDestroy: true,
    userAssignedIdentityIds: [],
    customerManagedKey: {
      keyVaultKeyId: "https://kv-contoso-prod.vault.azure.net/keys/messaging",
      identityId: "/identities/id-messaging-cmk",
      infrastructureEncryption: true,
    },
    tags: { environment: "prod" },
    sku: "Premium",
    capacity: 1,
    partitions: 1,
    geoDisasterRecovery: {
      secondaryLocation: "northeurope",
      secondaryAzureName: "sbns-contoso-orders-orders-prod-secondary",
      aliasName: "sbns-contoso-orders-orders-prod-alias",
    },
    autoscale: { minCapacity: 1, maxCapacity: 4, scaleOutCpuPercent: 70, scaleInCpuPercent: 30 },
    queues: [
      queueModel({
        name: "orders-inbound",
        sessions: true,
        duplicateDetection: "PT10M",
        lockDuration: "PT1M",
        deadLetterOnExpiration: true,
        senders: [ordersApi],
        receivers: [billingWorker],
        preventDestroy: true,
      }),
      queueModel({
        name: "payments",
        duplicateDetection: "PT30M",
        forwardDeadLetteredTo: "orders/payments-poison",
        senders: [ordersApi],
        receivers: [billingWorker],
        preventDestroy: true,
      }),
      queueModel({ name: "payments-poison", receivers: [billingWorker], preventDestroy: true }),
    ],
    topics: [
      topicModel({
        name: "order-events",
        duplicateDetection: "PT10M",
        senders: [ordersApi],
        preventDestroy: true,
        subscriptions: [
          subscriptionModel({
            name: "billing",
            maxDeliveryCount: 5,
            rules: [{ name: "$Default", sql: "region = 'EU' AND amount > 0" }],
            receivers: [billingWorker],
            preventDestroy: true,
          }),
          subscriptionModel({
            name: "audit",
            rules: [{ name: "$Default", correlation: { label: "order.created" } }],
            receivers: [analytics],
            preventDestroy: true,
          }),
        ],
      }),
    ],
    ...overrides,
  });
}

/** A whole environment around the given Service Bus namespaces, every other service empty. */
export function environmentWith(serviceBus: readonly ServiceBusNamespace[], name = "test"): EnvironmentModel {
  const empty = emptyEnvironment({
    name,
    tier: "development",
    logAnalyticsWorkspaceId:
      "/subscriptions/0/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/log",
    principals: [ordersApi, billingWorker, analytics],
  });
  return { ...empty, serviceBus };
}
