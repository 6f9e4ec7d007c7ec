import { FailedRunsAlert, type FailedRunsAlertProps } from "../../../constructs/logic-apps/failed-runs-alert";
import { onlyResource, synth } from "../synthesized";

const props = (label: string, hosting: FailedRunsAlertProps["hosting"]): FailedRunsAlertProps => ({
  label,
  hosting,
  resourceId: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Logic/workflows/wf",
  resourceGroupName: "rg",
  location: "westeurope",
  actionGroupId: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/ag",
  threshold: 0,
  logAnalyticsWorkspaceId:
    "/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log",
});

const nameOf = (label: string, hosting: FailedRunsAlertProps["hosting"]): string => {
  const type =
    hosting === "Consumption"
      ? "azurerm_monitor_metric_alert"
      : "azurerm_monitor_scheduled_query_rules_alert_v2";
  return String(
    onlyResource(
      synth((scope) => new FailedRunsAlert(scope, "alert", props(label, hosting))),
      type,
    ).name,
  );
};

describe("failed-run alert names", () => {
  it("keep the label with its slash made a hyphen", () => {
    expect(nameOf("logicApps/order-relay", "Consumption")).toBe("logicApps-order-relay failed runs");
  });

  it.each(["Consumption", "Standard"] as const)(
    "replace every character Azure refuses in alert names (%s)",
    (hosting) => {
      expect(nameOf("logicApps/order-relay#1&b:c", hosting)).toBe("logicApps-order-relay-1-b-c failed runs");
    },
  );

  it("are cut to Azure's 260 characters", () => {
    const name = nameOf(`logicApps/${"a".repeat(300)}`, "Consumption");
    expect(name).toHaveLength(260);
    expect(name.endsWith(" failed runs")).toBe(true);
  });
});
