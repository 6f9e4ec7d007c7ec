import type { Construct } from "constructs";
import { IotHub, IotHubEndpoint, IotHubEnrichment, IotHubRoute } from "../../../constructs/iot-hub";
import { fakeTarget } from "../event-grid/synth";
import { validationErrors } from "../synthesized";
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
    const errors = validationErrors((scope) => {
      const { hub, alarms } = routed(scope);
      new IotHubRoute(scope, "route", {
        hub,
        name: "alarms route",
        source: "DeviceMessages",
        endpoint: alarms,
      });
    });
    expect(errors).toEqual([
      'IoT Hub route alarms route: name: IoT Hub route name "alarms route" may contain only letters, numbers, periods, underscores and hyphens, but has " " at position 7',
    ]);
  });

  it("refuses a blank condition, which is no routing query", () => {
    const errors = validationErrors((scope) => {
      const { hub, alarms } = routed(scope);
      new IotHubRoute(scope, "route", {
        hub,
        name: "alarms",
        source: "DeviceMessages",
        condition: " ",
        endpoint: alarms,
      });
    });
    expect(errors).toEqual([expect.stringContaining("condition: condition must be a routing query")]);
  });

  it("refuses twin change events on a basic hub, which has no twins", () => {
    const errors = validationErrors((scope) => {
      const hub = new IotHub(scope, "hub", {
        name: "iot-contoso-plants-test",
        location: "westeurope",
        resourceGroupName: "rg-test",
        sku: "B1",
      });
      const endpoint = new IotHubEndpoint(scope, "twins", {
        hub,
        name: "twins",
        target: fakeTarget(scope, "eventHub", "telemetry/device-telemetry"),
      });
      new IotHubRoute(scope, "route", { hub, name: "twins", source: "TwinChangeEvents", endpoint });
    });
    expect(errors).toEqual([
      expect.stringContaining("source: source TwinChangeEvents does not apply to a B1 hub"),
    ]);
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
    const errors = validationErrors((scope) => {
      const { hub } = routed(scope);
      new IotHubEnrichment(scope, "enrichment", { hub, key: "site", value: "$twin.tags.site", routes: [] });
    });
    expect(errors).toEqual([
      "IoT Hub enrichment site: routes: routes must name at least one route, got none",
    ]);
  });

  it("refuses a key IoT Hub does not accept and a blank value, both at once", () => {
    const errors = validationErrors((scope) => {
      const { hub, telemetry } = routed(scope);
      const route = new IotHubRoute(scope, "r1", {
        hub,
        name: "telemetry",
        source: "DeviceMessages",
        endpoint: telemetry,
      });
      new IotHubEnrichment(scope, "enrichment", { hub, key: "site id", value: " ", routes: [route] });
    });
    expect(errors).toEqual([
      expect.stringContaining(
        'key: enrichment key must be 1-64 letters, digits, "-", "_" or ".", got "site id"',
      ),
      expect.stringContaining("value: enrichment value must be a literal"),
    ]);
  });
});
