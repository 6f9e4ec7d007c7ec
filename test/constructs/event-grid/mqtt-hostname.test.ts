import { Testing } from "cdktf";
import { mqttNamespace } from "./synth";

interface DataJson {
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
}

describe("EventGridNamespace.mqttHostname", () => {
  it("reads the broker's host name from the API, not from the documented format", () => {
    let hostname = "";
    const json = JSON.parse(
      Testing.synthScope((s) => {
        hostname = mqttNamespace(s, { mqttEnabled: true }).mqttHostname;
      }),
    ) as DataJson;
    expect(Object.values(json.data?.azapi_resource ?? {})).toEqual([
      expect.objectContaining({
        type: "Microsoft.EventGrid/namespaces@2025-02-15",
        resource_id: expect.stringMatching(/^\$\{azurerm_eventgrid_namespace\.[^.]+\.id\}$/),
        response_export_values: ["properties.topicSpacesConfiguration.hostname"],
      }),
    ]);
    expect(hostname).not.toContain("ts.eventgrid.azure.net");
  });

  it("reads it once however often it is asked for", () => {
    const json = JSON.parse(
      Testing.synthScope((s) => {
        const namespace = mqttNamespace(s, { mqttEnabled: true });
        expect(namespace.mqttHostname).toBe(namespace.mqttHostname);
      }),
    ) as DataJson;
    expect(Object.keys(json.data?.azapi_resource ?? {})).toHaveLength(1);
  });
});
