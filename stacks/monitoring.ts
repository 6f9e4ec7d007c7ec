import { AlertActionGroup } from "../constructs/monitoring/action-group";
import { ActivityLogAlerts } from "../constructs/monitoring/activity-log-alerts";
import { ResourceGroupBudget } from "../constructs/monitoring/budget";
import { MessagingAlerts, type MonitoredResource } from "../constructs/monitoring/messaging-alerts";
import { MessagingWorkbook } from "../constructs/monitoring/workbook";
import type { NamespaceKind } from "./entity-registry";
import { addLogicAppAlerts } from "./logic-apps";
import type { StackContext } from "./stack-context";

/** How each kind of resource is named in the environment file, so alerts say it the same way. */
const labelPrefix: Readonly<Record<NamespaceKind, string>> = {
  serviceBus: "serviceBus",
  eventHubs: "eventHubs",
  iotHub: "iotHub",
  relay: "relay",
  streamAnalytics: "streamAnalytics",
  eventGridTopic: "eventGrid/topics",
  eventGridSystemTopic: "eventGrid/systemTopics",
  eventGridNamespace: "eventGrid/namespaces",
};

/**
 * Operational visibility for everything the services built: the action group, metric alerts
 * (production's full set, development's essential one), security signals from the activity log,
 * the budget and a workbook. Runs last: it watches what the other parts registered.
 */
export function addMonitoring(ctx: StackContext): void {
  const { model } = ctx;
  const premium = new Set(model.serviceBus.filter((ns) => ns.sku === "Premium").map((ns) => ns.name));
  const resources: MonitoredResource[] = ctx.entities.namespaces().map((ns) => ({
    kind: ns.kind,
    label: `${labelPrefix[ns.kind]}/${ns.name}`,
    resourceId: ns.resourceId,
    premium: ns.kind === "serviceBus" && premium.has(ns.name),
  }));
  const tags = { ...model.tags };
  const full = model.monitoring.alertsEnabled;

  const actionGroup = new AlertActionGroup(ctx.scope, "alert-action-group", {
    name: model.generatedNames.actionGroup,
    resourceGroupName: ctx.resourceGroupName,
    emails: model.monitoring.alertEmails,
    webhooks: model.monitoring.webhooks,
    tags,
  });

  new MessagingAlerts(ctx.scope, "messaging-alerts", {
    resourceGroupName: ctx.resourceGroupName,
    location: ctx.location,
    actionGroupId: actionGroup.id,
    resources,
    thresholds: model.monitoring.alerts,
    level: full ? "full" : "essential",
    logAnalyticsWorkspaceId: ctx.logAnalyticsWorkspaceId,
    tags,
  });

  addLogicAppAlerts(ctx, actionGroup.id);

  if (full) {
    new ActivityLogAlerts(ctx.scope, "activity-log-alerts", {
      resourceGroupName: ctx.resourceGroupName,
      resourceGroupId: ctx.resourceGroupId,
      actionGroupId: actionGroup.id,
      tags,
    });
  }

  if (model.budget) {
    new ResourceGroupBudget(ctx.scope, "budget", {
      name: model.budget.azureName,
      resourceGroupId: ctx.resourceGroupId,
      monthlyAmount: model.budget.monthlyAmount,
      alertEmails: model.budget.alertEmails,
      startDate: model.budget.startDate || undefined,
    });
  }

  if (resources.length > 0) {
    new MessagingWorkbook(ctx.scope, "workbook", {
      environment: model.name,
      resourceGroupName: ctx.resourceGroupName,
      location: ctx.location,
      resources,
      tags,
    });
  }
}
