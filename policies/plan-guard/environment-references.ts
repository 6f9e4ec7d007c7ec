import type { WalkedResource } from "../../model/walk";
import { entityFamilyOfArmType, type AzureIdentity, type EntityFamily } from "./azure-identity";

/** Environment references (`serviceBus/orders/orders-inbound`) by the Azure identity they name. */
export class EnvironmentReferences {
  private readonly byIdentity = new Map<string, string>();

  static none(): EnvironmentReferences {
    return new EnvironmentReferences();
  }

  /**
   * References in the environment file's grammar (model/resource-refs.ts) of every stateful entity
   * the model's walk yields: `serviceBus/orders/orders-inbound`. A derived entity answers to the
   * declaration it derives from: the Device Provisioning Service to its hub's `iotHub/<hub>`, a
   * geo-disaster-recovery secondary to its primary's.
   */
  static of(resources: readonly WalkedResource[]): EnvironmentReferences {
    const references = new EnvironmentReferences();
    for (const resource of resources) {
      const family = entityFamilyOfArmType(resource.azureType);
      if (family) references.add(family, resource.azurePath, resource.ref);
    }
    return references;
  }

  /** The environment reference for an Azure entity, when the environment file declares it. */
  referenceFor(identity: AzureIdentity): string | undefined {
    return this.byIdentity.get(EnvironmentReferences.key(identity.family, identity.names));
  }

  private add(family: EntityFamily, names: readonly string[], reference: string): void {
    const key = EnvironmentReferences.key(family, names);
    // The walk yields a declaration before what derives from it.
    if (!this.byIdentity.has(key)) this.byIdentity.set(key, reference);
  }

  // Azure resource names are case-insensitive, and ARM IDs in state do not always keep the casing.
  private static key(family: EntityFamily, names: readonly string[]): string {
    return `${family}:${names.join("/").toLowerCase()}`;
  }
}
