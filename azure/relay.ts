import { messagingEntityPath, messagingNamespace, rulesPage, type AzureNameRule } from "./name-rule";
import {
  sharedInterfaceProblems,
  type NamespaceCapabilities,
  type SharedInterfaceRequest,
} from "./namespace-capabilities";
import { under, type Problem } from "./problem";
import { BuiltInRole } from "./roles";

/**
 * Azure Relay's facts: its one SKU, what a namespace offers of the shared interfaces, naming rules,
 * quotas, addresses and data-plane roles. Sources: "Azure Relay FAQ" (pricing, quotas), "Azure
 * Relay network security" and "Configure IP firewall for an Azure Relay namespace", the
 * Microsoft.Relay/namespaces template reference (API 2024-01-01), and the azurerm 4.x relay
 * resources named with each value.
 */

/** The only SKU: azurerm relay_namespace_resource.go accepts `sku_name` Standard alone. */
export const RELAY_SKU = "Standard";

/**
 * The namespace's network rule set (always named `default`), at the newest stable API version the
 * project has checked: specification/relay/resource-manager/Microsoft.Relay/stable/2021-11-01 in
 * azure-rest-api-specs (NetworkRuleSetProperties: publicNetworkAccess, defaultAction, ipRules,
 * trustedServiceAccessEnabled), embedded in azapi 2.12.0's schemas.
 */
export const RELAY_NETWORK_RULE_SET_TYPE = "Microsoft.Relay/namespaces/networkRuleSets@2021-11-01";

/**
 * What a Relay namespace offers. Private endpoints, IP rules, trusted services and closing the
 * public endpoint all exist, through the namespace's network rule set ("Azure Relay network
 * security"). Microsoft.Relay/namespaces has no `disableLocalAuth`, no `encryption` and no
 * `identity` (template reference, API 2024-01-01): SAS keys always authenticate, data is encrypted
 * with Microsoft-managed keys, and a namespace calls no other service.
 */
export const relayCapabilities: NamespaceCapabilities = {
  kind: "Relay namespace",
  privateEndpoint: true,
  customerManagedKey: {
    needs: "a service that offers them (Azure Relay encrypts with Microsoft-managed keys only)",
  },
  localAuthSwitch: {
    needs:
      "a disableLocalAuth property, which Azure Relay lacks (access is granted with Entra ID roles and the project creates no SAS rules)",
  },
  ipRules: true,
  trustedServices: true,
  userAssignedIdentities: {
    needs: "a resource that calls other services (a Relay namespace calls none, so it takes no identity)",
  },
  publicNetworkAccessSwitch: true,
};

const hybridConnectionPath = {
  ...messagingEntityPath,
  allowed: /[A-Za-z0-9._\-/]/,
  allowedText: "letters, numbers, periods, hyphens, underscores and slashes",
} as const;

/** Names of a namespace and its relays, checked as Azure receives them. */
export const relayNameRules = {
  namespace: {
    what: "Relay namespace",
    ...messagingNamespace,
    source: `${rulesPage}, Microsoft.Relay/namespaces: 6-50, start with letter, end with letter or number`,
  },
  hybridConnection: {
    what: "hybrid connection",
    ...hybridConnectionPath,
    source: `${rulesPage}, Microsoft.Relay/namespaces/hybridConnections: 1-260`,
  },
  wcfRelay: {
    what: "WCF relay",
    ...hybridConnectionPath,
    source: `${rulesPage}, Microsoft.Relay/namespaces/wcfRelays: 1-260`,
  },
} as const satisfies Record<string, AzureNameRule>;

/** "Relay endpoints per service namespace" (Azure Relay FAQ, Quotas): hybrid connections and WCF relays together. */
export const MAX_RELAY_ENDPOINTS = 10000;

/** The WCF binding families a relay serves (Microsoft.Relay/namespaces/wcfRelays, `relayType`). */
export const WCF_RELAY_TYPES = ["NetTcp", "Http"] as const;
export type WcfRelayType = (typeof WCF_RELAY_TYPES)[number];

/**
 * TLS version a namespace enforces when `minimumTlsVersion` is not set: 1.2 (Relay REST API,
 * Namespaces - Create Or Update, `minimumTlsVersion`).
 */
export const RELAY_DEFAULT_MINIMUM_TLS = "1.2";

/** The data-plane accesses a Relay namespace, hybrid connection or WCF relay grants, each with its narrowest role. */
export const relayRoles = {
  listen: BuiltInRole.relayListener,
  send: BuiltInRole.relaySender,
  manage: BuiltInRole.relayOwner,
} as const;

/** The namespace's host: it shares the `servicebus.windows.net` zone with Service Bus and Event Hubs. */
export function relayHost(namespaceName: string): string {
  return `${namespaceName}.servicebus.windows.net`;
}

/** Where listeners and senders connect ("Azure Relay Hybrid Connections protocol": `sb://<namespace>`). */
export function relayEndpointUri(namespaceName: string): string {
  return `sb://${relayHost(namespaceName)}`;
}

/** The namespace's management and HTTPS endpoint. */
export function relayNamespaceEndpoints(namespaceName: string): { protocol: "https"; url: string }[] {
  return [{ protocol: "https", url: `https://${relayHost(namespaceName)}/` }];
}

/**
 * A relay's endpoints: WebSocket rendezvous at `wss://<namespace>/$hc/<path>` and HTTP requests at
 * `https://<namespace>/<path>` ("Azure Relay Hybrid Connections protocol").
 */
export function relayEntityEndpoints(
  namespaceName: string,
  path: string,
): { protocol: "amqp-websockets" | "https"; url: string }[] {
  const host = relayHost(namespaceName);
  return [
    { protocol: "amqp-websockets", url: `wss://${host}/$hc/${path}` },
    { protocol: "https", url: `https://${host}/${path}` },
  ];
}

/** A hybrid connection or WCF relay, with the environment file's field names. */
export interface RelayEntityInput {
  readonly name?: string;
  readonly relayType?: string;
  readonly userMetadata?: string;
}

/** A Relay namespace, with the environment file's field names. */
export interface RelayNamespaceInput extends SharedInterfaceRequest {
  readonly hybridConnections?: readonly RelayEntityInput[];
  readonly wcfRelays?: readonly RelayEntityInput[];
}

/** What Azure would refuse of a hybrid connection or WCF relay. */
export function relayEntityProblems(entity: RelayEntityInput): Problem[] {
  const problems: Problem[] = [];
  const types: readonly string[] = WCF_RELAY_TYPES;
  if (entity.relayType !== undefined && !types.includes(entity.relayType)) {
    problems.push({
      field: "relayType",
      message: `relayType must be one of ${WCF_RELAY_TYPES.join(", ")}, got "${entity.relayType}"`,
    });
  }
  // azurerm relay_hybrid_connection_resource.go: `user_metadata` StringIsNotEmpty; blanks carry nothing.
  if (entity.userMetadata !== undefined && entity.userMetadata.trim() === "") {
    problems.push({ field: "userMetadata", message: `userMetadata must be omitted or non-empty, got ""` });
  }
  return problems;
}

/** What Azure would refuse of a namespace: shared options Relay lacks, the endpoint quota, each relay. */
export function relayNamespaceProblems(namespace: RelayNamespaceInput): Problem[] {
  const hybrid = namespace.hybridConnections ?? [];
  const wcf = namespace.wcfRelays ?? [];
  const problems = sharedInterfaceProblems(relayCapabilities, namespace);
  if (hybrid.length + wcf.length > MAX_RELAY_ENDPOINTS) {
    problems.push({
      field: "",
      message: `a Relay namespace holds at most ${MAX_RELAY_ENDPOINTS} relay endpoints (hybrid connections and WCF relays together), got ${hybrid.length + wcf.length}`,
    });
  }
  hybrid.forEach((entity, i) =>
    problems.push(...under(`hybridConnections/${i}`, relayEntityProblems(entity))),
  );
  wcf.forEach((entity, i) => problems.push(...under(`wcfRelays/${i}`, relayEntityProblems(entity))));
  return problems;
}
