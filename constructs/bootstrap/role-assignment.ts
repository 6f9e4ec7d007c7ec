import { Construct } from "constructs";
import { Fn, TerraformStack, Token } from "cdktf";
import { DataAzurermRoleDefinition } from "@cdktf/provider-azurerm/lib/data-azurerm-role-definition";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { deterministicUuid } from "../shared/deterministic-uuid";

export interface RoleAssignmentProps {
  /** ARM ID the role applies to: the narrowest that serves. */
  readonly scope: string;
  /** A stable label of the scope, for the assignment's name and description (`state container`). */
  readonly scopeLabel: string;
  /** Built-in role by its display name, e.g. `Reader`. */
  readonly role: string;
  /** Object ID of the managed identity. */
  readonly principalId: string;
  /** A stable label of the principal (`deploy identity of prod`). */
  readonly principalLabel: string;
  /**
   * An ABAC condition (version 2.0) that narrows what the role allows.
   * @default - the role applies without condition
   */
  readonly condition?: string;
}

/**
 * One role assignment of a managed identity, with a deterministic name, so synthesis is
 * byte-identical and a second apply finds the assignment it made.
 */
export function assignRole(scope: Construct, id: string, props: RoleAssignmentProps): RoleAssignment {
  return new RoleAssignment(scope, id, {
    name: deterministicUuid(props.scopeLabel, props.role, props.principalLabel),
    scope: props.scope,
    roleDefinitionName: props.role,
    principalId: props.principalId,
    principalType: "ServicePrincipal",
    // A managed identity created in the same apply may not have replicated in Entra ID yet; the
    // provider's check would then fail (azurerm docs, `skip_service_principal_aad_check`).
    skipServicePrincipalAadCheck: true,
    description: `${props.principalLabel}: ${props.role} on ${props.scopeLabel}`,
    condition: props.condition,
    conditionVersion: props.condition ? "2.0" : undefined,
  });
}

/** The GUID of a built-in role, looked up by name once per stack (`data.azurerm_role_definition`). */
function roleGuid(scope: Construct, role: string): string {
  const stack = TerraformStack.of(scope);
  const id = `role-definition-${role.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const existing = stack.node.tryFindChild(id);
  const definition =
    existing instanceof DataAzurermRoleDefinition
      ? existing
      : new DataAzurermRoleDefinition(stack, id, { name: role });
  // `role_definition_id` holds the definition's full ID; the condition compares bare GUIDs. A
  // pattern without capture groups makes Terraform's regex() return the match itself.
  return Token.asString(Fn.regex("[0-9a-fA-F-]{36}$", definition.roleDefinitionId));
}

/**
 * The condition that lets "Role Based Access Control Administrator" create and delete assignments
 * of the listed roles only ("Examples to delegate Azure role assignment management with
 * conditions", learn.microsoft.com/azure/role-based-access-control/delegate-role-assignments-examples,
 * "Constrain roles"), so the deploy identity can grant the data-plane roles its stack declares and
 * nothing else (no Owner, no User Access Administrator).
 */
export function onlyTheseRoles(scope: Construct, roles: readonly string[]): string {
  const guids = Fn.join(
    ", ",
    [...new Set(roles)].sort().map((role) => roleGuid(scope, role)),
  );
  return [
    "(",
    " (",
    "  !(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})",
    " )",
    " OR",
    " (",
    `  @Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${guids}}`,
    " )",
    ")",
    "AND",
    "(",
    " (",
    "  !(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})",
    " )",
    " OR",
    " (",
    `  @Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${guids}}`,
    " )",
    ")",
  ].join("\n");
}
