import {
  connectors,
  serviceOfProvider,
  standardWorkflowKinds,
  type ConnectedService,
  type LogicAppHosting,
} from "./logic-apps";
import type { Problem } from "./problem";
import { BuiltInRole } from "./roles";
import {
  connectedOperations,
  declaresConnectionsParameter,
  embeddedSecrets,
  isJsonObject,
  jsonPathText,
  type Json,
  type JsonObject,
  type NamedValue,
  type WorkflowOperation,
} from "./workflow-definition";

/*
 * The rules over a logic app's workflow definitions and the namespaces its connections reach: what
 * Azure would refuse at deployment or at the first run, and what the file's rights must cover. The
 * facts they apply are in `logic-apps.ts` and `workflow-definition.ts`.
 */

/** The entities of a namespace a connection reaches, by their declared names. */
export interface NamespaceContents {
  readonly service: ConnectedService;
  /** The namespace's name in the environment file. */
  readonly name: string;
  readonly queues: readonly string[];
  readonly topics: readonly { readonly name: string; readonly subscriptions: readonly string[] }[];
  readonly hubs: readonly string[];
}

/** What one operation of a workflow reads or writes, as the file refers to it. */
export interface EntityUse {
  readonly direction: "send" | "receive";
  readonly kind: "serviceBusQueue" | "serviceBusTopic" | "serviceBusSubscription" | "eventHub";
  /** The namespace's name in the file. */
  readonly namespace: string;
  /** `<namespace>/<entity>` or `<namespace>/<topic>/<subscription>`, with the names as declared. */
  readonly reference: string;
  /** The connection the operation goes through. */
  readonly connection: string;
}

/** The narrowest role each use needs, at the entity's scope ("Azure built-in roles"). */
export function roleForUse(use: Pick<EntityUse, "direction" | "kind">): string {
  const eventHub = use.kind === "eventHub";
  if (use.direction === "send")
    return eventHub ? BuiltInRole.eventHubsDataSender : BuiltInRole.serviceBusDataSender;
  return eventHub ? BuiltInRole.eventHubsDataReceiver : BuiltInRole.serviceBusDataReceiver;
}

export interface WorkflowDefinitionInput {
  readonly hosting: LogicAppHosting;
  /** The file as the environment file names it, for messages. */
  readonly file: string;
  readonly document: Json;
  /** Declared connections by name; a name whose namespace is not declared maps to undefined. */
  readonly connections: Readonly<Record<string, NamespaceContents | undefined>>;
  /** The app's `receives:` and `sends:`, as written. */
  readonly receives: ReadonlySet<string>;
  readonly sends: ReadonlySet<string>;
}

const listedAtMost = 6;

function declared(names: readonly string[], noun: string): string {
  if (names.length === 0) return `it declares no ${noun}`;
  const shown = names
    .slice(0, listedAtMost)
    .map((name) => `"${name}"`)
    .join(", ");
  return `declared ${noun}: ${shown}${names.length > listedAtMost ? ` and ${names.length - listedAtMost} more` : ""}`;
}

const find = (names: readonly string[], wanted: string): string | undefined =>
  names.find((name) => name.toLowerCase() === wanted.toLowerCase());

type Resolution =
  { readonly use: Omit<EntityUse, "connection" | "direction"> } | { readonly problem: string };

function serviceBusTopicUse(
  ns: NamespaceContents,
  named: NamedValue,
  subscription: NamedValue | undefined,
  noun: "topic" | "queue or topic",
): Resolution {
  const topicNames = ns.topics.map((t) => t.name);
  const topicName = find(topicNames, named.value);
  if (!topicName) {
    const names = noun === "topic" ? topicNames : [...ns.queues, ...topicNames];
    const listed = declared(names, noun === "topic" ? "topics" : "queues and topics");
    return {
      problem: `${noun} "${named.value}" is not declared in Service Bus namespace "${ns.name}"; ${listed}`,
    };
  }
  if (!subscription) {
    return { use: { kind: "serviceBusTopic", namespace: ns.name, reference: `${ns.name}/${topicName}` } };
  }
  const subscriptions = ns.topics.find((t) => t.name === topicName)?.subscriptions ?? [];
  const subscriptionName = find(subscriptions, subscription.value);
  return subscriptionName
    ? {
        use: {
          kind: "serviceBusSubscription",
          namespace: ns.name,
          reference: `${ns.name}/${topicName}/${subscriptionName}`,
        },
      }
    : {
        problem: `subscription "${subscription.value}" is not declared on topic "${ns.name}/${topicName}"; ${declared(subscriptions, "subscriptions")}`,
      };
}

function resolveServiceBus(op: WorkflowOperation, ns: NamespaceContents): Resolution | undefined {
  const { queue, topic, subscription, entity: either, eventHub } = op.target;
  if (eventHub) {
    return {
      problem: `eventHubName belongs to an Event Hubs connection, but this one reaches Service Bus namespace "${ns.name}"`,
    };
  }
  const queueUse = (name: string): Resolution => ({
    use: { kind: "serviceBusQueue", namespace: ns.name, reference: `${ns.name}/${name}` },
  });
  if (queue) {
    const name = find(ns.queues, queue.value);
    return name
      ? queueUse(name)
      : {
          problem: `queue "${queue.value}" is not declared in Service Bus namespace "${ns.name}"; ${declared(ns.queues, "queues")}`,
        };
  }
  if (topic) return serviceBusTopicUse(ns, topic, subscription, "topic");
  if (!either) return undefined;
  const queueName = subscription ? undefined : find(ns.queues, either.value);
  if (queueName) return queueUse(queueName);
  return serviceBusTopicUse(ns, either, subscription, subscription ? "topic" : "queue or topic");
}

function resolveEventHubs(op: WorkflowOperation, ns: NamespaceContents): Resolution | undefined {
  const { queue, topic, subscription, entity: either, eventHub } = op.target;
  const misplaced = queue ?? topic ?? subscription;
  if (misplaced) {
    return {
      problem: `${jsonPathText(misplaced.path.slice(-1))} names a Service Bus entity, but this connection reaches Event Hubs namespace "${ns.name}"`,
    };
  }
  const hub = eventHub ?? either;
  if (!hub) return undefined;
  const name = find(ns.hubs, hub.value);
  return name
    ? { use: { kind: "eventHub", namespace: ns.name, reference: `${ns.name}/${name}` } }
    : {
        problem: `event hub "${hub.value}" is not declared in Event Hubs namespace "${ns.name}"; ${declared(ns.hubs, "event hubs")}`,
      };
}

/** The names an operation gives that only the run knows: they cannot be checked or granted. */
function computedNames(op: WorkflowOperation): NamedValue[] {
  return Object.values(op.target).filter(
    (value): value is NamedValue => value !== undefined && !value.literal,
  );
}

/** What each operation of a definition reads or writes, or why it cannot be known. */
function usesOf(
  operations: readonly WorkflowOperation[],
  input: Pick<WorkflowDefinitionInput, "connections">,
): {
  readonly uses: { readonly use: EntityUse; readonly op: WorkflowOperation }[];
  readonly problems: { readonly op: WorkflowOperation; readonly message: string }[];
} {
  const uses: { use: EntityUse; op: WorkflowOperation }[] = [];
  const problems: { op: WorkflowOperation; message: string }[] = [];
  for (const op of operations) {
    const connection = op.connection;
    if (!connection || !connection.literal) continue;
    const ns = input.connections[connection.value];
    if (!ns) continue;
    const computed = computedNames(op);
    if (computed.length > 0) {
      problems.push({
        op,
        message: `${jsonPathText(computed[0].path)} is computed ("${computed[0].value}"); write the entity's name so validation can check that it exists and that receives or sends grant it`,
      });
      continue;
    }
    const resolved = ns.service === "serviceBus" ? resolveServiceBus(op, ns) : resolveEventHubs(op, ns);
    if (!resolved) continue;
    if ("problem" in resolved) {
      problems.push({ op, message: resolved.problem });
      continue;
    }
    const { use } = resolved;
    if (op.direction === "receive" && use.kind === "serviceBusTopic") {
      problems.push({
        op,
        message: `${op.role} "${op.name}" reads from topic "${use.reference}", but a topic is read through one of its subscriptions: name the subscription (subscriptionName, or /subscriptions/<name> in the path)`,
      });
      continue;
    }
    if (op.direction === "send" && use.kind === "serviceBusSubscription") {
      problems.push({
        op,
        message: `action "${op.name}" sends to subscription "${use.reference}", but messages are sent to the topic: drop the subscription`,
      });
      continue;
    }
    uses.push({ use: { ...use, direction: op.direction, connection: connection.value }, op });
  }
  return { uses, problems };
}

/**
 * Every entity the definition's operations read or write, through the declared connections. Names
 * the semantic checks refused are left out; call after they passed.
 */
export function workflowEntityUses(
  document: Json,
  connections: Readonly<Record<string, NamespaceContents | undefined>>,
): EntityUse[] {
  const definition =
    isJsonObject(document) && isJsonObject(document.definition) ? document.definition : undefined;
  if (!definition) return [];
  return usesOf(connectedOperations(definition), { connections }).uses.map(({ use }) => use);
}

function shapeProblems(
  document: Json,
  hosting: LogicAppHosting,
): { readonly definition?: JsonObject; readonly problems: string[] } {
  if (!isJsonObject(document)) {
    return {
      problems: ['the file must hold a JSON object with "definition" (Workflow Definition Language)'],
    };
  }
  const definition = document.definition;
  if (!isJsonObject(definition)) {
    return {
      problems: [
        'the file has no "definition" object: write { "definition": { "triggers": ..., "actions": ... } }',
      ],
    };
  }
  const problems: string[] = [];
  for (const part of ["triggers", "actions"] as const) {
    if (!isJsonObject(definition[part])) {
      problems.push(
        `definition.${part} is missing or not an object: a workflow definition has both triggers and actions`,
      );
    }
  }
  if (hosting === "Standard" && !standardWorkflowKinds.some((kind) => kind === document.kind)) {
    problems.push(
      `a Standard workflow states its run state: add "kind": "Stateful" (or "Stateless") beside "definition"${document.kind === undefined ? "" : `, got ${JSON.stringify(document.kind)}`}`,
    );
  }
  return { definition, problems };
}

function connectionProblems(
  op: WorkflowOperation,
  input: WorkflowDefinitionInput,
  reported: Set<string>,
): string[] {
  const at = `${op.role} "${op.name}"`;
  if (input.hosting === "Consumption" && op.style === "ServiceProvider") {
    return [
      `${at} is a built-in (ServiceProvider) operation, which only Standard hosting runs: use the managed connector (ApiConnection), or hosting: Standard`,
    ];
  }
  if (input.hosting === "Standard" && op.style === "ApiConnection") {
    return [
      `${at} goes through a managed API connection; Standard apps here connect through built-in connections (ServiceProvider) by managed identity: use the built-in Service Bus or Event Hubs operation`,
    ];
  }
  const connection = op.connection;
  if (!connection) {
    return op.style === "ServiceProvider"
      ? [
          `${at} names no connection: set inputs.serviceProviderConfiguration.connectionName to a name under connections:`,
        ]
      : [
          `${at} names no connection: set inputs.host.connection.name to @parameters('$connections')['<name>']['connectionId']`,
        ];
  }
  if (!connection.literal) {
    return [
      `${jsonPathText(connection.path)} must be @parameters('$connections')['<name>']['connectionId'] with <name> under connections:, got "${connection.value}"`,
    ];
  }
  const names = Object.keys(input.connections);
  if (!names.includes(connection.value)) {
    if (reported.has(connection.value)) return [];
    reported.add(connection.value);
    return [
      `connection "${connection.value}" is used by ${at} but not declared under connections: (${names.length === 0 ? "none are" : `declared: ${names.map((n) => `"${n}"`).join(", ")}`})`,
    ];
  }
  const ns = input.connections[connection.value];
  if (ns && op.style === "ServiceProvider" && op.serviceProviderId !== undefined) {
    const service = serviceOfProvider(op.serviceProviderId);
    if (service !== ns.service) {
      return [
        `${at} uses ${op.serviceProviderId} through connection "${connection.value}", which reaches ${connectors[ns.service].label} namespace "${ns.name}" (${connectors[ns.service].serviceProviderId})`,
      ];
    }
  }
  return [];
}

function coverageProblem(
  use: EntityUse,
  op: WorkflowOperation,
  input: WorkflowDefinitionInput,
): string | undefined {
  const list = use.direction === "send" ? input.sends : input.receives;
  if (list.has(use.reference)) return undefined;
  const field = use.direction === "send" ? "sends" : "receives";
  const verb = use.direction === "send" ? "sends to" : "receives from";
  return `${op.role} "${op.name}" ${verb} ${use.reference}, which ${field}: does not list: add ${use.reference} to ${field} (the app's identity then gets ${roleForUse(use)} on it)`;
}

/**
 * What is wrong with one workflow definition file: its shape, its connections, the entities it
 * names and whether `receives:`/`sends:` cover them, and credentials written into it. Every problem
 * is at the field that names the file (`definition`), its message starting with where in the file.
 */
export function workflowDefinitionProblems(input: WorkflowDefinitionInput): Problem[] {
  const messages: string[] = [];
  const shape = shapeProblems(input.document, input.hosting);
  messages.push(...shape.problems);
  for (const secret of embeddedSecrets(input.document)) {
    messages.push(
      `${jsonPathText(secret.path)} holds ${secret.what}: workflows here authenticate with the app's managed identity, so remove it (and rotate the key it exposed)`,
    );
  }
  const definition = shape.definition;
  if (definition) {
    const operations = connectedOperations(definition);
    const reported = new Set<string>();
    for (const op of operations) messages.push(...connectionProblems(op, input, reported));
    if (
      input.hosting === "Consumption" &&
      (operations.some((op) => op.style === "ApiConnection") || Object.keys(input.connections).length > 0) &&
      !declaresConnectionsParameter(definition)
    ) {
      messages.push(
        'definition.parameters has no "$connections": declare "$connections": { "type": "Object", "defaultValue": {} }, which the deployment fills with the connections',
      );
    }
    const { uses, problems } = usesOf(operations, input);
    for (const { message } of problems) messages.push(message);
    for (const { use, op } of uses) {
      const problem = coverageProblem(use, op, input);
      if (problem) messages.push(problem);
    }
  }
  return messages.map((message) => ({ field: "definition", message: `${input.file}: ${message}` }));
}

// ---------------------------------------------------------------- reaching the namespaces

/** A namespace one connection reaches, with what decides who can reach it. */
export interface ConnectedNamespace {
  readonly connection: string;
  /** `serviceBus/orders`: the namespace as waivers and messages name it. */
  readonly reference: string;
  readonly publicNetworkAccess: boolean;
  /** Whether the public access value is the tier's default rather than the file's. */
  readonly publicNetworkAccessFromTier: boolean;
  readonly privateEndpoint: boolean;
}

export interface ReachInput {
  readonly hosting: LogicAppHosting;
  readonly integrationSubnet: boolean;
  readonly tier: string;
  readonly namespaces: readonly ConnectedNamespace[];
}

/**
 * Whether the app can reach each connected namespace: Consumption only through public endpoints;
 * Standard into a closed namespace only through the integration subnet and the namespace's private
 * endpoint ("Single-tenant versus multitenant in Azure Logic Apps"; "Secure traffic between Standard
 * logic apps and Azure virtual networks using private endpoints").
 */
export function connectionReachProblems(input: ReachInput): Problem[] {
  const problems: Problem[] = [];
  for (const ns of input.namespaces) {
    if (ns.publicNetworkAccess) continue;
    const field = `connections/${ns.connection}`;
    const closed = `${ns.reference} accepts no public traffic${ns.publicNetworkAccessFromTier ? ` (the ${input.tier} tier's default)` : ""}`;
    if (input.hosting === "Consumption") {
      problems.push({
        field,
        message: `${closed}, and Consumption hosting runs in Azure's shared network, reaching namespaces only through their public endpoint: use hosting: Standard with network.integrationSubnetId, which reaches it through its private endpoint`,
      });
    } else if (!input.integrationSubnet) {
      problems.push({
        field,
        message: `${closed}: Standard hosting reaches it from inside the network, so add network.integrationSubnetId (the subnet the app integrates with)`,
      });
    } else if (!ns.privateEndpoint) {
      problems.push({
        field,
        message: `${closed} and has no private endpoint, so nothing can reach it, not even through the integration subnet: give it a private endpoint (privateEndpoint: true)`,
      });
    }
  }
  return problems;
}
