import type { Construct } from "constructs";
import { BuiltInRole } from "../../../azure/roles";
import { grantRole, type Grantee } from "../../../constructs/shared/role-assignments";
import { resourcesOf, synth } from "../synthesized";

const app: Grantee = {
  name: "app",
  principalId: "11111111-1111-1111-1111-111111111111",
  principalType: "ServicePrincipal",
};
const scope = { scopeId: "/subscriptions/0/x/queues/payments", scopeLabel: "orders/payments" };

function grant(on: Construct, id: string, grantee: Grantee = app) {
  return grantRole(on, id, { ...scope, role: BuiltInRole.serviceBusDataReceiver, grantee });
}

describe("grantRole", () => {
  it("makes one assignment when two lists name the same principal, role and scope", () => {
    const json = synth((stack) => {
      const first = grant(stack, "grant-receive-app");
      expect(grant(stack, "grant-manage-app")).toBe(first);
    });
    expect(resourcesOf(json, "azurerm_role_assignment")).toHaveLength(1);
  });

  it("makes one assignment for two principal names with one object ID", () => {
    const json = synth((stack) => {
      grant(stack, "a");
      grant(stack, "b", { ...app, name: "same-app-other-name" });
    });
    expect(resourcesOf(json, "azurerm_role_assignment")).toHaveLength(1);
  });

  it("keeps assignments of different roles apart", () => {
    const json = synth((stack) => {
      grant(stack, "receive");
      grantRole(stack, "send", { ...scope, role: BuiltInRole.serviceBusDataSender, grantee: app });
    });
    expect(resourcesOf(json, "azurerm_role_assignment")).toHaveLength(2);
  });
});
