/**
 * `npm run lock:complete` — run after any `npm install` that rewrites package-lock.json.
 *
 * The registry this project installs from serves only the Linux builds of platform-specific
 * optional packages (@swc/core-<platform>, @unrs/resolver-binding-<platform>), so `npm install`
 * leaves the other platforms out of the lock, and `npm ci`, which checks every declared optional
 * dependency against the lock, then refuses the lock as out of sync. This adds each missing
 * platform package with its version and its os/cpu/libc (read from its name), so `npm ci`
 * accepts the lock and skips the package on machines it is not for. No download address is
 * written (the machine's npm settings keep registry hosts out of the lock).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { inferPlatform } from "./lockfile/platform";

interface LockPackage {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

const file = process.argv[2] ?? "package-lock.json";
const lock = JSON.parse(readFileSync(file, "utf8")) as { packages: Record<string, LockPackage> };
const added: string[] = [];
const unknown: string[] = [];

for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`${path}/${key}`]) continue;
    const platform = inferPlatform(name);
    if (!platform || !/^\d+\.\d+\.\d+$/.test(range)) {
      unknown.push(`${name}@${range} (needed by ${path || "the project"})`);
      continue;
    }
    lock.packages[key] = { version: range, ...platform, dev: pkg.dev, optional: true };
    added.push(`${name}@${range}`);
  }
}

// Existing entries keep npm's own order; each added one goes right after its nearest predecessor.
const existing = Object.keys(lock.packages).filter(
  (key) => !added.some((a) => key === `node_modules/${a.slice(0, a.lastIndexOf("@"))}`),
);
const anchored = new Map<string, string[]>();
for (const name of added.map((a) => `node_modules/${a.slice(0, a.lastIndexOf("@"))}`).sort()) {
  const anchor =
    existing
      .filter((key) => key < name)
      .sort()
      .pop() ?? "";
  anchored.set(anchor, [...(anchored.get(anchor) ?? []), name]);
}
const ordered: Record<string, LockPackage> = {};
for (const key of existing) {
  ordered[key] = lock.packages[key];
  for (const name of anchored.get(key) ?? []) ordered[name] = lock.packages[name];
}
lock.packages = ordered;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(
  `${file}: ${added.length} platform entries added${added.length ? `: ${added.join(", ")}` : ""}\n`,
);
if (unknown.length > 0) {
  process.stderr.write(`could not complete (platform or exact version unknown): ${unknown.join(", ")}\n`);
  process.exitCode = 1;
}
