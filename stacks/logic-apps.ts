import { TerraformOutput } from "cdktf";
import { serviceProviderConnection, type ServiceProviderConnection } from "../azure/logic-apps";
import { isJsonObject, type JsonObject } from "../azure/workflow-definition";
import {
  ApiConnection,
  ConsumptionWorkflow,
  FailedRunsAlert,
  StandardLogicApp,
} from "../constructs/logic-apps";
import type { Grantee } from "../constructs/shared/role-assignments";
import type * as model from "../model/model";
import { packageAsset } from "./logic-app-package";
import type { StackContext } from "./stack-context";

/**
 * Logic Apps' part of the stack: each app with its managed identity, its connections (API
 * connections for Consumption, `connections.json` for Standard) and the narrowest data-plane role
 * on every entity its `receives:` and `sends:` name. Built after the namespaces it connects to.
 */
export function addLogicApps(ctx: StackContext): void {
  const packages: Record<string, { readonly app: string; readonly package: string }> = {};
  for (const app of ctx.model.logicApps) {
    if (app.standard)
      packages[app.name] = { app: app.azureName, package: addStandard(ctx, app, app.standard) };
    else addConsumption(ctx, app);
  }
  if (Object.keys(packages).length > 0) {
    // Each Standard app's Azure name and where synthesis put its content (relative to the stack's
    // folder): the deploy pipeline zip-deploys it after the apply.
    new TerraformOutput(ctx.scope, "logic_app_packages", {
      value: packages,
      description:
        "Synthesized content package (workflows, connections.json, host.json) of each Standard logic app",
    });
  }
}

function grantAccesses(ctx: StackContext, app: model.LogicApp, identity: Grantee): void {
  for (const access of app.receives) {
    if (access.kind === "serviceBusTopic")
      throw new Error(`internal: ${access.reference} is read as a topic`);
    ctx.entities.readable(access.kind, access.reference).grantReceive(identity);
  }
  for (const access of app.sends) {
    const kind = access.kind === "serviceBusSubscription" ? "serviceBusTopic" : access.kind;
    ctx.entities.target(kind, access.reference).grantSend(identity);
  }
}

function definitionOf(workflow: model.LogicAppWorkflow): JsonObject {
  const document = workflow.definition.document;
  if (!isJsonObject(document) || !isJsonObject(document.definition)) {
    throw new Error(`internal: workflow ${workflow.name} reached synthesis without a definition`);
  }
  return document.definition;
}

function addConsumption(ctx: StackContext, app: model.LogicApp): void {
  const connections = app.connections.map((connection, index) => {
    if (connection.azureName === undefined)
      throw new Error(`internal: connection ${connection.name} has no Azure name`);
    return new ApiConnection(ctx.scope, ctx.ids.children.logicAppConnection(app.name, index), {
      name: connection.azureName,
      label: connection.name,
      service: connection.service,
      namespaceHost: connection.host,
      location: ctx.location,
      resourceGroupId: ctx.resourceGroupId,
      tags: app.tags,
    });
  });
  const workflow = new ConsumptionWorkflow(ctx.scope, ctx.ids.children.logicApp(app.name), {
    name: app.azureName,
    label: app.name,
    location: ctx.location,
    resourceGroupId: ctx.resourceGroupId,
    definition: definitionOf(app.workflows[0]),
    connections,
    publicNetworkAccess: app.publicNetworkAccess,
    logAnalyticsWorkspaceId: app.diagnostics ? ctx.logAnalyticsWorkspaceId : undefined,
    tags: app.tags,
  });
  grantAccesses(ctx, app, workflow.identity);
  ctx.entities.registerLogicApp({ name: app.name, hosting: "Consumption", resourceId: workflow.resource.id });
}

function addStandard(
  ctx: StackContext,
  app: model.LogicApp,
  standard: model.LogicAppStandardHosting,
): string {
  const connections: Record<string, ServiceProviderConnection> = {};
  for (const connection of app.connections) {
    connections[connection.name] = serviceProviderConnection(
      connection.service,
      connection.host,
      connection.name,
    );
  }
  const construct = new StandardLogicApp(ctx.scope, ctx.ids.children.logicApp(app.name), {
    name: app.azureName,
    label: app.name,
    location: ctx.location,
    resourceGroupName: ctx.resourceGroupName,
    planName: standard.planAzureName,
    sku: standard.sku,
    storageAccountName: standard.storageAccountAzureName,
    contentShareName: standard.contentShareName,
    workflows: app.workflows.map((w) => ({ name: w.name, text: w.definition.text })),
    connections,
    integrationSubnetId: standard.integrationSubnetId,
    publicNetworkAccess: app.publicNetworkAccess,
    privateEndpoint: standard.privateEndpoint
      ? {
          name: standard.privateEndpoint.azureName,
          subnetId: standard.privateEndpoint.subnetId,
          privateDnsZoneId: standard.privateEndpoint.privateDnsZoneId,
        }
      : undefined,
    storagePrivateEndpoints: standard.storagePrivateEndpoints.map((e) => ({
      subresource: e.subresource,
      name: e.azureName,
      subnetId: e.subnetId,
      privateDnsZoneId: e.privateDnsZoneId,
    })),
    logAnalyticsWorkspaceId: app.diagnostics ? ctx.logAnalyticsWorkspaceId : undefined,
    preventDestroy: standard.preventDestroy,
    tags: app.tags,
  });
  grantAccesses(ctx, app, construct.identity);
  ctx.entities.registerLogicApp({ name: app.name, hosting: "Standard", resourceId: construct.app.id });
  return packageAsset(construct, "package", construct.contentFiles).path;
}

/** An alert on failed runs of every logic app, in both tiers (monitoring calls this with its action group). */
export function addLogicAppAlerts(ctx: StackContext, actionGroupId: string): void {
  for (const app of ctx.entities.logicApps()) {
    new FailedRunsAlert(ctx.scope, ctx.ids.children.logicAppFailedRuns(app.name), {
      label: `logicApps/${app.name}`,
      hosting: app.hosting,
      resourceId: app.resourceId,
      resourceGroupName: ctx.resourceGroupName,
      location: ctx.location,
      actionGroupId,
      threshold: ctx.model.monitoring.alerts.logicAppFailedRuns,
      logAnalyticsWorkspaceId: ctx.logAnalyticsWorkspaceId,
      tags: ctx.model.tags,
    });
  }
}
