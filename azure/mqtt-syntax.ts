/**
 * Rules of the MQTT broker's names and expressions, from Azure's MQTT broker documentation
 * ("Topic templates", "Client groups", "Client authentication", "Event Grid quotas and limits"
 * for namespace resources) and the REST spec for Microsoft.EventGrid/namespaces/* (name patterns).
 */
export const MqttLimits = {
  topicSpaces: 10,
  templatesPerTopicSpace: 10,
  clientGroups: 10,
  permissionBindings: 100,
  topicLevels: 8,
} as const;

/** Topic spaces, client groups and permission bindings: 3 to 50 letters, digits, hyphens. */
export const brokerResourceNamePattern = /^[A-Za-z0-9-]{3,50}$/;
/** Clients: 1 to 128 letters, digits, `-`, `:`, `.`, `_`. */
export const clientNamePattern = /^[-A-Za-z0-9:._]{1,128}$/;
/** Certificate thumbprints: SHA-1 (40) or SHA-256 (64) hex digits. */
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
