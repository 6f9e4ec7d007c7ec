import type { EnvironmentModel, NamespaceSettings, SourceLocation } from "../../../model/model";
import { generatedNamesFor } from "../../../model/resource-names";

const at = (pointer: string): SourceLocation => ({
  file: "environments/smoke.yaml",
  line: 1,
  column: 1,
  pointer,
});
const noGrants = { senders: [], receivers: [], owners: [] };

function namespace(name: string, azureName: string, pointer: string): NamespaceSettings {
  return {
    source: at(pointer),
    name,
    azureName,
    localAuth: false,
    publicNetworkAccess: false,
    allowedIpRanges: [],
    trustedServicesAllowed: true,
    minimumTlsVersion: "1.2",
    diagnostics: true,
    lock: true,
    preventDestroy: true,
    userAssignedIdentityIds: [],
    tags: {},
    ...noGrants,
  };
}

/** A small environment with one of everything the smoke test checks, resolved by hand. */
export function smokeModel(): EnvironmentModel {
  const naming = { prefix: "contoso", workload: "", environment: "smoke" };
  return {
    file: "environments/smoke.yaml",
    name: "smoke",
    tier: "production",
    location: "westeurope",
    resourceGroupName: "rg-contoso-messaging-smoke",
    naming,
    generatedNames: generatedNamesFor(naming, [], at("/naming")),
    tags: {},
    monitoring: {
      retentionDays: 365,
      alertEmails: [],
      webhooks: [],
      alertsEnabled: false,
      alerts: {
        serviceBusDeadLetteredMessages: 1,
        logicAppFailedRuns: 0,
        serviceBusActiveMessages: 1000,
        serviceBusThrottledRequests: 1,
        serviceBusServerErrors: 1,
        serviceBusCpuPercent: 80,
        serviceBusMemoryPercent: 80,
        eventHubsThrottledRequests: 1,
        eventHubsServerErrors: 1,
        eventHubsCaptureBacklog: 1,
        eventHubsIncomingOutgoingGap: 1000,
        eventGridDroppedEvents: 1,
        eventGridDeadLetteredEvents: 1,
        eventGridDeliveryFailures: 1,
        iotHubDroppedTelemetry: 1,
        iotHubOrphanedTelemetry: 1,
        iotHubThrottlingErrors: 1,
        relayListenerErrors: 1,
        authorizationFailures: 5,
        streamAnalyticsRuntimeErrors: 1,
        streamAnalyticsDeserializationErrors: 1,
        streamAnalyticsWatermarkDelaySeconds: 60,
        streamAnalyticsUtilizationPercent: 80,
      },
    },
    principals: new Map(),
    serviceBus: [
      {
        ...namespace("orders", "sbns-contoso-orders-smoke", "/serviceBus/0"),
        sku: "Premium",
        capacity: 1,
        partitions: 1,
        zoneRedundant: false,
        queues: [
          {
            source: at("/serviceBus/0/queues/0"),
            name: "orders-inbound",
            sessions: true,
            duplicateDetection: "PT10M",
            maxDeliveryCount: 10,
            lockDuration: "PT1M",
            messageTtl: "P14D",
            deadLetterOnExpiration: true,
            maxSizeMegabytes: 1024,
            partitioned: false,
            batchedOperations: true,
            status: "Active",
            preventDestroy: true,
            ...noGrants,
          },
        ],
        topics: [
          {
            source: at("/serviceBus/0/topics/0"),
            name: "order-events",
            messageTtl: "P14D",
            maxSizeMegabytes: 1024,
            partitioned: false,
            batchedOperations: true,
            supportOrdering: true,
            status: "Active",
            preventDestroy: true,
            ...noGrants,
            subscriptions: [
              {
                source: at("/serviceBus/0/topics/0/subscriptions/0"),
                name: "billing",
                maxDeliveryCount: 5,
                lockDuration: "PT1M",
                messageTtl: "P14D",
                deadLetterOnExpiration: true,
                deadLetterOnFilterEvaluationError: true,
                sessions: false,
                batchedOperations: true,
                status: "Active",
                rules: [{ name: "$Default", sql: "region = 'EU'" }],
                preventDestroy: true,
                ...noGrants,
              },
            ],
          },
        ],
      },
    ],
    eventHubs: [
      {
        ...namespace("telemetry", "evhns-contoso-telemetry-smoke", "/eventHubs/0"),
        sku: "Standard",
        capacity: 2,
        autoInflateMaxCapacity: 10,
        kafka: true,
        zoneRedundant: false,
        hubs: [
          {
            source: at("/eventHubs/0/hubs/0"),
            name: "device-telemetry",
            partitions: 4,
            retentionDays: 7,
            status: "Active",
            eventSourced: false,
            consumerGroups: [
              { source: at("/eventHubs/0/hubs/0/consumerGroups/0"), name: "analytics", receivers: [] },
            ],
            preventDestroy: true,
            ...noGrants,
          },
        ],
        schemaGroups: [
          {
            source: at("/eventHubs/0/schemaGroups/0"),
            name: "telemetry-schemas",
            compatibility: "Backward",
            type: "Avro",
          },
        ],
      },
    ],
    eventGrid: {
      topics: [
        {
          ...namespace("order-lifecycle", "evgt-contoso-order-lifecycle-smoke", "/eventGrid/topics/0"),
          inputSchema: "CloudEventSchemaV1_0",
          subscriptions: [
            {
              source: at("/eventGrid/topics/0/subscriptions/0"),
              name: "to-billing",
              destination: { kind: "serviceBusQueue", namespace: "orders", entity: "orders-inbound" },
              filter: {
                includedEventTypes: ["com.contoso.order.created"],
                subjectBeginsWith: "/orders/",
                subjectEndsWith: "",
                caseSensitive: false,
                advanced: [],
                advancedFilteringOnArrays: false,
              },
              retry: { maxDeliveryAttempts: 30, eventTimeToLiveMinutes: 1440 },
              labels: [],
            },
          ],
        },
      ],
      systemTopics: [],
      namespaces: [],
    },
    relay: [
      {
        ...namespace("plant-bridge", "relay-contoso-plant-bridge-smoke", "/relay/0"),
        sku: "Standard",
        hybridConnections: [
          {
            source: at("/relay/0/hybridConnections/0"),
            name: "historian",
            requiresClientAuthorization: true,
            listeners: [],
            senders: [],
            owners: [],
            preventDestroy: true,
          },
        ],
        wcfRelays: [],
      },
    ],
    iotHub: [
      {
        ...namespace("plants", "iot-contoso-plants-smoke", "/iotHub/0"),
        sku: "S1",
        capacity: 2,
        partitions: 4,
        retentionDays: 1,
        routes: [
          {
            source: at("/iotHub/0/routes/0"),
            messageSource: "DeviceMessages",
            name: "telemetry",
            condition: "$body.type = 'telemetry'",
            target: { kind: "eventHub", namespace: "telemetry", entity: "device-telemetry" },
            endpointName: "eventhub-telemetry-device-telemetry",
            enabled: true,
          },
        ],
        fallbackRoute: true,
        enrichments: [],
        consumerGroups: [],
        cloudToDevice: {
          maxDeliveryCount: 10,
          defaultTtl: "PT1H",
          feedback: { timeToLive: "PT1H", maxDeliveryCount: 10, lockDuration: "PT60S" },
        },
      },
    ],
    streamAnalytics: [
      {
        source: at("/streamAnalytics/0"),
        name: "overheat-detection",
        azureName: "asa-contoso-overheat-detection-smoke",
        sku: "StandardV2",
        streamingUnits: 1,
        compatibilityLevel: "1.2",
        eventsOutOfOrderPolicy: "Adjust",
        eventsOutOfOrderMaxDelaySeconds: 0,
        lateArrivalMaxDelaySeconds: 5,
        outputErrorPolicy: "Stop",
        dataLocale: "en-US",
        query: {
          file: "queries/overheat-detection.asaql",
          text: "SELECT deviceId INTO [alerts] FROM [telemetry] WHERE temperature > 90\n",
        },
        inputs: [
          {
            source: at("/streamAnalytics/0/inputs/0"),
            alias: "telemetry",
            reads: { kind: "eventHub", namespace: "telemetry", entity: "device-telemetry" },
            consumerGroup: "analytics",
            serialization: "Json",
          },
        ],
        outputs: [
          {
            source: at("/streamAnalytics/0/outputs/0"),
            alias: "alerts",
            writes: { kind: "serviceBusQueue", namespace: "orders", entity: "orders-inbound" },
            serialization: "Json",
          },
        ],
        diagnostics: true,
        lock: true,
        preventDestroy: true,
        tags: {},
      },
    ],
    sites: [],
    logicApps: [],
    waivers: [],
    allowDestroy: [],
    deploy: { after: [], runsOn: ["ubuntu-latest"] },
  };
}
