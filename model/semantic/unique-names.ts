import type { SemanticCheck, SemanticContext } from "./context";

/** One declared name and where it was declared. */
interface Named {
  readonly name: string;
  /** Pointer of the `name` field (or of the string itself for lists of names). */
  readonly pointer: string;
}

/**
 * Reports every name in `items` already taken in the same list, at the repeat, naming the line
 * of the first. References in the file use these names, and Azure compares resource names without
 * regard to case ([rules] "Resource names are case-insensitive"), so `Orders` and `orders` repeat.
 * Names that meet across lists or only once resolved (a queue and a topic, a namespace's Azure
 * name, a site's gateway and a declared client) are compared on the model (`model/checks/`).
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
    const scope = ` in Service Bus namespace "${ns.name}"`;
    reportDuplicates(ctx, named(`${base}/queues`, ns.queues), "queue", scope, rename);
    reportDuplicates(ctx, named(`${base}/topics`, ns.topics), "topic", scope, rename);
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
    reportDuplicates(ctx, named(`${base}/clients`, ns.mqtt?.clients), "MQTT client", scope, rename);
  });
}

function relayNames(ctx: SemanticContext): void {
  const namespaces = ctx.spec.relay ?? [];
  reportDuplicates(ctx, named("/relay", namespaces), "Relay namespace", "", rename);
  namespaces.forEach((ns, i) => {
    const scope = ` in Relay namespace "${ns.name}"`;
    reportDuplicates(
      ctx,
      named(`/relay/${i}/hybridConnections`, ns.hybridConnections),
      "hybrid connection",
      scope,
      rename,
    );
    reportDuplicates(ctx, named(`/relay/${i}/wcfRelays`, ns.wcfRelays), "WCF relay", scope, rename);
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

function siteNames(ctx: SemanticContext): void {
  reportDuplicates(ctx, named("/sites", ctx.spec.sites), "site", "", rename);
}

/**
 * Webhook receivers become receivers of the environment's action group, whose names Azure wants
 * unique ignoring case (azurerm v4.55.0 website/docs/r/monitor_action_group.html.markdown,
 * `webhook_receiver.name`: "Names must be unique (case-insensitive) across all receivers").
 */
function monitoringNames(ctx: SemanticContext): void {
  reportDuplicates(
    ctx,
    named("/monitoring/webhooks", ctx.spec.monitoring?.webhooks),
    "webhook receiver",
    "",
    "Azure wants receiver names unique in the action group; rename one of them",
  );
}

/** No list of the file names one thing twice. */
export const checkUniqueNames: SemanticCheck = (ctx) => {
  serviceBusNames(ctx);
  eventHubsNames(ctx);
  eventGridNames(ctx);
  relayNames(ctx);
  iotHubNames(ctx);
  siteNames(ctx);
  monitoringNames(ctx);
};
