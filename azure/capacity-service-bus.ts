import { count, KILOBYTE, loadText, rateAt, units, type LoadLevel } from "./capacity-load";
import type { Problem } from "./problem";
import type { ServiceBusSku } from "./service-bus";

/*
 * How much Service Bus capacity a declared load needs. Sources:
 * [throttling] "Throttling operations on Azure Service Bus"
 *              (learn.microsoft.com/azure/service-bus-messaging/service-bus-throttling): a Standard
 *              namespace gets 1,000 credits per second; every data operation (send, receive, peek)
 *              costs 1 credit per message, and a message sent to a topic is evaluated against each
 *              subscription's filter at 1 credit per evaluation. Beyond the credits, operations are
 *              throttled until the next second. Premium is throttled on the resources of its messaging
 *              units (CPU and memory), with no published rate per unit.
 * [premium]    "Service Bus Premium and Standard messaging tiers", Messaging unit - How many are
 *              needed?: start with 1 or 2 messaging units and scale on CPU usage (down below 20%, up
 *              above 70%). It is guidance, not a rate: no rule here refuses a Premium load.
 * [quotas]     "Service Bus quotas": largest message 256 KB on Standard (Premium up to 100 MB).
 * Basic is not named by the throttling page, so no rule here sizes it.
 */

/** [throttling] */
export const standardCreditsPerSecond = 1000;

/** [quotas] Largest message a Standard namespace takes. */
export const standardMaxMessageBytes = 256 * KILOBYTE;

/** [premium] Messaging units Microsoft's guidance starts with. */
export const premiumStartingMessagingUnits = 2;

/** A queue's or topic's declared load (`throughput:`), as the environment file states it. */
export interface MessageLoad {
  readonly messagesPerSecond: number;
  readonly averageMessageBytes: number;
  readonly peakFactor?: number;
}

export interface ServiceBusEntityLoad {
  readonly name: string;
  readonly throughput?: MessageLoad;
}

export interface ServiceBusCapacityInput {
  readonly sku: ServiceBusSku;
  readonly queues: readonly ServiceBusEntityLoad[];
  readonly topics: readonly (ServiceBusEntityLoad & { readonly subscriptions: number })[];
}

/** [throttling] Credits a queue's load spends per second: each message is sent once and received once. */
export function queueCredits(load: MessageLoad, level: LoadLevel): number {
  return rateAt(load.messagesPerSecond, load.peakFactor, level) * 2;
}

/** [throttling] A topic's: one send, then per subscription one filter evaluation and one receive. */
export function topicCredits(load: MessageLoad, subscriptions: number, level: LoadLevel): number {
  return rateAt(load.messagesPerSecond, load.peakFactor, level) * (1 + 2 * subscriptions);
}

interface Entry {
  readonly field: string;
  readonly load: MessageLoad;
  readonly credits: number;
  readonly why: string;
}

function entries(ns: ServiceBusCapacityInput, level: LoadLevel): Entry[] {
  return [
    ...ns.queues.flatMap((q, j) =>
      q.throughput
        ? [
            {
              field: `queues/${j}/throughput`,
              load: q.throughput,
              credits: queueCredits(q.throughput, level),
              why: "a send and a receive per message",
            },
          ]
        : [],
    ),
    ...ns.topics.flatMap((t, j) =>
      t.throughput
        ? [
            {
              field: `topics/${j}/throughput`,
              load: t.throughput,
              credits: topicCredits(t.throughput, t.subscriptions, level),
              why: `a send, then a filter evaluation and a receive for each of ${units(t.subscriptions, "subscription")}`,
            },
          ]
        : [],
    ),
  ];
}

/** [throttling] Credits per second the namespace's declared load spends, every entity together. */
export function namespaceCredits(ns: ServiceBusCapacityInput, level: LoadLevel): number {
  return entries(ns, level).reduce((sum, e) => sum + e.credits, 0);
}

/**
 * Whether a Standard namespace would carry the declared load: its peak within the credits and every
 * message within Standard's size ([throttling], [quotas]). Only meaningful when every entity declares it.
 */
export function standardCarries(ns: ServiceBusCapacityInput): boolean {
  const loads = [...ns.queues, ...ns.topics].map((e) => e.throughput);
  return (
    namespaceCredits(ns, "peak") <= standardCreditsPerSecond &&
    loads.every((load) => load === undefined || load.averageMessageBytes <= standardMaxMessageBytes)
  );
}

/**
 * Under-provisioning of a Standard namespace ([throttling]): the peak of its declared load, every
 * entity together, must stay within 1,000 credits per second. Reported at each loaded entity's
 * `throughput`. Premium has no published rate per messaging unit ([premium]) and is not judged.
 */
export function serviceBusCapacityProblems(ns: ServiceBusCapacityInput): Problem[] {
  if (ns.sku !== "Standard") return [];
  const loaded = entries(ns, "peak");
  const total = loaded.reduce((sum, e) => sum + e.credits, 0);
  if (total <= standardCreditsPerSecond) return [];
  return loaded.map((e) => {
    const shared =
      loaded.length > 1 ? `; with the namespace's other declared load, ${count(total)} credits/s` : "";
    return {
      field: e.field,
      message: `${loadText(e.load.messagesPerSecond, "messages", e.load.averageMessageBytes, e.load.peakFactor)} spends ${count(e.credits)} credits/s (${e.why}, 1 credit each)${shared}; a Standard namespace is throttled above ${count(standardCreditsPerSecond)} credits/s: use Premium, or spread the load over namespaces`,
    };
  });
}
