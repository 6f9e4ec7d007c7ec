import {
  isServiceBusSku,
  serviceBusOffersCustomerManagedKey,
  serviceBusOffersPrivateEndpoint,
  type ServiceBusSku,
} from "../../azure/service-bus";
import type { Rule } from "../engine/rule";
import type { JsonValue } from "../engine/terraform-json";
import { requireEntitySetting } from "./controls/entity-setting";
import { serviceBusNamespace as kind } from "./controls/namespace-kinds";
import { equalsText, isFalse } from "./controls/setting";
import * as build from "./namespace-rules";

/** Whether the synthesized namespace's SKU offers what `offers` asks (azure/service-bus.ts says which do). */
const skuOffers =
  (offers: (sku: ServiceBusSku) => boolean) =>
  (namespace: { body: { sku?: JsonValue } }): boolean =>
    isServiceBusSku(namespace.body.sku) && offers(namespace.body.sku);

/** Upper bound for a max delivery count: beyond it a poison message is retried for too long before it is dead-lettered. */
export const MAX_DELIVERY_COUNT_LIMIT = 100;

const queuesAndSubscriptions = {
  azurerm_servicebus_queue: "queue",
  azurerm_servicebus_subscription: "subscription",
};

// Anchors: Checkov checks in checkov/terraform/checks/resource/azure (AzureServicebus*.py) and
// Azure Policy built-ins in Azure/azure-policy built-in-policies/policyDefinitions/Service Bus.
export const serviceBusRules: readonly Rule[] = [
  build.localAuthRule({
    id: "SB-LOCAL-AUTH",
    kind,
    check: {
      attribute: "local_auth_enabled",
      armProperty: "disableLocalAuth",
      complies: isFalse,
      problem: "allows SAS key authentication (local_auth_enabled is not false)",
    },
    anchors: {
      checkov: ["CKV_AZURE_203"],
      azurePolicy: ["Azure Service Bus namespaces should have local authentication methods disabled"],
    },
  }),
  build.publicNetworkRule({
    id: "SB-PUBLIC-NETWORK",
    kind,
    check: {
      attribute: "public_network_access_enabled",
      complies: isFalse,
      problem: "accepts connections from the public internet (public_network_access_enabled is not false)",
    },
    anchors: {
      checkov: ["CKV_AZURE_204"],
      azurePolicy: ["Service Bus Namespaces should disable public network access"],
    },
  }),
  build.minimumTlsRule({
    id: "SB-MIN-TLS",
    kind,
    check: {
      attribute: "minimum_tls_version",
      complies: equalsText("1.2", "1.3"),
      problem: "does not require TLS 1.2 (minimum_tls_version is not 1.2)",
    },
    anchors: { checkov: ["CKV_AZURE_205"], azurePolicy: [] },
  }),
  build.identityRule({ id: "SB-IDENTITY", kind, anchors: { checkov: ["CKV_AZURE_202"], azurePolicy: [] } }),
  build.customerManagedKeyRule({
    id: "SB-CMK",
    kind,
    check: {
      inlineBlock: "customer_managed_key",
      keyResource: { type: "azurerm_servicebus_namespace_customer_managed_key", attribute: "namespace_id" },
      supported: skuOffers(serviceBusOffersCustomerManagedKey),
    },
    anchors: {
      checkov: ["CKV_AZURE_201", "CKV_AZURE_199"],
      azurePolicy: ["Service Bus Premium namespaces should use a customer-managed key for encryption"],
    },
  }),
  build.privateEndpointRule({
    id: "SB-PRIVATE-ENDPOINT",
    kind,
    supported: skuOffers(serviceBusOffersPrivateEndpoint),
    anchors: { checkov: [], azurePolicy: ["Azure Service Bus namespaces should use private link"] },
  }),
  build.diagnosticsRule({
    id: "SB-DIAGNOSTICS",
    kind,
    anchors: { checkov: [], azurePolicy: ["Resource logs in Service Bus should be enabled"] },
  }),
  build.lockRule({ id: "SB-LOCK", kind }),
  build.preventDestroyRule({
    id: "SB-PREVENT-DESTROY",
    kind,
    statefulEntities: { ...queuesAndSubscriptions, azurerm_servicebus_topic: "topic" },
  }),
  build.namespaceSharedAccessRule({
    id: "SB-NO-NAMESPACE-SAS",
    kind,
    anchors: {
      checkov: [],
      azurePolicy: [
        "All authorization rules except RootManageSharedAccessKey should be removed from Service Bus namespace",
      ],
    },
  }),
  build.narrowRolesRule({ id: "SB-NARROW-ROLES", kind }),
  {
    id: "SB-DEAD-LETTER-ON-EXPIRATION",
    title: "Service Bus queues and subscriptions dead-letter expired messages",
    severity: "medium",
    tiers: build.PRODUCTION,
    rationale:
      "Without dead-lettering on expiration, a message whose time to live runs out is deleted silently and the loss is never seen.",
    remediation:
      "Keep `deadLetterOnExpiration` on (the production default) for the queue or subscription in the environment file.",
    anchors: { checkov: [], azurePolicy: [] },
    evaluate: requireEntitySetting(
      queuesAndSubscriptions,
      "dead_lettering_on_message_expiration",
      (v) => v === true,
      () => "deletes expired messages instead of dead-lettering them",
    ),
  },
  {
    id: "SB-MAX-DELIVERY-COUNT",
    title: "Service Bus queues and subscriptions set a bounded max delivery count",
    severity: "medium",
    tiers: build.ALL_TIERS,
    rationale:
      "The max delivery count decides when a message that keeps failing moves to the dead-letter queue instead of blocking its consumers.",
    remediation: `Set \`maxDeliveryCount\` between 1 and ${MAX_DELIVERY_COUNT_LIMIT} on the queue or subscription in the environment file.`,
    anchors: { checkov: [], azurePolicy: [] },
    evaluate: requireEntitySetting(
      queuesAndSubscriptions,
      "max_delivery_count",
      (v) => typeof v === "number" && v >= 1 && v <= MAX_DELIVERY_COUNT_LIMIT,
      (v) =>
        typeof v === "number"
          ? `retries a message ${v} times (limit ${MAX_DELIVERY_COUNT_LIMIT})`
          : "sets no max_delivery_count",
    ),
  },
];
