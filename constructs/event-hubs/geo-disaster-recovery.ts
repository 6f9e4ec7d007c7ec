import { Construct } from "constructs";
import { EventhubNamespaceDisasterRecoveryConfig } from "@cdktf/provider-azurerm/lib/eventhub-namespace-disaster-recovery-config";
import type { EventHubsNamespace } from "./namespace";

export interface GeoDisasterRecoveryProps {
  /** The namespace clients use today. */
  readonly primary: EventHubsNamespace;
  /** An empty namespace of the same SKU in another region; Azure copies the primary's metadata to it. */
  readonly secondary: EventHubsNamespace;
  /** Name of the alias: clients connect to `<alias>.servicebus.windows.net`, which follows a failover. */
  readonly aliasName: string;
}

/**
 * Metadata geo-disaster recovery ("Azure Event Hubs - Geo-disaster recovery"): the pairing replicates
 * hubs, consumer groups and settings, not events. Basic has no geo-DR (tier comparison: "Geo disaster
 * N/A" on Basic), and both namespaces must be of the same tier.
 */
export class GeoDisasterRecovery extends Construct {
  readonly id: string;
  readonly aliasName: string;
  /** The endpoint clients should use, so a failover needs no configuration change. */
  readonly aliasFqdn: string;
  readonly resource: EventhubNamespaceDisasterRecoveryConfig;

  constructor(scope: Construct, id: string, props: GeoDisasterRecoveryProps) {
    super(scope, id);
    const { primary, secondary } = props;
    const where = `geo-disaster recovery ${props.aliasName}`;
    if (!primary.limits.geoDisasterRecovery) {
      throw new Error(
        `${where}: ${primary.name} is ${primary.limits.tier}, which has no geo-disaster recovery; use Standard or above`,
      );
    }
    if (secondary.tier !== primary.tier) {
      throw new Error(
        `${where}: the secondary must be ${primary.tier} like the primary, got ${secondary.tier}`,
      );
    }
    if (secondary.location === primary.location) {
      throw new Error(`${where}: the secondary must be in another region than ${primary.location}`);
    }
    if (props.aliasName === primary.name || props.aliasName === secondary.name) {
      throw new Error(
        `${where}: the alias name must differ from both namespace names, got ${props.aliasName}`,
      );
    }
    this.aliasName = props.aliasName;
    this.aliasFqdn = `${props.aliasName}.servicebus.windows.net`;
    this.resource = new EventhubNamespaceDisasterRecoveryConfig(this, "alias", {
      name: props.aliasName,
      namespaceName: primary.name,
      resourceGroupName: primary.resourceGroupName,
      partnerNamespaceId: secondary.id,
      // Pairing needs the primary namespace, and its name alone carries no dependency.
      dependsOn: [primary.resource],
    });
    this.id = this.resource.id;
  }
}
