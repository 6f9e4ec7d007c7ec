/**
 * Turns a valid environment file into the fully resolved EnvironmentModel: Azure names, tags,
 * principals, and every default from the tier profile or Azure applied. It runs after the schema
 * and semantic checks and trusts them; an impossible state is an internal error, not a user error.
 */
import type { EnvironmentModel } from "./model";
import type { ParsedDocument } from "./parsed-document";
import { readNamedFiles, type NamedFiles } from "./named-files";
import { budgetName, generatedNamesFor, resourceGroupNameOf } from "./resource-names";
import { ResolveContext } from "./resolution/context";
import {
  resolveEventGridNamespace,
  resolveEventGridSystemTopic,
  resolveEventGridTopic,
} from "./resolution/event-grid";
import { resolveDeploy } from "./resolution/deploy";
import { resolveEventHubsNamespace } from "./resolution/event-hubs";
import { resolveIotHub } from "./resolution/iot-hub";
import { resolveLogicApp } from "./resolution/logic-apps";
import { resolveMonitoring } from "./resolution/monitoring";
import { resolveRelayNamespace } from "./resolution/relay";
import { resolveServiceBusNamespace } from "./resolution/service-bus";
import { resolveSites, siteGatewaysByNamespace } from "./resolution/sites";
import { resolveStreamAnalyticsJob } from "./resolution/stream-analytics";
import type { EnvironmentSpec } from "./spec";

/**
 * A budget's period starts on the first of a month; a fixed date keeps synthesis deterministic
 * (a start derived from today's date would change the output every month).
 */
const defaultBudgetStart = "2026-01-01";

/**
 * `files` are the files the loader read (`model/named-files.ts`); without them they are read
 * here, relative to the document's file.
 */
export function resolveEnvironment(
  doc: ParsedDocument,
  spec: EnvironmentSpec,
  files: NamedFiles = readNamedFiles(doc, spec).files,
): EnvironmentModel {
  const ctx = new ResolveContext(doc, spec, files);
  const sites = resolveSites(ctx);
  const gateways = siteGatewaysByNamespace(sites);
  const resourceGroupName = resourceGroupNameOf(spec);
  return {
    file: doc.file,
    name: spec.name,
    tier: spec.tier,
    location: spec.location,
    secondaryLocation: spec.secondaryLocation,
    resourceGroupName,
    naming: ctx.naming,
    tags: ctx.baseTags,
    state: spec.state
      ? { ...spec.state, key: spec.state.key ?? `${spec.name}.terraform.tfstate` }
      : undefined,
    deploy: resolveDeploy(ctx),
    network: spec.network,
    encryption: spec.encryption
      ? {
          ...spec.encryption,
          infrastructureEncryption:
            spec.encryption.infrastructureEncryption ?? ctx.profile.namespace.infrastructureEncryption,
        }
      : undefined,
    monitoring: resolveMonitoring(ctx),
    budget: spec.budget
      ? {
          ...spec.budget,
          startDate: spec.budget.startDate ?? defaultBudgetStart,
          azureName: budgetName(resourceGroupName),
          source: ctx.source("/budget"),
        }
      : undefined,
    generatedNames: generatedNamesFor(
      ctx.naming,
      (spec.eventGrid?.namespaces ?? []).map((ns) => ns.name),
      ctx.source("/naming"),
    ),
    principals: ctx.principals,
    serviceBus: (spec.serviceBus ?? []).map((ns, i) => resolveServiceBusNamespace(ctx, ns, i)),
    eventHubs: (spec.eventHubs ?? []).map((ns, i) => resolveEventHubsNamespace(ctx, ns, i)),
    eventGrid: {
      topics: (spec.eventGrid?.topics ?? []).map((t, i) => resolveEventGridTopic(ctx, t, i)),
      systemTopics: (spec.eventGrid?.systemTopics ?? []).map((t, i) =>
        resolveEventGridSystemTopic(ctx, t, i),
      ),
      namespaces: (spec.eventGrid?.namespaces ?? []).map((ns, i) =>
        resolveEventGridNamespace(ctx, ns, i, gateways),
      ),
    },
    relay: (spec.relay ?? []).map((ns, i) => resolveRelayNamespace(ctx, ns, i)),
    iotHub: (spec.iotHub ?? []).map((hub, i) => resolveIotHub(ctx, hub, i)),
    streamAnalytics: (spec.streamAnalytics ?? []).map((job, i) => resolveStreamAnalyticsJob(ctx, job, i)),
    sites,
    logicApps: (spec.logicApps ?? []).map((app, i) => resolveLogicApp(ctx, app, i)),
    waivers: (spec.waivers ?? []).map((w, i) => ({
      ...w,
      expires: String(w.expires),
      source: ctx.source(`/waivers/${i}`),
    })),
    allowDestroy: (spec.allowDestroy ?? []).map((a, i) => ({
      ...a,
      source: ctx.source(`/allowDestroy/${i}`),
    })),
    smoke: spec.smoke,
  };
}
