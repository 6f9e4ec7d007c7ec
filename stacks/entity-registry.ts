import type { DeliveryTarget } from "../constructs/shared/entity";

/**
 * The entities built so far in one stack, by the reference the environment file uses for them
 * (`orders/orders-inbound`). Services built later (Event Grid, IoT Hub, edge sites) look their
 * targets up here. A map, so every lookup is O(1) however large the estate.
 */
export class EntityRegistry {
  private readonly targets = new Map<string, DeliveryTarget>();
  private readonly namespaceIds = new Map<string, string>();

  register(target: DeliveryTarget): void {
    this.targets.set(`${target.kind}:${target.label}`, target);
  }

  /** Records a namespace-like resource's ARM ID (system topics use them as their source). */
  registerNamespace(kind: "serviceBus" | "eventHubs" | "iotHub" | "eventGridNamespace", name: string, resourceId: string): void {
    this.namespaceIds.set(`${kind}:${name}`, resourceId);
  }

  target(kind: DeliveryTarget["kind"], label: string): DeliveryTarget {
    const found = this.targets.get(`${kind}:${label}`);
    if (!found) {
      // The semantic checks reject dangling references before synthesis; reaching this is a bug.
      throw new Error(`internal: ${kind} ${label} was referenced before it was built`);
    }
    return found;
  }

  namespaceId(kind: "serviceBus" | "eventHubs" | "iotHub" | "eventGridNamespace", name: string): string {
    const found = this.namespaceIds.get(`${kind}:${name}`);
    if (!found) throw new Error(`internal: ${kind} namespace ${name} was referenced before it was built`);
    return found;
  }
}
