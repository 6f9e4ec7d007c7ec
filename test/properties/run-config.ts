/*
 * Seed and size of the jest runs. The seed is fixed so `npm test` repeats; FC_SEED picks another
 * and FC_RUNS scales the number of cases (the seed is in every test's title and failure report).
 */

export const seed = process.env.FC_SEED === undefined ? 20261123 : Number(process.env.FC_SEED);

/** `runs`, or FC_RUNS when set. */
export function runs(usual: number): number {
  return process.env.FC_RUNS === undefined ? usual : Number(process.env.FC_RUNS);
}

/** Long enough for the cases and the shrinking of a failure on a loaded 2-core machine. */
export const propertyTimeout = 10 * 60 * 1000;
