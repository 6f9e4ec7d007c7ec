import { resourceRef } from "../../model/resource-refs";
import type { AzureIdentity, EntityFamily } from "./azure-identity";

interface Named {
  readonly name: string;
}

interface AzureNamed extends Named {
  readonly azureName: string;
}

/**
 * The parts of the environment model that name stateful entities. `EnvironmentModel` fits it as
 * it is; tests pass small literals.
 */
export interface ReferenceSource {
  readonly serviceBus: readonly (AzureNamed & {
    readonly queues: readonly Named[];
    readonly topics: readonly (Named & { readonly subscriptions: readonly Named[] })[];
  })[];
  readonly eventHubs: readonly (AzureNamed & {
    readonly hubs: readonly (Named & { readonly consumerGroups: readonly Named[] })[];
  })[];
  readonly eventGrid: { readonly namespaces: readonly AzureNamed[] };
  readonly relay: readonly (AzureNamed & {
    readonly hybridConnections: readonly Named[];
    readonly wcfRelays: readonly Named[];
  })[];
  readonly iotHub: readonly (AzureNamed & { readonly deviceProvisioning?: { readonly azureName: string } })[];
}

/** Environment references (`serviceBus/orders/orders-inbound`) by the Azure identity they name. */
export class EnvironmentReferences {
  private readonly byIdentity = new Map<string, string>();

  static none(): EnvironmentReferences {
    return new EnvironmentReferences();
  }

  /**
   * References in the environment file's grammar (model/resource-refs.ts), with
   * logical namespace names: `serviceBus/orders/orders-inbound`. The grammar has no name of its
   * own for an IoT Hub's Device Provisioning Service, so it answers to its hub's, `iotHub/<hub>`.
   */
  static of(model: ReferenceSource): EnvironmentReferences {
    const references = new EnvironmentReferences();
    for (const ns of model.serviceBus) {
      references.add("serviceBus/namespace", [ns.azureName], resourceRef("serviceBus", ns.name));
      for (const queue of ns.queues) {
        references.add(
          "serviceBus/queue",
          [ns.azureName, queue.name],
          resourceRef("serviceBus", ns.name, queue.name),
        );
      }
      for (const topic of ns.topics) {
        references.add(
          "serviceBus/topic",
          [ns.azureName, topic.name],
          resourceRef("serviceBus", ns.name, topic.name),
        );
        for (const subscription of topic.subscriptions) {
          references.add(
            "serviceBus/subscription",
            [ns.azureName, topic.name, subscription.name],
            resourceRef("serviceBus", ns.name, topic.name, subscription.name),
          );
        }
      }
    }
    for (const ns of model.eventHubs) {
      references.add("eventHubs/namespace", [ns.azureName], resourceRef("eventHubs", ns.name));
      for (const hub of ns.hubs) {
        references.add(
          "eventHubs/hub",
          [ns.azureName, hub.name],
          resourceRef("eventHubs", ns.name, hub.name),
        );
        for (const group of hub.consumerGroups) {
          references.add(
            "eventHubs/consumerGroup",
            [ns.azureName, hub.name, group.name],
            resourceRef("eventHubs", ns.name, hub.name, group.name),
          );
        }
      }
    }
    for (const ns of model.eventGrid.namespaces) {
      references.add("eventGrid/namespace", [ns.azureName], resourceRef("eventGridNamespaces", ns.name));
    }
    for (const ns of model.relay) {
      references.add("relay/namespace", [ns.azureName], resourceRef("relay", ns.name));
      for (const connection of ns.hybridConnections) {
        references.add(
          "relay/hybridConnection",
          [ns.azureName, connection.name],
          resourceRef("relay", ns.name, connection.name),
        );
      }
      for (const relay of ns.wcfRelays) {
        references.add(
          "relay/wcfRelay",
          [ns.azureName, relay.name],
          resourceRef("relay", ns.name, relay.name),
        );
      }
    }
    for (const hub of model.iotHub) {
      references.add("iotHub/hub", [hub.azureName], resourceRef("iotHub", hub.name));
      if (hub.deviceProvisioning) {
        references.add(
          "iotHub/deviceProvisioning",
          [hub.deviceProvisioning.azureName],
          resourceRef("iotHub", hub.name),
        );
      }
    }
    return references;
  }

  /** The environment reference for an Azure entity, when the environment file declares it. */
  referenceFor(identity: AzureIdentity): string | undefined {
    return this.byIdentity.get(EnvironmentReferences.key(identity.family, identity.names));
  }

  private add(family: EntityFamily, names: readonly string[], reference: string): void {
    this.byIdentity.set(EnvironmentReferences.key(family, names), reference);
  }

  // Azure resource names are case-insensitive, and ARM IDs in state do not always keep the casing.
  private static key(family: EntityFamily, names: readonly string[]): string {
    return `${family}:${names.join("/").toLowerCase()}`;
  }
}
