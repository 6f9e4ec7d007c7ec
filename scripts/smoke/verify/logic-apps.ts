import { isDeepStrictEqual } from "node:util";
import { isJsonObject } from "../../../azure/workflow-definition";
import type { LogicApp, LogicAppWorkflow } from "../../../model/model";
import { compareResource, reconcileChildren } from "../compare";
import type { CheckResult } from "../results";
import { armId, getGenericById, getOrMissing, listAll, type VerifyContext } from "../verify-context";

/** The API version the stack creates connections at (constructs/logic-apps/api-connection.ts). */
const connectionApiVersion = "2016-06-01";

/** The file's `definition` object, which Azure must hold unchanged. */
function fileDefinition(workflow: LogicAppWorkflow): unknown {
  const document = workflow.definition.document;
  return isJsonObject(document) ? document.definition : undefined;
}

function definitionCheck(resource: string, workflow: LogicAppWorkflow, deployed: unknown): CheckResult {
  return isDeepStrictEqual(deployed, fileDefinition(workflow))
    ? { status: "passed", resource: `${resource}/definition` }
    : {
        status: "drift",
        resource,
        property: "definition",
        expected: workflow.definition.path,
        actual: "a different definition",
      };
}

/** A Consumption app: the workflow is there, enabled, runs the file's definition, and its connections are Connected. */
async function verifyConsumption(app: LogicApp, label: string, ctx: VerifyContext): Promise<CheckResult[]> {
  const workflow = await getOrMissing(ctx, (o) =>
    ctx.clients.logic.workflows.get(ctx.resourceGroup, app.azureName, o),
  );
  if (!workflow) return [{ status: "missing", resource: label }];
  const results = compareResource(label, { state: "Enabled" }, { state: workflow.state });
  results.push(definitionCheck(label, app.workflows[0], workflow.definition));
  for (const connection of app.connections) {
    if (connection.azureName === undefined) continue;
    const resource = `${label}/connections/${connection.name}`;
    const id = armId(ctx, "Microsoft.Web", "connections", connection.azureName);
    const found = await getGenericById(ctx, id, connectionApiVersion);
    if (!found) {
      results.push({ status: "missing", resource });
      continue;
    }
    const statuses = (found.properties as { statuses?: { status?: string }[] } | undefined)?.statuses ?? [];
    results.push(...compareResource(resource, { status: "Connected" }, { status: statuses[0]?.status }));
  }
  return results;
}

/**
 * The workflow file a Standard app reports for one workflow: a `WorkflowEnvelope`'s
 * `properties.files` maps file names to their JSON, `workflow.json` holding `definition` and
 * `kind` beside `connections.json` (Microsoft Learn, App Service REST "Web Apps - Get Workflow",
 * example response). The workflows are read by listing them, not one by one: the SDK's
 * `getWorkflow` refuses, before sending, any name outside `^[a-z][a-z0-9]*$` (3-63), which most
 * Standard workflow names are (@azure/arm-appservice parameters.js, `workflowName`).
 */
function deployedDefinition(files: Record<string, Record<string, unknown>> | undefined): unknown {
  const file = files?.["workflow.json"];
  return isJsonObject(file) ? file.definition : undefined;
}

/** A Standard app: it runs, holds exactly the declared workflows, each with the file's definition. */
async function verifyStandard(app: LogicApp, label: string, ctx: VerifyContext): Promise<CheckResult[]> {
  const client = ctx.clients.appService.webApps;
  const site = await getOrMissing(ctx, (o) => client.get(ctx.resourceGroup, app.azureName, o));
  if (!site) return [{ status: "missing", resource: label }];
  const results = compareResource(label, { state: "Running" }, { state: site.state });
  const deployed = await listAll(ctx, (o) => client.listWorkflows(ctx.resourceGroup, app.azureName, o));
  // ARM names a site's workflow `<site>/<workflow>`.
  const nameOf = (name: string | undefined): string => (name ?? "").split("/").pop() ?? "";
  const byName = new Map(deployed.map((w) => [nameOf(w.name).toLowerCase(), w]));
  results.push(
    ...reconcileChildren(
      label,
      "workflows",
      app.workflows.map((w) => w.name),
      deployed.map((w) => nameOf(w.name)),
    ).results,
  );
  for (const workflow of app.workflows) {
    const found = byName.get(workflow.name.toLowerCase());
    if (!found) continue;
    const resource = `${label}/workflows/${workflow.name}`;
    results.push(
      ...compareResource(resource, { flowState: "Enabled" }, { flowState: found.properties?.flowState }),
    );
    results.push(definitionCheck(resource, workflow, deployedDefinition(found.properties?.files)));
  }
  return results;
}

export async function verifyLogicApp(app: LogicApp, ctx: VerifyContext): Promise<CheckResult[]> {
  const label = `logicApps/${app.name}`;
  ctx.progress(`checking ${label} (${app.azureName})`);
  return app.hosting === "Standard" ? verifyStandard(app, label, ctx) : verifyConsumption(app, label, ctx);
}
