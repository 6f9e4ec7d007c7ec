/*
 * Where a workflow definition (Workflow Definition Language) names its connections and the
 * messaging entities it reads and writes. Sources, cited as [key] below:
 * [wdl]      "Schema reference guide for the Workflow Definition Language in Azure Logic Apps":
 *            `definition.triggers` and `definition.actions`, nested actions under `actions`, an `If`'s
 *            `else.actions`, a `Switch`'s `cases.<case>.actions` and `default.actions`.
 * [standard] "Connect to Azure Service Bus from workflows" and "Connect to an event hub from workflows"
 *            (Standard): a `ServiceProvider` trigger or action names its connection in
 *            `inputs.serviceProviderConfiguration.connectionName` and the provider and operation
 *            beside it, and its entity in `inputs.parameters` (`queueName`, `topicName`,
 *            `subscriptionName`, `entityName`, `eventHubName`).
 * [consumption] The same pages (Consumption): an `ApiConnection` trigger or action names its
 *            connection as `@parameters('$connections')['<name>']['connectionId']` in
 *            `inputs.host.connection.name` and its entity as the first segment of `inputs.path`,
 *            written `@{encodeURIComponent('<name>')}` (the designer nests a second
 *            `encodeURIComponent` for Service Bus); a topic subscription follows `/subscriptions/`.
 *            Sending is a `post` to `/messages` or `/events` (or their `/batch`).
 * [template] "Workflow definition parameters": a definition that reads `parameters('$connections')`
 *            declares the parameter `$connections`.
 */

/** A value of a parsed JSON document. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

export type JsonObject = { readonly [key: string]: Json };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A place in the definition file, as `definition.triggers.When_x.inputs.path`. */
export type JsonPath = readonly (string | number)[];

const plainKey = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `definition.triggers["When x"].inputs`: a readable path into the file for messages. */
export function jsonPathText(path: JsonPath): string {
  return path
    .map((part, i) => {
      if (typeof part === "number") return `[${part}]`;
      if (plainKey.test(part)) return i === 0 ? part : `.${part}`;
      return `[${JSON.stringify(part)}]`;
    })
    .join("");
}

/** A name the definition gives, where it gives it, and whether it is written out or computed. */
export interface NamedValue {
  readonly value: string;
  readonly path: JsonPath;
  /** False for an expression (`@parameters('queue')`): its value is known only at run time. */
  readonly literal: boolean;
}

/** The entity one operation names, by the parameter or path segment that names it ([standard], [consumption]). */
export interface OperationTarget {
  readonly queue?: NamedValue;
  readonly topic?: NamedValue;
  readonly subscription?: NamedValue;
  /** `entityName`, or a Consumption path's first segment: a queue, a topic or an event hub. */
  readonly entity?: NamedValue;
  readonly eventHub?: NamedValue;
}

export type OperationStyle = "ServiceProvider" | "ApiConnection";

/** One trigger or action that goes through a connection. */
export interface WorkflowOperation {
  readonly name: string;
  readonly role: "trigger" | "action";
  readonly style: OperationStyle;
  readonly path: JsonPath;
  /** The connection it names; undefined when the definition names it in a form nobody can resolve. */
  readonly connection?: NamedValue;
  /** Standard only: the built-in provider (`/serviceProviders/serviceBus`). */
  readonly serviceProviderId?: string;
  readonly operationId?: string;
  readonly direction: "send" | "receive";
  readonly target: OperationTarget;
}

/** Every trigger and action of `definition`, nested ones included, with its path ([wdl]). */
export function operationsOf(definition: JsonObject): {
  readonly path: JsonPath;
  readonly role: "trigger" | "action";
  readonly name: string;
  readonly body: JsonObject;
}[] {
  const found: { path: JsonPath; role: "trigger" | "action"; name: string; body: JsonObject }[] = [];
  const triggers = definition.triggers;
  if (isJsonObject(triggers)) {
    for (const [name, body] of Object.entries(triggers)) {
      if (isJsonObject(body))
        found.push({ path: ["definition", "triggers", name], role: "trigger", name, body });
    }
  }
  const actions = (container: Json | undefined, path: JsonPath): void => {
    if (!isJsonObject(container)) return;
    for (const [name, body] of Object.entries(container)) {
      if (!isJsonObject(body)) continue;
      const at = [...path, name];
      found.push({ path: at, role: "action", name, body });
      actions(body.actions, [...at, "actions"]);
      if (isJsonObject(body.else)) actions(body.else.actions, [...at, "else", "actions"]);
      if (isJsonObject(body.default)) actions(body.default.actions, [...at, "default", "actions"]);
      if (isJsonObject(body.cases)) {
        for (const [caseName, branch] of Object.entries(body.cases)) {
          if (isJsonObject(branch)) actions(branch.actions, [...at, "cases", caseName, "actions"]);
        }
      }
    }
  };
  actions(definition.actions, ["definition", "actions"]);
  return found;
}

const standardEntityParameters = [
  "queueName",
  "topicName",
  "subscriptionName",
  "entityName",
  "eventHubName",
] as const;

const targetKey: Readonly<Record<(typeof standardEntityParameters)[number], keyof OperationTarget>> = {
  queueName: "queue",
  topicName: "topic",
  subscriptionName: "subscription",
  entityName: "entity",
  eventHubName: "eventHub",
};

function named(value: Json | undefined, path: JsonPath): NamedValue | undefined {
  if (typeof value !== "string") return undefined;
  return { value, path, literal: !value.startsWith("@") };
}

/** Built-in operations that write to an entity ([standard]); every other one reads or settles messages. */
const sendingOperation = /^(send|schedule|cancelScheduled)/i;

function serviceProviderOperation(
  base: { path: JsonPath; role: "trigger" | "action"; name: string },
  inputs: JsonObject,
): WorkflowOperation {
  const configuration = isJsonObject(inputs.serviceProviderConfiguration)
    ? inputs.serviceProviderConfiguration
    : {};
  const configPath = [...base.path, "inputs", "serviceProviderConfiguration"];
  const parameters = isJsonObject(inputs.parameters) ? inputs.parameters : {};
  const target: { -readonly [K in keyof OperationTarget]: NamedValue } = {};
  for (const parameter of standardEntityParameters) {
    const value = named(parameters[parameter], [...base.path, "inputs", "parameters", parameter]);
    if (value) target[targetKey[parameter]] = value;
  }
  const operationId = typeof configuration.operationId === "string" ? configuration.operationId : undefined;
  return {
    ...base,
    style: "ServiceProvider",
    connection: named(configuration.connectionName, [...configPath, "connectionName"]),
    serviceProviderId:
      typeof configuration.serviceProviderId === "string" ? configuration.serviceProviderId : undefined,
    operationId,
    direction:
      base.role === "action" && operationId !== undefined && sendingOperation.test(operationId)
        ? "send"
        : "receive",
    target,
  };
}

const connectionReference = /^@parameters\('\$connections'\)\['((?:[^']|'')+)'\]\['connectionId'\]$/;

/** The connection an `ApiConnection` names: `@parameters('$connections')['<name>']['connectionId']` ([consumption]). */
function apiConnectionName(host: Json | undefined, path: JsonPath): NamedValue | undefined {
  if (!isJsonObject(host) || !isJsonObject(host.connection)) return undefined;
  const connection = host.connection;
  const at = [...path, "host", "connection"];
  if (typeof connection.referenceName === "string") {
    return { value: connection.referenceName, path: [...at, "referenceName"], literal: true };
  }
  if (typeof connection.name !== "string") return undefined;
  const match = connectionReference.exec(connection.name);
  return match
    ? { value: match[1].replace(/''/g, "'"), path: [...at, "name"], literal: true }
    : { value: connection.name, path: [...at, "name"], literal: false };
}

/** `@{encodeURIComponent('x')}`, nested any number of times, around one quoted name ([consumption]). */
const encodedLiteral = /^\s*(?:encodeURIComponent\(\s*)+'((?:[^']|'')*)'\s*(?:\)\s*)+$/;

/**
 * The segments of an `ApiConnection` path: literal text between slashes, or an `@{...}`
 * expression, which may itself hold slashes inside its quotes. Each segment is its name when it is
 * a literal or an encoded quoted name, else undefined (computed at run time).
 */
export function pathSegments(path: string): { readonly text: string; readonly name?: string }[] {
  const segments: { text: string; name?: string }[] = [];
  let current = "";
  let literal = true;
  let i = 0;
  const finish = (): void => {
    if (current === "" && literal) return;
    if (literal) {
      let name: string | undefined;
      try {
        name = decodeURIComponent(current);
      } catch {
        name = current;
      }
      segments.push({ text: current, name });
    } else {
      const match = encodedLiteral.exec(current.slice(2, -1));
      segments.push({ text: current, name: match ? match[1].replace(/''/g, "'") : undefined });
    }
    current = "";
    literal = true;
  };
  while (i < path.length) {
    const char = path[i];
    if (char === "/") {
      finish();
      i += 1;
      continue;
    }
    if (char === "@" && path[i + 1] === "{") {
      // An expression segment runs to its closing brace; quotes may hold braces and slashes.
      const start = i;
      let depth = 0;
      let quoted = false;
      for (; i < path.length; i++) {
        const c = path[i];
        if (quoted) {
          if (c === "'" && path[i + 1] === "'") i += 1;
          else if (c === "'") quoted = false;
        } else if (c === "'") quoted = true;
        else if (c === "{") depth += 1;
        else if (c === "}") {
          depth -= 1;
          if (depth === 0) break;
        }
      }
      current += path.slice(start, i + 1);
      literal = false;
      i += 1;
      continue;
    }
    current += char;
    i += 1;
  }
  finish();
  return segments;
}

const sendingPath = /\/(messages|events)(\/batch)?$/i;

function apiConnectionOperation(
  base: { path: JsonPath; role: "trigger" | "action"; name: string },
  inputs: JsonObject,
): WorkflowOperation {
  const target: { -readonly [K in keyof OperationTarget]: NamedValue } = {};
  const pathAt = [...base.path, "inputs", "path"];
  const text = typeof inputs.path === "string" ? inputs.path : undefined;
  if (text !== undefined) {
    const segments = pathSegments(text);
    const first = segments[0];
    if (first)
      target.entity = { value: first.name ?? first.text, path: pathAt, literal: first.name !== undefined };
    const at = segments.findIndex((s) => s.name?.toLowerCase() === "subscriptions");
    const subscription = at > 0 ? segments[at + 1] : undefined;
    if (subscription) {
      target.subscription = {
        value: subscription.name ?? subscription.text,
        path: pathAt,
        literal: subscription.name !== undefined,
      };
    }
  }
  const method = typeof inputs.method === "string" ? inputs.method.toLowerCase() : "";
  const bare = (text ?? "").split("?")[0];
  return {
    ...base,
    style: "ApiConnection",
    connection: apiConnectionName(inputs.host, [...base.path, "inputs"]),
    direction: base.role === "action" && method === "post" && sendingPath.test(bare) ? "send" : "receive",
    target,
  };
}

/** The trigger and action types that go through a managed API connection ([consumption]). */
const apiConnectionTypes = new Set(["apiconnection", "apiconnectionwebhook", "apiconnectionnotification"]);

/** Every operation of `definition` that goes through a connection, with what it names. */
export function connectedOperations(definition: JsonObject): WorkflowOperation[] {
  const operations: WorkflowOperation[] = [];
  for (const { path, role, name, body } of operationsOf(definition)) {
    const type = typeof body.type === "string" ? body.type.toLowerCase() : "";
    const inputs = isJsonObject(body.inputs) ? body.inputs : {};
    if (type === "serviceprovider") operations.push(serviceProviderOperation({ path, role, name }, inputs));
    else if (apiConnectionTypes.has(type))
      operations.push(apiConnectionOperation({ path, role, name }, inputs));
  }
  return operations;
}

// ---------------------------------------------------------------- secrets

/**
 * Text that is a credential: a Service Bus or Event Hubs connection string or its key, a shared
 * access signature, a storage account key ("Azure Service Bus authentication with shared access
 * signatures"; "Grant limited access with shared access signatures": a SAS carries `sig=`; "Configure
 * Azure Storage connection strings": `AccountKey=`).
 */
const secretPatterns: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /Endpoint\s*=\s*sb:\/\//i, what: "a connection string (Endpoint=sb://...)" },
  { pattern: /SharedAccessKey(Name)?\s*=/i, what: "a shared access key (SharedAccessKey=...)" },
  {
    pattern: /SharedAccessSignature\s+sr=/i,
    what: "a shared access signature (SharedAccessSignature sr=...)",
  },
  { pattern: /[?&]sig=[A-Za-z0-9%+/=]{8,}/, what: "a shared access signature (sig=...)" },
  { pattern: /AccountKey\s*=/i, what: "a storage account key (AccountKey=...)" },
];

/** Every place in `document` that holds a credential, with what kind it is. */
export function embeddedSecrets(
  document: Json,
  path: JsonPath = [],
): { readonly path: JsonPath; readonly what: string }[] {
  const found: { path: JsonPath; what: string }[] = [];
  const check = (text: string, at: JsonPath): void => {
    const hit = secretPatterns.find(({ pattern }) => pattern.test(text));
    if (hit) found.push({ path: at, what: hit.what });
  };
  if (typeof document === "string") check(document, path);
  else if (Array.isArray(document))
    document.forEach((item: Json, i: number) => found.push(...embeddedSecrets(item, [...path, i])));
  else if (isJsonObject(document)) {
    for (const [key, value] of Object.entries(document)) {
      check(key, [...path, key]);
      found.push(...embeddedSecrets(value, [...path, key]));
    }
  }
  return found;
}

/** Whether `definition` declares the `$connections` parameter its `ApiConnection`s read ([template]). */
export function declaresConnectionsParameter(definition: JsonObject): boolean {
  return isJsonObject(definition.parameters) && isJsonObject(definition.parameters.$connections);
}
