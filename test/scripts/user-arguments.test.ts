import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { userArguments } from "../../scripts/cli/user-arguments";

const root = join(__dirname, "..", "..");
const scripts = (
  JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
).scripts;

describe("command-line arguments", () => {
  it("drops the separator the npm scripts put before the user's arguments", () => {
    expect(userArguments(["--", "--env-file", "environments/prod.yaml"])).toEqual([
      "--env-file",
      "environments/prod.yaml",
    ]);
    expect(userArguments(["--env", "prod"])).toEqual(["--env", "prod"]);
  });

  it.each(
    Object.entries(scripts).filter(([, command]) => /^tsx scripts\/(?!complete-lockfile)/.test(command)),
  )(
    "ends the npm script %s with --, so Node 20 never reads --env-file as its own option",
    (_name, command) => {
      expect(command).toMatch(/ --$/);
    },
  );

  it("reports a missing --env-file as the command's own usage error, exit 2", () => {
    const run = spawnSync(
      "npm",
      [
        "run",
        "--silent",
        "plan-guard",
        "--",
        "test/fixtures/plans/no-op.json",
        "--env-file",
        "no/such/file.yaml",
      ],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("plan-guard: no environment file at no/such/file.yaml");
  });
});
