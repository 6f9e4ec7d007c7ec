import type { Rule } from "../engine/rule";
import { eventGridDomain, eventGridNamespace, eventGridTopic } from "./controls/namespace-kinds";
import { equalsText, isFalse } from "./controls/setting";
import * as build from "./namespace-rules";

// Anchors: Checkov EventgridTopic*.py / EventgridDomain*.py; Azure Policy built-ins in
// Azure/azure-policy built-in-policies/policyDefinitions/Event Grid.
export const eventGridTopicRules: readonly Rule[] = [
  build.localAuthRule({
    id: "EG-TOPIC-LOCAL-AUTH",
    kind: eventGridTopic,
    check: {
      attribute: "local_auth_enabled",
      armProperty: "disableLocalAuth",
      complies: isFalse,
      problem: "accepts access keys (local_auth_enabled is not false)",
    },
    anchors: {
      checkov: ["CKV_AZURE_192"],
      azurePolicy: ["Azure Event Grid topics should have local authentication methods disabled"],
    },
  }),
  build.publicNetworkRule({
    id: "EG-TOPIC-PUBLIC-NETWORK",
    kind: eventGridTopic,
    check: {
      attribute: "public_network_access_enabled",
      complies: isFalse,
      problem: "accepts events from the public internet (public_network_access_enabled is not false)",
    },
    anchors: {
      checkov: ["CKV_AZURE_193"],
      azurePolicy: ["Azure Event Grid topics should disable public network access"],
    },
  }),
  build.identityRule({
    id: "EG-TOPIC-IDENTITY",
    kind: eventGridTopic,
    anchors: { checkov: ["CKV_AZURE_191"], azurePolicy: [] },
  }),
  build.privateEndpointRule({
    id: "EG-TOPIC-PRIVATE-ENDPOINT",
    kind: eventGridTopic,
    anchors: { checkov: [], azurePolicy: ["Azure Event Grid topics should use private link"] },
  }),
  build.diagnosticsRule({ id: "EG-TOPIC-DIAGNOSTICS", kind: eventGridTopic }),
  build.lockRule({ id: "EG-TOPIC-LOCK", kind: eventGridTopic }),
  build.narrowRolesRule({ id: "EG-TOPIC-NARROW-ROLES", kind: eventGridTopic }),
];

export const eventGridDomainRules: readonly Rule[] = [
  build.localAuthRule({
    id: "EG-DOMAIN-LOCAL-AUTH",
    kind: eventGridDomain,
    check: {
      attribute: "local_auth_enabled",
      armProperty: "disableLocalAuth",
      complies: isFalse,
      problem: "accepts access keys (local_auth_enabled is not false)",
    },
    anchors: {
      checkov: ["CKV_AZURE_195"],
      azurePolicy: ["Azure Event Grid domains should have local authentication methods disabled"],
    },
  }),
  build.publicNetworkRule({
    id: "EG-DOMAIN-PUBLIC-NETWORK",
    kind: eventGridDomain,
    check: {
      attribute: "public_network_access_enabled",
      complies: isFalse,
      problem: "accepts events from the public internet (public_network_access_enabled is not false)",
    },
    anchors: { checkov: ["CKV_AZURE_106"], azurePolicy: [] },
  }),
  build.identityRule({
    id: "EG-DOMAIN-IDENTITY",
    kind: eventGridDomain,
    anchors: { checkov: ["CKV_AZURE_194"], azurePolicy: [] },
  }),
  build.privateEndpointRule({ id: "EG-DOMAIN-PRIVATE-ENDPOINT", kind: eventGridDomain }),
  build.diagnosticsRule({ id: "EG-DOMAIN-DIAGNOSTICS", kind: eventGridDomain }),
  build.lockRule({ id: "EG-DOMAIN-LOCK", kind: eventGridDomain }),
  build.narrowRolesRule({ id: "EG-DOMAIN-NARROW-ROLES", kind: eventGridDomain }),
];

export const eventGridNamespaceRules: readonly Rule[] = [
  build.publicNetworkRule({
    id: "EG-NAMESPACE-PUBLIC-NETWORK",
    kind: eventGridNamespace,
    check: {
      attribute: "public_network_access",
      armProperty: "publicNetworkAccess",
      complies: equalsText("Disabled"),
      problem: "accepts clients from the public internet (public_network_access is not Disabled)",
    },
    anchors: {
      checkov: [],
      azurePolicy: ["Azure Event Grid namespaces should disable public network access"],
    },
  }),
  build.identityRule({ id: "EG-NAMESPACE-IDENTITY", kind: eventGridNamespace }),
  build.privateEndpointRule({
    id: "EG-NAMESPACE-PRIVATE-ENDPOINT",
    kind: eventGridNamespace,
    anchors: { checkov: [], azurePolicy: ["Azure Event Grid namespace MQTT broker should use private link"] },
  }),
  build.diagnosticsRule({ id: "EG-NAMESPACE-DIAGNOSTICS", kind: eventGridNamespace }),
  build.lockRule({ id: "EG-NAMESPACE-LOCK", kind: eventGridNamespace }),
  build.narrowRolesRule({ id: "EG-NAMESPACE-NARROW-ROLES", kind: eventGridNamespace }),
];
