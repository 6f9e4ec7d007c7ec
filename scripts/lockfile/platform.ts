/** os, cpu and libc of a platform-specific package, read from its name (`core-linux-arm64-musl`). */
export interface Platform {
  readonly os: string[];
  readonly cpu: string[];
  readonly libc?: string[];
}

const systems = new Set([
  "darwin",
  "linux",
  "win32",
  "freebsd",
  "android",
  "openharmony",
  "sunos",
  "aix",
  "netbsd",
  "openbsd",
]);
const cpus = new Set(["x64", "arm64", "arm", "ia32", "ppc64", "s390x", "riscv64", "loong64", "mips64el"]);

export function inferPlatform(packageName: string): Platform | undefined {
  const parts = packageName.split("/").pop()?.split("-") ?? [];
  const at = parts.findIndex((part) => systems.has(part));
  if (at === -1 || !cpus.has(parts[at + 1] ?? "")) return undefined;
  const os = parts[at];
  const abi = parts[at + 2];
  return {
    os: [os],
    cpu: [parts[at + 1]],
    ...(os === "linux" && abi ? { libc: [abi.startsWith("musl") ? "musl" : "glibc"] } : {}),
  };
}
