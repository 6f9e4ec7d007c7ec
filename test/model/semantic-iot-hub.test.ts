import { checkIotHubs } from "../../model/semantic/iot-hub";
import { devHeader, diagnosticsOf, messagesOf } from "./helpers/semantic";

const route = (name: string): string =>
  `      - { name: ${name}, source: DeviceMessages, to: { eventHub: telemetry/device-telemetry } }\n`;

function hub(fields: string, routes: readonly string[] = ["telemetry"]): string {
  return `${devHeader}iotHub:\n  - name: plants\n${fields}    routes:\n${routes.map(route).join("")}`;
}

const sku = (name: string): string => `    sku: ${name}\n`;

describe("IoT Hub semantic checks", () => {
  it("accepts prod.yaml's hub", () => {
    expect(
      messagesOf(
        checkIotHubs,
        hub(
          `${sku("S1")}    capacity: 2\n    partitions: 4\n    enrichments:\n      - { key: site, value: "$twin.tags.site", routes: [telemetry] }\n`,
        ),
      ),
    ).toEqual([]);
  });

  it("refuses a second unit on a free hub", () => {
    expect(messagesOf(checkIotHubs, hub(`${sku("F1")}    capacity: 2\n`))).toEqual([
      "an F1 (free) hub has exactly 1 unit, got 2",
    ]);
  });

  it("refuses more than 10 units on an S3 hub", () => {
    expect(messagesOf(checkIotHubs, hub(`${sku("S3")}    capacity: 11\n`))).toEqual([
      "a S3 hub has at most 10 units, got 11",
    ]);
  });

  it("refuses more than 32 partitions, at the partitions field", () => {
    const [problem] = diagnosticsOf(checkIotHubs, hub(`${sku("S1")}    partitions: 33\n`));
    expect(problem).toMatchObject({
      path: "iotHub[0].partitions",
      message: expect.stringContaining("at most 32 partitions"),
    });
  });

  it("refuses an eleventh route on a paid hub, since each route needs a custom endpoint", () => {
    const routes = Array.from({ length: 11 }, (_, i) => `r${i}`);
    expect(messagesOf(checkIotHubs, hub(sku("S1"), routes))).toEqual([
      "a paid hub has at most 10 custom endpoints, and each route needs one; got 11 routes",
    ]);
  });

  it("refuses a second route on a free hub", () => {
    expect(messagesOf(checkIotHubs, hub(sku("F1"), ["a", "b"]))).toEqual([
      "a free (F1) hub has at most 1 custom endpoints, and each route needs one; got 2 routes",
    ]);
  });

  it("refuses an eleventh enrichment on a paid hub", () => {
    const enrichments = Array.from(
      { length: 11 },
      (_, i) => `      - { key: k${i}, value: v, routes: [telemetry] }\n`,
    ).join("");
    expect(messagesOf(checkIotHubs, hub(`${sku("S1")}    enrichments:\n${enrichments}`))).toEqual([
      "a paid hub has at most 10 message enrichments, got 11",
    ]);
  });

  it("refuses a third enrichment on a free hub", () => {
    const enrichments = Array.from(
      { length: 3 },
      (_, i) => `      - { key: k${i}, value: v, routes: [telemetry] }\n`,
    ).join("");
    expect(messagesOf(checkIotHubs, hub(`${sku("F1")}    enrichments:\n${enrichments}`))).toEqual([
      "a free (F1) hub has at most 2 message enrichments, got 3",
    ]);
  });

  it("refuses two enrichments with the same key", () => {
    const enrichments = `      - { key: site, value: a, routes: [telemetry] }\n      - { key: site, value: b, routes: [telemetry] }\n`;
    expect(messagesOf(checkIotHubs, hub(`${sku("S1")}    enrichments:\n${enrichments}`))).toEqual([
      'enrichment key "site" is already used on hub plants; keys must be unique',
    ]);
  });

  it("refuses an enrichment key IoT Hub does not accept", () => {
    const enrichments = `      - { key: "site id", value: a, routes: [telemetry] }\n`;
    expect(messagesOf(checkIotHubs, hub(`${sku("S1")}    enrichments:\n${enrichments}`))).toEqual([
      'enrichment key must be 1-64 letters, digits, "-", "_" or ".", got "site id"',
    ]);
  });

  it("refuses cloud-to-device settings on a basic hub", () => {
    expect(messagesOf(checkIotHubs, hub(`${sku("B2")}    cloudToDevice: { maxDeliveryCount: 5 }\n`))).toEqual(
      [
        "cloudToDevice does not apply to a B2 hub: the basic tier has no cloud-to-device messaging (choose S1-S3 or remove cloudToDevice)",
      ],
    );
  });

  it("refuses a cloud-to-device TTL beyond two days", () => {
    const [problem] = diagnosticsOf(
      checkIotHubs,
      hub(`${sku("S1")}    cloudToDevice: { defaultTtl: P3D }\n`),
    );
    expect(problem).toMatchObject({
      path: "iotHub[0].cloudToDevice.defaultTtl",
      message: expect.stringContaining("between 15 minutes and 2 days"),
    });
  });

  it("refuses a feedback lock longer than 300 seconds", () => {
    const [problem] = diagnosticsOf(
      checkIotHubs,
      hub(`${sku("S1")}    cloudToDevice: { feedback: { lockDuration: PT10M } }\n`),
    );
    expect(problem).toMatchObject({
      path: "iotHub[0].cloudToDevice.feedback.lockDuration",
      message: expect.stringContaining("between 5 seconds and 5 minutes"),
    });
  });

  it("refuses a file-upload SAS lifetime beyond a day", () => {
    const upload =
      "    fileUpload: { storageAccountId: /subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stcontoso, container: uploads, sasTtl: P2D }\n";
    const [problem] = diagnosticsOf(checkIotHubs, hub(`${sku("S1")}${upload}`));
    expect(problem).toMatchObject({
      path: "iotHub[0].fileUpload.sasTtl",
      message: expect.stringContaining("between 1 minute and 1 day"),
    });
  });

  it("refuses a blob name format without the time tokens", () => {
    const storage =
      "      - { name: archive, source: DeviceMessages, to: { storageContainer: { storageAccountId: /subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stcontoso, container: archive, fileNameFormat: '{iothub}/{partition}/{YYYY}' } } }\n";
    const text = `${devHeader}iotHub:\n  - name: plants\n${sku("S1")}    routes:\n${storage}`;
    expect(messagesOf(checkIotHubs, text)).toEqual(["fileNameFormat must contain {MM}, {DD}, {HH}, {mm}"]);
  });

  it("refuses a twentieth consumer group besides $Default", () => {
    const groups = Array.from({ length: 20 }, (_, i) => `g${i}`).join(", ");
    expect(messagesOf(checkIotHubs, hub(`${sku("S1")}    consumerGroups: [${groups}]\n`))).toEqual([
      "a hub has at most 20 consumer groups on its built-in endpoint, $Default included; got 20 more",
    ]);
  });

  it("refuses receivers, since no IoT Hub role reads device messages", () => {
    const [problem] = diagnosticsOf(checkIotHubs, hub(`${sku("S1")}    receivers: [orders-api]\n`));
    expect(problem).toMatchObject({
      path: "iotHub[0].receivers",
      message: expect.stringContaining("route them to an event hub or queue"),
    });
  });

  it("refuses more than 200 Device Provisioning Service units", () => {
    expect(messagesOf(checkIotHubs, hub(`${sku("S1")}    deviceProvisioning: { capacity: 201 }\n`))).toEqual([
      "a Device Provisioning Service has at most 200 units, got 201",
    ]);
  });
});

describe("IoT Hub's shared options", () => {
  it("refuses a private endpoint on a free hub, which has none, at the field", () => {
    const [problem] = diagnosticsOf(checkIotHubs, hub(`${sku("F1")}    privateEndpoint: true\n`));
    expect(problem).toMatchObject({
      path: "iotHub[0].privateEndpoint",
      message:
        "a private endpoint needs a basic or standard SKU (B1-B3 or S1-S3); this IoT hub (F1) has none",
    });
  });

  it("accepts a private endpoint on a basic hub", () => {
    expect(messagesOf(checkIotHubs, hub(`${sku("B1")}    privateEndpoint: true\n`))).toEqual([]);
  });

  it("refuses trustedServicesAllowed either way, since the hub's IP filter has no such exception", () => {
    expect(diagnosticsOf(checkIotHubs, hub(`${sku("S1")}    trustedServicesAllowed: false\n`))).toEqual([
      expect.objectContaining({
        path: "iotHub[0].trustedServicesAllowed",
        message: expect.stringContaining("which IoT Hub's IP filter lacks"),
      }),
    ]);
  });

  it("refuses a blank enrichment value", () => {
    const enrichments = `      - { key: site, value: " ", routes: [telemetry] }\n`;
    expect(diagnosticsOf(checkIotHubs, hub(`${sku("S1")}    enrichments:\n${enrichments}`))).toEqual([
      expect.objectContaining({ path: "iotHub[0].enrichments[0].value" }),
    ]);
  });
});
