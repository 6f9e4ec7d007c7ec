import type { SemanticCheck, SemanticContext } from "./context";
import { azureNameOf, namingOf } from "../resource-names";
import type { AbbreviatedKind } from "../../azure/naming";

/** One declared name and where it was declared. */
interface Named {
  readonly name: string;
  /** Pointer of the `name` field (or of the string itself for lists of names). */
  readonly pointer: string;
}

/**
 * Reports every name in `items` already taken in the same scope, at the repeat, naming the line
 * of the first. Azure compares resource names without regard to case ([rules] "Resource names are
 * case-insensitive"), so `Orders` and `orders` collide. One Map per scope: linear in the file.
 */
function reportDuplicates(
  ctx: SemanticContext,
  items: readonly Named[],
  what: string,
  scope: string,
  why: string,
): void {
  const first = new Map<string, Named>();
  for (const item of items) {
    const key = item.name.toLowerCase();
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, item);
      continue;
    }
    const line = ctx.doc.locate(earlier.pointer).line;
    ctx.error(
      item.pointer,
      `duplicate ${what} name "${item.name}"${scope}: "${earlier.name}" is already declared at line ${line}; ${why}`,
    );
  }
}

const named = (base: string, list: readonly { readonly name: string }[] | undefined, key = "name"): Named[] =>
  (list ?? []).map((item, i) => ({ name: item.name, pointer: `${base}/${i}/${key}` }));

const listed = (base: string, list: readonly (string | { readonly name: string })[] | undefined): Named[] =>
  (list ?? []).map((item, i) =>
    typeof item === "string"
      ? { name: item, pointer: `${base}/${i}` }
      : { name: item.name, pointer: `${base}/${i}/name` },
  );

const rename = "rename one of them";

function serviceBusNames(ctx: SemanticContext): void {
  const namespaces = ctx.spec.serviceBus ?? [];
  reportDuplicates(
    ctx,
    named("/serviceBus", namespaces),
    "Service Bus namespace",
    "",
    `references use the name; ${rename}`,
  );
  namespaces.forEach((ns, i) => {
    const base = `/serviceBus/${i}`;
    // Queues and topics live in one entity path space per namespace: Azure refuses a topic named like a queue.
    const entities = [...named(`${base}/queues`, ns.queues), ...named(`${base}/topics`, ns.topics)];
    reportDuplicates(
      ctx,
      entities,
      "queue or topic",
      ` in Service Bus namespace "${ns.name}"`,
      `queues and topics of one namespace share one set of names in Azure; ${rename}`,
    );
    (ns.topics ?? []).forEach((topic, j) => {
      const topicBase = `${base}/topics/${j}`;
      reportDuplicates(
        ctx,
        named(`${topicBase}/subscriptions`, topic.subscriptions),
        "subscription",
        ` in topic "${ns.name}/${topic.name}"`,
        rename,
      );
      (topic.subscriptions ?? []).forEach((sub, k) =>
        reportDuplicates(
          ctx,
          named(`${topicBase}/subscriptions/${k}/rules`, sub.rules),
          "rule",
          ` in subscription "${ns.name}/${topic.name}/${sub.name}"`,
          rename,
        ),
      );
    });
  });
}

function eventHubsNames(ctx: SemanticContext): void {
  const namespaces = ctx.spec.eventHubs ?? [];
  reportDuplicates(
    ctx,
    named("/eventHubs", namespaces),
    "Event Hubs namespace",
    "",
    `references use the name; ${rename}`,
  );
  namespaces.forEach((ns, i) => {
    const base = `/eventHubs/${i}`;
    reportDuplicates(
      ctx,
      named(`${base}/hubs`, ns.hubs),
      "event hub",
      ` in Event Hubs namespace "${ns.name}"`,
      rename,
    );
    reportDuplicates(
      ctx,
      named(`${base}/schemaGroups`, ns.schemaGroups),
      "schema group",
      ` in Event Hubs namespace "${ns.name}"`,
      rename,
    );
    (ns.hubs ?? []).forEach((hub, j) =>
      reportDuplicates(
        ctx,
        listed(`${base}/hubs/${j}/consumerGroups`, hub.consumerGroups),
        "consumer group",
        ` in event hub "${ns.name}/${hub.name}"`,
        rename,
      ),
    );
  });
}

function eventGridNames(ctx: SemanticContext): void {
  const grid = ctx.spec.eventGrid ?? {};
  reportDuplicates(ctx, named("/eventGrid/topics", grid.topics), "Event Grid topic", "", rename);
  reportDuplicates(
    ctx,
    named("/eventGrid/systemTopics", grid.systemTopics),
    "Event Grid system topic",
    "",
    rename,
  );
  reportDuplicates(ctx, named("/eventGrid/namespaces", grid.namespaces), "Event Grid namespace", "", rename);
  (grid.topics ?? []).forEach((topic, i) =>
    reportDuplicates(
      ctx,
      named(`/eventGrid/topics/${i}/subscriptions`, topic.subscriptions),
      "event subscription",
      ` on topic "${topic.name}"`,
      rename,
    ),
  );
  (grid.systemTopics ?? []).forEach((topic, i) =>
    reportDuplicates(
      ctx,
      named(`/eventGrid/systemTopics/${i}/subscriptions`, topic.subscriptions),
      "event subscription",
      ` on system topic "${topic.name}"`,
      rename,
    ),
  );
  const siteClients = new Map<string, Named[]>();
  (ctx.spec.sites ?? []).forEach((site, i) => {
    const list = siteClients.get(site.mqttClient.namespace) ?? [];
    list.push({ name: site.name, pointer: `/sites/${i}/name` });
    siteClients.set(site.mqttClient.namespace, list);
  });
  (grid.namespaces ?? []).forEach((ns, i) => {
    const base = `/eventGrid/namespaces/${i}/mqtt`;
    const scope = ` in Event Grid namespace "${ns.name}"`;
    reportDuplicates(ctx, named(`${base}/topicSpaces`, ns.mqtt?.topicSpaces), "topic space", scope, rename);
    reportDuplicates(
      ctx,
      named(`${base}/clientGroups`, ns.mqtt?.clientGroups),
      "client group",
      scope,
      rename,
    );
    const permissions = (ns.mqtt?.permissions ?? []).flatMap((p, j) =>
      p.name === undefined ? [] : [{ name: p.name, pointer: `${base}/permissions/${j}/name` }],
    );
    reportDuplicates(ctx, permissions, "permission binding", scope, rename);
    // Each edge site's gateway becomes a client of the namespace, named after the site. Client names are
    // case-sensitive, but the authentication name (the client's name by default) is unique ignoring case
    // (learn.microsoft.com/azure/event-grid/mqtt-clients), so case-insensitive comparison is the right one.
    const clients = [...named(`${base}/clients`, ns.mqtt?.clients), ...(siteClients.get(ns.name) ?? [])];
    reportDuplicates(
      ctx,
      clients,
      "MQTT client",
      `${scope} (site gateways are clients named after their site)`,
      rename,
    );
  });
}

function relayNames(ctx: SemanticContext): void {
  const namespaces = ctx.spec.relay ?? [];
  reportDuplicates(ctx, named("/relay", namespaces), "Relay namespace", "", rename);
  namespaces.forEach((ns, i) => {
    // Hybrid connections and WCF relays are both addressed as sb://<namespace>/<path>: one path space.
    const entities = [
      ...named(`/relay/${i}/hybridConnections`, ns.hybridConnections),
      ...named(`/relay/${i}/wcfRelays`, ns.wcfRelays),
    ];
    reportDuplicates(
      ctx,
      entities,
      "hybrid connection or WCF relay",
      ` in Relay namespace "${ns.name}"`,
      `both are addressed by path in the namespace; ${rename}`,
    );
  });
}

function iotHubNames(ctx: SemanticContext): void {
  const hubs = ctx.spec.iotHub ?? [];
  reportDuplicates(ctx, named("/iotHub", hubs), "IoT hub", "", rename);
  hubs.forEach((hub, i) => {
    const scope = ` in IoT hub "${hub.name}"`;
    reportDuplicates(
      ctx,
      named(`/iotHub/${i}/routes`, hub.routes),
      "route",
      `${scope} (each route also names its endpoint)`,
      rename,
    );
    reportDuplicates(
      ctx,
      listed(`/iotHub/${i}/consumerGroups`, hub.consumerGroups),
      "consumer group",
      scope,
      rename,
    );
  });
}

/**
 * Service Bus, Event Hubs and Relay namespaces are all `<name>.servicebus.windows.net`: one global
 * DNS name space, so two of them (of any of the three services) cannot share an Azure name.
 */
function globalNamespaceNames(ctx: SemanticContext): void {
  const naming = namingOf(ctx.spec);
  const taken = new Map<string, { readonly pointer: string; readonly logical: string }>();
  const visit = (
    service: string,
    kind: AbbreviatedKind,
    list: readonly { readonly name: string; readonly resourceName?: string }[],
  ): void => {
    list.forEach((item, i) => {
      const azureName = azureNameOf(kind, naming, item);
      const pointer = `/${service}/${i}/${item.resourceName === undefined ? "name" : "resourceName"}`;
      const key = azureName.toLowerCase();
      const earlier = taken.get(key);
      // Two namespaces of one service with one logical name are already reported as duplicates.
      if (earlier?.logical === `${service}/${item.name}`) return;
      if (!earlier) {
        taken.set(key, { pointer, logical: `${service}/${item.name}` });
        return;
      }
      const line = ctx.doc.locate(earlier.pointer).line;
      ctx.error(
        pointer,
        `Azure name "${azureName}" for ${service}/${item.name} is also the Azure name of ${earlier.logical} (line ${line}); namespace names are global DNS names (<name>.servicebus.windows.net): set a different name or resourceName`,
      );
    });
  };
  visit("serviceBus", "serviceBusNamespace", ctx.spec.serviceBus ?? []);
  visit("eventHubs", "eventHubsNamespace", ctx.spec.eventHubs ?? []);
  visit("relay", "relayNamespace", ctx.spec.relay ?? []);
}

function siteNames(ctx: SemanticContext): void {
  reportDuplicates(ctx, named("/sites", ctx.spec.sites), "site", "", rename);
}

/** Unique names in every scope Azure (or a reference in the file) needs them unique. */
export const checkUniqueNames: SemanticCheck = (ctx) => {
  serviceBusNames(ctx);
  eventHubsNames(ctx);
  eventGridNames(ctx);
  relayNames(ctx);
  iotHubNames(ctx);
  siteNames(ctx);
  globalNamespaceNames(ctx);
};
