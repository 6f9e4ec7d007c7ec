import { iotHubNameRules, RESERVED_ENDPOINT_NAME_CHECKS } from "../../azure/iot-hub";
import { synthesizableFiles } from "./helpers/synthesizable-files";
import { synthesizedStack } from "./helpers/synthesized";

const reserved: readonly string[] = iotHubNameRules.endpoint.reservedNames ?? [];

/** Every value at a dotted path, looking through blocks that are lists or single objects. */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  if (path.length === 0) return [value];
  if (typeof value !== "object" || value === null) return [];
  return valuesAt((value as Record<string, unknown>)[path[0]], path.slice(1));
}

/**
 * azurerm's IoTHubEndpointName refuses `events`, `operationsMonitoringEvents`, `fileNotifications`
 * and `$default` wherever it validates a name; a stack that puts one there fails
 * `terraform validate` (a fallback route resource naming `events` did, in every stack with a hub).
 */
describe.each(synthesizableFiles())("the stack of %s", (file) => {
  it("puts no reserved endpoint name where azurerm's IoTHubEndpointName validates one", () => {
    const json = synthesizedStack(file);
    const offending = RESERVED_ENDPOINT_NAME_CHECKS.flatMap(({ resource, path }) =>
      Object.entries(json.resource[resource] ?? {}).flatMap(([id, body]) =>
        valuesAt(body, path.split("."))
          .filter((name) => reserved.includes(String(name)))
          .map((name) => `${resource}.${id}.${path} = ${String(name)}`),
      ),
    );
    expect(offending).toEqual([]);
  });
});

describe("the reserved endpoint names", () => {
  it("are the four azurerm v4.55.0 reserves", () => {
    expect([...reserved].sort()).toEqual([
      "$default",
      "events",
      "fileNotifications",
      "operationsMonitoringEvents",
    ]);
  });

  it("are exercised: a shipped stack has a hub whose fallback route names the built-in endpoint", () => {
    const hubs = Object.values(synthesizedStack("environments/prod.yaml").resource.azurerm_iothub ?? {});
    expect(hubs.map((hub) => hub.fallback_route)).toEqual([
      expect.objectContaining({ endpoint_names: ["events"] }),
    ]);
  });
});
