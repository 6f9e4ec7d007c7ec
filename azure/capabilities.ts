/**
 * Which SKUs support the features the tier profiles turn on by default. The resolver applies a
 * default only where Azure supports it; asking for it explicitly on a SKU that does not support it
 * is each service's own validation error.
 */

/** What decides an Event Hubs namespace's capabilities: its SKU and whether it runs on a dedicated cluster. */
interface EventHubsNamespaceSpec {
  readonly sku: "Basic" | "Standard" | "Premium";
  readonly dedicatedClusterId?: string;
  readonly dedicatedCluster?: unknown;
}

/** learn.microsoft.com/azure/event-hubs/configure-customer-managed-key: Premium and Dedicated tiers only. */
export function eventHubsSupportsCustomerManagedKey(ns: EventHubsNamespaceSpec): boolean {
  return ns.sku === "Premium" || eventHubsOnDedicatedCluster(ns);
}

/**
 * learn.microsoft.com/azure/event-hubs/event-hubs-geo-dr: Standard, Premium and Dedicated, not Basic,
 * and both namespaces of a pair in the same tier. A namespace on a dedicated cluster would need its
 * secondary on another dedicated cluster in `secondaryLocation`, which an environment file cannot
 * declare (the stack creates the secondary as a plain namespace), so the pairing is not offered there.
 */
export function eventHubsSupportsGeoDisasterRecovery(ns: EventHubsNamespaceSpec): boolean {
  return ns.sku !== "Basic" && !eventHubsOnDedicatedCluster(ns);
}

/** Whether the namespace lives on a dedicated cluster, one the file creates or an existing one. */
export function eventHubsOnDedicatedCluster(ns: EventHubsNamespaceSpec): boolean {
  return ns.dedicatedClusterId !== undefined || ns.dedicatedCluster !== undefined;
}

/** learn.microsoft.com/azure/event-hubs/private-link-service: not on the Basic tier. */
export function eventHubsSupportsPrivateEndpoint(ns: EventHubsNamespaceSpec): boolean {
  return ns.sku !== "Basic";
}

/** learn.microsoft.com/azure/iot-hub/virtual-network-support: private endpoints are not offered on the free tier. */
export function iotHubSupportsPrivateEndpoint(sku: string): boolean {
  return sku !== "F1";
}

/**
 * Whether a namespace gets a geo-disaster-recovery pair: the SKU supports it, the file names a
 * secondary region, and the namespace asks for it (or the tier profile does by default).
 */
export function geoDisasterRecoveryApplies(
  secondaryLocation: string | undefined,
  supported: boolean,
  requested: boolean | undefined,
  tierDefault: boolean,
): boolean {
  return supported && secondaryLocation !== undefined && (requested ?? tierDefault);
}
