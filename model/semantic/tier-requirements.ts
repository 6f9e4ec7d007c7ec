import { eventHubsCapabilities } from "../../azure/event-hubs";
import { iotHubCapabilities } from "../../azure/iot-hub";
import { relayCapabilities } from "../../azure/relay";
import { namespaceCapabilities, topicCapabilities } from "../../azure/event-grid";
import { serviceBusOffersCustomerManagedKey, serviceBusOffersPrivateEndpoint } from "../../azure/service-bus";
import { loadProfile, requirementRule } from "../profiles";
import { resourceRef, type ResourceService } from "../resource-refs";
import type { NamespaceCommonSpec } from "../spec";
import type { SemanticCheck, SemanticContext } from "./context";

const eventGridTopicsHavePrivateLink = topicCapabilities.privateEndpoint === true;
const eventGridNamespacesHavePrivateLink = namespaceCapabilities.privateEndpoint === true;

interface Holder {
  readonly service: ResourceService;
  readonly pointer: string;
  readonly item: NamespaceCommonSpec;
  /** Whether the SKU offers private endpoints at all (the default applies only there). */
  readonly privateEndpointSupported: boolean;
}

function holders(ctx: SemanticContext): Holder[] {
  const { spec } = ctx;
  const list = <T extends NamespaceCommonSpec>(
    service: ResourceService,
    base: string,
    items: readonly T[] | undefined,
    supported: (item: T) => boolean = () => true,
  ): Holder[] =>
    (items ?? []).map((item, i) => ({
      service,
      pointer: `${base}/${i}`,
      item,
      privateEndpointSupported: supported(item),
    }));
  return [
    ...list("serviceBus", "/serviceBus", spec.serviceBus, (ns) => serviceBusOffersPrivateEndpoint(ns.sku)),
    ...list(
      "eventHubs",
      "/eventHubs",
      spec.eventHubs,
      (ns) => eventHubsCapabilities(ns).privateEndpoint === true,
    ),
    ...list(
      "eventGridTopics",
      "/eventGrid/topics",
      spec.eventGrid?.topics,
      () => eventGridTopicsHavePrivateLink,
    ),
    ...list(
      "eventGridNamespaces",
      "/eventGrid/namespaces",
      spec.eventGrid?.namespaces,
      () => eventGridNamespacesHavePrivateLink,
    ),
    ...list("relay", "/relay", spec.relay, () => relayCapabilities.privateEndpoint === true),
    ...list("iotHub", "/iotHub", spec.iotHub, (hub) => iotHubCapabilities(hub.sku).privateEndpoint === true),
  ];
}

/** Something a tier requirement applies to: its service, where it is declared and its fields. */
export interface RequirementSubject {
  readonly service: ResourceService;
  readonly pointer: string;
  readonly name: string;
  /** The item's fields as the file writes them; a requirement reads the one it names. */
  readonly fields: ReadonlyMap<string, unknown>;
}

/**
 * Stream Analytics jobs hold the requirements the profile names a rule for (diagnostics, lock); they
 * have no network settings of their own, so the namespace-only checks below do not see them.
 */
function jobHolders(ctx: SemanticContext): Holder[] {
  return (ctx.spec.streamAnalytics ?? []).map((job, i) => ({
    service: "streamAnalytics",
    pointer: `/streamAnalytics/${i}`,
    item: { name: job.name, diagnostics: job.diagnostics, lock: job.lock },
    privateEndpointSupported: false,
  }));
}

/**
 * A production requirement (profile `requirements`) holds unless the file waives the matching
 * policy rule for that very resource: the waiver, with its reason and expiry, is then what the
 * reviewer sees in every report.
 */
export function requirementsHoldFor(ctx: SemanticContext, subjects: readonly RequirementSubject[]): void {
  const profile = loadProfile(ctx.spec.tier);
  if (profile.requirements.length === 0) return;
  const waived = new Set((ctx.spec.waivers ?? []).map((w) => `${w.rule} ${w.resource}`));
  for (const { service, pointer, name, fields } of subjects) {
    for (const requirement of profile.requirements) {
      const rule = requirementRule(requirement, service);
      const given = fields.get(requirement.field);
      if (rule === undefined || given === undefined || given === requirement.value) continue;
      const resource = resourceRef(service, name);
      if (waived.has(`${rule} ${resource}`)) continue;
      ctx.error(
        `${pointer}/${requirement.field}`,
        `${requirement.field}: ${JSON.stringify(given)} is not allowed in the ${ctx.spec.tier} tier, which requires ${requirement.field}: ${JSON.stringify(requirement.value)} (policy ${rule}); remove the field, or add a waiver { rule: ${rule}, resource: ${resource}, reason, expires }`,
      );
    }
  }
}

function requirementsHold(ctx: SemanticContext, list: readonly Holder[]): void {
  requirementsHoldFor(
    ctx,
    list.map(({ service, pointer, item }) => ({
      service,
      pointer,
      name: item.name,
      fields: new Map(Object.entries(item)),
    })),
  );
}

/** Private endpoints need a subnet: `network.privateEndpointSubnetId`. */
function privateEndpointsHaveNetwork(ctx: SemanticContext, list: readonly Holder[]): void {
  if (ctx.spec.network) return;
  const defaults = loadProfile(ctx.spec.tier).namespace;
  const wanting = list.filter(
    ({ item, privateEndpointSupported }) =>
      item.privateEndpoint ?? (defaults.privateEndpoint && privateEndpointSupported),
  );
  const first = wanting[0];
  if (!first) return;
  const explicit = first.item.privateEndpoint !== undefined;
  const others = wanting.length > 1 ? ` (and ${wanting.length - 1} more)` : "";
  ctx.error(
    explicit ? `${first.pointer}/privateEndpoint` : `${first.pointer}/name`,
    `${first.service}/${first.item.name}${others} gets a private endpoint${explicit ? "" : ` (the ${ctx.spec.tier} tier's default)`}, but the file has no network section: add network.privateEndpointSubnetId (and privateDnsZoneIds)`,
  );
}

/**
 * A namespace whose SKU has no private link (Service Bus Basic and Standard, Event Hubs Basic,
 * IoT Hub F1: "Service Bus Premium messaging", "Compare Event Hubs tiers", "IoT Hub support for
 * virtual networks") and whose public endpoint is off, by the file or the tier, can be reached by
 * nobody, not even through endpoints a network team creates elsewhere. That is never what a file
 * means, so it is refused with both ways out.
 */
function namespacesStayReachable(ctx: SemanticContext, list: readonly Holder[]): void {
  const profile = loadProfile(ctx.spec.tier);
  const publicRequirement = profile.requirements.find((r) => r.field === "publicNetworkAccess");
  for (const { service, pointer, item, privateEndpointSupported } of list) {
    if (privateEndpointSupported) continue;
    if ((item.publicNetworkAccess ?? profile.namespace.publicNetworkAccess) !== false) continue;
    const declaredSku = (item as NamespaceCommonSpec & { readonly sku?: string }).sku;
    const sku = declaredSku ?? "this";
    const resource = resourceRef(service, item.name);
    const rule = publicRequirement ? requirementRule(publicRequirement, service) : undefined;
    const openUp = rule
      ? `set publicNetworkAccess: true (with allowedIpRanges where the SKU has an IP firewall) and a waiver { rule: ${rule}, resource: ${resource}, reason, expires }`
      : "set publicNetworkAccess: true (with allowedIpRanges where the SKU has an IP firewall)";
    ctx.error(
      declaredSku === undefined ? `${pointer}/name` : `${pointer}/sku`,
      `${resource} would be unreachable: its public endpoint is off${item.publicNetworkAccess === undefined ? ` (the ${ctx.spec.tier} tier's default)` : ""} and the ${sku} SKU has no private endpoints; choose a SKU with private link (Service Bus Premium, Event Hubs Standard or above, IoT Hub B1/S1 or above), or ${openUp}`,
    );
  }
}

/** Geo-disaster recovery pairs a namespace with one in `secondaryLocation`. */
function geoDisasterRecoveryHasSecondary(ctx: SemanticContext): void {
  if (ctx.spec.secondaryLocation !== undefined) return;
  const namespaces = [
    ...(ctx.spec.serviceBus ?? []).map((ns, i) => ({
      pointer: `/serviceBus/${i}`,
      geo: ns.geoDisasterRecovery,
    })),
    ...(ctx.spec.eventHubs ?? []).map((ns, i) => ({
      pointer: `/eventHubs/${i}`,
      geo: ns.geoDisasterRecovery,
    })),
  ];
  for (const { pointer, geo } of namespaces) {
    if (geo === true) {
      ctx.error(
        `${pointer}/geoDisasterRecovery`,
        "geoDisasterRecovery: true needs secondaryLocation at the top of the file (the region of the paired namespace)",
      );
    }
  }
}

/** Log Analytics retention may not fall below the tier's minimum (audit logs are evidence). */
function retentionMeetsTier(ctx: SemanticContext): void {
  const days = ctx.spec.monitoring?.retentionDays;
  const minimum = loadProfile(ctx.spec.tier).monitoring.minimumRetentionDays;
  if (days !== undefined && days < minimum) {
    ctx.error(
      "/monitoring/retentionDays",
      `monitoring.retentionDays must be at least ${minimum} in the ${ctx.spec.tier} tier (audit logs are kept that long), got ${days}: raise it or remove it to use ${loadProfile(ctx.spec.tier).monitoring.retentionDays}`,
    );
  }
}

/**
 * A customer-managed key the file asks for needs the key: `encryption` names the Key Vault key and
 * the identity that reads it. Without it the resolver would fall back to Microsoft-managed keys,
 * silently. Only where the SKU supports keys at all; elsewhere the service's own check refuses the
 * field ("Configure customer-managed keys": Service Bus Premium; Event Hubs Premium and dedicated).
 */
function customerManagedKeysHaveEncryption(ctx: SemanticContext): void {
  if (ctx.spec.encryption) return;
  const asking = [
    ...(ctx.spec.serviceBus ?? []).map((ns, i) => ({
      pointer: `/serviceBus/${i}`,
      wants: ns.customerManagedKey === true && serviceBusOffersCustomerManagedKey(ns.sku),
    })),
    ...(ctx.spec.eventHubs ?? []).map((ns, i) => ({
      pointer: `/eventHubs/${i}`,
      wants: ns.customerManagedKey === true && eventHubsCapabilities(ns).customerManagedKey === true,
    })),
  ];
  for (const { pointer, wants } of asking) {
    if (!wants) continue;
    ctx.error(
      `${pointer}/customerManagedKey`,
      "customerManagedKey: true needs a key, but the file has no encryption section: add encryption.keyVaultKeyId and encryption.identityId at the top of the file, or remove customerManagedKey",
    );
  }
}

/**
 * IP rules filter the public endpoint; with public network access off (stated, or the tier's
 * default) they admit nobody, so stating them is a mistake the file should hear about rather than
 * an option that silently does nothing (Service Bus: "Configure IP firewall rules"; Event Hubs:
 * "Allow access from specific IP addresses"; Event Grid: "Configure IP firewall": each applies to
 * the public endpoint only). Called by each service's check for the resources that have an IP firewall.
 */
export function allowedIpRangesNeedPublicAccess(
  ctx: SemanticContext,
  service: ResourceService,
  pointer: string,
  item: NamespaceCommonSpec,
): void {
  if ((item.allowedIpRanges ?? []).length === 0) return;
  if (item.publicNetworkAccess === false) {
    ctx.error(
      `${pointer}/allowedIpRanges`,
      "allowedIpRanges admit nothing while publicNetworkAccess is false; remove them or allow public access",
    );
    return;
  }
  const profile = loadProfile(ctx.spec.tier);
  if (item.publicNetworkAccess !== undefined || profile.namespace.publicNetworkAccess) return;
  const requirement = profile.requirements.find((r) => r.field === "publicNetworkAccess");
  const rule = requirement ? requirementRule(requirement, service) : undefined;
  const waive = rule
    ? ` with a waiver { rule: ${rule}, resource: ${resourceRef(service, item.name)}, reason, expires }`
    : "";
  ctx.error(
    `${pointer}/allowedIpRanges`,
    `allowedIpRanges admit nothing while publicNetworkAccess is false (the ${ctx.spec.tier} tier's default); set publicNetworkAccess: true${waive}, or remove allowedIpRanges`,
  );
}

/** What the tier profile requires of the file, beyond shape and references. */
export const checkTierRequirements: SemanticCheck = (ctx) => {
  const list = holders(ctx);
  requirementsHold(ctx, [...list, ...jobHolders(ctx)]);
  privateEndpointsHaveNetwork(ctx, list);
  namespacesStayReachable(ctx, list);
  customerManagedKeysHaveEncryption(ctx);
  geoDisasterRecoveryHasSecondary(ctx);
  retentionMeetsTier(ctx);
};
