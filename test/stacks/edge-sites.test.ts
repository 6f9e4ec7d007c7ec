import { TerraformStack, Testing } from "cdktf";
import { addEdgeSites } from "../../stacks/edge-sites";
import { EntityRegistry } from "../../stacks/entity-registry";
import type { Site } from "../../model/model";
import { addEventGrid } from "../../stacks/event-grid";
import { StackIds } from "../../stacks/ids/stack-ids";
import type { StackContext } from "../../stacks/stack-context";
import { environmentWithSites, siteModel } from "./helpers/edge-model";

interface Synthesized {
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly output: Record<string, { readonly value: Record<string, unknown> }>;
}

function build(sites: readonly Site[]): Synthesized {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  const model = environmentWithSites(sites);
  const ctx: StackContext = {
    scope: stack,
    model,
    resourceGroupName: "rg-test",
    resourceGroupId: "/subscriptions/0/resourceGroups/rg-test",
    location: "westeurope",
    logAnalyticsWorkspaceId: "/workspaces/log",
    entities: new EntityRegistry(),
    ids: new StackIds(model),
  };
  addEventGrid(ctx);
  addEdgeSites(ctx);
  return JSON.parse(Testing.synth(stack)) as Synthesized;
}

const broker = (json: Synthesized, child: string): Record<string, unknown>[] =>
  Object.values(json.resource.azapi_resource ?? {}).filter((r) =>
    String(r.type).startsWith(`Microsoft.EventGrid/namespaces/${child}@`),
  );

describe("addEdgeSites", () => {
  it("gives each site a topic space limited to its own topic tree", () => {
    const json = build([siteModel()]);
    expect(broker(json, "topicSpaces").find((r) => r.name === "site-plant-munich")).toMatchObject({
      body: { properties: { topicTemplates: ["sites/plant-munich/#"] } },
    });
  });

  it("selects the site's gateway by its site attribute", () => {
    const json = build([siteModel()]);
    expect(broker(json, "clientGroups").find((r) => r.name === "site-plant-munich")).toMatchObject({
      body: { properties: { query: "attributes.site = 'plant-munich'" } },
    });
  });

  it("lets the gateway publish and subscribe in its tree and nowhere else", () => {
    const json = build([siteModel()]);
    const bindings = broker(json, "permissionBindings").filter((r) =>
      String(r.name).startsWith("site-plant-munich"),
    );
    expect(bindings.map((r) => r.body)).toEqual([
      {
        properties: expect.objectContaining({
          clientGroupName: "site-plant-munich",
          topicSpaceName: "site-plant-munich",
          permission: "Publisher",
        }),
      },
      {
        properties: expect.objectContaining({
          clientGroupName: "site-plant-munich",
          topicSpaceName: "site-plant-munich",
          permission: "Subscriber",
        }),
      },
    ]);
  });

  it("emits the site's connection settings with the namespace's MQTT host", () => {
    const json = build([siteModel()]);
    expect(json.output.site_plant_munich.value).toMatchObject({
      mqttHost: "evgns-contoso-plant-mqtt-test.westeurope-1.ts.eventgrid.azure.net",
      port: 8883,
      topicPrefix: "sites/plant-munich",
      qos: 1,
      sessionExpiryHours: 1,
      offlineBufferHours: 72,
    });
  });

  it("tells a site whose buffer outlasts the broker's session which limit applies and what to do", () => {
    const json = build([siteModel()]);
    expect(json.output.site_plant_munich.value.cloudCoverage).toMatchObject({
      coveredHours: 1,
      coversBufferWindow: false,
      limit: expect.stringContaining("namespace plant-mqtt grants 1 hour (Azure allows at most 8)"),
      advice: expect.stringContaining(
        "keep its outbound messages locally for the full 72 hours and republish them on reconnect",
      ),
    });
  });
});
