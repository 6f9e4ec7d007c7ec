import { mqttSessionExpiryHours, siteCloudCoverage } from "../../azure/edge-site";
import { SITE_ATTRIBUTE } from "../semantic/sites";
import type { MqttClient, Site } from "../model";
import type { SiteSpec } from "../spec";
import type { ResolveContext } from "./context";

function site(
  ctx: ResolveContext,
  s: SiteSpec,
  index: number,
  sessionLimits: ReadonlyMap<string, number>,
): Site {
  const limit = sessionLimits.get(s.mqttClient.namespace) ?? ctx.profile.mqtt.maxSessionExpiryHours;
  // Without a declared window the site buffers for as long as the broker keeps its session.
  const offlineBufferHours = s.offlineBufferHours ?? limit;
  // A site that buffers nothing still gets the broker's shortest session, not one of zero hours.
  const sessionExpiryHours = Math.max(mqttSessionExpiryHours.min, Math.min(offlineBufferHours, limit));
  return {
    name: s.name,
    namespace: s.mqttClient.namespace,
    clientName: s.name,
    certificateThumbprint: s.mqttClient.certificateThumbprint,
    certificateSubject: s.mqttClient.certificateSubject,
    attributes: s.mqttClient.attributes ?? {},
    topicPrefix: s.topicPrefix ?? `sites/${s.name}`,
    qos: s.qos ?? (ctx.profile.site.qos === 0 ? 0 : 1),
    route: s.route,
    offlineBufferHours,
    sessionExpiryHours,
    cloudCoverage: siteCloudCoverage(offlineBufferHours, sessionExpiryHours, s.mqttClient.namespace),
    source: ctx.source(`/sites/${index}`),
  };
}

export function resolveSites(ctx: ResolveContext): readonly Site[] {
  // The session expiry each namespace's broker grants: declared, or Azure's default via the profile.
  const limits = new Map(
    (ctx.spec.eventGrid?.namespaces ?? []).map((ns) => [
      ns.name,
      ns.mqtt?.maxSessionExpiryHours ?? ctx.profile.mqtt.maxSessionExpiryHours,
    ]),
  );
  return (ctx.spec.sites ?? []).map((s, i) => site(ctx, s, i, limits));
}

/** Each site's gateway as an MQTT client of its namespace, grouped by namespace in one pass. */
export function siteGatewaysByNamespace(sites: readonly Site[]): ReadonlyMap<string, readonly MqttClient[]> {
  const byNamespace = new Map<string, MqttClient[]>();
  for (const s of sites) {
    const list = byNamespace.get(s.namespace) ?? [];
    list.push({
      name: s.clientName,
      authenticationName: s.clientName,
      certificateThumbprint: s.certificateThumbprint,
      certificateSubject: s.certificateSubject,
      // The per-site client group selects its gateway by this attribute (see semantic/sites.ts).
      attributes: { ...s.attributes, [SITE_ATTRIBUTE]: s.name },
      enabled: true,
      source: s.source,
    });
    byNamespace.set(s.namespace, list);
  }
  return byNamespace;
}
