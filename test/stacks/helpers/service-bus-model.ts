import type {
  EnvironmentModel,
  Principal,
  ServiceBusNamespace,
  ServiceBusQueue,
  ServiceBusSubscription,
  ServiceBusTopic,
  SourceLocation,
} from "../../../stacks/environment/model";

/**
 * Hand-built environment models for Service Bus stack tests, shaped like the resolver's output
 * for the shared examples: every default applied, nothing left to interpretation.
 */

const source = (pointer: string): SourceLocation => ({
  file: "environments/test.yaml",
  line: 1,
  column: 1,
  pointer,
});

export const ordersApi: Principal = {
  name: "orders-api",
  objectId: "11111111-1111-1111-1111-111111111111",
  type: "ServicePrincipal",
};
export const billingWorker: Principal = {
  name: "billing-worker",
  objectId: "22222222-2222-2222-2222-222222222222",
  type: "ServicePrincipal",
};
export const analytics: Principal = {
  name: "analytics",
  objectId: "33333333-3333-3333-3333-333333333333",
  type: "Group",
};

const noGrants = { senders: [], receivers: [], owners: [] } as const;

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
    localAuth: false,
    publicNetworkAccess: true,
    allowedIpRanges: [],
    trustedServicesAllowed: true,
    minimumTlsVersion: "1.2",
    diagnostics: true,
    lock: false,
    preventDestroy: false,
    userAssignedIdentityIds: [],
    tags: { environment: "dev" },
    sku: "Standard",
    capacity: 0,
    partitions: 0,
    zoneRedundant: false,
    queues: [queueModel({ name: "orders-inbound", senders: [ordersApi], receivers: [ordersApi] })],
    topics: [topicModel({ name: "order-events", subscriptions: [subscriptionModel({ name: "audit" })] })],
    ...noGrants,
    ...overrides,
  };
}

/** The `orders` namespace of prod.yaml: Premium, private, locked, geo-paired, filtered subscriptions. */
export function prodNamespace(overrides: Partial<ServiceBusNamespace> = {}): ServiceBusNamespace {
  return devNamespace({
    azureName: "sbns-contoso-orders-orders-prod",
    publicNetworkAccess: false,
    privateEndpoint: {
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
  return {
    file: `environments/${name}.yaml`,
    name,
    tier: "development",
    location: "westeurope",
    resourceGroupName: `rg-contoso-messaging-${name}`,
    naming: { prefix: "contoso", workload: "", environment: name },
    tags: { environment: name },
    monitoring: {
      logAnalyticsWorkspaceId:
        "/subscriptions/0/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/log",
      retentionDays: 30,
      alertEmails: [],
      webhooks: [],
      alerts: {
        serviceBusDeadLetteredMessages: 1,
        serviceBusActiveMessages: 1000,
        serviceBusThrottledRequests: 1,
        serviceBusServerErrors: 1,
        serviceBusCpuPercent: 80,
        serviceBusMemoryPercent: 80,
        eventHubsThrottledRequests: 1,
        eventHubsServerErrors: 1,
        eventHubsCaptureBacklog: 1,
        eventHubsIncomingOutgoingGap: 1,
        eventGridDroppedEvents: 1,
        eventGridDeadLetteredEvents: 1,
        eventGridDeliveryFailures: 1,
        iotHubDroppedTelemetry: 1,
        iotHubOrphanedTelemetry: 1,
        iotHubThrottlingErrors: 1,
        relayListenerErrors: 1,
        authorizationFailures: 1,
      },
      alertsEnabled: false,
    },
    principals: new Map([ordersApi, billingWorker, analytics].map((p) => [p.name, p])),
    serviceBus,
    eventHubs: [],
    eventGrid: { topics: [], systemTopics: [], namespaces: [] },
    relay: [],
    iotHub: [],
    sites: [],
    waivers: [],
    allowDestroy: [],
  };
}
