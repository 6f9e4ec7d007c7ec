import { createHash } from "node:crypto";
import { resolve } from "node:path";
import fc from "fast-check";
import { bool, maybe, named, optionalRef, resourceName, tags, usually, type Json, type Tier } from "./common";

/*
 * Logic apps, Consumption and Standard, that read the file's queues, subscriptions and hubs and
 * write its queues, topics and hubs (`receives:`/`sends:` are references, resolved with the rest of
 * the file), with a workflow definition file per workflow. The definitions are written once the
 * file is resolved (`withWorkflowFiles`): their triggers and actions go through the connections the
 * app declares and name the entities it lists, in each hosting model's own form (Consumption's
 * `encodeURIComponent('<name>')` paths, Standard's `queueName`/`entityName`/... parameters). Now
 * and then a workflow carries one mistake (an undeclared connection, an entity that is not
 * declared or not listed, a connection string, no actions, text that is not JSON, ...).
 */

/**
 * The workflow files the drawn apps name, by absolute path, as if written beside `generated.yaml`
 * (the harness reads them from here, as it reads `generatedQueries`). A file's name is its text's
 * hash, so drawing the same workflow twice names the same file.
 */
export const generatedWorkflows = new Map<string, string>();

/** The definition file a workflow names when the draw wants it missing. */
export const missingWorkflowFile = "workflows/not-written.json";

/** Where a workflow file with `text` lives relative to the environment file (recorded for the harness). */
export function workflowFileFor(text: string): string {
  const path = `workflows/w-${createHash("sha256").update(text).digest("hex").slice(0, 12)}.json`;
  generatedWorkflows.set(resolve(path), text);
  return path;
}

type Mistake =
  | "none"
  | "undeclaredConnection"
  | "ghostEntity"
  | "uncovered"
  | "secret"
  | "noActions"
  | "notJson"
  | "notObject"
  | "missingFile"
  | "wrongStyle"
  | "noKind"
  | "computedName"
  | "noConnectionsParameter"
  | "wrongProvider";

const mistakes: readonly Mistake[] = [
  "undeclaredConnection",
  "ghostEntity",
  "uncovered",
  "secret",
  "noActions",
  "notJson",
  "notObject",
  "missingFile",
  "wrongStyle",
  "noKind",
  "computedName",
  "noConnectionsParameter",
  "wrongProvider",
];

/** How a workflow is written; kept under `$plan` until the file is resolved. */
interface WorkflowPlan {
  readonly mistake: Mistake;
  /** Where the actions sit: at the top, or inside a Scope, an If's branches or a Switch's cases. */
  readonly nesting: "none" | "scope" | "if" | "switch";
  /** Consumption: the designer's `encodeURIComponent(encodeURIComponent('x'))` for Service Bus. */
  readonly encodeTwice: boolean;
  /** Standard: `entityName` rather than `queueName`/`topicName` for sending. */
  readonly entityName: boolean;
  readonly secret: string;
  /** What the workflow composes: an expression, or text Terraform would read as a template (`${`, `%{`). */
  readonly composed: string;
}

const secrets = [
  "Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=abc123=",
  "SharedAccessSignature sr=contoso.servicebus.windows.net&sig=abcdefgh1234&se=1&skn=send",
  "https://contoso.blob.core.windows.net/c?sv=2022&sig=ABCDEFGH12345678",
  "DefaultEndpointsProtocol=https;AccountName=st;AccountKey=abc123==",
];

const plan: fc.Arbitrary<WorkflowPlan> = fc.record({
  mistake: fc.oneof(
    { withCrossShrink: true },
    { weight: 12, arbitrary: fc.constant<Mistake>("none") },
    { weight: 1, arbitrary: fc.constantFrom(...mistakes) },
  ),
  nesting: fc.constantFrom("none", "none", "scope", "if", "switch"),
  encodeTwice: fc.boolean(),
  entityName: fc.boolean(),
  secret: fc.constantFrom(...secrets),
  composed: usually(
    fc.constant("@triggerBody()"),
    [
      "order ${id} routed",
      "%{ if x }y%{ endif }",
      "@{concat('${', triggerBody()?['id'], '}')}",
      '<b>|x|</b> "quoted" ä',
    ],
    20,
  ),
});

const workflowName = named(
  ["route-invoices", "relay-orders", "audit"],
  ["a__b", "1st", "x".repeat(256), "a_b"],
);

function workflows(hosting: string): fc.Arbitrary<Json[]> {
  const workflow = fc.record({ name: workflowName, $plan: plan });
  // A Consumption app is one workflow: two are drawn now and then, which validation refuses.
  const max = hosting === "Consumption" ? usually(fc.constant(1), [2], 6) : fc.constantFrom(1, 2);
  return max.chain((maxLength) =>
    fc.uniqueArray(workflow, { minLength: 1, maxLength, selector: (w) => w.name }),
  );
}

/**
 * The Service Bus namespace the apps come with (as Stream Analytics jobs come with their source),
 * added beside the file's others, so that apps with connections are accepted often: Premium with
 * a private endpoint in production (reached from Standard hosting through the integration subnet,
 * refused to Consumption), Standard and public in development.
 */
function companion(tier: Tier): fc.Arbitrary<Json> {
  return fc.record({
    name: fc.constant("flow"),
    sku: fc.constant(tier === "production" ? "Premium" : "Standard"),
    capacity: fc.constant(tier === "production" ? 1 : undefined),
    publicNetworkAccess: maybe(fc.boolean(), 1, 6),
    queues: fc.constant([{ name: "inbound" }, { name: "outbound" }]),
    topics: fc.constant([{ name: "events", subscriptions: [{ name: "audit" }, { name: "billing" }] }]),
    $waive: fc.constant(true),
    $companion: fc.constant(true),
  });
}

/** Entities a workflow reads: queues, subscriptions and hubs; now and then a topic (read only through a subscription). */
const received = fc.oneof(
  { withCrossShrink: true },
  { weight: 20, arbitrary: optionalRef("companionReceive") },
  { weight: 8, arbitrary: optionalRef("sbQueue") },
  { weight: 6, arbitrary: optionalRef("sbSubscription") },
  { weight: 6, arbitrary: optionalRef("eventHub") },
  { weight: 1, arbitrary: optionalRef("sbTopic") },
);

/** Entities a workflow writes: queues, topics and hubs; now and then a subscription (which cannot be sent to). */
const sent = fc.oneof(
  { withCrossShrink: true },
  { weight: 20, arbitrary: optionalRef("companionSend") },
  { weight: 8, arbitrary: optionalRef("sbQueue") },
  { weight: 6, arbitrary: optionalRef("sbTopic") },
  { weight: 6, arbitrary: optionalRef("eventHub") },
  { weight: 1, arbitrary: optionalRef("sbSubscription") },
);

/** A connection the workflows do not use, to a declared namespace or (rarely) to none. */
const spareConnection = fc.oneof(
  { withCrossShrink: true },
  fc.record({ archive: optionalRef("sbNamespace") }),
  fc.record({ telemetry: optionalRef("ehNamespace") }),
);

/** One app; production files rarely state what the profile forbids. */
export function logicApp(tier: Tier): fc.Arbitrary<Json> {
  const rare = tier === "production" ? 1 : 3;
  return fc
    .oneof(
      { withCrossShrink: true },
      { weight: tier === "production" ? 1 : 3, arbitrary: fc.constant("Consumption") },
      { weight: 3, arbitrary: fc.constant("Standard") },
    )
    .chain((hosting) =>
      fc.record({
        name: named(["order-relay", "invoice-router", "audit"], ["ab", "a.b", "a_b", "x".repeat(61)]),
        hosting: fc.constant(hosting),
        resourceName: maybe(resourceName, 1, 12),
        sku:
          hosting === "Standard"
            ? maybe(usually(fc.constantFrom("WS1", "WS2", "WS3"), ["WS4"]), 1, 2)
            : maybe(fc.constant("WS1"), 1, 40),
        workflows: workflows(hosting),
        connections: maybe(spareConnection, 1, 8),
        receives: fc.array(received, { maxLength: 2 }),
        sends: fc.array(sent, { maxLength: 2 }),
        publicNetworkAccess: maybe(fc.boolean(), 1, rare * 3),
        diagnostics: maybe(fc.boolean(), 1, rare * 3),
        tags: maybe(tags, 1, 5),
        $waive: bool(30, 1),
        /** Production Standard apps mostly carry the runtime storage's shared-key waiver. */
        $storageWaiver: bool(4, 1),
        /** Connections named `serviceBus/<name>` even where the name alone is unambiguous. */
        $prefixed: bool(1, 4),
      }),
    );
}

export function logicAppsSection(tier: Tier): fc.Arbitrary<Json> {
  return fc.record({
    apps: fc.uniqueArray(logicApp(tier), { minLength: 1, maxLength: 2, selector: (app) => app.name }),
    bus: maybe(companion(tier), 6, 1),
  });
}

/** The drawn section as the file writes it: the apps under `logicApps`, their namespace under `serviceBus`. */
export function withLogicAppSources(drawn: Json): Json {
  const { logicApps, ...rest } = drawn;
  if (logicApps === undefined) return rest;
  const { apps, bus } = logicApps as { apps: Json[]; bus?: Json };
  if (bus === undefined) return { ...rest, logicApps: apps };
  const serviceBus = [...((rest.serviceBus as Json[] | undefined) ?? []), bus];
  return { ...rest, serviceBus, logicApps: apps };
}

// ---------------------------------------------------------------- definitions, once the file is resolved

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const names = (value: unknown): string[] => list(value).map((item) => String(item.name));

type Service = "serviceBus" | "eventHubs";

/** What an entry of `receives:`/`sends:` names, as far as the file declares it. */
interface Entity {
  readonly namespace: string;
  readonly service: Service;
  readonly kind: "queue" | "topic" | "subscription" | "hub";
  readonly entity: string;
  readonly subscription?: string;
}

/**
 * The entity an entry names, by its declared names where the file declares it: a list may write a
 * name in another letter case (Azure compares them ignoring case), a definition writes it as declared.
 */
function entityOf(doc: Json, text: string): Entity {
  const [namespace, written = "", writtenSubscription] = text.split("/");
  const sb = list(doc.serviceBus).find((ns) => ns.name === namespace);
  const eh = list(doc.eventHubs).find((ns) => ns.name === namespace);
  const declared = (items: unknown, name: string): Json | undefined =>
    list(items).find((item) => String(item.name).toLowerCase() === name.toLowerCase());
  const queue = declared(sb?.queues, written);
  const topic = declared(sb?.topics, written);
  const hub = declared(eh?.hubs, written);
  const entity = String((queue ?? topic ?? hub)?.name ?? written);
  if (writtenSubscription !== undefined) {
    const subscription = declared(topic?.subscriptions, writtenSubscription);
    return {
      namespace,
      service: "serviceBus",
      kind: "subscription",
      entity,
      subscription: String(subscription?.name ?? writtenSubscription),
    };
  }
  if (queue) return { namespace, service: "serviceBus", kind: "queue", entity };
  if (topic) return { namespace, service: "serviceBus", kind: "topic", entity };
  if (eh || !sb) return { namespace, service: eh ? "eventHubs" : "serviceBus", kind: "hub", entity };
  return { namespace, service: "serviceBus", kind: "queue", entity };
}

const quoted = (name: string): string => `'${name.replace(/'/g, "''")}'`;

interface Operation {
  readonly entity: Entity;
  readonly direction: "receive" | "send";
  readonly connection: string;
}

interface Writing {
  readonly style: "ApiConnection" | "ServiceProvider";
  readonly plan: WorkflowPlan;
  /** Replaces the first operation's entity name (a name not declared, or computed at run time). */
  readonly entityName?: string;
}

function consumptionOperation(op: Operation, role: "trigger" | "action", w: Writing): Json {
  const { entity } = op;
  const name = w.entityName ?? entity.entity;
  const literal = name.startsWith("@") ? name.slice(1) : quoted(name);
  const encoded =
    w.plan.encodeTwice && entity.service === "serviceBus"
      ? `@{encodeURIComponent(encodeURIComponent(${literal}))}`
      : `@{encodeURIComponent(${literal})}`;
  const subscription =
    entity.subscription === undefined
      ? ""
      : `/subscriptions/@{encodeURIComponent(${quoted(entity.subscription)})}`;
  const hub = entity.service === "eventHubs";
  const inputs: Json = {
    host: { connection: { name: `@parameters('$connections')[${quoted(op.connection)}]['connectionId']` } },
  };
  if (op.direction === "send") {
    Object.assign(inputs, {
      method: "post",
      path: `/${encoded}/${hub ? "events" : "messages"}`,
      body: { ContentData: "@{base64(triggerBody())}" },
    });
  } else {
    Object.assign(inputs, {
      method: "get",
      path: `/${encoded}${subscription}/${hub ? "events/batch/head" : "messages/head"}`,
      queries: hub ? { consumerGroupName: "$Default", maximumEventsCount: 50 } : { queueType: "Main" },
    });
  }
  const body: Json = { type: "ApiConnection", inputs };
  if (role === "trigger") body.recurrence = { frequency: "Minute", interval: 1 };
  else body.runAfter = {};
  return body;
}

function standardOperation(op: Operation, role: "trigger" | "action", w: Writing): Json {
  const { entity } = op;
  const name = w.entityName ?? entity.entity;
  const hub = entity.service === "eventHubs";
  let parameters: Json;
  let operationId: string;
  if (hub) {
    parameters =
      op.direction === "send"
        ? { eventHubName: name, eventData: { contentData: "@triggerBody()" } }
        : { eventHubName: name, consumerGroup: "$Default" };
    operationId = op.direction === "send" ? "sendEvent" : "receiveEvents";
  } else if (op.direction === "send") {
    const key = w.plan.entityName ? "entityName" : entity.kind === "topic" ? "topicName" : "queueName";
    parameters = { [key]: name, message: { contentData: "@triggerBody()?['contentData']" } };
    operationId = "sendMessage";
  } else if (entity.kind === "subscription") {
    parameters = { topicName: name, subscriptionName: entity.subscription ?? "", isSessionsEnabled: false };
    operationId = role === "trigger" ? "receiveTopicMessages" : "peekLockTopicMessages";
  } else {
    parameters = { queueName: name, isSessionsEnabled: false };
    operationId = role === "trigger" ? "receiveQueueMessages" : "peekLockQueueMessages";
  }
  const provider = (hub ? 1 : 0) ^ (w.plan.mistake === "wrongProvider" ? 1 : 0);
  const body: Json = {
    type: "ServiceProvider",
    inputs: {
      parameters,
      serviceProviderConfiguration: {
        connectionName: op.connection,
        operationId,
        serviceProviderId: provider === 1 ? "/serviceProviders/eventHub" : "/serviceProviders/serviceBus",
      },
    },
  };
  if (role === "trigger") body.splitOn = "@triggerOutputs()?['body']";
  else body.runAfter = {};
  return body;
}

function operation(op: Operation, role: "trigger" | "action", w: Writing): Json {
  return w.style === "ApiConnection" ? consumptionOperation(op, role, w) : standardOperation(op, role, w);
}

/** The actions, at the top or inside a container the plan names. */
function nest(actions: Json, nesting: WorkflowPlan["nesting"]): Json {
  const entries = Object.entries(actions);
  if (nesting === "none" || entries.length === 0) return actions;
  const half = Math.ceil(entries.length / 2);
  const first = Object.fromEntries(entries.slice(0, half));
  const rest = Object.fromEntries(entries.slice(half));
  switch (nesting) {
    case "scope":
      return { Route: { type: "Scope", actions, runAfter: {} } };
    case "if":
      return {
        Check: {
          type: "If",
          expression: { and: [{ equals: ["@triggerBody()?['kind']", "order"] }] },
          actions: first,
          else: { actions: rest },
          runAfter: {},
        },
      };
    case "switch":
      return {
        Route_by_kind: {
          type: "Switch",
          expression: "@triggerBody()?['kind']",
          cases: { Orders: { case: "order", actions: first } },
          default: { actions: rest },
          runAfter: {},
        },
      };
  }
}

interface AppContext {
  readonly hosting: string;
  readonly receives: readonly Operation[];
  readonly sends: readonly Operation[];
}

/** A workflow definition file's text for workflow `index` of an app. */
function definitionText(app: AppContext, index: number, plan: WorkflowPlan): string {
  const consumption = app.hosting === "Consumption";
  const wrong = plan.mistake === "wrongStyle";
  const style = consumption !== wrong ? "ApiConnection" : "ServiceProvider";
  const ops: { op: Operation; role: "trigger" | "action" }[] = [];
  // Each workflow is triggered by one entity it reads, in turn, and reads the others in actions.
  const trigger = app.receives.length === 0 ? undefined : app.receives[index % app.receives.length];
  if (trigger) ops.push({ op: trigger, role: "trigger" });
  for (const op of app.receives) if (op !== trigger) ops.push({ op, role: "action" });
  for (const op of app.sends) ops.push({ op, role: "action" });
  const firstWriting: Writing = {
    style,
    plan,
    entityName:
      plan.mistake === "ghostEntity"
        ? "ghost-entity"
        : plan.mistake === "computedName"
          ? "@parameters('entity')"
          : undefined,
  };
  const writing: Writing = { style, plan };
  const body = (op: Operation, role: "trigger" | "action", first: boolean): Json => {
    const connection = first && plan.mistake === "undeclaredConnection" ? "ghostConnection" : op.connection;
    return operation({ ...op, connection }, role, first ? firstWriting : writing);
  };
  const triggers: Json = trigger
    ? { When_a_message_arrives: body(trigger, "trigger", true) }
    : { Every_minute: { type: "Recurrence", recurrence: { frequency: "Minute", interval: 1 } } };
  const actions: Json = {};
  ops
    .filter((o) => o.role === "action")
    .forEach(({ op }, i) => {
      const verb = op.direction === "send" ? "Send" : "Read";
      actions[`${verb}_${i + 1}`] = body(op, "action", !trigger && i === 0);
    });
  actions.Compose_summary = {
    type: "Compose",
    inputs: plan.mistake === "secret" ? { endpoint: plan.secret } : plan.composed,
    runAfter: {},
  };
  const definition: Json = {
    $schema:
      "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
    contentVersion: "1.0.0.0",
    triggers,
    outputs: {},
  };
  if (plan.mistake !== "noActions") definition.actions = nest(actions, plan.nesting);
  if (style === "ApiConnection" && plan.mistake !== "noConnectionsParameter")
    definition.parameters = { $connections: { type: "Object", defaultValue: {} } };
  const document: Json = { definition };
  if (!consumption && plan.mistake !== "noKind") document.kind = index % 2 === 0 ? "Stateful" : "Stateless";
  if (plan.mistake === "notObject") return `${JSON.stringify([document], null, 2)}\n`;
  const text = `${JSON.stringify(document, null, 2)}\n`;
  return plan.mistake === "notJson" ? text.slice(0, Math.floor(text.length / 2)) : text;
}

/** Strings of a resolved list, each once (unresolved optional references drop out). */
const strings = (value: unknown): string[] => [
  ...new Set((Array.isArray(value) ? value : []).filter((v): v is string => typeof v === "string")),
];

/** The app with its connections and workflow files, written from what the file resolved. */
function finishApp(doc: Json, app: Json, drafted: Json | undefined): { app: Json; waiver?: Json } {
  const hosting = String(app.hosting);
  const consumption = hosting === "Consumption";
  const both = (namespace: string): boolean =>
    names(doc.serviceBus).includes(namespace) && names(doc.eventHubs).includes(namespace);
  const prefixed = drafted?.$prefixed === true;
  const connections: Record<string, string> = {};
  const connectionFor = new Map<string, string>();
  const connect = (entity: Entity): string => {
    const key = `${entity.service}/${entity.namespace}`;
    const known = connectionFor.get(key);
    if (known !== undefined) return known;
    const base =
      entity.service === "serviceBus"
        ? consumption
          ? "servicebus"
          : "serviceBus"
        : consumption
          ? "eventhubs"
          : "eventHub";
    const count = [...connectionFor.keys()].filter((k) => k.startsWith(`${entity.service}/`)).length;
    const name = count === 0 ? base : `${base}-${count + 1}`;
    connectionFor.set(key, name);
    connections[name] = prefixed || both(entity.namespace) ? key : entity.namespace;
    return name;
  };
  const receives = strings(app.receives);
  const sends = strings(app.sends);
  const context: AppContext = {
    hosting,
    receives: receives.map((text) => {
      const entity = entityOf(doc, text);
      return { entity, direction: "receive", connection: connect(entity) };
    }),
    sends: sends.map((text) => {
      const entity = entityOf(doc, text);
      return { entity, direction: "send", connection: connect(entity) };
    }),
  };
  const drafts = list(drafted?.workflows);
  const plans = list(app.workflows).map(
    (_, j) => (drafts[j]?.$plan as WorkflowPlan | undefined) ?? ({ mistake: "none" } as WorkflowPlan),
  );
  const workflows = list(app.workflows).map((workflow, j) => {
    const p = plans[j];
    const definition =
      p.mistake === "missingFile" ? missingWorkflowFile : workflowFileFor(definitionText(context, j, p));
    return { ...workflow, definition };
  });
  // A definition using an entity the lists do not grant: the last entry is left out of its list.
  const uncovered = plans.some((p) => p.mistake === "uncovered");
  const listed = (entries: string[], drop: boolean): string[] | undefined => {
    const kept = drop ? entries.slice(0, -1) : entries;
    return kept.length === 0 ? undefined : kept;
  };
  const allConnections = { ...connections, ...((app.connections as Json | undefined) ?? {}) };
  const finished: Json = Object.fromEntries(
    Object.entries({
      ...app,
      workflows,
      connections: Object.keys(allConnections).length === 0 ? undefined : allConnections,
      receives: listed(receives, uncovered && sends.length === 0),
      sends: listed(sends, uncovered),
    }).filter(([, value]) => value !== undefined),
  );
  const waiver =
    doc.tier === "production" && !consumption && drafted?.$storageWaiver === true
      ? {
          rule: "LA-STORAGE-SHARED-KEY",
          resource: `logicApps/${String(app.name)}`,
          reason:
            "the Logic Apps Standard runtime reaches its content share only with the storage account key",
          expires: "2027-06-30",
        }
      : undefined;
  return { app: finished, waiver };
}

/**
 * The resolved file with each logic app's connections, lists and workflow files written: `drawn`
 * is the draft (its workflows' `$plan`s, in the order the file keeps them), `doc` the file.
 */
export function withWorkflowFiles(drawn: Json, doc: Json): Json {
  if (doc.logicApps === undefined) return doc;
  const drafts = list(drawn.logicApps);
  const finished = list(doc.logicApps).map((app, i) => finishApp(doc, app, drafts[i]));
  const waivers = finished.flatMap((f) => (f.waiver ? [f.waiver] : []));
  const result: Json = { ...doc, logicApps: finished.map((f) => f.app) };
  if (waivers.length > 0) result.waivers = [...list(doc.waivers), ...waivers];
  return result;
}
