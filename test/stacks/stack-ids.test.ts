import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TerraformOutput } from "cdktf";
import { loadEnvironmentFile } from "../../model/load-environment";
import { synthesizeEnvironments } from "../../stacks/app";
import { fixedStackChildren } from "../../stacks/ids/stack-children";
import { MessagingStack } from "../../stacks/messaging-stack";

/** Construct IDs the stack makes from names in the file, by the prefix each kind's IDs start with. */
const nameMadePrefixes = [
  "service-bus-",
  "event-hubs-",
  "relay-",
  "iot-hub-",
  "event-grid-topic-",
  "event-grid-system-topic-",
  "event-grid-namespace-",
  "event-grid-mqtt-route-",
  "event-subscription-",
  "edge-site-",
  "event-grid-dead-letter-container-",
  "logic-app-",
  "stream-analytics-",
];

/** The construct IDs of the stack's direct children (outputs aside) for each environment file. */
function childIds(file: string): string[] {
  const loaded = loadEnvironmentFile(file, { today: new Date("2026-11-23T00:00:00Z") });
  if (!loaded.ok) throw new Error(`${file} is invalid`);
  const outdir = mkdtempSync(join(tmpdir(), "stack-ids-"));
  try {
    const app = synthesizeEnvironments([loaded.model], outdir);
    const stack = app.node.children.find((child): child is MessagingStack => child instanceof MessagingStack);
    if (!stack) throw new Error("no stack was synthesized");
    return stack.node.children
      .filter((child) => !(child instanceof TerraformOutput))
      .map((child) => child.node.id);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe("the stack's fixed construct IDs", () => {
  const made = ["environments/dev.yaml", "environments/prod.yaml"].flatMap(childIds);

  it("are all in the list the IDs made from names step around", () => {
    const fixed = made.filter((id) => !nameMadePrefixes.some((prefix) => id.startsWith(prefix)));
    expect(fixed.filter((id) => !fixedStackChildren.includes(id))).toEqual([]);
  });

  it("are all still made by the stack (between the two environments)", () => {
    expect(fixedStackChildren.filter((id) => !made.includes(id))).toEqual([]);
  });
});

describe("construct IDs of logic apps", () => {
  it("stay apart when one app's name ends like another app's alert or connection", () => {
    // `a`'s failed-runs alert and API connection would take the IDs `a-failed-runs`'s workflow makes.
    const dev = readFileSync("environments/dev.yaml", "utf8");
    const app = dev.slice(dev.indexOf("logicApps:\n") + "logicApps:\n".length);
    const text = `${dev.slice(0, dev.indexOf("logicApps:\n"))}logicApps:\n${app.replace(/order-relay/g, "a")}${app.replace(
      /order-relay/g,
      "a-failed-runs",
    )}`;
    const dir = mkdtempSync(join(tmpdir(), "stack-ids-apps-"));
    try {
      cpSync(join("environments", "workflows"), join(dir, "workflows"), { recursive: true });
      writeFileSync(join(dir, "dev.yaml"), text);
      const ids = childIds(join(dir, "dev.yaml"));
      expect(ids.filter((id) => id.startsWith("logic-app-"))).toHaveLength(6);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
