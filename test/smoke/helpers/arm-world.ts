import { subscriptionRulesInAzure } from "../../../azure/service-bus";
import type { EnvironmentModel, SubscriptionRule } from "../../../model/model";
import type { FakeArmServer } from "./fake-arm-server";

export const subscriptionId = "00000000-0000-0000-0000-0000000000aa";

/**
 * Publishes on the fake server exactly what the model declares, in the shapes of the Azure
 * REST API specification's examples ("Namespaces - Get", "Queues - List By Namespace", ...).
 * Tests then change one thing to make drift, a missing or an unmanaged resource.
 */
export function publishEnvironment(server: FakeArmServer, model: EnvironmentModel): Record<string, string> {
  const rg = `/subscriptions/${subscriptionId}/resourceGroups/${model.resourceGroupName}`;
  const paths: Record<string, string> = {};
  const list = (value: unknown[]) => ({ value });

  const sbNamespaces: unknown[] = [];
  for (const ns of model.serviceBus) {
    const id = `${rg}/providers/Microsoft.ServiceBus/namespaces/${ns.azureName}`;
    paths[`serviceBus/${ns.name}`] = id;
    const body = {
      id,
      name: ns.azureName,
      type: "Microsoft.ServiceBus/Namespaces",
      location: model.location,
      sku: { name: ns.sku, tier: ns.sku, capacity: ns.sku === "Premium" ? ns.capacity : undefined },
      properties: {
        provisioningState: "Succeeded",
        serviceBusEndpoint: `https://${ns.azureName}.servicebus.windows.net:443/`,
        disableLocalAuth: !ns.localAuth,
        minimumTlsVersion: ns.minimumTlsVersion,
        publicNetworkAccess: ns.publicNetworkAccess ? "Enabled" : "Disabled",
      },
    };
    sbNamespaces.push(body);
    server.set(id, body);
    server.set(
      `${id}/queues`,
      list(
        ns.queues.map((q) => ({
          id: `${id}/queues/${q.name}`,
          name: q.name,
          type: "Microsoft.ServiceBus/Namespaces/Queues",
          properties: {
            lockDuration: q.lockDuration,
            maxSizeInMegabytes: q.maxSizeMegabytes,
            requiresDuplicateDetection: q.duplicateDetection !== undefined,
            duplicateDetectionHistoryTimeWindow: q.duplicateDetection ?? "PT10M",
            requiresSession: q.sessions,
            defaultMessageTimeToLive: q.messageTtl,
            deadLetteringOnMessageExpiration: q.deadLetterOnExpiration,
            maxDeliveryCount: q.maxDeliveryCount,
            status: q.status,
            enablePartitioning: q.partitioned,
            forwardTo: q.forwardTo?.split("/").pop(),
            forwardDeadLetteredMessagesTo: q.forwardDeadLetteredTo?.split("/").pop(),
          },
        })),
      ),
    );
    paths[`serviceBus/${ns.name}/queues`] = `${id}/queues`;
    server.set(
      `${id}/topics`,
      list(
        ns.topics.map((t) => ({
          id: `${id}/topics/${t.name}`,
          name: t.name,
          type: "Microsoft.ServiceBus/Namespaces/Topics",
          properties: {
            requiresDuplicateDetection: t.duplicateDetection !== undefined,
            duplicateDetectionHistoryTimeWindow: t.duplicateDetection ?? "PT10M",
            defaultMessageTimeToLive: t.messageTtl,
            supportOrdering: t.supportOrdering,
          },
        })),
      ),
    );
    paths[`serviceBus/${ns.name}/topics`] = `${id}/topics`;
    for (const t of ns.topics) {
      server.set(
        `${id}/topics/${t.name}/subscriptions`,
        list(
          t.subscriptions.map((s) => ({
            id: `${id}/topics/${t.name}/subscriptions/${s.name}`,
            name: s.name,
            type: "Microsoft.ServiceBus/Namespaces/Topics/Subscriptions",
            properties: {
              lockDuration: s.lockDuration,
              requiresSession: s.sessions,
              defaultMessageTimeToLive: s.messageTtl,
              deadLetteringOnFilterEvaluationExceptions: s.deadLetterOnFilterEvaluationError,
              deadLetteringOnMessageExpiration: s.deadLetterOnExpiration,
              maxDeliveryCount: s.maxDeliveryCount,
            },
          })),
        ),
      );
      for (const s of t.subscriptions) {
        const rulesPath = `${id}/topics/${t.name}/subscriptions/${s.name}/rules`;
        server.set(rulesPath, list(subscriptionRulesInAzure(s.rules).map((r) => ruleBody(rulesPath, r))));
        paths[`serviceBus/${ns.name}/topics/${t.name}/subscriptions/${s.name}/rules`] = rulesPath;
      }
    }
  }
  server.set(`${rg}/providers/Microsoft.ServiceBus/namespaces`, list(sbNamespaces));

  const ehNamespaces: unknown[] = [];
  for (const ns of model.eventHubs) {
    const id = `${rg}/providers/Microsoft.EventHub/namespaces/${ns.azureName}`;
    paths[`eventHubs/${ns.name}`] = id;
    const body = {
      id,
      name: ns.azureName,
      type: "Microsoft.EventHub/Namespaces",
      location: model.location,
      sku: { name: ns.sku, tier: ns.sku, capacity: ns.capacity },
      properties: {
        provisioningState: "Succeeded",
        serviceBusEndpoint: `https://${ns.azureName}.servicebus.windows.net:443/`,
        isAutoInflateEnabled: ns.autoInflateMaxCapacity !== undefined,
        maximumThroughputUnits: ns.autoInflateMaxCapacity ?? 0,
        kafkaEnabled: ns.kafka,
        disableLocalAuth: !ns.localAuth,
        minimumTlsVersion: ns.minimumTlsVersion,
        publicNetworkAccess: ns.publicNetworkAccess ? "Enabled" : "Disabled",
      },
    };
    ehNamespaces.push(body);
    server.set(id, body);
    server.set(
      `${id}/eventhubs`,
      list(
        ns.hubs.map((h) => ({
          id: `${id}/eventhubs/${h.name}`,
          name: h.name,
          type: "Microsoft.EventHub/Namespaces/EventHubs",
          properties: {
            partitionCount: h.partitions,
            messageRetentionInDays: h.retentionDays,
            status: h.status,
            captureDescription: h.capture
              ? {
                  enabled: true,
                  encoding: "Avro",
                  intervalInSeconds: h.capture.intervalSeconds,
                  sizeLimitInBytes: h.capture.sizeLimitBytes,
                }
              : undefined,
          },
        })),
      ),
    );
    paths[`eventHubs/${ns.name}/hubs`] = `${id}/eventhubs`;
    for (const h of ns.hubs) {
      server.set(
        `${id}/eventhubs/${h.name}/consumergroups`,
        list(
          ["$Default", ...h.consumerGroups.map((g) => g.name)].map((name) => ({
            id: `${id}/eventhubs/${h.name}/consumergroups/${name}`,
            name,
            properties: {},
          })),
        ),
      );
    }
    server.set(
      `${id}/schemagroups`,
      list(
        ns.schemaGroups.map((g) => ({
          id: `${id}/schemagroups/${g.name}`,
          name: g.name,
          properties: { schemaCompatibility: g.compatibility, schemaType: g.type },
        })),
      ),
    );
  }
  server.set(`${rg}/providers/Microsoft.EventHub/namespaces`, list(ehNamespaces));

  for (const topic of model.eventGrid.topics) {
    const id = `${rg}/providers/Microsoft.EventGrid/topics/${topic.azureName}`;
    paths[`eventGrid/topics/${topic.name}`] = id;
    server.set(id, {
      id,
      name: topic.azureName,
      type: "Microsoft.EventGrid/topics",
      location: model.location,
      properties: {
        provisioningState: "Succeeded",
        inputSchema: topic.inputSchema,
        disableLocalAuth: !topic.localAuth,
        publicNetworkAccess: topic.publicNetworkAccess ? "Enabled" : "Disabled",
      },
    });
    server.set(
      `${id}/eventSubscriptions`,
      list(
        topic.subscriptions.map((s) => ({
          id: `${id}/providers/Microsoft.EventGrid/eventSubscriptions/${s.name}`,
          name: s.name,
          type: "Microsoft.EventGrid/eventSubscriptions",
          properties: {
            destination: {
              endpointType: "ServiceBusQueue",
              properties: { resourceId: "/subscriptions/x/queue" },
            },
            filter: {
              includedEventTypes: s.filter.includedEventTypes,
              subjectBeginsWith: s.filter.subjectBeginsWith,
              subjectEndsWith: s.filter.subjectEndsWith,
              advancedFilters: [],
            },
            retryPolicy: {
              maxDeliveryAttempts: s.retry.maxDeliveryAttempts,
              eventTimeToLiveInMinutes: s.retry.eventTimeToLiveMinutes,
            },
            eventDeliverySchema: "CloudEventSchemaV1_0",
          },
        })),
      ),
    );
  }

  for (const ns of model.relay) {
    const id = `${rg}/providers/Microsoft.Relay/namespaces/${ns.azureName}`;
    paths[`relay/${ns.name}`] = id;
    server.set(id, {
      id,
      name: ns.azureName,
      location: model.location,
      sku: { name: "Standard", tier: "Standard" },
      properties: {},
    });
    server.set(
      `${id}/hybridConnections`,
      list(
        ns.hybridConnections.map((c) => ({
          id: `${id}/hybridConnections/${c.name}`,
          name: c.name,
          properties: { requiresClientAuthorization: c.requiresClientAuthorization, listenerCount: 1 },
        })),
      ),
    );
  }

  for (const hub of model.iotHub) {
    const id = `${rg}/providers/Microsoft.Devices/IotHubs/${hub.azureName}`;
    paths[`iotHub/${hub.name}`] = id;
    server.set(id, {
      id,
      name: hub.azureName,
      type: "Microsoft.Devices/IotHubs",
      location: model.location,
      sku: { name: hub.sku, tier: "Standard", capacity: hub.capacity },
      properties: {
        minTlsVersion: hub.minimumTlsVersion,
        disableLocalAuth: !hub.localAuth,
        publicNetworkAccess: hub.publicNetworkAccess ? "Enabled" : "Disabled",
        eventHubEndpoints: {
          events: { partitionCount: hub.partitions, retentionTimeInDays: hub.retentionDays },
        },
        routing: {
          routes: hub.routes.map((r) => ({
            name: r.name,
            source: r.messageSource,
            condition: r.condition,
            endpointNames: [r.endpointName],
            isEnabled: r.enabled,
          })),
          fallbackRoute: {
            name: "$fallback",
            source: "DeviceMessages",
            condition: "true",
            endpointNames: ["events"],
            isEnabled: hub.fallbackRoute,
          },
        },
      },
    });
  }
  for (const job of model.streamAnalytics) {
    // "Streaming Jobs - Get" with $expand=inputs,outputs,transformation (Microsoft.StreamAnalytics 2020-03-01).
    const id = `${rg}/providers/Microsoft.StreamAnalytics/streamingjobs/${job.azureName}`;
    paths[`streamAnalytics/${job.name}`] = id;
    const units =
      job.streamingUnits === "1/3" ? 3 : job.streamingUnits === "2/3" ? 7 : job.streamingUnits * 10;
    server.set(id, {
      id,
      name: job.azureName,
      type: "Microsoft.StreamAnalytics/streamingjobs",
      location: model.location,
      identity: { type: "SystemAssigned", principalId: "55555555-5555-5555-5555-555555555555" },
      properties: {
        sku: { name: job.sku },
        jobState: "Running",
        provisioningState: "Succeeded",
        outputErrorPolicy: job.outputErrorPolicy,
        inputs: job.inputs.map((input) => ({
          id: `${id}/inputs/${input.alias}`,
          name: input.alias,
          type: "Microsoft.StreamAnalytics/streamingjobs/inputs",
          properties: {
            type: "Stream",
            datasource:
              input.reads.kind === "eventHub"
                ? {
                    type: "Microsoft.EventHub/EventHub",
                    properties: {
                      eventHubName: input.reads.entity,
                      consumerGroupName: input.consumerGroup,
                      authenticationMode: "Msi",
                    },
                  }
                : {
                    type: "Microsoft.Devices/IotHubs",
                    properties: { consumerGroupName: input.consumerGroup },
                  },
            serialization: { type: input.serialization, properties: { encoding: "UTF8" } },
          },
        })),
        transformation: {
          id: `${id}/transformations/Transformation`,
          name: "Transformation",
          properties: { streamingUnits: units, query: job.query.text },
        },
        outputs: job.outputs.map((output) => ({
          id: `${id}/outputs/${output.alias}`,
          name: output.alias,
          type: "Microsoft.StreamAnalytics/streamingjobs/outputs",
          properties: {
            datasource: { type: "Microsoft.ServiceBus/Queue", properties: { authenticationMode: "Msi" } },
          },
        })),
      },
    });
  }
  return paths;
}

/**
 * A rule as "Rules - List By Subscriptions" returns it (Service Bus REST API 2021-11-01, Rule):
 * `filterType` with the one filter it names, and an `action` object, empty without an expression.
 */
function ruleBody(
  rulesPath: string,
  rule: SubscriptionRule | { readonly name: string; readonly sql: string },
) {
  const action = "action" in rule && rule.action ? { sqlExpression: rule.action } : {};
  return {
    id: `${rulesPath}/${rule.name}`,
    name: rule.name,
    type: "Microsoft.ServiceBus/Namespaces/Topics/Subscriptions/Rules",
    properties:
      "sql" in rule
        ? { filterType: "SqlFilter", sqlFilter: { sqlExpression: rule.sql, compatibilityLevel: 20 }, action }
        : { filterType: "CorrelationFilter", correlationFilter: { ...rule.correlation }, action },
  };
}
