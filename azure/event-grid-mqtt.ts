/**
 * Azure Event Grid's facts about the MQTT broker of a namespace: limits, names, topic templates,
 * client group queries, client authentication and routing. Sources, cited with each fact:
 *
 * - [limits] "Azure Event Grid quotas and limits", MQTT namespace resources: 10 topic spaces, 10
 *   topic templates per topic space, 10 client groups, 100 permission bindings per namespace, 8
 *   topic levels; session expiry up to 8 hours, up to 100 sessions per authentication name
 *   (azurerm `topic_spaces_configuration`: `maximum_session_expiry_in_hours` IntBetween(1, 8),
 *   `maximum_client_sessions_per_authentication_name` IntBetween(1, 100));
 * - [templates] "Topic templates"; [groups] "Client groups"; [clients] "MQTT clients" and "Client
 *   authentication"; [routing] "Routing MQTT messages in Azure Event Grid";
 * - [rules] "Naming rules and restrictions for Azure resources", Microsoft.EventGrid/namespaces/*.
 */
import { eventGridNameShape, rangeProblems } from "./event-grid";
import type { AzureNameRule } from "./name-rule";
import { under, type Problem } from "./problem";
import { BuiltInRole } from "./roles";

export const MqttLimits = {
  topicSpaces: 10,
  templatesPerTopicSpace: 10,
  clientGroups: 10,
  permissionBindings: 100,
  topicLevels: 8,
  maxSessionExpiryHours: 8,
  maxClientSessionsPerAuthenticationName: 100,
} as const;

/** [limits] What a namespace grants when its broker settings name nothing: Azure's defaults. */
export const MqttSessionDefaults = {
  maxSessionExpiryHours: 1,
  maxClientSessionsPerAuthenticationName: 1,
} as const;

/** The broker's TLS port ("Event Grid MQTT broker: supported MQTT features"). */
export const MQTT_TLS_PORT = 8883;

/**
 * Where the API returns the broker's real host name: Microsoft.EventGrid/namespaces
 * `properties.topicSpacesConfiguration.hostname` (read-only; REST API 2025-02-15,
 * TopicSpacesConfiguration). Stacks output this value, never a derived one.
 */
export const MQTT_HOSTNAME_PROPERTY = "properties.topicSpacesConfiguration.hostname";

/**
 * The host name a namespace's MQTT broker is expected to have, `<namespace>.<region>-1.ts.eventgrid.azure.net`
 * ("Quickstart: Publish and subscribe to MQTT messages on an Event Grid namespace"): only for
 * offline reports, labelled as expected; Azure decides the real one (MQTT_HOSTNAME_PROPERTY).
 */
export function expectedMqttHostname(namespaceAzureName: string, region: string): string {
  return `${namespaceAzureName}.${region.toLowerCase().replace(/\s+/g, "")}-1.ts.eventgrid.azure.net`;
}

/** Data-plane roles of Entra ID-authenticated clients on a topic space ([clients]). */
export const MqttRoles = {
  publisher: BuiltInRole.eventGridTopicSpacesPublisher,
  subscriber: BuiltInRole.eventGridTopicSpacesSubscriber,
} as const;

/** [routing] The custom topic MQTT messages are routed to takes CloudEvents 1.0. */
export const routeTopicInputSchema = "CloudEventSchemaV1_0";

const rulesPage = "learn.microsoft.com resource-name-rules";

export const mqttNameRules = {
  mqttTopicSpace: {
    what: "MQTT topic space",
    ...eventGridNameShape,
    source: `${rulesPage}, Microsoft.EventGrid/namespaces/topicSpaces: 3-50, alphanumerics and hyphens`,
  },
  mqttClientGroup: {
    what: "MQTT client group",
    ...eventGridNameShape,
    source: `${rulesPage}, Microsoft.EventGrid/namespaces/clientGroups: 3-50, alphanumerics and hyphens`,
  },
  mqttPermissionBinding: {
    what: "MQTT permission binding",
    ...eventGridNameShape,
    source: `${rulesPage}, Microsoft.EventGrid/namespaces/permissionBindings: 3-50, alphanumerics and hyphens`,
  },
  mqttClient: {
    what: "MQTT client",
    minLength: 1,
    maxLength: 128,
    allowed: /[A-Za-z0-9:._-]/,
    allowedText: "letters, numbers, hyphens, colons, periods and underscores",
    source:
      "learn.microsoft.com/azure/event-grid/mqtt-clients: 1-128 characters, alphanumerics, hyphen, colon, dot, underscore",
  },
} as const satisfies Record<string, AzureNameRule>;

/** [clients] Certificate thumbprints: SHA-1 (40) or SHA-256 (64) hex digits. */
export const thumbprintPattern = /^([0-9A-Fa-f]{40}|[0-9A-Fa-f]{64})$/;

const variablePattern = /\$\{([^}]*)\}/g;
const knownVariable = /^client\.(authenticationName|attributes\.[A-Za-z0-9_-]+)$/;

/**
 * The first problem with a topic template, or undefined. Templates are MQTT topic filters: `+`
 * fills exactly one level, `#` only the whole last level; a level may use the variables
 * `${client.authenticationName}` and `${client.attributes.<name>}` but not beside a wildcard;
 * `$`-prefixed topics are reserved.
 */
export function topicTemplateProblem(template: string): string | undefined {
  if (template === "") return "a topic template must not be empty";
  if (template.startsWith("$"))
    return `topic template "${template}" must not start with $: those topics are reserved`;
  const levels = template.split("/");
  if (levels.length > MqttLimits.topicLevels) {
    return `topic template "${template}" has ${levels.length} levels; Azure allows at most ${MqttLimits.topicLevels}`;
  }
  for (const [index, level] of levels.entries()) {
    const withoutVariables = level.replace(variablePattern, "");
    if (level.includes("#") && (level !== "#" || index !== levels.length - 1)) {
      return `topic template "${template}": the # wildcard must be the whole last level, e.g. "plants/#"`;
    }
    if (level.includes("+") && level !== "+") {
      return `topic template "${template}": the + wildcard must be a whole level, e.g. "plants/+/telemetry"`;
    }
    if (withoutVariables.includes("${") || withoutVariables.includes("}")) {
      return `topic template "${template}": unterminated variable in "${level}"`;
    }
    for (const match of level.matchAll(variablePattern)) {
      if (!knownVariable.test(match[1])) {
        return `topic template "${template}": unknown variable \${${match[1]}}; use \${client.authenticationName} or \${client.attributes.<name>}`;
      }
    }
  }
  return undefined;
}

/**
 * The first problem with a client group query, or undefined: it must test client attributes
 * (`attributes.<name>`), with balanced parentheses and single-quoted strings.
 */
export function clientGroupQueryProblem(query: string): string | undefined {
  if (!/\battributes\.[A-Za-z0-9_-]+/.test(query)) {
    return `client group query must test client attributes, e.g. "attributes.role = 'gateway'", got "${query}"`;
  }
  if ((query.match(/'/g) ?? []).length % 2 !== 0)
    return `client group query has an unterminated string: ${query}`;
  let depth = 0;
  for (const char of query.replace(/'[^']*'/g, "")) {
    if (char === "(") depth += 1;
    if (char === ")") depth -= 1;
    if (depth < 0) break;
  }
  if (depth !== 0) return `client group query has unbalanced parentheses: ${query}`;
  return undefined;
}

/** [limits] [templates] Every problem with a topic space's templates; fields relative to the space. */
export function topicSpaceProblems(space: { readonly templates: readonly string[] }): Problem[] {
  const { templates } = space;
  const problems: Problem[] = [];
  if (templates.length === 0) {
    problems.push({ field: "templates", message: "a topic space needs at least one topic template" });
  }
  if (templates.length > MqttLimits.templatesPerTopicSpace) {
    problems.push({
      field: "templates",
      message: `a topic space holds at most ${MqttLimits.templatesPerTopicSpace} topic templates, got ${templates.length}`,
    });
  }
  templates.forEach((template, t) => {
    const problem = topicTemplateProblem(template);
    if (problem) problems.push({ field: `templates/${t}`, message: problem });
  });
  return problems;
}

/** [groups] */
export function clientGroupProblems(group: { readonly query: string }): Problem[] {
  const problem = clientGroupQueryProblem(group.query);
  return problem ? [{ field: "query", message: problem }] : [];
}

/** What a namespace's broker declares, as the environment file's `mqtt` section names it. */
export interface BrokerInput {
  readonly topicSpaces?: readonly { readonly templates: readonly string[] }[];
  readonly clientGroups?: readonly { readonly query: string }[];
  readonly permissions?: readonly unknown[];
  readonly maxSessionExpiryHours?: number;
  readonly maxClientSessionsPerAuthenticationName?: number;
}

/** [limits] Every problem with a broker's resources and session settings; fields relative to `mqtt`. */
export function brokerProblems(broker: BrokerInput): Problem[] {
  const problems: Problem[] = [];
  const count = (
    field: keyof BrokerInput,
    list: readonly unknown[] | undefined,
    limit: number,
    what: string,
  ) => {
    if ((list ?? []).length > limit)
      problems.push({
        field,
        message: `a namespace holds at most ${limit} ${what}, got ${(list ?? []).length}`,
      });
  };
  count("topicSpaces", broker.topicSpaces, MqttLimits.topicSpaces, "topic spaces");
  (broker.topicSpaces ?? []).forEach((space, i) =>
    problems.push(...under(`topicSpaces/${i}`, topicSpaceProblems(space))),
  );
  count("clientGroups", broker.clientGroups, MqttLimits.clientGroups, "client groups");
  (broker.clientGroups ?? []).forEach((group, i) =>
    problems.push(...under(`clientGroups/${i}`, clientGroupProblems(group))),
  );
  count("permissions", broker.permissions, MqttLimits.permissionBindings, "permission bindings");
  problems.push(...brokerSessionProblems(broker));
  return problems;
}

/** [limits] The session settings of a namespace's broker. */
export function brokerSessionProblems(
  broker: Pick<BrokerInput, "maxSessionExpiryHours" | "maxClientSessionsPerAuthenticationName">,
): Problem[] {
  return [
    ...rangeProblems(
      "maxSessionExpiryHours",
      broker.maxSessionExpiryHours,
      1,
      MqttLimits.maxSessionExpiryHours,
    ),
    ...rangeProblems(
      "maxClientSessionsPerAuthenticationName",
      broker.maxClientSessionsPerAuthenticationName,
      1,
      MqttLimits.maxClientSessionsPerAuthenticationName,
    ),
  ];
}

/**
 * [clients] Client attributes are strings, integers, booleans or string arrays: a fractional number
 * is refused (the REST spec's attribute values are `int`).
 */
export function clientAttributeProblems(attributes: Readonly<Record<string, unknown>> = {}): Problem[] {
  return Object.entries(attributes).flatMap(([key, value]) =>
    typeof value === "number" && !Number.isInteger(value)
      ? [
          {
            field: `attributes/${key}`,
            message: `attribute ${key} must be a whole number (Azure accepts int), got ${value}`,
          },
        ]
      : [],
  );
}

/** [clients] Thumbprint matching takes a primary and at most a secondary thumbprint, for rotation. */
export function clientThumbprintProblems(thumbprints: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  if (thumbprints.length < 1 || thumbprints.length > 2) {
    problems.push({
      field: "thumbprints",
      message: `a client takes a primary and at most a secondary thumbprint, got ${thumbprints.length}`,
    });
  }
  thumbprints.forEach((thumbprint, i) => {
    if (!thumbprintPattern.test(thumbprint))
      problems.push({
        field: `thumbprints/${i}`,
        message: `certificate thumbprint must be 40 or 64 hex digits, got "${thumbprint}"`,
      });
  });
  return problems;
}
