import type { Problem } from "./problem";

/**
 * What a namespace-like resource of one service and SKU offers of the interfaces every such
 * resource shares. Each service's facts module states its own (with the Microsoft page that says
 * so); {@link sharedInterfaceProblems} is the one rule that turns them into errors, so "private
 * endpoints need Premium" is written once, as data, and read by validation, constructs and policies.
 */
export interface NamespaceCapabilities {
  /** How messages name the resource: `Service Bus namespace`, `IoT hub`. */
  readonly kind: string;
  /** The SKU the capabilities are for, named in messages; absent for single-SKU services. */
  readonly sku?: string;
  /** Private endpoints; when not offered, the SKUs (or alternative) that have them. */
  readonly privateEndpoint: Capability;
  readonly customerManagedKey: Capability;
  /** Whether local (SAS) authentication can be switched at all, and so whether `localAuth` may be set. */
  readonly localAuthSwitch: Capability;
  /** IP firewall rules on the public endpoint. */
  readonly ipRules: Capability;
  /** Whether trusted Microsoft services can be let through the network rules. */
  readonly trustedServices: Capability;
  /** User-assigned managed identities. */
  readonly userAssignedIdentities: Capability;
  /** Whether the public endpoint can be closed (and so `publicNetworkAccess: false` means anything). */
  readonly publicNetworkAccessSwitch: Capability;
}

/** `true`, or why not: what to choose instead (`the Premium SKU`, `Standard or above`). */
export type Capability = true | { readonly needs: string };

/**
 * The shared settings as a rule sees them: whether each is asked for. Field names are the
 * environment file's, which are also the constructs' prop names.
 */
export interface SharedInterfaceRequest {
  readonly privateEndpoint?: boolean;
  readonly customerManagedKey?: boolean;
  readonly localAuth?: boolean;
  readonly publicNetworkAccess?: boolean;
  readonly allowedIpRanges?: readonly string[];
  readonly trustedServicesAllowed?: boolean;
  readonly userAssignedIdentityIds?: readonly string[];
}

/** Every shared setting the resource's SKU does not offer, and IP rules that could admit nobody. */
export function sharedInterfaceProblems(
  capabilities: NamespaceCapabilities,
  request: SharedInterfaceRequest,
): Problem[] {
  const problems: Problem[] = [];
  const what = `${capabilities.kind}${capabilities.sku ? ` (${capabilities.sku})` : ""}`;
  const refuse = (field: string, capability: Capability, label: string): void => {
    if (capability === true) return;
    problems.push({ field, message: `${label} needs ${capability.needs}; this ${what} has none` });
  };
  if (request.privateEndpoint === true)
    refuse("privateEndpoint", capabilities.privateEndpoint, "a private endpoint");
  if (request.customerManagedKey === true)
    refuse("customerManagedKey", capabilities.customerManagedKey, "a customer-managed key");
  if (request.localAuth !== undefined)
    refuse("localAuth", capabilities.localAuthSwitch, "switching local (SAS) authentication");
  if ((request.allowedIpRanges ?? []).length > 0) refuse("allowedIpRanges", capabilities.ipRules, "IP rules");
  if (request.trustedServicesAllowed !== undefined)
    refuse(
      "trustedServicesAllowed",
      capabilities.trustedServices,
      "letting trusted Microsoft services through",
    );
  if ((request.userAssignedIdentityIds ?? []).length > 0)
    refuse("userAssignedIdentityIds", capabilities.userAssignedIdentities, "user-assigned identities");
  if (request.publicNetworkAccess === false)
    refuse("publicNetworkAccess", capabilities.publicNetworkAccessSwitch, "closing the public endpoint");
  if ((request.allowedIpRanges ?? []).length > 0 && request.publicNetworkAccess === false) {
    problems.push({
      field: "allowedIpRanges",
      message:
        "allowedIpRanges admit nothing while publicNetworkAccess is false; remove them or allow public access",
    });
  }
  return problems;
}
