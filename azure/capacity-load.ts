/*
 * Arithmetic and wording shared by the capacity rules (`azure/capacity-*.ts`): how a declared load
 * is scaled to its peak, how many units a rate needs, and how loads and sizes read in messages.
 * Microsoft's throughput pages count a megabyte as 1,048,576 bytes and a kilobyte as 1,024: the
 * example of issue 19 ("1,000 events/s × 1 KB at peak factor 2 needs 2 throughput units in") only
 * holds with those, since 2,000 × 1,024 bytes is 1.95 MB/s of 1,048,576 but 2.05 of 1,000,000.
 */

export const KILOBYTE = 1024;
export const MEGABYTE = 1024 * KILOBYTE;

/** Whether a rule judges the average rate or the busiest minute's (average × peak factor). */
export type LoadLevel = "average" | "peak";

/** `rate` at `level`: the peak factor defaults to 1, so a load without one peaks at its average. */
export function rateAt(rate: number, peakFactor: number | undefined, level: LoadLevel): number {
  return level === "peak" ? rate * (peakFactor ?? 1) : rate;
}

/**
 * Whole units of `perUnit` that carry `amount`: exactly at a unit's capacity needs that unit, a
 * hair more needs the next. The tolerance absorbs binary rounding of decimal inputs (0.2 × 3), far
 * below any load a file can state.
 */
export function unitsFor(amount: number, perUnit: number): number {
  return Math.max(0, Math.ceil(amount / perUnit - 1e-9));
}

/** `1,000`, `0.2`, `6.67`: thousands separated, at most two decimals. */
export function count(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** `512 B`, `1 KB`, `1.5 KB`, `2 MB`. */
export function bytes(value: number): string {
  if (value >= MEGABYTE) return `${count(value / MEGABYTE)} MB`;
  if (value >= KILOBYTE) return `${count(value / KILOBYTE)} KB`;
  return `${count(value)} B`;
}

/** `2 throughput units`, `1 throughput unit`. */
export function units(value: number, noun: string): string {
  return `${count(value)} ${noun}${value === 1 ? "" : "s"}`;
}

/** `1,000 events/s × 1 KB at peak factor 2` (the peak factor only where it is not 1). */
export function loadText(rate: number, what: string, size: number, peakFactor: number | undefined): string {
  const peak = peakFactor !== undefined && peakFactor !== 1 ? ` at peak factor ${count(peakFactor)}` : "";
  return `${count(rate)} ${what}/s × ${bytes(size)}${peak}`;
}
