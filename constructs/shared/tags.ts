/** Tags every resource carries; later sources win (environment, then the resource's own). */
export function mergeTags(
  ...sources: readonly (Readonly<Record<string, string>> | undefined)[]
): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const source of sources) {
    if (!source) continue;
    for (const key of Object.keys(source).sort()) merged[key] = source[key];
  }
  return merged;
}
