import { count, units, unitsFor } from "./capacity-load";
import type { Problem } from "./problem";

/*
 * How many throughput units an Event Grid namespace's MQTT broker needs. Source: "Azure Event Grid
 * quotas and limits" (learn.microsoft.com/azure/event-grid/quotas-limits), MQTT limits in an Event Grid
 * namespace: 10,000 MQTT sessions per throughput unit and 1,000 inbound MQTT publish requests per
 * second per throughput unit (inbound bandwidth 1 MB/s per unit). The declared load states clients
 * and published messages, neither message sizes nor subscriber fan-out, so bandwidth and outbound
 * delivery are not sized here.
 */

export const eventGridThroughputUnit = { sessions: 10_000, inboundMessagesPerSecond: 1000 } as const;

/** An Event Grid namespace's declared MQTT load (`throughput:`), as the environment file states it. */
export interface MqttLoad {
  readonly mqttClients: number;
  readonly messagesPerSecond: number;
}

export interface EventGridNamespaceCapacityInput {
  readonly capacity: number;
  /** Whether the namespace runs the MQTT broker (`mqtt:`): the only load `throughput:` describes. */
  readonly mqtt: boolean;
  readonly throughput?: MqttLoad;
}

/** Throughput units the load needs: one per 10,000 clients (each holds a session) or 1,000 messages/s. */
export function eventGridUnitsNeeded(load: MqttLoad): number {
  return Math.max(
    1,
    unitsFor(load.mqttClients, eventGridThroughputUnit.sessions),
    unitsFor(load.messagesPerSecond, eventGridThroughputUnit.inboundMessagesPerSecond),
  );
}

/**
 * Under-provisioning: the broker's sessions and inbound publishes must fit the namespace's units. A
 * load without the broker describes nothing the namespace runs, so sizing and cost would disagree
 * about it: it is refused.
 */
export function eventGridCapacityProblems(ns: EventGridNamespaceCapacityInput): Problem[] {
  const load = ns.throughput;
  if (!load) return [];
  if (!ns.mqtt)
    return [
      {
        field: "throughput",
        message:
          "MQTT load needs the mqtt: broker, got throughput (MQTT clients and messages) on a namespace without mqtt:; add mqtt: to the namespace, or remove throughput",
      },
    ];
  const needed = eventGridUnitsNeeded(load);
  if (needed <= ns.capacity) return [];
  return [
    {
      field: "throughput",
      message: `${count(load.mqttClients)} MQTT clients publishing ${count(load.messagesPerSecond)} messages/s need ${units(needed, "throughput unit")}, capacity ${ns.capacity}: a throughput unit holds ${count(eventGridThroughputUnit.sessions)} sessions and takes ${count(eventGridThroughputUnit.inboundMessagesPerSecond)} MQTT messages/s in`,
    },
  ];
}
