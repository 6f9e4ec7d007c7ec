import { bytes, count, units, unitsFor } from "./capacity-load";
import type { IotHubSkuName } from "./iot-hub";
import type { Problem } from "./problem";

/*
 * How many IoT Hub units a device fleet needs. Source: "IoT Hub quotas and throttling"
 * (learn.microsoft.com/azure/iot-hub/iot-hub-devguide-quotas-throttling):
 * - the tier and units set a daily message quota: 8,000 on the free tier, 400,000 per unit on B1 and
 *   S1, 6,000,000 on B2 and S2, 300,000,000 on B3 and S3;
 * - the quota meters messages in chunks of 0.5 KB on the free tier and 4 KB on every other tier;
 * - device-to-cloud sends are throttled at the higher of 100/s or 12/s per unit on F1, B1 and S1,
 *   120/s per unit on B2 and S2, 6,000/s per unit on B3 and S3.
 * The declared load has no peak factor: a fleet's rate is its sustained rate. On every SKU the daily
 * quota binds before the send throttle (400,000 a day is 4.6 sends/s against S1's 12/s per unit); the
 * throttle is still checked so that the rule stays right if either figure changes.
 */

interface IotTierFacts {
  readonly messagesPerUnitPerDay: number;
  readonly meterBytes: number;
  readonly sendsPerUnitPerSecond: number;
  /** The throttle's floor across all units (the "higher of 100/s" of F1, B1 and S1). */
  readonly sendsFloorPerSecond: number;
}

const small = {
  messagesPerUnitPerDay: 400_000,
  meterBytes: 4096,
  sendsPerUnitPerSecond: 12,
  sendsFloorPerSecond: 100,
};
const medium = {
  messagesPerUnitPerDay: 6_000_000,
  meterBytes: 4096,
  sendsPerUnitPerSecond: 120,
  sendsFloorPerSecond: 0,
};
const large = {
  messagesPerUnitPerDay: 300_000_000,
  meterBytes: 4096,
  sendsPerUnitPerSecond: 6000,
  sendsFloorPerSecond: 0,
};

export const iotHubUnitFacts: Readonly<Record<IotHubSkuName, IotTierFacts>> = {
  F1: { ...small, messagesPerUnitPerDay: 8000, meterBytes: 512 },
  B1: small,
  S1: small,
  B2: medium,
  S2: medium,
  B3: large,
  S3: large,
};

/** An IoT hub's declared load (`throughput:`), as the environment file states it. */
export interface DeviceLoad {
  readonly devices: number;
  readonly messagesPerDevicePerMinute: number;
  readonly averageMessageBytes: number;
}

export interface IotHubCapacityInput {
  readonly sku: IotHubSkuName;
  readonly capacity: number;
  readonly throughput?: DeviceLoad;
}

const MINUTES_PER_DAY = 1440;

/** Messages a day as the quota counts them: each message in whole meter-sized chunks. */
export function meteredMessagesPerDay(sku: IotHubSkuName, load: DeviceLoad): number {
  const chunks = Math.max(1, unitsFor(load.averageMessageBytes, iotHubUnitFacts[sku].meterBytes));
  return load.devices * load.messagesPerDevicePerMinute * MINUTES_PER_DAY * chunks;
}

/** Device-to-cloud sends per second. */
export function sendsPerSecond(load: DeviceLoad): number {
  return (load.devices * load.messagesPerDevicePerMinute) / 60;
}

/** Sends per second `capacity` units of `sku` allow. */
export function sendThrottle(sku: IotHubSkuName, capacity: number): number {
  const facts = iotHubUnitFacts[sku];
  return Math.max(facts.sendsFloorPerSecond, facts.sendsPerUnitPerSecond * capacity);
}

/** Units the load needs: for its daily quota and for its send rate, whichever needs more. */
export function iotHubUnitsNeeded(sku: IotHubSkuName, load: DeviceLoad): number {
  const facts = iotHubUnitFacts[sku];
  const forQuota = unitsFor(meteredMessagesPerDay(sku, load), facts.messagesPerUnitPerDay);
  const sends = sendsPerSecond(load);
  const forSends = sends <= facts.sendsFloorPerSecond ? 1 : unitsFor(sends, facts.sendsPerUnitPerSecond);
  return Math.max(1, forQuota, forSends);
}

/** Under-provisioning: the fleet's metered messages and send rate must fit the hub's units. */
export function iotHubCapacityProblems(hub: IotHubCapacityInput): Problem[] {
  const load = hub.throughput;
  if (!load) return [];
  const needed = iotHubUnitsNeeded(hub.sku, load);
  if (needed <= hub.capacity) return [];
  const facts = iotHubUnitFacts[hub.sku];
  const throttle =
    facts.sendsFloorPerSecond > 0
      ? `the higher of ${count(facts.sendsFloorPerSecond)} or ${count(facts.sendsPerUnitPerSecond)} per unit`
      : `${count(facts.sendsPerUnitPerSecond)} per unit`;
  return [
    {
      field: "throughput",
      message: `${count(load.devices)} devices × ${count(load.messagesPerDevicePerMinute)} messages/min × ${bytes(load.averageMessageBytes)} send ${count(meteredMessagesPerDay(hub.sku, load))} messages a day (metered in ${bytes(facts.meterBytes)} chunks) at ${count(sendsPerSecond(load))} sends/s; ${hub.sku} allows ${count(facts.messagesPerUnitPerDay)} messages a day per unit and throttles sends at ${throttle}: needs ${units(needed, "unit")}, capacity ${hub.capacity}`,
    },
  ];
}
