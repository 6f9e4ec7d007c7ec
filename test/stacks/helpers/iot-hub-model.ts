import type { EnvironmentModel, IotHub, IotRoute } from "../../../model/model";
import { namespaceDefaults, source } from "./model-defaults";
import { environmentWith } from "./service-bus-model";

/**
 * Hand-built IoT Hub models for stack tests, shaped like the resolver's output for prod.yaml's
 * `plants` hub: every default applied.
 */

export function routeModel(overrides: Partial<IotRoute> & { name: string }): IotRoute {
  return {
    messageSource: "DeviceMessages",
    condition: "true",
    target: { kind: "eventHub", namespace: "telemetry", entity: "device-telemetry" },
    endpointName: overrides.name,
    enabled: true,
    source: source(`/iotHub/0/routes/${overrides.name}`),
    ...overrides,
  };
}

export function hubModel(overrides: Partial<IotHub> = {}): IotHub {
  return {
    name: "plants",
    azureName: "iot-contoso-plants-test",
    source: source("/iotHub/0"),
    ...namespaceDefaults(),
    publicNetworkAccess: false,
    sku: "S1",
    capacity: 2,
    partitions: 4,
    retentionDays: 1,
    routes: [
      routeModel({ name: "telemetry", condition: "$body.type = 'telemetry'" }),
      routeModel({
        name: "alarms",
        condition: "$body.severity = 'critical'",
        target: { kind: "serviceBusQueue", namespace: "orders", entity: "payments" },
      }),
    ],
    fallbackRoute: true,
    enrichments: [
      {
        key: "site",
        value: "$twin.tags.site",
        routes: ["telemetry"],
        source: source("/iotHub/0/enrichments/0"),
      },
    ],
    consumerGroups: ["operations"],
    cloudToDevice: {
      maxDeliveryCount: 10,
      defaultTtl: "PT1H",
      feedback: { timeToLive: "PT1H", maxDeliveryCount: 10, lockDuration: "PT1M" },
    },
    deviceProvisioning: {
      azureName: "provs-contoso-plants-test",
      allocationPolicy: "Hashed",
      capacity: 1,
      dataResidency: false,
    },
    ...overrides,
  };
}

export function environmentWithIotHub(iotHub: readonly IotHub[]): EnvironmentModel {
  return { ...environmentWith([]), iotHub };
}
