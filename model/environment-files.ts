import { readdirSync } from "node:fs";
import { join } from "node:path";

/** The environment files in a folder, sorted, so every run sees them in the same order. */
export function environmentFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((entry) => /\.ya?ml$/.test(entry))
    .sort()
    .map((entry) => join(dir, entry));
}
