import type { SourceLocation } from "../../model/model";
import type { PolicyModel } from "../../model/policy-model";
import { resourceRef } from "../../model/resource-refs";
import { walkEnvironment } from "../../model/walk";
import { familyOfArmType } from "./azure-path";

/** The families of namespace-like resources; a Terraform resource's Azure path is keyed by one. */
export type Family =
  | "serviceBus"
  | "eventHubs"
  | "eventGridTopic"
  | "eventGridDomain"
  | "eventGridSystemTopic"
  | "eventGridNamespace"
  | "relay"
  | "iotHub"
  | "streamAnalytics"
  | "logicApp";

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
 * plus the Azure names from the namespace down, `sbns-contoso-orders-prod/payments`), from the
 * model's walk (`model/walk.ts`): a derived resource (a geo-DR secondary, an MQTT route topic)
 * maps to the declaration it derives from. Azure names are deterministic, so this maps
 * synthesized resources back to the file lines that declared them.
 */
export class DeclarationIndex {
  private readonly byPath = new Map<string, Declaration>();
  private readonly addresses = new Set<string>([ENVIRONMENT_ADDRESS]);

  constructor(model: PolicyModel | undefined) {
    if (!model) return;
    const eventSourced = new Set(
      model.eventHubs.flatMap((ns) =>
        ns.hubs.filter((hub) => hub.eventSourced).map((hub) => resourceRef("eventHubs", ns.name, hub.name)),
      ),
    );
    for (const resource of walkEnvironment(model)) {
      if (resource.refersToItself) this.addresses.add(resource.ref);
      const family = familyOfArmType(resource.rootType);
      if (!family) continue;
      const key = keyOf(family, resource.azurePath);
      // The declaration comes first in the walk; a derived resource on the same path keeps it.
      if (this.byPath.has(key)) continue;
      this.byPath.set(key, {
        address: resource.ref,
        source: resource.source,
        ...(resource.kind === "eventHub" ? { eventSourced: eventSourced.has(resource.ref) } : {}),
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
}

function keyOf(family: Family, path: readonly string[]): string {
  return `${family}|${path.join("/")}`;
}
