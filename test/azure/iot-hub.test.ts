import { iotHubEndpoints, iotHubNameRules } from "../../azure/iot-hub";
import {
  deviceProvisioningProblems,
  iotHubProblems,
  iotRouteProblems,
  storageEndpointProblems,
  type IotHubInput,
} from "../../azure/iot-hub-rules";
import { azureNameProblem } from "../../azure/name-rule";

const STORAGE =
  "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stcontosoroutes";
const fieldsOf = (hub: IotHubInput): string[] => iotHubProblems(hub).map((p) => p.field);
const list = <T>(count: number, make: (i: number) => T): T[] =>
  Array.from({ length: count }, (_, i) => make(i));

describe("iotHubProblems: units, partitions and retention", () => {
  it("accepts 200 units on S1 and refuses 201", () => {
    expect(fieldsOf({ sku: "S1", capacity: 200 })).toEqual([]);
    expect(iotHubProblems({ sku: "S1", capacity: 201 })).toEqual([
      { field: "capacity", message: "a S1 hub has at most 200 units, got 201" },
    ]);
  });

  it("accepts 10 units on B3 and refuses 11", () => {
    expect(fieldsOf({ sku: "B3", capacity: 10 })).toEqual([]);
    expect(fieldsOf({ sku: "B3", capacity: 11 })).toEqual(["capacity"]);
  });

  it("gives a free hub exactly one unit", () => {
    expect(fieldsOf({ sku: "F1", capacity: 1 })).toEqual([]);
    expect(iotHubProblems({ sku: "F1", capacity: 2 })).toEqual([
      { field: "capacity", message: "an F1 (free) hub has exactly 1 unit, got 2" },
    ]);
  });

  it("refuses zero units", () => {
    expect(iotHubProblems({ sku: "S1", capacity: 0 })).toEqual([
      { field: "capacity", message: "capacity must be a whole number of units, at least 1, got 0" },
    ]);
  });

  it("accepts 2 to 32 partitions", () => {
    expect(fieldsOf({ sku: "S1", partitions: 2 })).toEqual([]);
    expect(fieldsOf({ sku: "S1", partitions: 32 })).toEqual([]);
    expect(fieldsOf({ sku: "S1", partitions: 1 })).toEqual(["partitions"]);
    expect(fieldsOf({ sku: "S1", partitions: 33 })).toEqual(["partitions"]);
  });

  it("keeps messages one to seven days", () => {
    expect(fieldsOf({ sku: "S1", retentionDays: 7 })).toEqual([]);
    expect(iotHubProblems({ sku: "S1", retentionDays: 8 })).toEqual([
      { field: "retentionDays", message: "retentionDays must be a whole number from 1 to 7, got 8" },
    ]);
  });
});

describe("iotHubProblems: routing", () => {
  const route = { source: "DeviceMessages" };

  it("gives a paid hub ten routes, one custom endpoint each, and refuses the eleventh", () => {
    expect(fieldsOf({ sku: "S1", routes: list(10, () => route) })).toEqual([]);
    expect(fieldsOf({ sku: "S1", routes: list(11, () => route) })).toEqual(["routes"]);
  });

  it("gives a free hub one route", () => {
    expect(fieldsOf({ sku: "F1", routes: [route] })).toEqual([]);
    expect(fieldsOf({ sku: "F1", routes: [route, route] })).toEqual(["routes"]);
  });

  it("gives a paid hub ten enrichments and a free hub two", () => {
    const enrichment = (i: number): { key: string; value: string; routes: string[] } => ({
      key: `k${i}`,
      value: "v",
      routes: ["r"],
    });
    expect(fieldsOf({ sku: "S1", enrichments: list(10, enrichment) })).toEqual([]);
    expect(fieldsOf({ sku: "S1", enrichments: list(11, enrichment) })).toEqual(["enrichments"]);
    expect(fieldsOf({ sku: "F1", enrichments: list(2, enrichment) })).toEqual([]);
    expect(fieldsOf({ sku: "F1", enrichments: list(3, enrichment) })).toEqual(["enrichments"]);
  });

  it("refuses a second enrichment with the same key, at its key", () => {
    const enrichments = [
      { key: "site", value: "a", routes: ["r"] },
      { key: "site", value: "b", routes: ["r"] },
    ];
    expect(iotHubProblems({ name: "plants", sku: "S1", enrichments })).toEqual([
      {
        field: "enrichments/1/key",
        message: 'enrichment key "site" is already used on hub plants; keys must be unique',
      },
    ]);
  });

  it("accepts an enrichment key of 64 characters and refuses one of 65", () => {
    const enrichment = (key: string): IotHubInput => ({
      sku: "S1",
      enrichments: [{ key, value: "v", routes: ["r"] }],
    });
    expect(fieldsOf(enrichment("k".repeat(64)))).toEqual([]);
    expect(fieldsOf(enrichment("k".repeat(65)))).toEqual(["enrichments/0/key"]);
  });

  it("leaves room for 19 consumer groups besides $Default", () => {
    expect(fieldsOf({ sku: "S1", consumerGroups: list(19, (i) => `g${i}`) })).toEqual([]);
    expect(fieldsOf({ sku: "S1", consumerGroups: list(20, (i) => `g${i}`) })).toEqual(["consumerGroups"]);
  });

  it("refuses receivers, whom no IoT Hub role lets read device messages", () => {
    expect(fieldsOf({ sku: "S1", receivers: ["reader"] })).toEqual(["receivers"]);
  });
});

describe("iotRouteProblems", () => {
  it("refuses twin change events from a basic hub and accepts them from a standard one", () => {
    expect(iotRouteProblems({ source: "TwinChangeEvents" }, "B1").map((p) => p.field)).toEqual(["source"]);
    expect(iotRouteProblems({ source: "TwinChangeEvents" }, "S1")).toEqual([]);
  });

  it("accepts device lifecycle events from a basic hub", () => {
    expect(iotRouteProblems({ source: "DeviceLifecycleEvents" }, "B1")).toEqual([]);
  });

  it("places a storage target's problems under to/storageContainer", () => {
    const to = { storageContainer: { storageAccountId: STORAGE, container: "a" } };
    expect(iotRouteProblems({ source: "DeviceMessages", to }, "S1").map((p) => p.field)).toEqual([
      "to/storageContainer/container",
    ]);
  });
});

describe("storageEndpointProblems", () => {
  const target = { storageAccountId: STORAGE, container: "archive" };

  it("accepts batches every 60 to 720 seconds", () => {
    expect(storageEndpointProblems({ ...target, batchFrequencySeconds: 60 })).toEqual([]);
    expect(storageEndpointProblems({ ...target, batchFrequencySeconds: 720 })).toEqual([]);
    expect(storageEndpointProblems({ ...target, batchFrequencySeconds: 721 }).map((p) => p.field)).toEqual([
      "batchFrequencySeconds",
    ]);
  });

  it("accepts chunks of 10 MiB to 500 MiB", () => {
    expect(storageEndpointProblems({ ...target, maxChunkSizeBytes: 10485760 })).toEqual([]);
    expect(storageEndpointProblems({ ...target, maxChunkSizeBytes: 10485759 }).map((p) => p.field)).toEqual([
      "maxChunkSizeBytes",
    ]);
  });

  it("names every time token a blob name format lacks", () => {
    expect(
      storageEndpointProblems({ ...target, fileNameFormat: "{iothub}/{partition}/{YYYY}/{MM}" }),
    ).toEqual([{ field: "fileNameFormat", message: "fileNameFormat must contain {DD}, {HH}, {mm}" }]);
  });
});

describe("iotHubProblems: message settings", () => {
  it("refuses cloud-to-device settings on a basic hub, at cloudToDevice", () => {
    expect(fieldsOf({ sku: "B2", cloudToDevice: { maxDeliveryCount: 5 } })).toEqual(["cloudToDevice"]);
  });

  it("accepts a cloud-to-device TTL of two days and refuses a second more", () => {
    expect(fieldsOf({ sku: "S1", cloudToDevice: { defaultTtl: "P2D" } })).toEqual([]);
    expect(fieldsOf({ sku: "S1", cloudToDevice: { defaultTtl: "P2DT1S" } })).toEqual([
      "cloudToDevice/defaultTtl",
    ]);
  });

  it("accepts a feedback lock of 300 seconds and refuses 301", () => {
    expect(fieldsOf({ sku: "S1", cloudToDevice: { feedback: { lockDuration: "PT300S" } } })).toEqual([]);
    expect(fieldsOf({ sku: "S1", cloudToDevice: { feedback: { lockDuration: "PT301S" } } })).toEqual([
      "cloudToDevice/feedback/lockDuration",
    ]);
  });

  it("accepts a file-upload SAS lifetime of a day and refuses a minute more", () => {
    const upload = { storageAccountId: STORAGE, container: "uploads" };
    expect(fieldsOf({ sku: "S1", fileUpload: { ...upload, sasTtl: "P1D" } })).toEqual([]);
    expect(fieldsOf({ sku: "S1", fileUpload: { ...upload, sasTtl: "P1DT1M" } })).toEqual([
      "fileUpload/sasTtl",
    ]);
  });

  it("refuses 101 delivery attempts of a file notification", () => {
    const upload = { storageAccountId: STORAGE, container: "uploads", maxDeliveryCount: 101 };
    expect(fieldsOf({ sku: "S1", fileUpload: upload })).toEqual(["fileUpload/maxDeliveryCount"]);
  });
});

describe("IoT Hub's shared interfaces", () => {
  it("offers private endpoints on every tier but the free one", () => {
    expect(fieldsOf({ sku: "B1", privateEndpoint: true })).toEqual([]);
    expect(fieldsOf({ sku: "F1", privateEndpoint: true })).toEqual(["privateEndpoint"]);
  });

  it("offers local auth, IP rules and user-assigned identities", () => {
    expect(
      fieldsOf({
        sku: "S1",
        localAuth: true,
        publicNetworkAccess: true,
        allowedIpRanges: ["203.0.113.0/24"],
        userAssignedIdentityIds: ["/identities/a"],
      }),
    ).toEqual([]);
  });

  it("offers neither customer-managed keys nor a trusted-services exception", () => {
    expect(fieldsOf({ sku: "S3", customerManagedKey: true, trustedServicesAllowed: true })).toEqual([
      "customerManagedKey",
      "trustedServicesAllowed",
    ]);
  });
});

describe("deviceProvisioningProblems", () => {
  it("accepts 200 units and refuses 201", () => {
    expect(deviceProvisioningProblems({ capacity: 200 })).toEqual([]);
    expect(deviceProvisioningProblems({ capacity: 201 })).toEqual([
      { field: "capacity", message: "a Device Provisioning Service has at most 200 units, got 201" },
    ]);
  });

  it("refuses a local-auth setting, which the service does not have", () => {
    expect(deviceProvisioningProblems({ localAuth: false }).map((p) => p.field)).toEqual(["localAuth"]);
  });
});

describe("IoT Hub's names and addresses", () => {
  it("reserves the built-in endpoint names in any letter case", () => {
    expect(azureNameProblem(iotHubNameRules.endpoint, "Events")).toBe(
      'must not be "events" (Azure reserves it)',
    );
    expect(azureNameProblem(iotHubNameRules.endpoint, "$Default")).toContain("may contain only");
  });

  it("addresses the hub on azure-devices.net per protocol", () => {
    expect(iotHubEndpoints("iot-plants").map((e) => e.url)).toEqual([
      "iot-plants.azure-devices.net:8883",
      "amqps://iot-plants.azure-devices.net",
      "wss://iot-plants.azure-devices.net/$iothub/websocket",
      "https://iot-plants.azure-devices.net/",
    ]);
  });
});
