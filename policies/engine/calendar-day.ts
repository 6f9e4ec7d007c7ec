/** Today's date as `YYYY-MM-DD` (UTC): waivers expire at the end of their `expires` day. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A waiver's `expires` as `YYYY-MM-DD`, whether the YAML gave it as text or as a date. */
export function expiryDay(expires: unknown): string {
  if (expires instanceof Date) return isoDay(expires);
  return String(expires);
}
