/**
 * The load an environment file declares under `throughput:`. Capacity checks size each resource from it
 * and the cost estimate takes its usage-based quantities from it. Every rate is an average; `peakFactor`
 * (default 1) says how many times the average the busiest minute carries.
 */

/** A Service Bus queue or topic: what its senders put in. */
export interface MessageThroughput {
  readonly messagesPerSecond: number;
  readonly averageMessageBytes: number;
  readonly peakFactor?: number;
}

/** An event hub: what its senders put in. Readers are its consumer groups plus capture. */
export interface EventThroughput {
  readonly eventsPerSecond: number;
  readonly averageEventBytes: number;
  readonly peakFactor?: number;
}

/** An IoT hub: its device fleet and what each device sends to the cloud. */
export interface DeviceThroughput {
  readonly devices: number;
  readonly messagesPerDevicePerMinute: number;
  readonly averageMessageBytes: number;
}

/** An Event Grid namespace's MQTT broker: connected clients and published messages. */
export interface MqttThroughput {
  readonly mqttClients: number;
  readonly messagesPerSecond: number;
}

/** A Stream Analytics job: what its inputs carry in, all inputs together. */
export interface StreamThroughput {
  readonly inputBytesPerSecond: number;
}
