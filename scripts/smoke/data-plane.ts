import type { TokenCredential } from "@azure/core-auth";
import {
  ServiceBusClient,
  type ServiceBusReceivedMessage,
  type ServiceBusReceiver,
} from "@azure/service-bus";
import { EventHubConsumerClient, EventHubProducerClient, type Subscription } from "@azure/event-hubs";
import type { CheckResult } from "./results";

/** One message on a queue, as the probe sees it. */
export interface ProbeMessage {
  readonly runId: string | undefined;
  complete(): Promise<void>;
  abandon(): Promise<void>;
}

export interface QueueChannel {
  send(runId: string): Promise<void>;
  receive(maxMessages: number, maxWaitMs: number): Promise<readonly ProbeMessage[]>;
  close(): Promise<void>;
}

export interface HubChannel {
  /** Sends one event tagged with `runId` and returns where reading must start to see it. */
  send(runId: string): Promise<void>;
  /** Reads events sent after `send` until one carries `runId` or `timeoutMs` passes. */
  readTagged(runId: string, timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

const tag = "smokeRun";

/**
 * Sends one uniquely tagged message and receives and completes exactly it. Other messages on
 * the queue are abandoned at once, so a shared queue loses nothing (the file names a queue that
 * exists for this purpose; production traffic entities are never probed).
 */
export async function probeQueue(
  resource: string,
  channel: QueueChannel,
  runId: string,
  timeoutMs: number,
  now = Date.now,
): Promise<CheckResult> {
  try {
    await channel.send(runId);
    const deadline = now() + timeoutMs;
    while (now() < deadline) {
      const messages = await channel.receive(10, Math.min(5000, Math.max(1, deadline - now())));
      let found = false;
      for (const message of messages) {
        if (!found && message.runId === runId) {
          await message.complete();
          found = true;
        } else {
          await message.abandon();
        }
      }
      if (found) return { status: "passed", resource, property: "send and receive" };
    }
    return {
      status: "error",
      resource,
      property: "send and receive",
      detail: `the tagged message did not come back within ${timeoutMs / 1000} s: check the receiver role and that nothing else consumes this queue`,
    };
  } finally {
    await channel.close();
  }
}

export async function probeHub(
  resource: string,
  channel: HubChannel,
  runId: string,
  timeoutMs: number,
): Promise<CheckResult> {
  try {
    await channel.send(runId);
    const found = await channel.readTagged(runId, timeoutMs);
    return found
      ? { status: "passed", resource, property: "publish and read back" }
      : {
          status: "error",
          resource,
          property: "publish and read back",
          detail: `the tagged event was not read back within ${timeoutMs / 1000} s from the smoke consumer group`,
        };
  } finally {
    await channel.close();
  }
}

/** The queue channel over `@azure/service-bus`, with a session per run when the queue requires sessions. */
export function serviceBusQueueChannel(
  host: string,
  queue: string,
  credential: TokenCredential,
  sessions: boolean,
  runIdForSession: string,
): QueueChannel {
  const client = new ServiceBusClient(host, credential, {
    retryOptions: { maxRetries: 3, timeoutInMs: 30000 },
  });
  const sender = client.createSender(queue);
  let receiver: ServiceBusReceiver | undefined;
  const receiverFor = async (): Promise<ServiceBusReceiver> => {
    receiver ??= sessions
      ? await client.acceptSession(queue, runIdForSession)
      : client.createReceiver(queue, { receiveMode: "peekLock" });
    return receiver;
  };
  return {
    async send(runId) {
      await sender.sendMessages({
        body: { smoke: runId },
        messageId: runId,
        sessionId: sessions ? runIdForSession : undefined,
        applicationProperties: { [tag]: runId },
      });
    },
    async receive(maxMessages, maxWaitMs) {
      const r = await receiverFor();
      const messages: ServiceBusReceivedMessage[] = await r.receiveMessages(maxMessages, {
        maxWaitTimeInMs: maxWaitMs,
      });
      return messages.map((m) => ({
        runId: typeof m.applicationProperties?.[tag] === "string" ? m.applicationProperties[tag] : undefined,
        complete: () => r.completeMessage(m),
        abandon: () => r.abandonMessage(m),
      }));
    },
    async close() {
      await client.close();
    },
  };
}

/** The hub channel over `@azure/event-hubs`: one partition, read from just before the send. */
export function eventHubChannel(
  host: string,
  hub: string,
  consumerGroup: string,
  credential: TokenCredential,
): HubChannel {
  const producer = new EventHubProducerClient(host, hub, credential);
  const consumer = new EventHubConsumerClient(consumerGroup, host, hub, credential);
  let partitionId = "0";
  let fromSequenceNumber = -1;
  return {
    async send(runId) {
      partitionId = (await producer.getPartitionIds())[0];
      fromSequenceNumber = (await producer.getPartitionProperties(partitionId)).lastEnqueuedSequenceNumber;
      const batch = await producer.createBatch({ partitionId });
      batch.tryAdd({ body: { smoke: runId }, properties: { [tag]: runId } });
      await producer.sendBatch(batch);
    },
    readTagged(runId, timeoutMs) {
      return new Promise<boolean>((resolve) => {
        let settled = false;
        const holder: { subscription?: Subscription } = {};
        const finish = (found: boolean) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          const closing = holder.subscription ? holder.subscription.close() : Promise.resolve();
          void closing.finally(() => resolve(found));
        };
        const timer = setTimeout(() => finish(false), timeoutMs);
        holder.subscription = consumer.subscribe(
          partitionId,
          {
            processEvents: async (events) => {
              if (events.some((e) => e.properties?.[tag] === runId)) finish(true);
            },
            processError: async () => undefined,
          },
          {
            startPosition: { sequenceNumber: fromSequenceNumber, isInclusive: false },
            maxWaitTimeInSeconds: 5,
          },
        );
      });
    },
    async close() {
      await Promise.all([producer.close(), consumer.close()]);
    },
  };
}
