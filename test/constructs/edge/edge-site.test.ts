import { Testing } from "cdktf";
import type { Construct } from "constructs";
import { EdgeSite, type EdgeSiteProps } from "../../../constructs/edge";
import { validationErrors } from "../synthesized";

const props: EdgeSiteProps = {
  siteName: "plant-munich",
  namespaceResourceId:
    "/subscriptions/0/resourceGroups/rg-test/providers/Microsoft.EventGrid/namespaces/evgns-contoso-plant-test",
  namespaceName: "evgns-contoso-plant-test",
  mqttHostname: "evgns-contoso-plant-test.westeurope-1.ts.eventgrid.azure.net",
  clientAuthenticationName: "plant-munich",
  topicPrefix: "sites/plant-munich",
  qos: 1,
  sessionExpiryHours: 2,
  offlineBufferHours: 2,
};

interface Outputs {
  readonly output: Record<string, { readonly value: Record<string, unknown>; readonly description?: string }>;
}

const outputsOf = (build: (scope: Construct) => void): Outputs =>
  JSON.parse(Testing.synthScope(build)) as Outputs;
const site = (scope: Construct, overrides: Partial<EdgeSiteProps> = {}): EdgeSite =>
  new EdgeSite(scope, "site", { ...props, ...overrides });

describe("EdgeSite", () => {
  it("emits one output named after the site with the gateway's connection settings, at the host it is given", () => {
    const json = outputsOf((scope) => site(scope));
    expect(json.output.site_plant_munich.value).toMatchObject({
      site: "plant-munich",
      mqttHost: "evgns-contoso-plant-test.westeurope-1.ts.eventgrid.azure.net",
      port: 8883,
      clientAuthenticationName: "plant-munich",
      topicPrefix: "sites/plant-munich",
      qos: 1,
      sessionExpiryHours: 2,
      offlineBufferHours: 2,
    });
  });

  it("reports the window as covered when the session outlasts it", () => {
    const json = outputsOf((scope) => site(scope));
    expect(json.output.site_plant_munich.value.cloudCoverage).toMatchObject({
      coveredHours: 2,
      coversBufferWindow: true,
      advice: "",
    });
  });

  it("tells the site to store and forward when its window outlasts the session", () => {
    const json = outputsOf((scope) => site(scope, { offlineBufferHours: 12 }));
    expect(json.output.site_plant_munich.value.cloudCoverage).toMatchObject({
      coveredHours: 2,
      coversBufferWindow: false,
      advice: expect.stringContaining("keep its outbound messages locally for the full 12 hours"),
    });
  });

  it("passes on the coverage it is given", () => {
    const cloudCoverage = {
      coveredHours: 1,
      coversBufferWindow: false,
      limit: "session expiry of 1 hour",
      advice: "republish on reconnect",
    };
    const json = outputsOf((scope) => site(scope, { cloudCoverage }));
    expect(json.output.site_plant_munich.value.cloudCoverage).toEqual(cloudCoverage);
  });

  it("refuses a session expiry beyond the broker's 8 hours", () => {
    expect(validationErrors((scope) => site(scope, { sessionExpiryHours: 9 }))).toEqual([
      "edge site plant-munich: sessionExpiryHours: sessionExpiryHours must be a whole number from 1 to 8, got 9",
    ]);
  });

  it("refuses QoS 2, which the broker does not support", () => {
    const invalid = { qos: 2 } as unknown as Partial<EdgeSiteProps>;
    expect(validationErrors((scope) => site(scope, invalid))).toEqual([
      expect.stringContaining("qos: qos must be 0 or 1"),
    ]);
  });

  it("refuses a topic prefix with a wildcard", () => {
    expect(validationErrors((scope) => site(scope, { topicPrefix: "sites/+" }))).toEqual([
      expect.stringContaining('topicPrefix: topicPrefix must be a topic path without "+" or "#"'),
    ]);
  });

  it("refuses an empty client authentication name", () => {
    expect(validationErrors((scope) => site(scope, { clientAuthenticationName: " " }))).toEqual([
      'edge site plant-munich: clientAuthenticationName: clientAuthenticationName must not be empty, got ""',
    ]);
  });
});
