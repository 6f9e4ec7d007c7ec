import { Construct } from "constructs";
import { RelayNamespace as RelayNamespaceResource } from "@cdktf/provider-azurerm/lib/relay-namespace";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { AzapiResource } from "../shared/azapi-resource";
import {
  BuiltInRole,
  grantId,
  grantRole,
  type BuiltInRoleName,
  type Grantee,
} from "../shared/role-assignments";
import { attachSharedInterfaces } from "../shared/shared-interfaces";
import { protectFromDestroy } from "../shared/stateful";

export interface RelayNamespaceProps {
  /** Azure name: 6-50 letters, digits and hyphens, starting with a letter, ending with a letter or digit. */
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  /**
   * Whether listeners and senders reach the namespace over its public endpoint.
   * @default - closed: only private endpoints reach the namespace
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * CIDR ranges admitted on the public endpoint (the rest are denied); needs `publicNetworkAccess`.
   * @default - no IP filter: every address reaches the public endpoint when it is open
   */
  readonly allowedIpRanges?: readonly string[];
  /**
   * Whether trusted Microsoft services pass the network rules.
   * @default - they do not
   */
  readonly trustedServicesAllowed?: boolean;
  /**
   * Log Analytics workspace that receives the namespace's logs and metrics.
   * @default - no diagnostic settings
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Subnet for a private endpoint (sub-resource `namespace`).
   * @default - no private endpoint
   */
  readonly privateEndpointSubnetId?: string;
  /**
   * Private DNS zone (`privatelink.servicebus.windows.net`) the endpoint registers in.
   * @default - no DNS zone group
   */
  readonly privateDnsZoneId?: string;
  /**
   * Whether a CanNotDelete lock protects the namespace.
   * @default - no lock
   */
  readonly lock?: boolean;
  /**
   * Whether Terraform refuses plans that destroy the namespace (and every connection in it).
   * @default - destroy is allowed
   */
  readonly preventDestroy?: boolean;
  /**
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Body of `Microsoft.Relay/namespaces/networkRuleSets` (API 2021-11-01). */
interface RelayNetworkRuleSetBody extends Record<string, unknown> {
  readonly properties: {
    readonly publicNetworkAccess: "Enabled" | "Disabled";
    readonly defaultAction: "Allow" | "Deny";
    readonly trustedServiceAccessEnabled: boolean;
    readonly ipRules: readonly { readonly ipMask: string; readonly action: "Allow" }[];
  };
}

/**
 * An Azure Relay namespace (Standard, the only SKU) for hybrid connections and WCF relays.
 *
 * What the binding cannot say: azurerm_relay_namespace takes only a SKU and tags, so public
 * network access and IP rules go through the namespace's `networkRuleSets/default` child via
 * azapi. Local (SAS) authentication cannot be switched off for Relay at all: the ARM resource has
 * no `disableLocalAuth` (Microsoft.Relay/namespaces, API 2024-01-01), so this construct offers no
 * such option; access is granted with Entra ID roles on each connection and no SAS rules are
 * created. TLS: Relay accepts 1.2 and later by default ("minimumTlsVersion", API 2026-01-01).
 */
export class RelayNamespace extends Construct {
  readonly resource: RelayNamespaceResource;
  readonly networkRuleSet: AzapiResource;
  readonly name: string;
  readonly resourceGroupName: string;

  constructor(scope: Construct, id: string, props: RelayNamespaceProps) {
    super(scope, id);
    // Naming rule from the Microsoft.Relay/namespaces template reference.
    if (!/^[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]$/.test(props.name)) {
      throw new Error(
        `name must be 6-50 letters, digits and hyphens, start with a letter and end with a letter or digit, got "${props.name}"`,
      );
    }
    const ipRanges = props.allowedIpRanges ?? [];
    const publicAccess = props.publicNetworkAccess ?? false;
    if (ipRanges.length > 0 && !publicAccess) {
      throw new Error(
        `allowedIpRanges only filter the public endpoint, which is closed; set publicNetworkAccess or remove allowedIpRanges, got [${ipRanges.join(", ")}]`,
      );
    }
    this.name = props.name;
    this.resourceGroupName = props.resourceGroupName;

    this.resource = new RelayNamespaceResource(this, "namespace", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      skuName: "Standard",
      tags: props.tags ? { ...props.tags } : undefined,
    });
    protectFromDestroy(this.resource, props.preventDestroy ?? false);

    const body: RelayNetworkRuleSetBody = {
      properties: {
        publicNetworkAccess: publicAccess ? "Enabled" : "Disabled",
        // Deny unless the public endpoint is open to everyone: with IP rules, only they pass.
        defaultAction: publicAccess && ipRanges.length === 0 ? "Allow" : "Deny",
        trustedServiceAccessEnabled: props.trustedServicesAllowed ?? false,
        ipRules: ipRanges.map((ipMask) => ({ ipMask, action: "Allow" })),
      },
    };
    this.networkRuleSet = new AzapiResource(this, "network-rule-set", {
      type: "Microsoft.Relay/namespaces/networkRuleSets@2021-11-01",
      name: "default",
      parentId: this.resource.id,
      body,
    });

    attachSharedInterfaces(this, {
      resourceId: this.resource.id,
      resourceLabel: `Relay namespace ${props.name}`,
      name: props.name,
      subresource: "namespace",
      interfaces: {
        location: props.location,
        resourceGroupName: props.resourceGroupName,
        tags: props.tags,
        logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
        privateEndpoint: props.privateEndpointSubnetId
          ? {
              subnetId: props.privateEndpointSubnetId,
              privateDnsZoneId: props.privateDnsZoneId,
            }
          : undefined,
        lock: props.lock,
      },
    });
  }

  /** ARM ID of the namespace. */
  get id(): string {
    return this.resource.id;
  }

  /** `sb://<name>.servicebus.windows.net`: where listeners and senders connect. */
  get endpoint(): string {
    return `sb://${this.name}.servicebus.windows.net`;
  }

  /**
   * Lets `grantee` listen on every relay in the namespace, present and future. Prefer the
   * connection's own `grantListen`: this is the wider scope.
   */
  grantListen(grantee: Grantee): RoleAssignment {
    return this.grant("listen", BuiltInRole.relayListener, grantee);
  }

  /** Lets `grantee` send to every relay in the namespace; prefer the connection's own `grantSend`. */
  grantSend(grantee: Grantee): RoleAssignment {
    return this.grant("send", BuiltInRole.relaySender, grantee);
  }

  /** Lets `grantee` listen, send and manage every relay in the namespace. */
  grantOwner(grantee: Grantee): RoleAssignment {
    return this.grant("own", BuiltInRole.relayOwner, grantee);
  }

  private grant(prefix: string, role: BuiltInRoleName, grantee: Grantee): RoleAssignment {
    return grantRole(this, grantId(prefix, grantee), {
      scopeId: this.resource.id,
      scopeLabel: `relay/${this.name}`,
      role,
      grantee,
    });
  }
}
