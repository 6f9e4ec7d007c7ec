import type { Tier } from "../../model/spec";
import type { Rule, RuleAnchors, Severity } from "../engine/rule";
import type { RuleId } from "../../model/rule-ids";
import type { TerraformResource } from "../engine/stack-index";
import type { CustomerManagedKeyCheck } from "./controls/customer-managed-key";
import { requireCustomerManagedKey } from "./controls/customer-managed-key";
import { requireDiagnostics } from "./controls/diagnostics";
import { requireIdentity } from "./controls/identity";
import { requireLock } from "./controls/lock";
import type { NamespaceKind } from "./controls/namespace-kinds";
import { requireNarrowRoles } from "./controls/narrow-roles";
import type { StatefulTypes } from "./controls/prevent-destroy";
import { requirePreventDestroy } from "./controls/prevent-destroy";
import { requirePrivateEndpoint } from "./controls/private-endpoint";
import type { SettingCheck } from "./controls/setting";
import { requireSetting } from "./controls/setting";
import { forbidNamespaceSharedAccess } from "./controls/shared-access";

/**
 * The controls every namespace-like resource shares, written once and instantiated per family with
 * that family's IDs and anchors. Texts name the environment-file field that changes the outcome.
 */
export const PRODUCTION: readonly Tier[] = ["production"];
export const ALL_TIERS: readonly Tier[] = ["development", "production"];

const none: RuleAnchors = { checkov: [], azurePolicy: [] };

interface Common {
  readonly id: RuleId;
  readonly kind: NamespaceKind;
  readonly anchors?: RuleAnchors;
  readonly tiers?: readonly Tier[];
  readonly severity?: Severity;
}

export function localAuthRule(options: Common & { readonly check: SettingCheck }): Rule {
  return {
    id: options.id,
    title: `${options.kind.label}s have local (SAS key) authentication disabled`,
    severity: options.severity ?? "high",
    tiers: options.tiers ?? PRODUCTION,
    rationale:
      "Shared keys bypass Entra ID: they cannot be tied to a person or workload, expire only when rotated and leave no identity in the audit log.",
    remediation: `Remove \`localAuth: true\` from the ${options.kind.label} in the environment file and grant the clients data roles (senders/receivers) instead.`,
    anchors: options.anchors ?? none,
    evaluate: requireSetting(options.kind, options.check),
  };
}

export function publicNetworkRule(options: Common & { readonly check: SettingCheck }): Rule {
  return {
    id: options.id,
    title: `${options.kind.label}s have public network access disabled`,
    severity: options.severity ?? "high",
    tiers: options.tiers ?? PRODUCTION,
    rationale:
      "A public endpoint exposes the data plane to the internet; clients inside the network reach the resource through its private endpoint.",
    remediation: `Remove \`publicNetworkAccess: true\` from the ${options.kind.label}; when a partner must connect over the internet, declare a waiver with a reason and an expiry.`,
    anchors: options.anchors ?? none,
    evaluate: requireSetting(options.kind, options.check),
  };
}

export function minimumTlsRule(options: Common & { readonly check: SettingCheck }): Rule {
  return {
    id: options.id,
    title: `${options.kind.label}s accept TLS 1.2 or later only`,
    severity: options.severity ?? "high",
    tiers: options.tiers ?? ALL_TIERS,
    rationale: "TLS 1.0 and 1.1 have known weaknesses and are retired across Azure.",
    remediation: `Keep the minimum TLS version of the ${options.kind.label} at 1.2 (the profile default); do not override it in the construct.`,
    anchors: options.anchors ?? none,
    evaluate: requireSetting(options.kind, options.check),
  };
}

export function identityRule(options: Common): Rule {
  return {
    id: options.id,
    title: `${options.kind.label}s have a managed identity`,
    severity: options.severity ?? "medium",
    tiers: options.tiers ?? ALL_TIERS,
    rationale:
      "Routing, capture, event delivery and customer-managed keys authenticate with the resource's managed identity instead of stored secrets.",
    remediation: `Give the ${options.kind.label} a system-assigned identity (the construct default) and list any user-assigned ones in \`userAssignedIdentityIds\`.`,
    anchors: options.anchors ?? none,
    evaluate: requireIdentity(options.kind),
  };
}

export function customerManagedKeyRule(options: Common & { readonly check: CustomerManagedKeyCheck }): Rule {
  return {
    id: options.id,
    title: `${options.kind.label}s whose SKU supports it use a customer-managed key with infrastructure encryption`,
    severity: options.severity ?? "medium",
    tiers: options.tiers ?? PRODUCTION,
    rationale:
      "A customer-managed key lets the organisation revoke access to data at rest; infrastructure encryption adds a second, independent layer.",
    remediation:
      "Declare `encryption` (key and identity) in the environment file and keep `customerManagedKey` and `infrastructureEncryption` on for the namespace.",
    anchors: options.anchors ?? none,
    evaluate: requireCustomerManagedKey(options.kind, options.check),
  };
}

export function privateEndpointRule(
  options: Common & { readonly supported?: (namespace: TerraformResource) => boolean },
): Rule {
  return {
    id: options.id,
    title: `${options.kind.label}s have a private endpoint with a private DNS zone group`,
    severity: options.severity ?? "high",
    tiers: options.tiers ?? PRODUCTION,
    rationale:
      "Clients in the network must resolve the resource's name to its private address; without the DNS zone group they silently use the public endpoint.",
    remediation:
      "Declare `network.privateEndpointSubnetId` and the service's `network.privateDnsZoneIds` entry in the environment file, and do not set `privateEndpoint: false`.",
    anchors: options.anchors ?? none,
    evaluate: requirePrivateEndpoint(options.kind, options.supported),
  };
}

export function diagnosticsRule(options: Common): Rule {
  return {
    id: options.id,
    title: `${options.kind.label}s send audit logs to a diagnostic destination`,
    severity: options.severity ?? "medium",
    tiers: options.tiers ?? PRODUCTION,
    rationale:
      "Without resource logs there is no trail of who used or changed the resource when an incident is investigated.",
    remediation: `Do not set \`diagnostics: false\` on the ${options.kind.label}; the diagnostic setting must collect the \`audit\` or \`allLogs\` category group.`,
    anchors: options.anchors ?? none,
    evaluate: requireDiagnostics(options.kind),
  };
}

export function lockRule(options: Common): Rule {
  return {
    id: options.id,
    title: `${options.kind.label}s are protected by a CanNotDelete lock`,
    severity: options.severity ?? "medium",
    tiers: options.tiers ?? PRODUCTION,
    rationale:
      "A delete lock stops a portal click, a script or a mistaken plan from removing the resource and everything it holds.",
    remediation: `Do not set \`lock: false\` on the ${options.kind.label}; to remove it deliberately, declare it in \`allowDestroy\` and lift the lock in the same change.`,
    anchors: options.anchors ?? none,
    evaluate: requireLock(options.kind),
  };
}

export function preventDestroyRule(options: Common & { readonly statefulEntities: StatefulTypes }): Rule {
  return {
    id: options.id,
    title: `${options.kind.label}s and their stateful entities set lifecycle.prevent_destroy`,
    severity: options.severity ?? "high",
    tiers: options.tiers ?? PRODUCTION,
    rationale:
      "Terraform refuses any plan that would destroy a resource with prevent_destroy, so a rename or a replacement cannot drop stored messages or events.",
    remediation:
      "Keep the production profile's prevent_destroy; to delete an entity on purpose, list it in `allowDestroy` with a reason.",
    anchors: options.anchors ?? none,
    evaluate: requirePreventDestroy(options.kind, options.statefulEntities),
  };
}

export function namespaceSharedAccessRule(options: Common): Rule {
  return {
    id: options.id,
    title: `${options.kind.label}s have no namespace-level shared access rules`,
    severity: options.severity ?? "high",
    tiers: options.tiers ?? ALL_TIERS,
    rationale:
      "A namespace-level SAS rule grants its rights on every entity, now and in future, to whoever holds the key.",
    remediation:
      "Remove the authorization rule; grant the client a data role on the entity it uses (senders/receivers in the environment file).",
    anchors: options.anchors ?? none,
    evaluate: forbidNamespaceSharedAccess(options.kind),
  };
}

export function narrowRolesRule(options: Common): Rule {
  return {
    id: options.id,
    title: `Role assignments on ${options.kind.label}s use the narrowest role and scope`,
    severity: options.severity ?? "high",
    tiers: options.tiers ?? ALL_TIERS,
    rationale:
      "Owner and Contributor include management rights, and a namespace-wide data role reaches every entity; least privilege means the data role on the entity used.",
    remediation:
      "Grant access through `senders`, `receivers` or `owners` on the entity in the environment file, not on the namespace, and never with Owner or Contributor.",
    anchors: options.anchors ?? none,
    evaluate: requireNarrowRoles(options.kind),
  };
}
