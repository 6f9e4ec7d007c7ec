import { edgeSiteProblems } from "../../azure/edge-site";
import { MqttLimits, mqttNameRules } from "../../azure/event-grid-mqtt";
import { azureNameProblem } from "../../azure/name-rule";
import type { EventGridNamespaceSpec, SiteSpec } from "../spec";
import type { SemanticContext } from "./context";

/** The topic root a site publishes under: `topicPrefix`, or `sites/<name>` (the schema's default). */
export function siteTopicPrefix(site: SiteSpec): string {
  return site.topicPrefix ?? `sites/${site.name}`;
}

/**
 * Each site's gateway is kept in its own topic tree by a topic space (`<topicPrefix>/#`), a client
 * group that selects the gateway by the client attribute `site`, and a publisher and a subscriber
 * permission binding, all named `site-<name>`, built with the namespace's other MQTT resources.
 */
export const SITE_ATTRIBUTE = "site";

/** The name of a site's topic space, client group and (with a role suffix) permission bindings. */
export function siteScopeName(siteName: string): string {
  return `site-${siteName}`;
}

/**
 * Topic prefixes, the scoping resources and their quotas. The namespace, the route and the
 * gateway certificate are checked with the other references and the Event Grid rules.
 */
export function checkSites(ctx: SemanticContext): void {
  const sites = ctx.spec.sites ?? [];
  sites.forEach((site, index) => {
    const at = `/sites/${index}`;
    ctx.report(at, edgeSiteProblems(site));
    const attribute = site.mqttClient.attributes?.[SITE_ATTRIBUTE];
    if (attribute !== undefined && attribute !== site.name) {
      ctx.error(
        `${at}/mqttClient/attributes/${SITE_ATTRIBUTE}`,
        `attribute "${SITE_ATTRIBUTE}" selects the site's gateway for its topic tree and is set to the site's name; remove it or set it to "${site.name}", got ${JSON.stringify(attribute)}`,
      );
    }
    // The site's topic space, client group and permission bindings take the broker's resource names.
    const scope = siteScopeName(site.name);
    if (azureNameProblem(mqttNameRules.mqttPermissionBinding, `${scope}-subscriber`) !== undefined) {
      ctx.error(
        `${at}/name`,
        `site name "${site.name}" makes the broker resource name "${scope}-subscriber", which must be 3-50 letters, digits and hyphens; shorten the site name`,
      );
    }
  });
  checkOverlappingTrees(ctx, sites);
  checkSiteRoutes(ctx, sites);
  (ctx.spec.eventGrid?.namespaces ?? []).forEach((namespace, index) =>
    checkBrokerRoom(ctx, namespace, index, sites),
  );
}

/** The per-site resources fit the namespace's quotas and take no name the file already uses. */
function checkBrokerRoom(
  ctx: SemanticContext,
  namespace: EventGridNamespaceSpec,
  index: number,
  sites: readonly SiteSpec[],
): void {
  const mqtt = namespace.mqtt;
  const own = sites.filter((site) => site.mqttClient.namespace === namespace.name);
  if (!mqtt || own.length === 0) return;
  const at = `/eventGrid/namespaces/${index}/mqtt`;
  const counts = {
    topicSpaces: (mqtt.topicSpaces ?? []).length + own.length,
    clientGroups: (mqtt.clientGroups ?? []).length + own.length,
    permissionBindings: (mqtt.permissions ?? []).length + 2 * own.length,
  };
  // Namespace quotas ("Event Grid quotas and limits", MQTT namespace resources) the scoping counts against.
  for (const [what, count] of Object.entries(counts) as [keyof typeof counts, number][]) {
    if (count > MqttLimits[what]) {
      ctx.error(
        at,
        `namespace ${namespace.name} would hold ${count} ${what} (its own plus the ${own.length} edge sites' scoping), over Azure's limit of ${MqttLimits[what]} per namespace; move sites to another namespace`,
      );
    }
  }
  const taken = new Set([
    ...(mqtt.topicSpaces ?? []).map((t) => t.name),
    ...(mqtt.clientGroups ?? []).map((g) => g.name),
  ]);
  own.forEach((site) => {
    const scope = siteScopeName(site.name);
    if (taken.has(scope)) {
      ctx.error(
        at,
        `namespace ${namespace.name} declares a topic space or client group named "${scope}", the name of site ${site.name}'s own scoping; rename it`,
      );
    }
  });
}

/** Two sites on one broker whose topic trees overlap could read and write each other's messages. */
function checkOverlappingTrees(ctx: SemanticContext, sites: readonly SiteSpec[]): void {
  sites.forEach((site, index) => {
    const prefix = siteTopicPrefix(site);
    for (let other = 0; other < index; other++) {
      const earlier = sites[other];
      if (earlier.mqttClient.namespace !== site.mqttClient.namespace) continue;
      const earlierPrefix = siteTopicPrefix(earlier);
      if (
        prefix === earlierPrefix ||
        prefix.startsWith(`${earlierPrefix}/`) ||
        earlierPrefix.startsWith(`${prefix}/`)
      ) {
        ctx.error(
          site.topicPrefix !== undefined ? `/sites/${index}/topicPrefix` : `/sites/${index}/name`,
          `site ${site.name}'s topic tree "${prefix}/#" overlaps site ${earlier.name}'s "${earlierPrefix}/#" on namespace ${site.mqttClient.namespace}: each gateway is limited to its own tree, so give the sites disjoint topic prefixes`,
        );
      }
    }
  });
}

/**
 * A site's messages leave the broker only through its namespace's MQTT routing (`mqtt.routeTo`:
 * "Routing MQTT messages in Azure Event Grid" routes a namespace's messages to one topic), so a
 * stated `route` must be where that routing delivers; anything else would tell the site's tooling
 * a destination no message reaches.
 */
function checkSiteRoutes(ctx: SemanticContext, sites: readonly SiteSpec[]): void {
  const namespaces = new Map((ctx.spec.eventGrid?.namespaces ?? []).map((ns) => [ns.name, ns]));
  sites.forEach((site, index) => {
    if (site.route === undefined) return;
    const namespace = namespaces.get(site.mqttClient.namespace);
    // An undeclared namespace or one without a broker is reported with the references.
    if (!namespace?.mqtt) return;
    const routeTo = namespace.mqtt.routeTo;
    const delivered = routeTo?.eventHub ?? routeTo?.serviceBusQueue ?? routeTo?.serviceBusTopic;
    if (delivered === site.route) return;
    const pointer = `/sites/${index}/route`;
    if (routeTo === undefined) {
      ctx.error(
        pointer,
        `route "${site.route}" is not where site ${site.name}'s messages land: namespace ${namespace.name} routes no MQTT messages (it has no mqtt.routeTo); add mqtt.routeTo to the namespace, or remove route`,
      );
      return;
    }
    ctx.error(
      pointer,
      delivered === undefined
        ? `route "${site.route}" is not where site ${site.name}'s messages land: namespace ${namespace.name}'s mqtt.routeTo delivers them to a push destination, not an entity; remove route`
        : `route "${site.route}" is not where site ${site.name}'s messages land: namespace ${namespace.name}'s mqtt.routeTo delivers them to "${delivered}"; set route to "${delivered}" or remove it`,
    );
  });
}
