import { bytes, count, MEGABYTE, rateAt, unitsFor } from "./capacity-load";
import type { Problem } from "./problem";

/*
 * How many streaming units a Stream Analytics job's input needs, by Microsoft's guidance. Source:
 * "Understand and adjust Stream Analytics streaming units"
 * (learn.microsoft.com/azure/stream-analytics/stream-analytics-streaming-unit-consumption):
 * - "For each streaming unit, Azure Stream Analytics can process roughly 7 MB/s of input" (SU V2);
 * - SU V1 (the `Standard` SKU) maps to SU V2 (`StandardV2`) as 1 → 1/3, 3 → 2/3, 6 → 1, 12 → 2, 18 → 3:
 *   six V1 units are one V2 unit (one streaming node);
 * - valid V2 values are 1/3, 2/3, 1, 2, 3, ... (the REST API writes them times ten: 3, 7, 10, 20, 30).
 * It is guidance ("roughly"), not a throttle; the message says so. The query's shape (PARTITION BY,
 * temporal state) moves the real figure, which this rule cannot see.
 */

export type StreamAnalyticsSku = "Standard" | "StandardV2";

/** Roughly what one SU V2 processes. */
export const inputBytesPerStreamingUnitV2 = 7 * MEGABYTE;

/** SU V1 per SU V2. */
export const v1UnitsPerV2Unit = 6;

/** A job's declared input (`throughput:`). */
export interface StreamLoad {
  readonly inputBytesPerSecond: number;
  readonly peakFactor?: number;
}

export interface StreamAnalyticsCapacityInput {
  readonly sku: StreamAnalyticsSku;
  /** As the portal shows them: V1 units on Standard (1, 3, 6, 12, ...); V2 units on StandardV2 (1/3, 2/3, 1, 2, ...). */
  readonly streamingUnits: number;
  readonly throughput?: StreamLoad;
}

/** Input bytes per second the job's units process, roughly. */
export function streamingCapacityBytes(sku: StreamAnalyticsSku, streamingUnits: number): number {
  const v2 = sku === "StandardV2" ? streamingUnits : streamingUnits / v1UnitsPerV2Unit;
  return v2 * inputBytesPerStreamingUnitV2;
}

/** SU V2 the peak input needs, in whole units (fractional units only help below one). */
export function streamingUnitsV2Needed(load: StreamLoad): number {
  const peak = rateAt(load.inputBytesPerSecond, load.peakFactor, "peak");
  return Math.max(1, unitsFor(peak, inputBytesPerStreamingUnitV2));
}

/** Under-provisioning by the guidance: the peak input must fit roughly 7 MB/s per SU V2. */
export function streamAnalyticsCapacityProblems(job: StreamAnalyticsCapacityInput): Problem[] {
  const load = job.throughput;
  if (!load) return [];
  const peak = rateAt(load.inputBytesPerSecond, load.peakFactor, "peak");
  const capacity = streamingCapacityBytes(job.sku, job.streamingUnits);
  if (peak <= capacity * (1 + 1e-9)) return [];
  const needed = streamingUnitsV2Needed(load);
  const suggestion =
    job.sku === "StandardV2"
      ? `${count(needed)} SU V2`
      : `${count(needed * v1UnitsPerV2Unit)} streaming units (or ${count(needed)} on StandardV2)`;
  const peakText =
    load.peakFactor !== undefined && load.peakFactor !== 1 ? ` at peak factor ${count(load.peakFactor)}` : "";
  return [
    {
      field: "throughput",
      message: `${bytes(load.inputBytesPerSecond)}/s of input${peakText} needs about ${suggestion}; ${count(job.streamingUnits)} ${job.sku === "StandardV2" ? "SU V2" : "streaming units"} process roughly ${bytes(capacity)}/s: Microsoft's guidance is roughly 7 MB/s of input per SU V2 (six V1 units), which the query's shape can move`,
    },
  ];
}
