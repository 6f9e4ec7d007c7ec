import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";

/**
 * Role assignments one identity has been given, by what they grant. Azure refuses a second
 * assignment of the same role to the same principal at the same scope, so each is made once.
 */
export class GrantLedger {
  private readonly made = new Map<string, RoleAssignment>();

  once(key: string, create: () => RoleAssignment): RoleAssignment {
    const existing = this.made.get(key);
    if (existing) return existing;
    const created = create();
    this.made.set(key, created);
    return created;
  }
}
