import { Construct } from "constructs";
import { EventhubNamespaceDisasterRecoveryConfig } from "@cdktf/provider-azurerm/lib/eventhub-namespace-disaster-recovery-config";
import { known, validateWith } from "../shared/validation";
import type { EventHubsNamespace } from "./namespace";
import { eventHubsHost, geoDisasterRecoveryProblems, geoPairProblems } from "../../azure/event-hubs";

export interface GeoDisasterRecoveryProps {
  /** The namespace clients use today. */
  readonly primary: EventHubsNamespace;
  /** An empty namespace of the same tier in another region; Azure copies the primary's metadata to it. */
  readonly secondary: EventHubsNamespace;
  /** Name of the alias: clients connect to `<alias>.servicebus.windows.net`, which follows a failover. */
  readonly aliasName: string;
}

/**
 * Metadata geo-disaster recovery ("Azure Event Hubs - Geo-disaster recovery"): the pairing replicates
 * hubs, consumer groups and settings, not events. The rules it follows (tier, regions, alias) are
 * the environment file's, from `azure/event-hubs.ts`.
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
    validateWith(this, `geo-disaster recovery ${props.aliasName}`, () => {
      const location = known(primary.location);
      const secondaryLocation = known(secondary.location);
      return [
        ...(location === undefined
          ? []
          : geoDisasterRecoveryProblems({
              sku: primary.sku,
              dedicatedClusterId: primary.dedicatedClusterId,
              geoDisasterRecovery: true,
              location,
              secondaryLocation,
            })),
        ...geoPairProblems({
          primaryName: primary.name,
          primaryTier: primary.tier,
          secondaryName: secondary.name,
          secondaryTier: secondary.tier,
          aliasName: props.aliasName,
        }),
      ];
    });
    this.aliasName = props.aliasName;
    this.aliasFqdn = eventHubsHost(props.aliasName);
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
