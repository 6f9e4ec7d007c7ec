import {
  describeAbsent,
  describeReach,
  describeRefusals,
  environment,
  ids,
  principalId,
  referenceTo,
  waiver,
  type Json,
  type ReachRow,
  type Tier,
} from "./helpers";

/*
 * Every Azure Relay option an environment file can state, each with one definite outcome: hybrid
 * connections, WCF relays (an azapi resource: azurerm has none), their listeners, senders and
 * owners, and the namespace settings Relay has (and the ones it has no switch for).
 */

const azureName = (ns: string): string => `relay-contoso-${ns}-reach`;
const namespaceRef = (ns: string) => referenceTo("azurerm_relay_namespace", `relay-${ns}_namespace`);
const hybridRef = (name: string) =>
  referenceTo("azurerm_relay_hybrid_connection", `hybrid-connection-${name}_hybrid-connection`);
const wcfRef = (name: string) => referenceTo("azapi_resource", `wcf-relay-${name}_wcf-relay`);

interface Entry {
  readonly item: Json;
  readonly row: ReachRow;
}

const roles = {
  listeners: "Azure Relay Listener",
  senders: "Azure Relay Sender",
  owners: "Azure Relay Owner",
} as const;

function hybrid(option: string, name: string, fields: Json, attributes: Json): Entry {
  return {
    item: { name, ...fields },
    row: { option, type: "azurerm_relay_hybrid_connection", select: { name }, attributes },
  };
}

function wcf(option: string, name: string, fields: Json, properties: Json): Entry {
  return {
    item: { name, relayType: "NetTcp", ...fields },
    row: {
      option,
      type: "azapi_resource",
      select: { name, type: expect.stringMatching(/^Microsoft\.Relay\/namespaces\/wcfRelays@/) },
      attributes: { body: { properties: expect.objectContaining(properties) } },
    },
  };
}

function grant(kind: "hybrid" | "wcf", role: keyof typeof roles): Entry {
  const name = `${kind}-${role}`;
  return {
    item: kind === "wcf" ? { name, relayType: "NetTcp", [role]: ["app"] } : { name, [role]: ["app"] },
    row: {
      option: `${kind === "wcf" ? "WCF relay" : "hybrid connection"} ${role}: [app]`,
      type: "azurerm_role_assignment",
      select: { scope: kind === "wcf" ? wcfRef(name) : hybridRef(name) },
      attributes: { role_definition_name: roles[role], principal_id: principalId },
    },
  };
}

const hybridEntries: Entry[] = [
  hybrid(
    "hybrid connection requiresClientAuthorization: false",
    "hc-open",
    { requiresClientAuthorization: false },
    {
      requires_client_authorization: false,
    },
  ),
  hybrid(
    "hybrid connection requiresClientAuthorization: true (the default)",
    "hc-closed",
    { requiresClientAuthorization: true },
    {
      requires_client_authorization: true,
    },
  ),
  hybrid(
    "hybrid connection userMetadata",
    "hc-meta",
    { userMetadata: "team=reach" },
    { user_metadata: "team=reach" },
  ),
  grant("hybrid", "listeners"),
  grant("hybrid", "senders"),
  grant("hybrid", "owners"),
];

const wcfEntries: Entry[] = [
  wcf("WCF relay relayType: NetTcp", "wcf-tcp", {}, { relayType: "NetTcp" }),
  wcf("WCF relay relayType: Http", "wcf-http", { relayType: "Http" }, { relayType: "Http" }),
  wcf(
    "WCF relay requiresClientAuthorization: false",
    "wcf-open",
    { requiresClientAuthorization: false },
    {
      requiresClientAuthorization: false,
    },
  ),
  wcf(
    "WCF relay requiresTransportSecurity: false",
    "wcf-plain",
    { requiresTransportSecurity: false },
    {
      requiresTransportSecurity: false,
    },
  ),
  wcf("WCF relay userMetadata", "wcf-meta", { userMetadata: "team=reach" }, { userMetadata: "team=reach" }),
  grant("wcf", "listeners"),
  grant("wcf", "senders"),
];

describeReach(
  "Relay entity options (development)",
  environment("development", {
    relay: [
      {
        name: "bridge",
        hybridConnections: hybridEntries.map((e) => e.item),
        wcfRelays: wcfEntries.map((e) => e.item),
      },
    ],
  }),
  [...hybridEntries, ...wcfEntries].map((e) => e.row),
);

const networkRules = (ns: string, properties: Json): Omit<ReachRow, "option"> => ({
  type: "azapi_resource",
  select: {
    parent_id: namespaceRef(ns),
    type: expect.stringMatching(/^Microsoft\.Relay\/namespaces\/networkRuleSets@/),
  },
  attributes: { body: { properties: expect.objectContaining(properties) } },
});

function namespaceEntry(option: string, name: string, fields: Json, row: Omit<ReachRow, "option">): Entry {
  return { item: { name, ...fields }, row: { option, ...row } };
}

const namespaceEntries: Entry[] = [
  namespaceEntry(
    "namespace sku: Standard (its only SKU)",
    "n-standard",
    { sku: "Standard" },
    {
      type: "azurerm_relay_namespace",
      select: { name: azureName("n-standard") },
      attributes: { sku_name: "Standard" },
    },
  ),
  namespaceEntry(
    "namespace customerManagedKey: false (what Relay does anyway)",
    "n-ms-keys",
    { customerManagedKey: false },
    {
      type: "azurerm_relay_namespace",
      select: { name: azureName("n-ms-keys") },
      absent: ["customer_managed_key"],
    },
  ),
  namespaceEntry(
    "namespace publicNetworkAccess: false",
    "n-private",
    { publicNetworkAccess: false },
    networkRules("n-private", { publicNetworkAccess: "Disabled" }),
  ),
  namespaceEntry(
    "namespace allowedIpRanges",
    "n-firewall",
    { allowedIpRanges: ["203.0.113.0/24"] },
    networkRules("n-firewall", {
      defaultAction: "Deny",
      ipRules: [expect.objectContaining({ ipMask: "203.0.113.0/24", action: "Allow" })],
    }),
  ),
  namespaceEntry(
    "namespace trustedServicesAllowed: false",
    "n-untrusted",
    { trustedServicesAllowed: false },
    networkRules("n-untrusted", { trustedServiceAccessEnabled: false }),
  ),
  namespaceEntry(
    "namespace tags",
    "n-tags",
    { tags: { team: "reach" } },
    {
      type: "azurerm_relay_namespace",
      select: { name: azureName("n-tags") },
      attributes: { tags: expect.objectContaining({ team: "reach" }) },
    },
  ),
  namespaceEntry(
    "namespace resourceName",
    "n-renamed",
    { resourceName: "relay-reach-custom" },
    {
      type: "azurerm_relay_namespace",
      select: { name: "relay-reach-custom" },
      attributes: { sku_name: "Standard" },
    },
  ),
  namespaceEntry(
    "namespace lock: true",
    "n-locked",
    { lock: true },
    {
      type: "azurerm_management_lock",
      select: { scope: namespaceRef("n-locked") },
      attributes: { lock_level: "CanNotDelete" },
    },
  ),
  namespaceEntry(
    "namespace privateEndpoint: true",
    "n-endpoint",
    { privateEndpoint: true },
    {
      type: "azurerm_private_endpoint",
      select: {
        private_service_connection: expect.objectContaining({
          private_connection_resource_id: namespaceRef("n-endpoint"),
        }),
      },
      attributes: { subnet_id: ids.subnet },
    },
  ),
  ...(Object.keys(roles) as (keyof typeof roles)[])
    .filter((role) => role !== "listeners")
    .map((role) =>
      namespaceEntry(
        `namespace ${role}: [app]`,
        `n-${role}`,
        { [role]: ["app"] },
        {
          type: "azurerm_role_assignment",
          select: { scope: namespaceRef(`n-${role}`) },
          attributes: { role_definition_name: roles[role], principal_id: principalId },
        },
      ),
    ),
  namespaceEntry(
    "namespace receivers: [app] (the listener role)",
    "n-receivers",
    { receivers: ["app"] },
    {
      type: "azurerm_role_assignment",
      select: { scope: namespaceRef("n-receivers") },
      attributes: { role_definition_name: roles.listeners, principal_id: principalId },
    },
  ),
];

describeReach(
  "Relay namespace options (development)",
  environment(
    "development",
    { relay: namespaceEntries.map((e) => e.item) },
    { network: { privateEndpointSubnetId: ids.subnet } },
  ),
  namespaceEntries.map((e) => e.row),
);

describeReach(
  "Relay namespace options that production waives (production)",
  environment(
    "production",
    { relay: [{ name: "n-open", publicNetworkAccess: true, allowedIpRanges: ["203.0.113.0/24"] }] },
    {
      waivers: [waiver("RELAY-PUBLIC-NETWORK", "relay/n-open")],
    },
  ),
  [
    {
      option: "namespace publicNetworkAccess: true with allowedIpRanges, waived",
      ...networkRules("n-open", { publicNetworkAccess: "Enabled", defaultAction: "Deny" }),
    },
  ],
);

describeAbsent(
  "Relay namespace options that leave a resource out (production)",
  environment(
    "production",
    {
      relay: [
        { name: "n-no-diagnostics", diagnostics: false },
        { name: "n-unlocked", lock: false },
        { name: "n-no-endpoint", privateEndpoint: false },
      ],
    },
    {
      waivers: [
        waiver("RELAY-DIAGNOSTICS", "relay/n-no-diagnostics"),
        waiver("RELAY-LOCK", "relay/n-unlocked"),
        waiver("RELAY-PRIVATE-ENDPOINT", "relay/n-no-endpoint"),
      ],
    },
  ),
  [
    {
      option: "namespace diagnostics: false, waived: no diagnostic setting",
      type: "azurerm_monitor_diagnostic_setting",
      select: { target_resource_id: namespaceRef("n-no-diagnostics") },
      control: { target_resource_id: namespaceRef("n-unlocked") },
    },
    {
      option: "namespace lock: false, waived: no lock",
      type: "azurerm_management_lock",
      select: { scope: namespaceRef("n-unlocked") },
      control: { scope: namespaceRef("n-no-diagnostics") },
    },
    {
      option: "namespace privateEndpoint: false, waived: no private endpoint",
      type: "azurerm_private_endpoint",
      select: {
        private_service_connection: expect.objectContaining({
          private_connection_resource_id: namespaceRef("n-no-endpoint"),
        }),
      },
      control: {
        private_service_connection: expect.objectContaining({
          private_connection_resource_id: namespaceRef("n-unlocked"),
        }),
      },
    },
  ],
);

function single(namespace: Json, tier: Tier = "development"): Json {
  return environment(tier, { relay: [{ name: "bridge", ...namespace }] });
}

// Relay has no local-auth switch at all, so any explicit value is refused, not only `false`.
const noLocalAuthSwitch =
  "switching local (SAS) authentication needs a disableLocalAuth property, which Azure Relay lacks";

describeRefusals("Relay options refused", [
  {
    option: "namespace localAuth: false",
    doc: single({ localAuth: false }),
    path: "relay[0].localAuth",
    message: noLocalAuthSwitch,
  },
  {
    option: "namespace localAuth: true (Relay always accepts SAS keys; there is no switch to state)",
    doc: single({ localAuth: true }),
    path: "relay[0].localAuth",
    message: noLocalAuthSwitch,
  },
  {
    option: "namespace customerManagedKey: true",
    doc: single({ customerManagedKey: true }),
    path: "relay[0].customerManagedKey",
    message:
      "a customer-managed key needs a service that offers them (Azure Relay encrypts with Microsoft-managed keys only)",
  },
  {
    option: "namespace userAssignedIdentityIds",
    doc: single({ userAssignedIdentityIds: [ids.identity] }),
    path: "relay[0].userAssignedIdentityIds",
    message:
      "user-assigned identities needs a resource that calls other services (a Relay namespace calls none, so it takes no identity)",
  },
  {
    option: "namespace publicNetworkAccess: true in production without a waiver",
    doc: single({ publicNetworkAccess: true }, "production"),
    path: "relay[0].publicNetworkAccess",
    message: "publicNetworkAccess: true is not allowed in the production tier",
  },
  {
    option: "namespace allowedIpRanges in production, where public access is off by default",
    doc: single({ allowedIpRanges: ["203.0.113.0/24"] }, "production"),
    path: "relay[0].allowedIpRanges",
    message:
      "allowedIpRanges admit nothing while publicNetworkAccess is false (the production tier's default); set publicNetworkAccess: true with a waiver { rule: RELAY-PUBLIC-NETWORK",
  },
]);
