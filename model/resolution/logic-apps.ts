import { workflowEntityUses } from "../../azure/logic-app-rules";
import {
  contentShareBaseName,
  defaultWorkflowStandardSku,
  logicAppNameRules,
  standardRuntimeStorage,
  type RuntimeStorageSubresource,
} from "../../azure/logic-apps";
import { derivedName, fitName, privateEndpointName } from "../../azure/naming";
import { serviceBusHostName } from "../../azure/service-bus";
import { eventHubsHost } from "../../azure/event-hubs";
import { lookUpAccess } from "../logic-app-access";
import { connectionContents, lookUpConnection } from "../logic-app-namespaces";
import type {
  LogicApp,
  LogicAppAccess,
  LogicAppConnection,
  LogicAppStandardHosting,
  LogicAppWorkflow,
  StoragePrivateEndpoint,
} from "../model";
import { azureNameOf, logicAppPlanName, logicAppStorageAccountName, namingOf } from "../resource-names";
import type { LogicAppSpec, PrivateDnsZoneIdsSpec } from "../spec";
import { definitionPointer } from "../workflow-files";
import type { ResolveContext } from "./context";

const storageZones: Readonly<Record<RuntimeStorageSubresource, keyof PrivateDnsZoneIdsSpec>> = {
  blob: "storageBlob",
  file: "storageFile",
  queue: "storageQueue",
  table: "storageTable",
};

function connections(
  ctx: ResolveContext,
  app: LogicAppSpec,
  pointer: string,
  azureName: string,
): LogicAppConnection[] {
  return Object.entries(app.connections ?? {}).map(([name, value]) => {
    const lookup = lookUpConnection(ctx.spec, value);
    if (!("found" in lookup))
      throw new Error(`internal: connection ${name} of logic app ${app.name} survived validation unresolved`);
    const { service, spec: ns } = lookup.found;
    const namespaceAzureName = azureNameOf(
      service === "serviceBus" ? "serviceBusNamespace" : "eventHubsNamespace",
      ctx.naming,
      ns,
    );
    return {
      name,
      service,
      namespace: ns.name,
      namespaceAzureName,
      host:
        service === "serviceBus" ? serviceBusHostName(namespaceAzureName) : eventHubsHost(namespaceAzureName),
      azureName:
        app.hosting === "Consumption"
          ? fitName(derivedName(azureName, name), logicAppNameRules.apiConnection.maxLength, "-")
          : undefined,
      source: ctx.source(`${pointer}/connections/${name}`),
    };
  });
}

function accesses(
  ctx: ResolveContext,
  list: readonly string[] | undefined,
  direction: "send" | "receive",
  pointer: string,
): LogicAppAccess[] {
  return (list ?? []).map((text, i) => {
    const lookup = lookUpAccess(ctx.spec, text, direction);
    if (!("target" in lookup)) throw new Error(`internal: ${text} survived validation unresolved`);
    return { ...lookup.target, source: ctx.source(`${pointer}/${i}`) };
  });
}

function workflows(ctx: ResolveContext, app: LogicAppSpec, index: number): LogicAppWorkflow[] {
  const contents = connectionContents(ctx.spec, app.connections);
  return app.workflows.map((workflow, j) => {
    const definition = ctx.files.workflowDefinitions.get(definitionPointer(index, j));
    if (!definition) {
      throw new Error(
        `internal: workflow definition ${workflow.definition} of logic app ${app.name} was not read`,
      );
    }
    return {
      name: workflow.name,
      definition,
      uses: workflowEntityUses(definition.document, contents),
      source: ctx.source(`/logicApps/${index}/workflows/${j}`),
    };
  });
}

function standardHosting(
  ctx: ResolveContext,
  app: LogicAppSpec,
  azureName: string,
  publicNetworkAccess: boolean,
): LogicAppStandardHosting {
  const naming = namingOf(ctx.spec);
  const network = ctx.spec.network;
  const storageAccountAzureName = logicAppStorageAccountName(naming, app.name);
  // Closed to the internet, the app is reached (by the deploy job too) through its own private
  // endpoint, and reaches its runtime storage through the storage's ("Deploy Standard logic apps to
  // private storage accounts").
  const closed = !publicNetworkAccess && network !== undefined;
  const zones = network?.privateDnsZoneIds;
  const storagePrivateEndpoints: StoragePrivateEndpoint[] = closed
    ? standardRuntimeStorage.privateSubresources.map((subresource) => ({
        subresource,
        azureName: derivedName(storageAccountAzureName, `${subresource}-pep`),
        subnetId: network.privateEndpointSubnetId,
        privateDnsZoneId: zones?.[storageZones[subresource]],
      }))
    : [];
  return {
    sku: app.sku ?? defaultWorkflowStandardSku,
    planAzureName: logicAppPlanName(naming, app.name),
    storageAccountAzureName,
    contentShareName: fitName(contentShareBaseName(azureName), 63, "-"),
    integrationSubnetId: network?.integrationSubnetId,
    privateEndpoint: closed
      ? {
          azureName: privateEndpointName("logicApps", azureName),
          subnetId: network.privateEndpointSubnetId,
          privateDnsZoneId: zones?.logicApps,
        }
      : undefined,
    storagePrivateEndpoints,
    preventDestroy: ctx.preventDestroy("logicApps", app.name),
  };
}

export function resolveLogicApp(ctx: ResolveContext, app: LogicAppSpec, index: number): LogicApp {
  const pointer = `/logicApps/${index}`;
  const azureName = azureNameOf("logicApp", ctx.naming, app);
  const publicNetworkAccess = app.publicNetworkAccess ?? ctx.profile.namespace.publicNetworkAccess;
  return {
    name: app.name,
    azureName,
    hosting: app.hosting,
    workflows: workflows(ctx, app, index),
    connections: connections(ctx, app, pointer, azureName),
    receives: accesses(ctx, app.receives, "receive", `${pointer}/receives`),
    sends: accesses(ctx, app.sends, "send", `${pointer}/sends`),
    publicNetworkAccess,
    diagnostics: app.diagnostics ?? ctx.profile.namespace.diagnostics,
    tags: ctx.tags(app.tags),
    standard:
      app.hosting === "Standard" ? standardHosting(ctx, app, azureName, publicNetworkAccess) : undefined,
    source: ctx.source(pointer),
  };
}
