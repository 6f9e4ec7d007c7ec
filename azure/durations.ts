/**
 * ISO-8601 durations as Azure accepts them for messaging entities (`P14D`, `PT10M`, `P1DT12H`,
 * `PT0.5S`). Years and months are rejected: their length in seconds is not fixed, and Service Bus
 * stores every duration as a TimeSpan.
 */
const pattern = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Seconds in the duration, or `undefined` when the text is not a duration Azure accepts. */
export function durationSeconds(text: string): number | undefined {
  const match = pattern.exec(text);
  if (!match || text === "P" || text.endsWith("T")) return undefined;
  const [, weeks, days, hours, minutes, seconds] = match;
  return (
    Number(weeks ?? 0) * 604800 +
    Number(days ?? 0) * 86400 +
    Number(hours ?? 0) * 3600 +
    Number(minutes ?? 0) * 60 +
    Number(seconds ?? 0)
  );
}

/**
 * TimeSpan.MaxValue, written `P10675199DT2H48M5.4775807S`: the ceiling Azure stores messaging
 * durations in, and the value it reports for "never" (no expiry, no auto-delete) in every export of
 * a Service Bus queue, topic or subscription; azurerm's servicebus_topic/subscription resources
 * default to it (v4.55.0 servicebus_topic_resource.go). Its seconds come from that very text, so the
 * text is within any limit that ends at it.
 */
export const TIMESPAN_MAX_TEXT = "P10675199DT2H48M5.4775807S";
export const TIMESPAN_MAX_SECONDS = durationSeconds(TIMESPAN_MAX_TEXT) ?? Number.POSITIVE_INFINITY;

/** A person's reading of a number of seconds, for error messages (`10 minutes`, `7 days`). */
export function describeSeconds(total: number): string {
  const units: readonly [number, string][] = [
    [86400, "day"],
    [3600, "hour"],
    [60, "minute"],
    [1, "second"],
  ];
  for (const [size, unit] of units) {
    if (total >= size && total % size === 0) {
      const n = total / size;
      return `${n} ${unit}${n === 1 ? "" : "s"}`;
    }
  }
  return `${total} seconds`;
}

/**
 * Checks that `text` is a duration within [min, max] seconds; returns the problem in words, or
 * undefined when it is fine. `field` is the name the user wrote.
 */
export function durationProblem(
  field: string,
  text: string,
  minSeconds: number,
  maxSeconds: number,
): string | undefined {
  const seconds = durationSeconds(text);
  if (seconds === undefined) {
    return `${field} must be an ISO-8601 duration such as PT30S, PT5M, P1D or P1DT12H (years and months are not allowed), got "${text}"`;
  }
  if (maxSeconds === TIMESPAN_MAX_SECONDS && (seconds < minSeconds || seconds > maxSeconds)) {
    return `${field} must be at least ${describeSeconds(minSeconds)}, or ${TIMESPAN_MAX_TEXT} (TimeSpan.MaxValue) for no limit, got ${text} (${describeSeconds(seconds)})`;
  }
  if (seconds < minSeconds || seconds > maxSeconds) {
    return `${field} must be between ${describeSeconds(minSeconds)} and ${describeSeconds(maxSeconds)}, got ${text} (${describeSeconds(seconds)})`;
  }
  return undefined;
}
