import type { SemanticCheck, SemanticContext } from "./context";

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC midnight of a `YYYY-MM-DD` that exists in the calendar; undefined otherwise (`2027-02-30`). */
export function calendarDate(text: string): Date | undefined {
  const match = datePattern.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date : undefined;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A YAML 1.1 reader may hand over a Date for an unquoted date; accept both forms. */
function expiryText(value: unknown): string {
  return value instanceof Date ? isoDay(value) : String(value);
}

function checkExpiry(ctx: SemanticContext, index: number, value: unknown): void {
  const pointer = `/waivers/${index}/expires`;
  const text = expiryText(value);
  const expires = calendarDate(text);
  if (!expires) {
    ctx.error(
      pointer,
      `waiver expires must be a calendar date written YYYY-MM-DD (e.g. 2027-03-31), got "${text}"`,
    );
    return;
  }
  // Waivers are temporary: at most one year ahead. An expired waiver is valid input; the policy report flags it.
  const today = new Date(
    Date.UTC(ctx.today.getUTCFullYear(), ctx.today.getUTCMonth(), ctx.today.getUTCDate()),
  );
  const latest = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate()));
  if (expires.getTime() > latest.getTime()) {
    ctx.error(
      pointer,
      `waiver expires ${text} is more than one year ahead (latest allowed: ${isoDay(latest)}): waivers are temporary; set an earlier date and renew it when it runs out`,
    );
  }
}

/** Waivers expire on real dates within a year, and each (rule, resource) is waived once. */
export const checkWaivers: SemanticCheck = (ctx) => {
  const first = new Map<string, number>();
  (ctx.spec.waivers ?? []).forEach((waiver, i) => {
    checkExpiry(ctx, i, waiver.expires);
    const key = `${waiver.rule} ${waiver.resource}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, i);
      return;
    }
    const line = ctx.doc.locate(`/waivers/${earlier}`).line;
    ctx.error(
      `/waivers/${i}`,
      `duplicate waiver of ${waiver.rule} for ${waiver.resource}: already waived at line ${line}; keep one (with the latest reason and expiry)`,
    );
  });
};
