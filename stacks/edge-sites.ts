import { EdgeSite } from "../constructs/edge";
import { MqttClientGroup, MqttPermissionBinding, MqttTopicSpace } from "../constructs/event-grid/mqtt";
import type * as model from "../model/model";
import { SITE_ATTRIBUTE, siteScopeName } from "../model/semantic/sites";
import { siteRoles } from "./ids/broker-children";
import type { StackContext } from "./stack-context";

/**
 * Edge sites' part of the stack, built last: each site's gateway is kept in its own topic tree
 * on its namespace's broker (a topic space `<topicPrefix>/#`, a client group selecting the gateway
 * by its `site` attribute, and publisher and subscriber bindings between them), and its connection
 * settings, with what the cloud holds while it is offline, become the output `site_<name>`. The
 * gateway's MQTT client itself is built by Event Grid with the namespace's other clients.
 */
export function addEdgeSites(ctx: StackContext): void {
  for (const site of ctx.model.sites) addSite(ctx, site);
}

function addSite(ctx: StackContext, site: model.Site): void {
  const namespace = ctx.entities.mqttBroker(site.namespace);
  const ids = ctx.ids.broker(site.namespace).site(site.name);
  const scope = siteScopeName(site.name);
  const topicSpace = new MqttTopicSpace(namespace, ids.topicSpace, {
    namespace,
    name: scope,
    templates: [`${site.topicPrefix}/#`],
    description: `Topic tree of edge site ${site.name}`,
  });
  const clientGroup = new MqttClientGroup(namespace, ids.clientGroup, {
    namespace,
    name: scope,
    query: `attributes.${SITE_ATTRIBUTE} = '${site.name}'`,
    description: `Gateway of edge site ${site.name}`,
  });
  for (const role of siteRoles) {
    new MqttPermissionBinding(namespace, ids.permission[role], {
      namespace,
      name: `${scope}-${role}`,
      clientGroup,
      topicSpace,
      role,
      description: `Edge site ${site.name} ${role === "publisher" ? "publishes" : "subscribes"} in its own topic tree`,
    });
  }

  new EdgeSite(ctx.scope, ctx.ids.children.edgeSite(site.name), {
    siteName: site.name,
    outputName: ctx.ids.outputs.site(site.name),
    namespaceResourceId: namespace.id,
    namespaceName: namespace.name,
    region: ctx.location,
    clientAuthenticationName: site.clientName,
    topicPrefix: site.topicPrefix,
    qos: site.qos,
    route: site.route,
    sessionExpiryHours: site.sessionExpiryHours,
    offlineBufferHours: site.offlineBufferHours,
    cloudCoverage: site.cloudCoverage,
  });
}
