import { Construct } from "constructs";
import { ServicebusNamespaceDisasterRecoveryConfig } from "@cdktf/provider-azurerm/lib/servicebus-namespace-disaster-recovery-config";
import { ServiceBusNamespace } from "./namespace";

export interface ServiceBusGeoDisasterRecoveryProps {
  /** The Premium namespace clients use today. */
  readonly primary: ServiceBusNamespace;
  /** Azure name of the paired secondary namespace. */
  readonly secondaryName: string;
  /** Region of the secondary namespace; must differ from the primary's. */
  readonly secondaryLocation: string;
  /** The alias clients connect to (`<alias>.servicebus.windows.net`), which follows a failover. */
  readonly aliasName: string;
}

/**
 * Geo-disaster recovery: a secondary Premium namespace in another region, configured like the
 * primary (same messaging units and partitions, which the pairing requires: "Enable partitioning
 * for an Azure Service Bus Premium namespace" warns against pairing partitioned with
 * non-partitioned), and the alias that replicates metadata to it. The secondary holds no entities
 * of its own: Azure copies them from the primary.
 */
export class ServiceBusGeoDisasterRecovery extends Construct {
  readonly secondary: ServiceBusNamespace;
  readonly resource: ServicebusNamespaceDisasterRecoveryConfig;
  /** The alias name clients use instead of either namespace's own. */
  readonly aliasName: string;

  constructor(scope: Construct, id: string, props: ServiceBusGeoDisasterRecoveryProps) {
    super(scope, id);
    const primary = props.primary;
    // "Service Bus Premium and Standard messaging tiers", feature table: Geo-DR is Premium only.
    if (primary.sku !== "Premium") {
      throw new Error(
        `Service Bus geo-disaster recovery for ${primary.name}: needs the Premium SKU, got ${primary.sku}`,
      );
    }
    if (props.secondaryLocation === primary.settings.location) {
      throw new Error(
        `Service Bus geo-disaster recovery for ${primary.name}: secondaryLocation must differ from the primary's location, got ${props.secondaryLocation}`,
      );
    }
    if (props.aliasName === primary.name || props.aliasName === props.secondaryName) {
      throw new Error(
        `Service Bus geo-disaster recovery for ${primary.name}: aliasName must differ from both namespace names, got ${props.aliasName}`,
      );
    }

    // The private endpoint stays in the primary's virtual network (it must be in its subnet's
    // region; the namespace it reaches may be anywhere), so clients there survive a failover.
    this.secondary = new ServiceBusNamespace(this, "secondary", {
      ...primary.settings,
      name: props.secondaryName,
      label: `${primary.label}-secondary`,
      location: props.secondaryLocation,
      privateEndpoint: primary.settings.privateEndpoint
        ? {
            ...primary.settings.privateEndpoint,
            location: primary.settings.privateEndpoint.location ?? primary.settings.location,
          }
        : undefined,
    });
    this.resource = new ServicebusNamespaceDisasterRecoveryConfig(this, "alias", {
      name: props.aliasName,
      primaryNamespaceId: primary.id,
      partnerNamespaceId: this.secondary.id,
    });
    this.aliasName = props.aliasName;
  }
}
