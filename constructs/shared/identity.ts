/** The `identity` block every namespace-like resource takes. */
export interface ManagedIdentityBlock {
  readonly type: string;
  readonly identityIds?: string[];
}

/**
 * A system-assigned identity always (it is what routes, capture and event delivery authenticate
 * with), plus the user-assigned identities given (needed for customer-managed keys, whose key
 * access must exist before the namespace does).
 */
export function managedIdentity(userAssignedIdentityIds: readonly string[] = []): ManagedIdentityBlock {
  const ids = [...new Set(userAssignedIdentityIds)].sort();
  return ids.length === 0
    ? { type: "SystemAssigned" }
    : { type: "SystemAssigned, UserAssigned", identityIds: ids };
}
