import {
  serviceBusQueueProblems,
  serviceBusSubscriptionProblems,
  serviceBusTopicProblems,
} from "../../azure/service-bus-entity-rules";
import {
  serviceBusAutoscaleProblems,
  serviceBusGeoDisasterRecoveryProblems,
  serviceBusNamespaceProblems,
} from "../../azure/service-bus-rules";
import { loadProfile } from "../profiles";
import type { ServiceBusNamespaceSpec } from "../spec";
import type { SemanticCheck, SemanticContext } from "./context";
import { allowedIpRangesNeedPublicAccess } from "./tier-requirements";

/*
 * Service Bus SKU rules, option combinations and Azure's limits, as `azure/service-bus-rules.ts`
 * and `azure/service-bus-entity-rules.ts` state them (the constructs apply the same rules), each
 * problem reported at its field. The file's field names are the rules' input names, so spec items
 * go in as they are. Forwarding (references, loops, chain length) is the forwarding check's.
 */

function checkNamespace(ctx: SemanticContext, ns: ServiceBusNamespaceSpec, base: string): void {
  const profile = loadProfile(ctx.spec.tier);
  const of = { name: ns.name, sku: ns.sku };
  ctx.report(base, serviceBusNamespaceProblems(ns));
  // Stated `publicNetworkAccess: false` is the namespace rule's; a tier default that closes the
  // endpoint is the tier requirement's, which names the waiver that would open it.
  if (ns.publicNetworkAccess !== false) allowedIpRangesNeedPublicAccess(ctx, "serviceBus", base, ns);
  ctx.report(
    base,
    serviceBusGeoDisasterRecoveryProblems(
      {
        ...of,
        geoDisasterRecovery: ns.geoDisasterRecovery,
        location: ctx.spec.location,
        secondaryLocation: ctx.spec.secondaryLocation,
      },
      { tier: ctx.spec.tier, geoDisasterRecovery: profile.namespace.geoDisasterRecovery },
    ),
  );
  if (ns.autoscale) {
    const defaults = {
      scaleOutPercent: profile.autoscale.scaleOutCpuPercent,
      scaleInPercent: profile.autoscale.scaleInCpuPercent,
    };
    ctx.report(base, serviceBusAutoscaleProblems({ ...ns, autoscale: ns.autoscale }, defaults));
  }
  (ns.queues ?? []).forEach((q, j) => ctx.report(`${base}/queues/${j}`, serviceBusQueueProblems(of, q)));
  // Basic has no topics: the namespace rule refuses them once, at `topics`.
  if (ns.sku === "Basic") return;
  (ns.topics ?? []).forEach((t, j) => {
    const topicBase = `${base}/topics/${j}`;
    ctx.report(topicBase, serviceBusTopicProblems(of, t));
    (t.subscriptions ?? []).forEach((s, k) =>
      ctx.report(`${topicBase}/subscriptions/${k}`, serviceBusSubscriptionProblems(of, s)),
    );
  });
}

/** Service Bus SKU rules, option combinations and Azure's limits on sizes, durations and rules. */
export const checkServiceBus: SemanticCheck = (ctx) => {
  (ctx.spec.serviceBus ?? []).forEach((ns, i) => checkNamespace(ctx, ns, `/serviceBus/${i}`));
};
