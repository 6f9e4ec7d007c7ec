import type { Construct } from "constructs";
import { IotHub, IotHubEndpoint, IotHubEnrichment, IotHubRoute } from "../../../constructs/iot-hub";
import { fakeTarget } from "../event-grid/synth";
import { onlyResource, synth } from "../synthesized";

interface Routed {
  readonly hub: IotHub;
  readonly telemetry: IotHubEndpoint;
  readonly alarms: IotHubEndpoint;
}

function routed(scope: Construct): Routed {
  const hub = new IotHub(scope, "hub", {
    name: "iot-contoso-plants-test",
    location: "westeurope",
    resourceGroupName: "rg-test",
    sku: "S1",
  });
  const telemetry = new IotHubEndpoint(scope, "telemetry", {
    hub,
    name: "telemetry",
    target: fakeTarget(scope, "eventHub", "telemetry/device-telemetry"),
  });
  const alarms = new IotHubEndpoint(scope, "alarms", {
    hub,
    name: "alarms",
    target: fakeTarget(scope, "serviceBusQueue", "orders/payments"),
  });
  return { hub, telemetry, alarms };
}

describe("IotHubRoute", () => {
  it("routes a source through its condition to the endpoint, by reference so the endpoint exists first", () => {
    const json = synth((scope) => {
      const { hub, telemetry } = routed(scope);
      new IotHubRoute(scope, "route", {
        hub,
        name: "telemetry",
        source: "DeviceMessages",
        condition: "$body.type = 'telemetry'",
        endpoint: telemetry,
      });
    });
    expect(onlyResource(json, "azurerm_iothub_route")).toMatchObject({
      name: "telemetry",
      source: "DeviceMessages",
      condition: "$body.type = 'telemetry'",
      endpoint_names: [expect.stringMatching(/^\$\{azurerm_iothub_endpoint_eventhub\.[^}]+\.name\}$/)],
      enabled: true,
    });
  });

  it("takes every message of its source when no condition is given", () => {
    const json = synth((scope) => {
      const { hub, alarms } = routed(scope);
      new IotHubRoute(scope, "route", {
        hub,
        name: "lifecycle",
        source: "DeviceLifecycleEvents",
        endpoint: alarms,
      });
    });
    expect(onlyResource(json, "azurerm_iothub_route").condition).toBe("true");
  });

  it("refuses a name IoT Hub does not accept", () => {
    expect(() =>
      synth((scope) => {
        const { hub, alarms } = routed(scope);
        new IotHubRoute(scope, "route", {
          hub,
          name: "alarms route",
          source: "DeviceMessages",
          endpoint: alarms,
        });
      }),
    ).toThrow('route name must be 1-64 letters, digits, "-", "_" or ".", got "alarms route"');
  });
});

describe("IotHubEnrichment", () => {
  it("stamps the property on messages bound for the named routes' endpoints", () => {
    const json = synth((scope) => {
      const { hub, telemetry, alarms } = routed(scope);
      const routes = [
        new IotHubRoute(scope, "r1", {
          hub,
          name: "telemetry",
          source: "DeviceMessages",
          endpoint: telemetry,
        }),
        new IotHubRoute(scope, "r2", { hub, name: "alarms", source: "DeviceMessages", endpoint: alarms }),
      ];
      new IotHubEnrichment(scope, "enrichment", { hub, key: "site", value: "$twin.tags.site", routes });
    });
    expect(onlyResource(json, "azurerm_iothub_enrichment")).toMatchObject({
      key: "site",
      value: "$twin.tags.site",
      endpoint_names: [
        expect.stringMatching(/azurerm_iothub_endpoint_eventhub\..+\.name/),
        expect.stringMatching(/azurerm_iothub_endpoint_servicebus_queue\..+\.name/),
      ],
    });
  });

  it("refuses an enrichment that names no route", () => {
    expect(() =>
      synth((scope) => {
        const { hub } = routed(scope);
        new IotHubEnrichment(scope, "enrichment", { hub, key: "site", value: "$twin.tags.site", routes: [] });
      }),
    ).toThrow("enrichment site: routes must name at least one route, got none");
  });
});
