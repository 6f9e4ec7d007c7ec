import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthesizeEnvironments } from "../../stacks/app";
import { loadEnvironmentText } from "../../model/load-environment";

const environment = `
name: crossing
tier: development
location: westeurope
naming: { prefix: contoso }
serviceBus:
  - name: orders
    sku: Standard
    queues:
      - name: device-events
eventHubs:
  - name: telemetry
    sku: Standard
    hubs:
      - name: raw
        partitions: 2
        retentionDays: 1
iotHub:
  - name: plants
    sku: S1
    routes:
      - name: raw
        source: DeviceMessages
        to: { eventHub: telemetry/raw }
eventGrid:
  systemTopics:
    - name: plant-devices
      source: { iotHub: plants }
      topicType: Microsoft.Devices.IoTHubs
      subscriptions:
        - name: lifecycle
          destination: { serviceBusQueue: orders/device-events }
`;

function synthesize(text: string): { resource: Record<string, Record<string, Record<string, unknown>>> } {
  const loaded = loadEnvironmentText(text, "crossing.yaml");
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors, null, 2));
  const outdir = mkdtempSync(join(tmpdir(), "crossing-"));
  try {
    synthesizeEnvironments([loaded.model], outdir);
    return JSON.parse(readFileSync(join(outdir, "stacks", "crossing", "cdk.tf.json"), "utf8"));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe("services that refer to each other in one stack", () => {
  it("builds a system topic on an IoT Hub declared in the same file", () => {
    const stack = synthesize(environment);
    const systemTopic = Object.values(stack.resource.azurerm_eventgrid_system_topic)[0];
    expect(systemTopic.source_resource_id ?? systemTopic.source_arm_resource_id).toMatch(
      /^\$\{azurerm_iothub\.[^.]+\.id\}$/,
    );
  });

  it("monitors the system topic along with the namespaces", () => {
    const stack = synthesize(environment);
    const scopes = Object.values(stack.resource.azurerm_monitor_metric_alert).flatMap(
      (a) => a.scopes as string[],
    );
    expect(scopes.some((s) => s.startsWith("${azurerm_eventgrid_system_topic."))).toBe(true);
  });
});
