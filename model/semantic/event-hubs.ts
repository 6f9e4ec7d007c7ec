import {
  consumerGroupProblems,
  eventHubProblems,
  eventHubsCapabilities,
  eventHubsClusterProblems,
  eventHubsNamespaceProblems,
  eventHubsTierOf,
  geoDisasterRecoveryProblems,
} from "../../azure/event-hubs";
import { loadProfile } from "../profiles";
import type { EventHubsNamespaceSpec } from "../spec";
import type { SemanticCheck, SemanticContext } from "./context";
import { allowedIpRangesNeedPublicAccess } from "./tier-requirements";

/*
 * Event Hubs limits per tier. The rules, their messages and their sources live in
 * azure/event-hubs.ts, which the constructs call too, so the file's checks and the constructs'
 * own validation can never disagree. Rules judge effective values: a hub's partitions are the tier
 * profile's where the file states none, and so is geo-disaster recovery.
 */

function checkNamespace(ctx: SemanticContext, at: string, ns: EventHubsNamespaceSpec): void {
  const profile = loadProfile(ctx.spec.tier);
  const hubs = (ns.hubs ?? []).map((hub) => ({ partitions: hub.partitions ?? profile.eventHub.partitions }));
  ctx.report(at, eventHubsNamespaceProblems({ ...ns, hubs }));
  // The shared rule refuses IP rules with public access stated off; with it off by the tier's
  // default, they admit nobody either.
  if (ns.publicNetworkAccess === undefined && eventHubsCapabilities(ns).ipRules === true) {
    allowedIpRangesNeedPublicAccess(ctx, "eventHubs", at, ns);
  }
  if (ns.dedicatedCluster)
    ctx.report(`${at}/dedicatedCluster`, eventHubsClusterProblems(ns.dedicatedCluster));
  ctx.report(
    at,
    geoDisasterRecoveryProblems(
      { ...ns, location: ctx.spec.location, secondaryLocation: ctx.spec.secondaryLocation },
      { tier: ctx.spec.tier, geoDisasterRecovery: profile.namespace.geoDisasterRecovery },
    ),
  );
  const tier = eventHubsTierOf(ns);
  (ns.hubs ?? []).forEach((hub, j) => {
    ctx.report(`${at}/hubs/${j}`, eventHubProblems(hub, tier));
    (hub.consumerGroups ?? []).forEach((group, k) =>
      ctx.report(
        `${at}/hubs/${j}/consumerGroups/${k}`,
        consumerGroupProblems(typeof group === "string" ? { name: group } : group),
      ),
    );
  });
}

export const checkEventHubs: SemanticCheck = (ctx) => {
  (ctx.spec.eventHubs ?? []).forEach((ns, i) => checkNamespace(ctx, `/eventHubs/${i}`, ns));
};
