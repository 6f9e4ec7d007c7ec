import type { Construct } from "constructs";
import { TerraformOutput } from "cdktf";
import { ServicebusNamespace } from "@cdktf/provider-azurerm/lib/servicebus-namespace";
import {
  serviceBusEndpointUri,
  serviceBusPrivateLinkSubresource,
  serviceBusRoles,
  type ServiceBusSku,
} from "../../azure/service-bus";
import { serviceBusNamespaceProblems } from "../../azure/service-bus-rules";
import { SendReceiveManageEntity, type GrantableRole, type GrantScope } from "../shared/grantable";
import {
  attachSharedInterfaces,
  resolveNamespaceInterfaces,
  sharedInterfaceRequest,
  type NamespaceInterfaceProps,
} from "../shared/shared-interfaces";
import { protectFromDestroy } from "../shared/stateful";
import { knownValues, validateWith } from "../shared/validation";

export type { ServiceBusSku };

/**
 * The roles behind grantSend, grantReceive and grantManage on a namespace, queue or topic, and the
 * construct-ID prefixes their assignments have always had (part of their Terraform addresses).
 */
export const serviceBusGrantRoles: Readonly<Record<"send" | "receive" | "manage", GrantableRole>> = {
  send: { role: serviceBusRoles.send, idPrefix: "grant-send" },
  receive: { role: serviceBusRoles.receive, idPrefix: "grant-receive" },
  manage: { role: serviceBusRoles.manage, idPrefix: "grant-manage" },
};

/**
 * A Service Bus namespace: the shared interfaces every namespace takes (private endpoint on the
 * `namespace` sub-resource, network access, identities, customer-managed key, diagnostics, lock,
 * tags), plus the Service Bus tier and its sizing. Options the SKU does not offer (a private
 * endpoint or customer-managed key below Premium) are validation errors at synthesis.
 */
export interface ServiceBusNamespaceProps extends NamespaceInterfaceProps {
  /** Azure name of the namespace (globally unique: it becomes `<name>.servicebus.windows.net`). */
  readonly name: string;
  /**
   * Name the environment file uses for the namespace, in entity labels (`orders/payments`).
   * @default - the Azure name
   */
  readonly label?: string;
  readonly sku: ServiceBusSku;
  /**
   * Messaging units (Premium only).
   * @default - as many units as partitions on Premium (the smallest Azure accepts); none elsewhere
   */
  readonly capacity?: number;
  /**
   * Partitions of a Premium namespace; every queue and topic in it is partitioned when above 1.
   * @default - 1 on Premium (not partitioned); none elsewhere
   */
  readonly partitions?: number;
  /**
   * Name of the sensitive Terraform output holding the default connection string, made when local
   * authentication is on (a stack gives each namespace a distinct one).
   * @default - `<name>_default_connection_string`, every character but letters and digits as `_`
   */
  readonly connectionStringOutputName?: string;
}

/**
 * A Service Bus namespace with the project's secure defaults: TLS 1.2, no SAS keys, a managed
 * identity, and, when asked, a private endpoint, diagnostics, a delete lock and customer-managed
 * encryption. With local authentication on, the default connection string becomes a sensitive
 * Terraform output. Zone redundancy is not a setting: azurerm 4.x removed `zone_redundant`,
 * because Azure enables availability zones on new namespaces wherever the region has them.
 */
export class ServiceBusNamespace extends SendReceiveManageEntity {
  readonly resource: ServicebusNamespace;
  /** ARM ID of the namespace. */
  readonly id: string;
  /** Azure name of the namespace. */
  readonly name: string;
  /** Name the environment file uses for the namespace. */
  readonly label: string;
  readonly sku: ServiceBusSku;
  readonly location: string;
  readonly resourceGroupName: string;
  /** Messaging units; undefined outside Premium. */
  readonly capacity?: number;
  /** Premium partitions; 0 outside Premium. */
  readonly partitions: number;
  /** `https://<name>.servicebus.windows.net:443/` — what clients connect to. */
  readonly endpoint: string;
  /** `sb://<name>.servicebus.windows.net` — the AMQP address identity-based routes use. */
  readonly endpointUri: string;
  /** Object ID of the namespace's system-assigned identity. */
  readonly principalId: string;
  /** What the namespace was built from: a geo-disaster-recovery secondary is configured alike. */
  readonly props: ServiceBusNamespaceProps;
  protected readonly grantRoles = serviceBusGrantRoles;

  constructor(scope: Construct, id: string, props: ServiceBusNamespaceProps) {
    super(scope, id);
    const label = props.label ?? props.name;
    validateWith(this, `Service Bus namespace ${props.name}`, () =>
      serviceBusNamespaceProblems(
        knownValues({
          name: label,
          sku: props.sku,
          capacity: props.capacity,
          partitions: props.partitions,
          ...sharedInterfaceRequest(props),
        }),
      ),
    );
    const shared = resolveNamespaceInterfaces(props);
    const premium = props.sku === "Premium";
    const partitions = premium ? (props.partitions ?? 1) : undefined;
    const capacity = premium ? (props.capacity ?? partitions) : undefined;
    const key = shared.customerManagedKey;

    this.resource = new ServicebusNamespace(this, "namespace", {
      name: props.name,
      location: shared.location,
      resourceGroupName: shared.resourceGroupName,
      sku: props.sku,
      capacity,
      premiumMessagingPartitions: partitions,
      minimumTlsVersion: "1.2",
      localAuthEnabled: shared.localAuth,
      publicNetworkAccessEnabled: shared.publicNetworkAccess,
      // Always declared: the rule set's own public_network_access_enabled defaults to true and is
      // applied after the namespace, so leaving it out would re-open what the namespace closed.
      // azurerm accepts `Deny` only when there are IP or virtual-network rules to allow
      // (servicebus_namespace_resource.go, createNetworkRuleSetForNamespace).
      networkRuleSet: {
        defaultAction: shared.allowedIpRanges.length > 0 ? "Deny" : "Allow",
        ipRules: shared.allowedIpRanges.length > 0 ? [...shared.allowedIpRanges] : undefined,
        publicNetworkAccessEnabled: shared.publicNetworkAccess,
        trustedServicesAllowed: shared.trustedServicesAllowed,
      },
      identity: shared.identity,
      customerManagedKey: key
        ? {
            keyVaultKeyId: key.keyVaultKeyId,
            identityId: key.identityId,
            infrastructureEncryptionEnabled: key.infrastructureEncryption,
          }
        : undefined,
      tags: { ...shared.tags },
    });
    protectFromDestroy(this.resource, shared.preventDestroy);

    this.id = this.resource.id;
    this.name = props.name;
    this.label = label;
    this.sku = props.sku;
    this.location = shared.location;
    this.resourceGroupName = shared.resourceGroupName;
    this.capacity = capacity;
    this.partitions = partitions ?? 0;
    this.endpoint = this.resource.endpoint;
    this.endpointUri = serviceBusEndpointUri(props.name);
    this.principalId = this.resource.identity.principalId;
    this.props = props;

    attachSharedInterfaces(this, {
      resourceId: this.resource.id,
      resourceLabel: `Service Bus namespace ${props.name}`,
      name: props.name,
      subresource: serviceBusPrivateLinkSubresource,
      interfaces: shared,
    });
    if (shared.localAuth) {
      // Sensitive, so neither plan nor apply prints it; readers take it from state deliberately.
      const output = new TerraformOutput(this, "default-connection-string", {
        value: this.resource.defaultPrimaryConnectionString,
        sensitive: true,
        description: `Primary SAS connection string of ${props.name} (RootManageSharedAccessKey)`,
      });
      output.overrideLogicalId(
        props.connectionStringOutputName ??
          `${props.name.replace(/[^A-Za-z0-9]/g, "_")}_default_connection_string`,
      );
    }
  }

  /** Grants apply to every queue, topic and subscription of the namespace. */
  protected grantScope(): GrantScope {
    // The Azure name is globally unique, so two environments in one subscription never share an
    // assignment name.
    return { id: this.id, label: this.name };
  }
}

/**
 * `partitioning_enabled` for an entity: on Premium it must follow the namespace (azurerm 4.x
 * refuses non-partitioned entities in a partitioned namespace and the reverse).
 */
export function entityPartitioning(
  namespace: ServiceBusNamespace,
  partitioned: boolean | undefined,
): boolean {
  return namespace.sku === "Premium" ? namespace.partitions > 1 : (partitioned ?? false);
}
