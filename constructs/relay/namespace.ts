import type { Construct } from "constructs";
import { RelayNamespace as RelayNamespaceResource } from "@cdktf/provider-azurerm/lib/relay-namespace";
import { azureNameProblems } from "../../azure/name-rule";
import { RELAY_SKU, relayEndpointUri, relayNameRules, relayNamespaceProblems } from "../../azure/relay";
import { AzapiResource } from "../shared/azapi-resource";
import type { GrantScope } from "../shared/grantable";
import {
  attachSharedInterfaces,
  resolveNamespaceInterfaces,
  sharedInterfaceRequest,
  type NamespaceInterfaceProps,
} from "../shared/shared-interfaces";
import { protectFromDestroy } from "../shared/stateful";
import { known, knownValues, validateWith } from "../shared/validation";
import { RelayGrantable } from "./relay-grantable";

/**
 * A Relay namespace takes the shared interfaces it has in Azure: private endpoint (sub-resource
 * `namespace`, zone `privatelink.servicebus.windows.net`), public network access, IP ranges,
 * trusted services, diagnostics, lock and tags. `localAuth`, `customerManagedKey` and
 * `userAssignedIdentityIds` are validation errors: Azure Relay has no such settings.
 */
export interface RelayNamespaceProps extends NamespaceInterfaceProps {
  /** Azure name: 6-50 letters, digits and hyphens, starting with a letter, ending with a letter or digit. */
  readonly name: string;
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
 * azapi. Local (SAS) authentication cannot be switched off for Relay at all: access is granted
 * with Entra ID roles on each connection and no SAS rules are created. TLS: Relay accepts 1.2 and
 * later by default ("minimumTlsVersion", API 2026-01-01).
 */
export class RelayNamespace extends RelayGrantable {
  readonly resource: RelayNamespaceResource;
  readonly networkRuleSet: AzapiResource;
  readonly name: string;
  readonly resourceGroupName: string;

  constructor(scope: Construct, id: string, props: RelayNamespaceProps) {
    super(scope, id);
    const interfaces = resolveNamespaceInterfaces(props);
    validateWith(this, `Relay namespace ${props.name}`, () => [
      ...azureNameProblems(relayNameRules.namespace, known(props.name)),
      ...relayNamespaceProblems(
        knownValues({
          ...sharedInterfaceRequest(props),
          publicNetworkAccess: interfaces.publicNetworkAccess,
        }),
      ),
    ]);
    this.name = props.name;
    this.resourceGroupName = props.resourceGroupName;

    this.resource = new RelayNamespaceResource(this, "namespace", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      skuName: RELAY_SKU,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    protectFromDestroy(this.resource, interfaces.preventDestroy);

    const publicAccess = interfaces.publicNetworkAccess;
    const ipRanges = interfaces.allowedIpRanges;
    const body: RelayNetworkRuleSetBody = {
      properties: {
        publicNetworkAccess: publicAccess ? "Enabled" : "Disabled",
        // Deny unless the public endpoint is open to everyone: with IP rules, only they pass.
        defaultAction: publicAccess && ipRanges.length === 0 ? "Allow" : "Deny",
        trustedServiceAccessEnabled: interfaces.trustedServicesAllowed,
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
      interfaces: props,
    });
  }

  /** ARM ID of the namespace. */
  get id(): string {
    return this.resource.id;
  }

  /** `sb://<name>.servicebus.windows.net`: where listeners and senders connect. */
  get endpoint(): string {
    return relayEndpointUri(this.name);
  }

  /** Grants here reach every relay in the namespace, present and future: prefer a relay's own. */
  protected grantScope(): GrantScope {
    return { id: this.resource.id, label: `relay/${this.name}` };
  }
}
