/**
 * Whether a namespace gets a geo-disaster-recovery pair: the SKU supports it (each service's facts
 * say which do), the file names a secondary region, and the namespace asks for it (or the tier
 * profile does by default). The resolver applies the pairing only then; asking for it on a SKU
 * that does not support it is the service's own validation error.
 */
export function geoDisasterRecoveryApplies(
  secondaryLocation: string | undefined,
  supported: boolean,
  requested: boolean | undefined,
  tierDefault: boolean,
): boolean {
  return supported && secondaryLocation !== undefined && (requested ?? tierDefault);
}
