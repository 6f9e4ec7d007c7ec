import { iotHubNameRules } from "../../azure/iot-hub";
import { nameProblemOf as azureNameProblem } from "../../azure/name-rules";
import { serviceBusNameRules } from "../../azure/service-bus";
import { checkAzureNames } from "../../model/semantic/azure-names";
import { devHeader, diagnosticsOf, messagesOf } from "./helpers/semantic";

describe("Azure's name rules", () => {
  it("accepts a Service Bus namespace of exactly 50 characters", () => {
    expect(azureNameProblem(serviceBusNameRules.namespace, `a${"b".repeat(48)}c`)).toBeUndefined();
  });

  it("requires a namespace to start with a letter", () => {
    expect(azureNameProblem("eventHubsNamespace", "1contoso")).toBe("must start with a letter");
  });

  it("refuses a Service Bus namespace ending in -mgmt", () => {
    expect(azureNameProblem(serviceBusNameRules.namespace, "contoso-mgmt")).toBe(
      'must not end with "-mgmt" (Azure reserves it)',
    );
  });

  it("refuses an IoT hub ending in a hyphen", () => {
    expect(azureNameProblem(iotHubNameRules.hub, "plants-")).toBe("must end with a letter or number");
  });

  it("refuses an Event Grid topic shorter than 3 characters", () => {
    expect(azureNameProblem("eventGridTopic", "ab")).toBe("must be at least 3 characters (it is 2)");
  });

  it("refuses uppercase letters in a storage account", () => {
    expect(azureNameProblem("storageAccount", "stContoso")).toContain('but has "C" at position 3');
  });

  it("refuses a resource group ending in a period", () => {
    expect(azureNameProblem("resourceGroup", "rg-contoso.")).toBe(
      "must end with a character other than a period",
    );
  });
});

describe("the Azure names an environment produces", () => {
  it("checks the name after the naming convention, pointing at the logical name", () => {
    const text = `${devHeader}serviceBus:\n  - name: ${"x".repeat(45)}\n    sku: Standard\n`;
    const [error] = diagnosticsOf(checkAzureNames, text);
    expect(error.path).toBe("serviceBus[0].name");
    expect(error.message).toBe(
      `Azure name "sbns-contoso-${"x".repeat(45)}-dev" for serviceBus[0] must be at most 50 characters (it is 62): shorten the name or prefix, or set resourceName`,
    );
  });

  it("asks to change resourceName when that is where the name comes from", () => {
    const text = `${devHeader}relay:\n  - { name: bridge, resourceName: brid }\n`;
    const [error] = diagnosticsOf(checkAzureNames, text);
    expect(error.path).toBe("relay[0].resourceName");
    expect(error.message).toBe(
      'Azure name "brid" for relay[0] must be at least 6 characters (it is 4): change resourceName',
    );
  });

  it("checks the geo-disaster-recovery pair of a Premium namespace", () => {
    const text = `${devHeader}secondaryLocation: northeurope\nserviceBus:\n  - { name: orders, resourceName: ${"a".repeat(48)}z, sku: Premium, geoDisasterRecovery: true }\n`;
    expect(messagesOf(checkAzureNames, text)).toEqual([
      expect.stringContaining(
        "for the geo-disaster-recovery secondary of serviceBus[0] must be at most 50 characters",
      ),
      expect.stringContaining(
        "for the geo-disaster-recovery alias of serviceBus[0] must be at most 50 characters",
      ),
    ]);
  });

  it("names the custom endpoint when a route uses a reserved endpoint name", () => {
    const text = `${devHeader}iotHub:\n  - name: plants\n    sku: S1\n    routes:\n      - { name: fileNotifications, source: DeviceMessages, to: { eventHub: t/h } }\n`;
    expect(messagesOf(checkAzureNames, text)).toEqual([
      expect.stringContaining('(also the name of its custom endpoint) must not be "fileNotifications"'),
    ]);
  });
});
