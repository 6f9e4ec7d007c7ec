/**
 * Which SKUs support the features the tier profiles turn on by default. The resolver applies a
 * default only where Azure supports it; asking for it explicitly on a SKU that does not support it
 * is each service's own validation error.
 */
type ServiceBusSku = "Basic" | "Standard" | "Premium";

/** learn.microsoft.com/azure/service-bus-messaging/configure-customer-managed-key: Premium tier only. */
export function serviceBusSupportsCustomerManagedKey(sku: ServiceBusSku): boolean {
  return sku === "Premium";
}

/** learn.microsoft.com/azure/service-bus-messaging/service-bus-geo-dr: geo-disaster recovery is Premium only. */
export function serviceBusSupportsGeoDisasterRecovery(sku: ServiceBusSku): boolean {
  return sku === "Premium";
}

/** learn.microsoft.com/azure/service-bus-messaging/private-link-service: Premium tier only. */
export function serviceBusSupportsPrivateEndpoint(sku: ServiceBusSku): boolean {
  return sku === "Premium";
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
