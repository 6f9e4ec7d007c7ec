import {
  connectionReachProblems,
  workflowDefinitionProblems,
  type ConnectedNamespace,
} from "../../azure/logic-app-rules";
import { closedStandardAppNetworkProblems, logicAppHostingProblems } from "../../azure/logic-apps";
import { eventHubsCapabilities } from "../../azure/event-hubs";
import { serviceBusOffersPrivateEndpoint } from "../../azure/service-bus";
import { lookUpAccess } from "../logic-app-access";
import { connectionContents, lookUpConnection, type ConnectedNamespaceSpec } from "../logic-app-namespaces";
import { loadProfile } from "../profiles";
import { resourceRef } from "../resource-refs";
import type { LogicAppSpec } from "../spec";
import { definitionPointer } from "../workflow-files";
import type { SemanticContext } from "./context";
import { requirementsHoldFor } from "./tier-requirements";

/**
 * Logic Apps' rules (`azure/logic-apps.ts`, `azure/logic-app-rules.ts`) on every declared app: its
 * hosting, its connections and whether it can reach their namespaces, its rights, and each
 * workflow definition file against all of them. Names are checked with the other Azure names.
 */
export function checkLogicApps(ctx: SemanticContext): void {
  (ctx.spec.logicApps ?? []).forEach((app, index) => {
    const at = `/logicApps/${index}`;
    ctx.report(at, logicAppHostingProblems(app));
    uniqueWorkflowNames(ctx, app, at);
    const connected = connections(ctx, app, at);
    ctx.report(
      at,
      connectionReachProblems({
        hosting: app.hosting,
        integrationSubnet: ctx.spec.network?.integrationSubnetId !== undefined,
        tier: ctx.spec.tier,
        namespaces: connected,
      }),
    );
    accesses(ctx, app, at);
    definitions(ctx, app, index);
    closedStandardAppHasNetwork(ctx, app, at);
    requirementsHoldFor(ctx, [
      { service: "logicApps", pointer: at, name: app.name, fields: new Map(Object.entries(app)) },
    ]);
  });
}

function uniqueWorkflowNames(ctx: SemanticContext, app: LogicAppSpec, at: string): void {
  const seen = new Map<string, number>();
  app.workflows.forEach((workflow, j) => {
    const key = workflow.name.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, j);
      return;
    }
    ctx.error(
      `${at}/workflows/${j}/name`,
      `workflow "${workflow.name}" is declared twice in logic app "${app.name}" (first as workflows[${first}]); workflow names are unique in an app, ignoring case`,
    );
  });
}

/** Whether the namespace accepts public traffic and has a private endpoint, as the tier resolves them. */
function reachOf(
  ctx: SemanticContext,
  connection: string,
  found: ConnectedNamespaceSpec,
): ConnectedNamespace {
  const defaults = loadProfile(ctx.spec.tier).namespace;
  const ns = found.spec;
  const supported =
    found.service === "serviceBus"
      ? serviceBusOffersPrivateEndpoint(found.spec.sku)
      : eventHubsCapabilities(found.spec).privateEndpoint === true;
  return {
    connection,
    reference: resourceRef(found.service, ns.name),
    publicNetworkAccess: ns.publicNetworkAccess ?? defaults.publicNetworkAccess,
    publicNetworkAccessFromTier: ns.publicNetworkAccess === undefined,
    privateEndpoint: supported && (ns.privateEndpoint ?? defaults.privateEndpoint),
  };
}

function connections(ctx: SemanticContext, app: LogicAppSpec, at: string): ConnectedNamespace[] {
  const reached: ConnectedNamespace[] = [];
  for (const [name, value] of Object.entries(app.connections ?? {})) {
    const lookup = lookUpConnection(ctx.spec, value);
    const pointer = `${at}/connections/${name}`;
    if ("missing" in lookup) {
      const declared = [...(ctx.spec.serviceBus ?? []), ...(ctx.spec.eventHubs ?? [])].map(
        (ns) => `"${ns.name}"`,
      );
      ctx.error(
        pointer,
        `connection "${name}" names "${value}", but no Service Bus or Event Hubs namespace "${lookup.missing}" is declared (declared: ${declared.length === 0 ? "none" : declared.join(", ")})`,
      );
    } else if ("ambiguous" in lookup) {
      ctx.error(
        pointer,
        `connection "${name}": both a Service Bus and an Event Hubs namespace are named "${value}"; write serviceBus/${value} or eventHubs/${value}`,
      );
    } else reached.push(reachOf(ctx, name, lookup.found));
  }
  return reached;
}

function accesses(ctx: SemanticContext, app: LogicAppSpec, at: string): void {
  for (const direction of ["receive", "send"] as const) {
    const field = direction === "send" ? "sends" : "receives";
    (app[field] ?? []).forEach((text, k) => {
      const lookup = lookUpAccess(ctx.spec, text, direction);
      if ("problem" in lookup) ctx.error(`${at}/${field}/${k}`, lookup.problem);
    });
  }
}

/**
 * The entities `receives:` or `sends:` lists, by their declared names: entries name entities
 * ignoring case, as Azure compares them (`lookUpAccess`), and the definition's uses carry the
 * declared names, so coverage compares those. An entry that names nothing is reported by `accesses`.
 */
function listedReferences(
  ctx: SemanticContext,
  app: LogicAppSpec,
  direction: "send" | "receive",
): Set<string> {
  const entries = (direction === "send" ? app.sends : app.receives) ?? [];
  return new Set(
    entries.map((text) => {
      const lookup = lookUpAccess(ctx.spec, text, direction);
      return "target" in lookup ? lookup.target.reference : text;
    }),
  );
}

function definitions(ctx: SemanticContext, app: LogicAppSpec, index: number): void {
  const contents = connectionContents(ctx.spec, app.connections);
  app.workflows.forEach((workflow, j) => {
    const file = ctx.files.workflowDefinitions.get(definitionPointer(index, j));
    // A file that could not be read or parsed has been reported where the loader read it.
    if (!file) return;
    ctx.report(
      `/logicApps/${index}/workflows/${j}`,
      workflowDefinitionProblems({
        hosting: app.hosting,
        file: workflow.definition,
        document: file.document,
        connections: contents,
        receives: listedReferences(ctx, app, "receive"),
        sends: listedReferences(ctx, app, "send"),
      }),
    );
  });
}

/** A Standard app closed to public traffic needs both subnets (`closedStandardAppNetworkProblems`). */
function closedStandardAppHasNetwork(ctx: SemanticContext, app: LogicAppSpec, at: string): void {
  if (app.hosting !== "Standard") return;
  ctx.report(
    at,
    closedStandardAppNetworkProblems({
      name: app.name,
      publicNetworkAccess:
        app.publicNetworkAccess ?? loadProfile(ctx.spec.tier).namespace.publicNetworkAccess,
      publicNetworkAccessFromTier: app.publicNetworkAccess === undefined,
      tier: ctx.spec.tier,
      privateEndpointSubnet: ctx.spec.network?.privateEndpointSubnetId !== undefined,
      integrationSubnet: ctx.spec.network?.integrationSubnetId !== undefined,
    }),
  );
}
