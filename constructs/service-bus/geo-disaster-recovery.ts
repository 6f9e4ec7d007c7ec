import { Construct } from "constructs";
import { ServicebusNamespaceDisasterRecoveryConfig } from "@cdktf/provider-azurerm/lib/servicebus-namespace-disaster-recovery-config";
import {
  serviceBusGeoDisasterRecoveryProblems,
  serviceBusGeoPairNameProblems,
} from "../../azure/service-bus-rules";
import { known, knownValues, validateWith } from "../shared/validation";
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
  /**
   * Azure name of the secondary's private endpoint, when the primary has one.
   * @default - `<secondary name>-pep`
   */
  readonly secondaryPrivateEndpointName?: string;
  /**
   * Name of the secondary's connection-string output, when local authentication is on.
   * @default - `<secondary name>_default_connection_string` (never the primary's)
   */
  readonly secondaryConnectionStringOutputName?: string;
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
    validateWith(this, `Service Bus geo-disaster recovery for ${primary.name}`, () => {
      const location = known(primary.location);
      const secondaryLocation = known(props.secondaryLocation);
      const names = knownValues({
        name: primary.name,
        secondaryName: props.secondaryName,
        aliasName: props.aliasName,
      });
      return [
        ...(location === undefined
          ? []
          : serviceBusGeoDisasterRecoveryProblems({
              name: primary.label,
              sku: primary.sku,
              location,
              secondaryLocation,
              geoDisasterRecovery: true,
            })),
        ...serviceBusGeoPairNameProblems(names),
      ];
    });

    // The private endpoint stays in the primary's virtual network (it must be in its subnet's
    // region; the namespace it reaches may be anywhere), so clients there survive a failover.
    const endpoint = primary.props.privateEndpoint;
    this.secondary = new ServiceBusNamespace(this, "secondary", {
      ...primary.props,
      name: props.secondaryName,
      label: `${primary.label}-secondary`,
      location: props.secondaryLocation,
      connectionStringOutputName: props.secondaryConnectionStringOutputName,
      privateEndpoint: endpoint
        ? {
            ...endpoint,
            location: endpoint.location ?? primary.location,
            name: props.secondaryPrivateEndpointName,
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
