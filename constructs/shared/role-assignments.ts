import { TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import type { BuiltInRoleName } from "../../azure/roles";
import { deterministicUuid } from "./deterministic-uuid";

export { BuiltInRole, type BuiltInRoleName } from "../../azure/roles";

/** Someone (or something) that can be granted a role. */
export interface Grantee {
  /** A stable label for the grantee: the principal's name in the environment file, or a resource path. */
  readonly name: string;
  /** Object (principal) ID; may be a token, e.g. a managed identity's `principal_id`. */
  readonly principalId: string;
  readonly principalType?: "ServicePrincipal" | "Group" | "User";
}

export interface RoleGrantProps {
  /** ID of the resource the role applies to: the narrowest that serves. */
  readonly scopeId: string;
  /** A stable label of the scope (for the assignment's deterministic name), e.g. `orders/payments`. */
  readonly scopeLabel: string;
  readonly role: BuiltInRoleName;
  readonly grantee: Grantee;
}

/** The assignments each stack has made, by everything that makes two of them one in Azure. */
const madeInStack = new WeakMap<TerraformStack, Map<string, RoleAssignment>>();

/**
 * One role assignment with a deterministic name, so re-synthesis never re-creates it, made once
 * per stack however many lists name the same grant. Azure refuses a second assignment of one role
 * to one principal at one scope, and two resources with one name would fight over it, so a repeat
 * (the same principal among an entity's receivers and owners, one identity delivering to one queue
 * from two subscriptions, a principal declared under two names with one object ID) returns the
 * assignment already made.
 */
export function grantRole(scope: Construct, id: string, props: RoleGrantProps): RoleAssignment {
  const name = deterministicUuid(props.scopeLabel, props.role, props.grantee.name);
  const keys = [`name:${name}`];
  if (!Token.isUnresolved(props.grantee.principalId))
    keys.push(
      `principal:${props.scopeLabel}\u0000${props.role}\u0000${props.grantee.principalId.toLowerCase()}`,
    );
  const stack = TerraformStack.of(scope);
  let made = madeInStack.get(stack);
  if (!made) {
    made = new Map();
    madeInStack.set(stack, made);
  }
  for (const key of keys) {
    const existing = made.get(key);
    if (existing) return existing;
  }
  const assignment = new RoleAssignment(scope, id, {
    name,
    scope: props.scopeId,
    roleDefinitionName: props.role,
    principalId: props.grantee.principalId,
    principalType: props.grantee.principalType,
    description: `${props.grantee.name}: ${props.role} on ${props.scopeLabel}`,
  });
  for (const key of keys) made.set(key, assignment);
  return assignment;
}

/** Construct IDs must be unique per scope; principal names in the file already are. */
export function grantId(prefix: string, grantee: Grantee): string {
  return `${prefix}-${grantee.name}`;
}
