import { eventHubsCapabilities, isEventHubsSku } from "../../azure/event-hubs";
import type { Rule } from "../engine/rule";
import type { TerraformResource } from "../engine/stack-index";
import { requireCaptureOrRetention } from "./controls/capture-or-retention";
import { eventHubsNamespace as kind } from "./controls/namespace-kinds";
import { equalsText, isFalse } from "./controls/setting";
import * as build from "./namespace-rules";

/** What the synthesized namespace's tier offers, from the same facts validation reads. */
function offers(ns: TerraformResource, capability: "customerManagedKey" | "privateEndpoint"): boolean {
  const sku = ns.body.sku;
  if (!isEventHubsSku(sku)) return false;
  return (
    eventHubsCapabilities({ sku, dedicatedClusterId: ns.body.dedicated_cluster_id })[capability] === true
  );
}
const supportsCustomerManagedKey = (ns: TerraformResource): boolean => offers(ns, "customerManagedKey");
const supportsPrivateLink = (ns: TerraformResource): boolean => offers(ns, "privateEndpoint");

// Anchors: Checkov EventHubNamespaceMinTLS12.py; Azure Policy built-ins in
// Azure/azure-policy built-in-policies/policyDefinitions/Event Hub.
export const eventHubsRules: readonly Rule[] = [
  build.localAuthRule({
    id: "EH-LOCAL-AUTH",
    kind,
    check: {
      attribute: "local_authentication_enabled",
      armProperty: "disableLocalAuth",
      complies: isFalse,
      problem: "allows SAS key authentication (local_authentication_enabled is not false)",
    },
    anchors: {
      checkov: [],
      azurePolicy: ["Azure Event Hub namespaces should have local authentication methods disabled"],
    },
  }),
  build.publicNetworkRule({
    id: "EH-PUBLIC-NETWORK",
    kind,
    check: {
      attribute: "public_network_access_enabled",
      complies: isFalse,
      problem: "accepts connections from the public internet (public_network_access_enabled is not false)",
    },
    anchors: { checkov: [], azurePolicy: ["Event Hub Namespaces should disable public network access"] },
  }),
  build.minimumTlsRule({
    id: "EH-MIN-TLS",
    kind,
    check: {
      attribute: "minimum_tls_version",
      complies: equalsText("1.2", "1.3"),
      problem: "does not require TLS 1.2 (minimum_tls_version is not 1.2)",
    },
    anchors: { checkov: ["CKV_AZURE_223"], azurePolicy: [] },
  }),
  build.identityRule({ id: "EH-IDENTITY", kind }),
  build.customerManagedKeyRule({
    id: "EH-CMK",
    kind,
    check: {
      keyResource: {
        type: "azurerm_eventhub_namespace_customer_managed_key",
        attribute: "eventhub_namespace_id",
      },
      supported: supportsCustomerManagedKey,
    },
    anchors: {
      checkov: [],
      azurePolicy: ["Event Hub namespaces should use a customer-managed key for encryption"],
    },
  }),
  build.privateEndpointRule({
    id: "EH-PRIVATE-ENDPOINT",
    kind,
    supported: supportsPrivateLink,
    anchors: { checkov: [], azurePolicy: ["Event Hub namespaces should use private link"] },
  }),
  build.diagnosticsRule({
    id: "EH-DIAGNOSTICS",
    kind,
    anchors: { checkov: [], azurePolicy: ["Resource logs in Event Hub should be enabled"] },
  }),
  build.lockRule({ id: "EH-LOCK", kind }),
  build.preventDestroyRule({
    id: "EH-PREVENT-DESTROY",
    kind,
    statefulEntities: { azurerm_eventhub: "event hub" },
  }),
  build.namespaceSharedAccessRule({
    id: "EH-NO-NAMESPACE-SAS",
    kind,
    anchors: {
      checkov: [],
      azurePolicy: [
        "All authorization rules except RootManageSharedAccessKey should be removed from Event Hub namespace",
      ],
    },
  }),
  build.narrowRolesRule({ id: "EH-NARROW-ROLES", kind }),
  {
    id: "EH-CAPTURE-OR-RETENTION",
    title: "Event-sourced hubs capture to storage or keep events for the full retention window",
    severity: "high",
    tiers: build.PRODUCTION,
    rationale:
      "When a hub's events are the system of record, losing them at the end of the retention window loses the state rebuilt from them.",
    remediation:
      "For a hub with `eventSourced: true`, declare `capture`, a `retention` with `cleanupPolicy: Compact`, or `retentionDays` of at least 7.",
    anchors: { checkov: [], azurePolicy: [] },
    evaluate: requireCaptureOrRetention,
  },
];
