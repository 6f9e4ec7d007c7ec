import type { SourceLocation } from "../../model/model";
import { resourceRef } from "../../model/resource-refs";
import type { PolicyModel } from "../../model/policy-model";

/** The families of namespace-like resources; a Terraform resource's Azure path is keyed by one. */
export type Family =
  | "serviceBus"
  | "eventHubs"
  | "eventGridTopic"
  | "eventGridDomain"
  | "eventGridSystemTopic"
  | "eventGridNamespace"
  | "relay"
  | "iotHub";

/** Something the environment file declares, as policies name it and locate it. */
export interface Declaration {
  /** The address waivers and reports use (model/resource-refs grammar): `serviceBus/orders/payments`, `eventGridTopics/order-lifecycle`. */
  readonly address: string;
  /** Where the file declares it; absent for things the file only implies. */
  readonly source?: SourceLocation;
  /** Hubs whose events are the system of record (`eventSourced: true`). */
  readonly eventSourced?: boolean;
}

/** The address of environment-wide settings (monitoring, audit retention). */
export const ENVIRONMENT_ADDRESS = "monitoring";

/**
 * Every declaration of one environment, by the Azure path of the resource it becomes (`family`
 * plus the Azure names from the namespace down, `sbns-contoso-orders-prod/payments`). Azure names
 * are deterministic, so this maps synthesized resources back to the file lines that declared them.
 */
export class DeclarationIndex {
  private readonly byPath = new Map<string, Declaration>();
  private readonly addresses = new Set<string>([ENVIRONMENT_ADDRESS]);

  constructor(model: PolicyModel | undefined) {
    if (!model) return;
    for (const ns of model.serviceBus) {
      const base = this.add("serviceBus", [ns.azureName], {
        address: resourceRef("serviceBus", ns.name),
        source: ns.source,
      });
      if (ns.geoDisasterRecovery)
        this.add("serviceBus", [ns.geoDisasterRecovery.secondaryAzureName], {
          address: base,
          source: ns.source,
        });
      for (const queue of ns.queues)
        this.add("serviceBus", [ns.azureName, queue.name], {
          address: `${base}/${queue.name}`,
          source: queue.source,
        });
      for (const topic of ns.topics) {
        const topicAddress = this.add("serviceBus", [ns.azureName, topic.name], {
          address: `${base}/${topic.name}`,
          source: topic.source,
        });
        for (const sub of topic.subscriptions) {
          this.add("serviceBus", [ns.azureName, topic.name, sub.name], {
            address: `${topicAddress}/${sub.name}`,
            source: sub.source,
          });
        }
      }
    }
    for (const ns of model.eventHubs) {
      const base = this.add("eventHubs", [ns.azureName], {
        address: resourceRef("eventHubs", ns.name),
        source: ns.source,
      });
      if (ns.geoDisasterRecovery)
        this.add("eventHubs", [ns.geoDisasterRecovery.secondaryAzureName], {
          address: base,
          source: ns.source,
        });
      for (const hub of ns.hubs) {
        const hubAddress = this.add("eventHubs", [ns.azureName, hub.name], {
          address: `${base}/${hub.name}`,
          source: hub.source,
          eventSourced: hub.eventSourced,
        });
        for (const group of hub.consumerGroups)
          this.add("eventHubs", [ns.azureName, hub.name, group.name], {
            address: `${hubAddress}/${group.name}`,
            source: hub.source,
          });
      }
      for (const group of ns.schemaGroups)
        this.add("eventHubs", [ns.azureName, group.name], {
          address: `${base}/${group.name}`,
          source: group.source,
        });
    }
    for (const topic of model.eventGrid.topics) {
      const base = this.add("eventGridTopic", [topic.azureName], {
        address: resourceRef("eventGridTopics", topic.name),
        source: topic.source,
      });
      for (const sub of topic.subscriptions)
        this.add("eventGridTopic", [topic.azureName, sub.name], {
          address: `${base}/${sub.name}`,
          source: sub.source,
        });
    }
    for (const topic of model.eventGrid.systemTopics) {
      const base = this.add("eventGridSystemTopic", [topic.azureName], {
        address: resourceRef("eventGridSystemTopics", topic.name),
        source: topic.source,
      });
      for (const sub of topic.subscriptions)
        this.add("eventGridSystemTopic", [topic.azureName, sub.name], {
          address: `${base}/${sub.name}`,
          source: sub.source,
        });
    }
    for (const ns of model.eventGrid.namespaces) {
      const base = this.add("eventGridNamespace", [ns.azureName], {
        address: resourceRef("eventGridNamespaces", ns.name),
        source: ns.source,
      });
      const parts = [
        ...(ns.mqtt?.topicSpaces ?? []),
        ...(ns.mqtt?.clientGroups ?? []),
        ...(ns.mqtt?.clients ?? []),
      ];
      for (const part of parts)
        this.add("eventGridNamespace", [ns.azureName, part.name], {
          address: `${base}/${part.name}`,
          source: ns.source,
        });
    }
    for (const ns of model.relay) {
      const base = this.add("relay", [ns.azureName], {
        address: resourceRef("relay", ns.name),
        source: ns.source,
      });
      for (const hc of ns.hybridConnections)
        this.add("relay", [ns.azureName, hc.name], { address: `${base}/${hc.name}`, source: hc.source });
      for (const wcf of ns.wcfRelays)
        this.add("relay", [ns.azureName, wcf.name], { address: `${base}/${wcf.name}`, source: wcf.source });
    }
    for (const hub of model.iotHub) {
      const base = this.add("iotHub", [hub.azureName], {
        address: resourceRef("iotHub", hub.name),
        source: hub.source,
      });
      for (const route of hub.routes)
        this.add("iotHub", [hub.azureName, route.name], {
          address: `${base}/${route.name}`,
          source: route.source,
        });
    }
  }

  /** The declaration of the resource at `path` in `family`, or of its nearest declared ancestor. */
  find(family: Family, path: readonly string[]): Declaration | undefined {
    for (let length = path.length; length > 0; length--) {
      const found = this.byPath.get(keyOf(family, path.slice(0, length)));
      if (found) return found;
    }
    return undefined;
  }

  /** Whether `address` names something the file declares (waivers must). */
  has(address: string): boolean {
    return this.addresses.has(address);
  }

  private add(family: Family, path: readonly string[], declaration: Declaration): string {
    this.byPath.set(keyOf(family, path), declaration);
    this.addresses.add(declaration.address);
    return declaration.address;
  }
}

function keyOf(family: Family, path: readonly string[]): string {
  return `${family}|${path.join("/")}`;
}
