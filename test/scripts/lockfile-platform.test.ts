import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inferPlatform } from "../../scripts/lockfile/platform";

describe("platform of an optional native package, from its name", () => {
  it("reads os and cpu of a macOS build", () => {
    expect(inferPlatform("@swc/core-darwin-arm64")).toEqual({ os: ["darwin"], cpu: ["arm64"] });
  });

  it("reads the C library of a Linux build", () => {
    expect(inferPlatform("@unrs/resolver-binding-linux-arm-musleabihf")).toEqual({
      os: ["linux"],
      cpu: ["arm"],
      libc: ["musl"],
    });
    expect(inferPlatform("@swc/core-linux-s390x-gnu")).toEqual({
      os: ["linux"],
      cpu: ["s390x"],
      libc: ["glibc"],
    });
  });

  it("ignores the ABI suffix outside Linux", () => {
    expect(inferPlatform("@swc/core-win32-ia32-msvc")).toEqual({ os: ["win32"], cpu: ["ia32"] });
  });

  it("refuses a name that names no platform", () => {
    expect(inferPlatform("@swc/core-universal")).toBeUndefined();
  });

  it("finds that every declared platform package of the lock is present, so npm ci accepts it", () => {
    const lock = JSON.parse(readFileSync(join(__dirname, "..", "..", "package-lock.json"), "utf8")) as {
      packages: Record<string, { optionalDependencies?: Record<string, string> }>;
    };
    const missing = Object.entries(lock.packages).flatMap(([path, pkg]) =>
      Object.keys(pkg.optionalDependencies ?? {}).filter(
        (name) => !lock.packages[`node_modules/${name}`] && !lock.packages[`${path}/node_modules/${name}`],
      ),
    );
    expect(missing).toEqual([]);
  });
});
