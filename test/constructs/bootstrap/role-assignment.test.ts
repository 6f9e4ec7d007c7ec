import { assignRole, onlyTheseRoles } from "../../../constructs/bootstrap";
import { onlyResource, synth } from "../synthesized";

const scopeId =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso-messaging-prod";
const principalId = "77777777-7777-7777-7777-777777777777";

describe("assignRole", () => {
  const json = synth((scope) =>
    assignRole(scope, "reader", {
      scope: scopeId,
      scopeLabel: "resource group rg-contoso-messaging-prod",
      role: "Reader",
      principalId,
      principalLabel: "plan identity of prod",
    }),
  );
  const assignment = onlyResource(json, "azurerm_role_assignment");

  it("assigns a built-in role by name to a managed identity, at the given scope only", () => {
    expect(assignment).toMatchObject({
      scope: scopeId,
      role_definition_name: "Reader",
      principal_id: principalId,
      principal_type: "ServicePrincipal",
      description: "plan identity of prod: Reader on resource group rg-contoso-messaging-prod",
    });
  });

  it("skips the Entra ID lookup that fails for an identity created in the same apply", () => {
    expect(assignment.skip_service_principal_aad_check).toBe(true);
  });

  it("names the assignment the same on every synthesis", () => {
    expect(assignment.name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const again = synth((scope) =>
      assignRole(scope, "reader", {
        scope: scopeId,
        scopeLabel: "resource group rg-contoso-messaging-prod",
        role: "Reader",
        principalId,
        principalLabel: "plan identity of prod",
      }),
    );
    expect(onlyResource(again, "azurerm_role_assignment").name).toBe(assignment.name);
  });

  it("has no condition unless one is given", () => {
    expect(assignment).not.toHaveProperty("condition");
  });
});

describe("onlyTheseRoles", () => {
  let condition = "";
  const json = synth((scope) => {
    condition = onlyTheseRoles(scope, [
      "Azure Service Bus Data Sender",
      "Azure Relay Listener",
      "Azure Service Bus Data Sender",
    ]);
    assignRole(scope, "admin", {
      scope: scopeId,
      scopeLabel: "resource group",
      role: "Role Based Access Control Administrator",
      principalId,
      principalLabel: "deploy identity of prod",
      condition,
    });
  }) as unknown as {
    data: { azurerm_role_definition: Record<string, { name: string }> };
    resource: Record<string, Record<string, Record<string, unknown>>>;
  };
  const assignment = onlyResource(json, "azurerm_role_assignment");

  it("looks each role's definition up once, by name", () => {
    expect(Object.values(json.data.azurerm_role_definition).map((d) => d.name)).toEqual([
      "Azure Relay Listener",
      "Azure Service Bus Data Sender",
    ]);
  });

  it("allows creating and deleting assignments of the listed roles only, by their GUIDs", () => {
    const text = String(assignment.condition);
    expect(text).toContain("!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})");
    expect(text).toContain(
      "@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {",
    );
    expect(text).toContain("!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})");
    expect(text).toContain(
      "@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {",
    );
    expect(
      text.match(
        /regex\("\[0-9a-fA-F-\]\{36\}\$", data\.azurerm_role_definition\.[a-z-]+\.role_definition_id\)/g,
      ),
    ).toHaveLength(4);
  });

  it("is an ABAC condition of version 2.0", () => {
    expect(assignment.condition_version).toBe("2.0");
  });
});
