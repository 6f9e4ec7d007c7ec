import { Construct } from "constructs";
import { EventhubCluster } from "@cdktf/provider-azurerm/lib/eventhub-cluster";
import { deleteLockFor } from "../shared/lock";
import { protectFromDestroy } from "../shared/stateful";
import { knownValues, validateWith } from "../shared/validation";
import { eventHubsClusterProblems } from "../../azure/event-hubs";

export interface EventHubsClusterProps {
  /** Azure name of the cluster. */
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  /**
   * Capacity units (CUs).
   * @default - 1 capacity unit, what Azure assigns a new cluster
   */
  readonly capacity?: number;
  /**
   * A CanNotDelete lock on the cluster.
   * @default - false: no lock; the cluster can be deleted
   */
  readonly lock?: boolean;
  /**
   * Terraform's `prevent_destroy`: every namespace on the cluster goes with it.
   * @default - false: a plan may destroy the cluster
   */
  readonly preventDestroy?: boolean;
  /** @default - no tags */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A dedicated Event Hubs cluster: single-tenant capacity whose namespaces get the dedicated tier's limits. */
export class EventHubsCluster extends Construct {
  readonly id: string;
  readonly name: string;
  readonly capacity: number;
  readonly resource: EventhubCluster;

  constructor(scope: Construct, id: string, props: EventHubsClusterProps) {
    super(scope, id);
    validateWith(this, `Event Hubs cluster ${props.name}`, () =>
      eventHubsClusterProblems(knownValues({ capacity: props.capacity })),
    );
    const capacity = props.capacity ?? 1;
    this.name = props.name;
    this.capacity = capacity;
    this.resource = new EventhubCluster(this, "cluster", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      // azurerm validates `^Dedicated_[1-9][0-9]*$`: the SKU name carries the capacity.
      skuName: `Dedicated_${capacity}`,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    protectFromDestroy(this.resource, props.preventDestroy ?? false);
    this.id = this.resource.id;
    if (props.lock) deleteLockFor(this, "lock", this.resource.id, `Event Hubs cluster ${props.name}`);
  }
}
