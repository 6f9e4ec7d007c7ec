import { MqttLimits, clientGroupQueryProblem, topicTemplateProblem } from "../../azure/mqtt-syntax";
import type {
  AdvancedFilterOperator,
  AdvancedFilterSpec,
  EventGridNamespaceSpec,
  EventSubscriptionSpec,
  MqttClientSpec,
} from "../spec";
import type { SemanticCheck, SemanticContext } from "./context";
import { allowedIpRangesNeedPublicAccess } from "./tier-requirements";

/*
 * Event Grid rules the schema cannot express. Sources:
 * [filtering] "Understand event filtering for Event Grid subscriptions": the operators and the
 *          values each takes (BoolEquals a boolean; Number comparisons one number; NumberIn and
 *          NumberNotIn numbers; the *InRange operators [low, high] pairs; String* operators
 *          strings; IsNotNull / IsNullOrUndefined nothing); limits: 25 advanced filters and 25
 *          filter values across all filters per subscription, 512 characters per string value.
 * [schemas] "CloudEvents v1.0 schema with Azure Event Grid", input-to-output schema table: a
 *          CloudEvents topic delivers only CloudEvents; Event Grid schema delivers as Event Grid
 *          or CloudEvents; a custom schema as itself, Event Grid or CloudEvents. System topics
 *          publish in the Event Grid schema. Input mapping belongs to the custom schema only.
 * [mqtt]   MQTT broker docs, "Topic templates" (`+` a whole level, `#` only the whole last level,
 *          variables `${client.authenticationName}` / `${client.attributes.<name>}`, `$` topics
 *          reserved), "Client groups" (queries over `attributes.<name>`), "Client authentication"
 *          (a certificate thumbprint, or CA-chain validation of the subject), and "Event Grid
 *          quotas and limits" for namespace resources (10 topic spaces, 10 topic templates per
 *          topic space, 10 client groups, 100 permission bindings per namespace; 8 topic levels).
 */

const FILTER_LIMITS = { filters: 25, values: 25, stringLength: 512 } as const;

type Shape = "none" | "boolean" | "number" | "numbers" | "ranges" | "strings";

const operatorShape: Record<AdvancedFilterOperator, Shape> = {
  BoolEquals: "boolean",
  IsNotNull: "none",
  IsNullOrUndefined: "none",
  NumberGreaterThan: "number",
  NumberGreaterThanOrEquals: "number",
  NumberLessThan: "number",
  NumberLessThanOrEquals: "number",
  NumberIn: "numbers",
  NumberNotIn: "numbers",
  NumberInRange: "ranges",
  NumberNotInRange: "ranges",
  StringBeginsWith: "strings",
  StringNotBeginsWith: "strings",
  StringEndsWith: "strings",
  StringNotEndsWith: "strings",
  StringContains: "strings",
  StringNotContains: "strings",
  StringIn: "strings",
  StringNotIn: "strings",
};

type InputSchema = "CloudEventSchemaV1_0" | "EventGridSchema" | "CustomEventSchema";
const deliverySchemas: Record<InputSchema, readonly string[]> = {
  CloudEventSchemaV1_0: ["CloudEventSchemaV1_0"],
  EventGridSchema: ["EventGridSchema", "CloudEventSchemaV1_0"],
  CustomEventSchema: ["CustomInputSchema", "EventGridSchema", "CloudEventSchemaV1_0"],
};

/*
 * Settings every namespace-like resource shares that Event Grid has no counterpart for (REST spec
 * 2025-02-15: TopicProperties and NamespaceProperties have no trusted-services bypass and no
 * customer-managed key; namespaces have no local-auth switch; nothing receives from a topic, which
 * pushes to its subscriptions, and MQTT access is granted by permission bindings).
 */
const topicUnsupported: Readonly<Record<string, string>> = {
  trustedServicesAllowed: "Event Grid topics have no trusted-services firewall exception",
  customerManagedKey: "Event Grid topics do not support customer-managed keys",
  receivers: "a topic pushes events to its subscriptions; nobody receives from it",
  owners: "grant senders, or manage subscriptions through the file",
};

const namespaceUnsupported: Readonly<Record<string, string>> = {
  localAuth: "Event Grid namespaces have no local-auth switch",
  trustedServicesAllowed: "Event Grid namespaces have no trusted-services firewall exception",
  customerManagedKey: "Event Grid namespaces do not support customer-managed keys",
  senders: "MQTT clients get access through mqtt.permissions",
  receivers: "MQTT clients get access through mqtt.permissions",
  owners: "MQTT clients get access through mqtt.permissions",
};

function notApplicable(
  ctx: SemanticContext,
  at: string,
  resource: object,
  unsupported: Readonly<Record<string, string>>,
): void {
  for (const [field, reason] of Object.entries(unsupported)) {
    if (field in resource)
      ctx.errorAtKey(`${at}/${field}`, `${field} does not apply here: ${reason}; remove it`);
  }
}

export const checkEventGrid: SemanticCheck = (ctx) => {
  const eventGrid = ctx.spec.eventGrid;
  if (!eventGrid) return;
  (eventGrid.topics ?? []).forEach((topic, i) => {
    const at = `/eventGrid/topics/${i}`;
    notApplicable(ctx, at, topic, topicUnsupported);
    allowedIpRangesNeedPublicAccess(ctx, "eventGridTopics", at, topic);
    const inputSchema = topic.inputSchema ?? "CloudEventSchemaV1_0";
    if (topic.inputMapping && inputSchema !== "CustomEventSchema") {
      ctx.error(
        `${at}/inputMapping`,
        `inputMapping applies only to inputSchema: CustomEventSchema, but this topic's input schema is ${inputSchema}; set inputSchema: CustomEventSchema or remove inputMapping`,
      );
    }
    (topic.subscriptions ?? []).forEach((s, j) =>
      checkSubscription(ctx, `${at}/subscriptions/${j}`, s, inputSchema),
    );
  });
  (eventGrid.systemTopics ?? []).forEach((topic, i) => {
    (topic.subscriptions ?? []).forEach((s, j) =>
      checkSubscription(ctx, `/eventGrid/systemTopics/${i}/subscriptions/${j}`, s, "EventGridSchema"),
    );
  });
  (eventGrid.namespaces ?? []).forEach((ns, i) => {
    notApplicable(ctx, `/eventGrid/namespaces/${i}`, ns, namespaceUnsupported);
    allowedIpRangesNeedPublicAccess(ctx, "eventGridNamespaces", `/eventGrid/namespaces/${i}`, ns);
    checkBroker(ctx, `/eventGrid/namespaces/${i}`, ns);
  });
  (ctx.spec.sites ?? []).forEach((site, i) =>
    checkCertificate(ctx, `/sites/${i}/mqttClient`, site.mqttClient),
  );
};

function checkSubscription(
  ctx: SemanticContext,
  at: string,
  subscription: EventSubscriptionSpec,
  inputSchema: InputSchema,
): void {
  const advanced = subscription.filter?.advanced ?? [];
  if (advanced.length > FILTER_LIMITS.filters) {
    ctx.error(
      `${at}/filter/advanced`,
      `Azure allows at most ${FILTER_LIMITS.filters} advanced filters per subscription, got ${advanced.length}`,
    );
  }
  const totalValues = advanced.reduce((sum, filter) => sum + valueCount(filter), 0);
  if (totalValues > FILTER_LIMITS.values) {
    ctx.error(
      `${at}/filter/advanced`,
      `Azure allows at most ${FILTER_LIMITS.values} advanced-filter values per subscription (across all filters), got ${totalValues}; split the subscription or use fewer values`,
    );
  }
  advanced.forEach((filter, k) => checkFilter(ctx, `${at}/filter/advanced/${k}`, filter));

  const allowed = deliverySchemas[inputSchema];
  if (subscription.deliverySchema && !allowed.includes(subscription.deliverySchema)) {
    ctx.error(
      `${at}/deliverySchema`,
      `deliverySchema ${subscription.deliverySchema} cannot be delivered from input schema ${inputSchema}; use ${allowed.join(" or ")}`,
    );
  }
  if (subscription.expiresOn !== undefined) {
    const expires = Date.parse(subscription.expiresOn);
    if (!Number.isNaN(expires) && expires <= ctx.today.getTime()) {
      ctx.error(
        `${at}/expiresOn`,
        `expiresOn ${subscription.expiresOn} is not in the future (today is ${ctx.today.toISOString().slice(0, 10)}); Azure refuses an already expired subscription`,
      );
    }
  }
}

function valueCount(filter: AdvancedFilterSpec): number {
  if (filter.values) return filter.values.length;
  return filter.value === undefined ? 0 : 1;
}

function checkFilter(ctx: SemanticContext, at: string, filter: AdvancedFilterSpec): void {
  if (filter.key.split(".").some((segment) => segment.trim() === "")) {
    ctx.error(
      `${at}/key`,
      `advanced filter key must be a field or dotted path such as data.amount, got "${filter.key}"`,
    );
  }
  const shape = operatorShape[filter.operator];
  const { value, values } = filter;
  const op = filter.operator;
  switch (shape) {
    case "none":
      if (value !== undefined || values !== undefined)
        ctx.error(at, `${op} takes no value; remove value/values`);
      return;
    case "boolean":
      if (values !== undefined || typeof value !== "boolean")
        ctx.error(at, `${op} takes one boolean value (value: true or false)`);
      return;
    case "number":
      if (values !== undefined || typeof value !== "number")
        ctx.error(at, `${op} takes one number (value: <number>)`);
      return;
    case "numbers":
      if (value !== undefined || !values || !values.every((v) => typeof v === "number")) {
        ctx.error(at, `${op} takes a list of numbers (values: [1, 2, ...])`);
      }
      return;
    case "ranges":
      if (value !== undefined || !values || !values.every((v) => Array.isArray(v))) {
        ctx.error(at, `${op} takes a list of [low, high] ranges (values: [[0, 10], ...])`);
        return;
      }
      values.forEach((range, r) => {
        if (Array.isArray(range) && range[0] > range[1]) {
          ctx.error(
            `${at}/values/${r}`,
            `range [${range[0]}, ${range[1]}] has its low end above its high end`,
          );
        }
      });
      return;
    case "strings":
      if (value !== undefined || !values || !values.every((v) => typeof v === "string")) {
        ctx.error(at, `${op} takes a list of strings (values: ["a", ...])`);
        return;
      }
      values.forEach((v, r) => {
        if (typeof v === "string" && v.length > FILTER_LIMITS.stringLength) {
          ctx.error(
            `${at}/values/${r}`,
            `advanced-filter strings are limited to ${FILTER_LIMITS.stringLength} characters, got ${v.length}`,
          );
        }
      });
      return;
  }
}

function checkBroker(ctx: SemanticContext, at: string, ns: EventGridNamespaceSpec): void {
  const mqtt = ns.mqtt;
  if (!mqtt) return;
  const topicSpaces = mqtt.topicSpaces ?? [];
  if (topicSpaces.length > MqttLimits.topicSpaces) {
    ctx.error(
      `${at}/mqtt/topicSpaces`,
      `a namespace holds at most ${MqttLimits.topicSpaces} topic spaces, got ${topicSpaces.length}`,
    );
  }
  topicSpaces.forEach((space, i) => {
    const spaceAt = `${at}/mqtt/topicSpaces/${i}`;
    if (space.templates.length > MqttLimits.templatesPerTopicSpace) {
      ctx.error(
        `${spaceAt}/templates`,
        `a topic space holds at most ${MqttLimits.templatesPerTopicSpace} topic templates, got ${space.templates.length}`,
      );
    }
    space.templates.forEach((template, t) => {
      const problem = topicTemplateProblem(template);
      if (problem) ctx.error(`${spaceAt}/templates/${t}`, problem);
    });
  });
  const groups = mqtt.clientGroups ?? [];
  if (groups.length > MqttLimits.clientGroups) {
    ctx.error(
      `${at}/mqtt/clientGroups`,
      `a namespace holds at most ${MqttLimits.clientGroups} client groups, got ${groups.length}`,
    );
  }
  groups.forEach((group, i) => {
    const problem = clientGroupQueryProblem(group.query);
    if (problem) ctx.error(`${at}/mqtt/clientGroups/${i}/query`, problem);
  });
  const permissions = mqtt.permissions ?? [];
  if (permissions.length > MqttLimits.permissionBindings) {
    ctx.error(
      `${at}/mqtt/permissions`,
      `a namespace holds at most ${MqttLimits.permissionBindings} permission bindings, got ${permissions.length}`,
    );
  }
  (mqtt.clients ?? []).forEach((client, i) => checkCertificate(ctx, `${at}/mqtt/clients/${i}`, client));
}

function checkCertificate(
  ctx: SemanticContext,
  at: string,
  client: Pick<MqttClientSpec, "certificateThumbprint" | "certificateSubject">,
): void {
  const { certificateThumbprint, certificateSubject } = client;
  if (certificateThumbprint === undefined && certificateSubject === undefined) {
    ctx.error(
      at,
      "an MQTT client authenticates with a certificate: give certificateThumbprint or certificateSubject",
    );
  } else if (certificateThumbprint !== undefined && certificateSubject !== undefined) {
    ctx.error(
      at,
      "give either certificateThumbprint (thumbprint match) or certificateSubject (CA-chain validation), not both",
    );
  }
}
