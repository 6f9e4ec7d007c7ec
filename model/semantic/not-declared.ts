import { didYouMean } from "../did-you-mean";

const listedAtMost = 8;

/**
 * The end of a "not declared" message: the nearest declared name when one is a plausible slip,
 * else what is declared (the first few), so the reader knows what the file offers.
 */
export function declaredHint(given: string, declared: readonly string[], noun: string): string {
  const nearest = didYouMean(given, declared);
  if (nearest !== undefined) return `did you mean "${nearest}"?`;
  if (declared.length === 0) return `the file declares no ${noun}`;
  const shown = declared.slice(0, listedAtMost).map((name) => `"${name}"`);
  const more = declared.length > listedAtMost ? ` and ${declared.length - listedAtMost} more` : "";
  return `declared ${noun}: ${shown.join(", ")}${more}`;
}
