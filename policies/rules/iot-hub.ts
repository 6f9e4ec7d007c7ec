import { IOT_HUB_SKUS, iotHubCapabilities } from "../../azure/iot-hub";
import type { Rule } from "../engine/rule";
import type { TerraformResource } from "../engine/stack-index";
import { isJsonObject } from "../engine/terraform-json";
import { iotHub as kind } from "./controls/namespace-kinds";
import { equalsText, isFalse } from "./controls/setting";
import * as build from "./namespace-rules";

/** Whether the hub's SKU has private endpoints at all (not the free tier); an unreadable SKU is held to them. */
function offersPrivateLink(hub: TerraformResource): boolean {
  const sku = isJsonObject(hub.body.sku) ? hub.body.sku.name : undefined;
  const known = IOT_HUB_SKUS.find((name) => name === sku);
  return known === undefined || iotHubCapabilities(known).privateEndpoint === true;
}

// Anchors: Checkov IoTNoPublicNetworkAccess.py; Azure Policy built-ins in
// Azure/azure-policy built-in-policies/policyDefinitions/Internet of Things.
export const iotHubRules: readonly Rule[] = [
  build.localAuthRule({
    id: "IOT-LOCAL-AUTH",
    kind,
    check: {
      attribute: "local_authentication_enabled",
      armProperty: "disableLocalAuth",
      complies: isFalse,
      problem: "accepts shared access policies for service APIs (local_authentication_enabled is not false)",
    },
    anchors: {
      checkov: [],
      azurePolicy: ["Azure IoT Hub should have local authentication methods disabled for Service Apis"],
    },
  }),
  build.publicNetworkRule({
    id: "IOT-PUBLIC-NETWORK",
    kind,
    check: {
      attribute: "public_network_access_enabled",
      complies: isFalse,
      problem:
        "accepts devices and services from the public internet (public_network_access_enabled is not false)",
    },
    anchors: {
      checkov: ["CKV_AZURE_108"],
      azurePolicy: ["Public network access on Azure IoT Hub should be disabled"],
    },
  }),
  build.minimumTlsRule({
    id: "IOT-MIN-TLS",
    kind,
    check: {
      attribute: "min_tls_version",
      complies: equalsText("1.2"),
      problem: "does not require TLS 1.2 (min_tls_version is not 1.2)",
    },
  }),
  build.identityRule({ id: "IOT-IDENTITY", kind }),
  build.privateEndpointRule({
    id: "IOT-PRIVATE-ENDPOINT",
    kind,
    supported: offersPrivateLink,
    anchors: { checkov: [], azurePolicy: ["Private endpoint should be enabled for IoT Hub"] },
  }),
  build.diagnosticsRule({
    id: "IOT-DIAGNOSTICS",
    kind,
    anchors: { checkov: [], azurePolicy: ["Resource logs in IoT Hub should be enabled"] },
  }),
  build.lockRule({ id: "IOT-LOCK", kind }),
  build.preventDestroyRule({ id: "IOT-PREVENT-DESTROY", kind, statefulEntities: {} }),
  build.namespaceSharedAccessRule({ id: "IOT-NO-NAMESPACE-SAS", kind }),
  build.narrowRolesRule({ id: "IOT-NARROW-ROLES", kind }),
];
