import type { Construct } from "constructs";
import { RelayNamespace as RelayNamespaceResource } from "@cdktf/provider-azurerm/lib/relay-namespace";
import { azureNameProblems } from "../../azure/name-rule";
import {
  RELAY_NETWORK_RULE_SET_TYPE,
  RELAY_SKU,
  relayEndpointUri,
  relayNameRules,
  relayNamespaceProblems,
} from "../../azure/relay";
import { AzapiPut } from "../shared/azapi-resource-action";
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

/**
 * The whole of `Microsoft.Relay/namespaces/networkRuleSets` at RELAY_NETWORK_RULE_SET_TYPE's API
 * version (NetworkRuleSetProperties in azure-rest-api-specs specification/relay/resource-manager/
 * Microsoft.Relay/stable/2021-11-01, and in the schema azapi 2.12.0 embeds). A PUT replaces the
 * whole `properties`, so every field is always written, `publicNetworkAccess` above all: Relay
 * takes it only here, not on the namespace.
 */
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
  readonly networkRuleSet: AzapiPut<RelayNetworkRuleSetBody>;
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
    // Written with a PUT of the whole rule set: Azure may answer a GET of `default` as soon as the
    // namespace exists (Service Bus and Event Hubs do), which azapi_resource refuses to create over,
    // while azapi_update_resource fails where it does not exist yet (docs/azure-behaviours.md).
    this.networkRuleSet = new AzapiPut(this, "network-rule-set", {
      type: RELAY_NETWORK_RULE_SET_TYPE,
      resourceId: `${this.resource.id}/networkRuleSets/default`,
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
