import { Construct } from "constructs";
import { ServicebusSubscription } from "@cdktf/provider-azurerm/lib/servicebus-subscription";
import { ServicebusSubscriptionRule } from "@cdktf/provider-azurerm/lib/servicebus-subscription-rule";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { AzapiUpdateResource } from "../shared/azapi-resource";
import { BuiltInRole, grantId, grantRole, type Grantee } from "../shared/role-assignments";
import { protectFromDestroy } from "../shared/stateful";
import { validateForwarding, type ServiceBusForwardTarget } from "./queue";
import { RuleLimits } from "../../azure/service-bus";
import type { ServiceBusTopic } from "./topic";

/** The rule Azure creates with every subscription, a catch-all (`1=1`) until replaced. */
export const DEFAULT_RULE_NAME = "$Default";

/** Matches a message when every property given equals the message's. */
export interface ServiceBusCorrelationFilter {
  /**
   * The message's Label (subject) must equal this.
   * @default - not compared
   */
  readonly label?: string;
  /**
   * The message's CorrelationId must equal this.
   * @default - not compared
   */
  readonly correlationId?: string;
  /**
   * The message's MessageId must equal this.
   * @default - not compared
   */
  readonly messageId?: string;
  /**
   * The message's To must equal this.
   * @default - not compared
   */
  readonly to?: string;
  /**
   * The message's ReplyTo must equal this.
   * @default - not compared
   */
  readonly replyTo?: string;
  /**
   * The message's ReplyToSessionId must equal this.
   * @default - not compared
   */
  readonly replyToSessionId?: string;
  /**
   * The message's SessionId must equal this.
   * @default - not compared
   */
  readonly sessionId?: string;
  /**
   * The message's ContentType must equal this.
   * @default - not compared
   */
  readonly contentType?: string;
  /**
   * Application properties that must equal these, by name.
   * @default - no application property compared
   */
  readonly properties?: Readonly<Record<string, string>>;
}

/**
 * One filter rule: a SQL filter or a correlation filter, with an optional SQL action that rewrites
 * matching messages' properties (no action: messages pass unchanged).
 */
export type ServiceBusSubscriptionRule = { readonly name: string; readonly action?: string } & (
  { readonly sql: string } | { readonly correlation: ServiceBusCorrelationFilter }
);

export interface ServiceBusSubscriptionProps {
  readonly topic: ServiceBusTopic;
  /** Subscription name inside the topic. */
  readonly name: string;
  /**
   * Deliveries before a message moves to the dead-letter queue.
   * @default - messages that fail 10 deliveries are dead-lettered
   */
  readonly maxDeliveryCount?: number;
  /**
   * Peek-lock duration (ISO-8601, at most 5 minutes).
   * @default - a lock lasts 1 minute
   */
  readonly lockDuration?: string;
  /**
   * Default message time to live (ISO-8601).
   * @default - the topic's
   */
  readonly defaultMessageTtl?: string;
  /**
   * Whether expired messages move to the dead-letter queue.
   * @default - expired messages are dropped
   */
  readonly deadLetterOnExpiration?: boolean;
  /**
   * Whether a message whose filter fails to evaluate is dead-lettered.
   * @default - dead-lettered, so a broken filter never silently drops messages
   */
  readonly deadLetterOnFilterEvaluationError?: boolean;
  /**
   * Whether receivers must accept a session.
   * @default - no sessions
   */
  readonly sessions?: boolean;
  /**
   * Queue or topic every message is forwarded to (same namespace; not with sessions).
   * @default - no forwarding: receivers read this subscription
   */
  readonly forwardTo?: ServiceBusForwardTarget;
  /**
   * Queue or topic dead-lettered messages are forwarded to (same namespace).
   * @default - dead-lettered messages stay in this subscription's dead-letter sub-queue
   */
  readonly forwardDeadLetteredTo?: ServiceBusForwardTarget;
  /**
   * Idle time after which Azure deletes the subscription (ISO-8601, at least 5 minutes).
   * @default - never deleted for idleness
   */
  readonly autoDeleteOnIdle?: string;
  /**
   * Whether the broker batches store operations.
   * @default - batched
   */
  readonly batchedOperations?: boolean;
  /**
   * Entity status.
   * @default - Active
   */
  readonly status?: "Active" | "Disabled" | "ReceiveDisabled";
  /**
   * Filter rules. When any is given, Azure's catch-all `$Default` rule is replaced: by the rule
   * named `$Default` if there is one, else by a filter that matches nothing, so only the declared
   * rules select messages.
   * @default - Azure's `$Default` rule: every message published to the topic
   */
  readonly rules?: readonly ServiceBusSubscriptionRule[];
  /**
   * Whether Terraform refuses plans that destroy the subscription.
   * @default - destroyable
   */
  readonly preventDestroy?: boolean;
}

/** Azure's rule API version whose schema the pinned azapi release embeds. */
const RULE_TYPE = "Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2021-11-01";

function validateRule(where: string, rule: ServiceBusSubscriptionRule): void {
  const at = `${where} rule ${rule.name}`;
  if (rule.name.length < 1 || rule.name.length > RuleLimits.nameLength) {
    throw new Error(`${at}: name must be 1 to ${RuleLimits.nameLength} characters, got ${rule.name.length}`);
  }
  if ("sql" in rule && (rule.sql.length < 1 || rule.sql.length > RuleLimits.sqlLength)) {
    throw new Error(`${at}: sql must be 1 to ${RuleLimits.sqlLength} characters, got ${rule.sql.length}`);
  }
  if ("correlation" in rule) {
    const c = rule.correlation;
    const set = [
      c.label,
      c.correlationId,
      c.messageId,
      c.to,
      c.replyTo,
      c.replyToSessionId,
      c.sessionId,
      c.contentType,
    ];
    if (set.every((v) => v === undefined) && Object.keys(c.properties ?? {}).length === 0) {
      throw new Error(`${at}: a correlation filter needs at least one property to match, got none`);
    }
  }
  if (rule.action !== undefined && rule.action.length > RuleLimits.sqlLength) {
    throw new Error(
      `${at}: action must be at most ${RuleLimits.sqlLength} characters, got ${rule.action.length}`,
    );
  }
}

/** The ARM `properties` of a rule (what the azapi override sends). */
function ruleProperties(rule: ServiceBusSubscriptionRule): Record<string, unknown> {
  const action = rule.action === undefined ? {} : { action: { sqlExpression: rule.action } };
  if ("sql" in rule) return { filterType: "SqlFilter", sqlFilter: { sqlExpression: rule.sql }, ...action };
  const c = rule.correlation;
  return {
    filterType: "CorrelationFilter",
    correlationFilter: {
      label: c.label,
      correlationId: c.correlationId,
      messageId: c.messageId,
      to: c.to,
      replyTo: c.replyTo,
      replyToSessionId: c.replyToSessionId,
      sessionId: c.sessionId,
      contentType: c.contentType,
      properties: c.properties ? { ...c.properties } : undefined,
    },
    ...action,
  };
}

/** Body of a subscription rule at RULE_TYPE. */
interface RuleBody extends Record<string, unknown> {
  readonly properties: Record<string, unknown>;
}

/** A topic subscription with its filter rules. */
export class ServiceBusSubscription extends Construct {
  readonly resource: ServicebusSubscription;
  readonly topic: ServiceBusTopic;
  readonly name: string;
  /** `<namespace>/<topic>/<subscription>`. */
  readonly label: string;
  /** ARM ID of the subscription. */
  readonly resourceId: string;

  constructor(scope: Construct, id: string, props: ServiceBusSubscriptionProps) {
    super(scope, id);
    const topic = props.topic;
    const where = `Service Bus subscription ${topic.label}/${props.name}`;
    if (
      props.maxDeliveryCount !== undefined &&
      (!Number.isInteger(props.maxDeliveryCount) || props.maxDeliveryCount < 1)
    ) {
      throw new Error(
        `${where}: maxDeliveryCount must be an integer of at least 1, got ${props.maxDeliveryCount}`,
      );
    }
    validateForwarding(
      where,
      topic.namespace,
      props.sessions ?? false,
      props.forwardTo,
      props.forwardDeadLetteredTo,
    );
    const rules = props.rules ?? [];
    const names = new Set<string>();
    for (const rule of rules) {
      validateRule(where, rule);
      if (names.has(rule.name))
        throw new Error(`${where}: rule names must be unique, got ${rule.name} twice`);
      names.add(rule.name);
    }

    this.resource = new ServicebusSubscription(this, "subscription", {
      name: props.name,
      topicId: topic.resourceId,
      maxDeliveryCount: props.maxDeliveryCount ?? 10,
      lockDuration: props.lockDuration ?? "PT1M",
      defaultMessageTtl: props.defaultMessageTtl,
      deadLetteringOnMessageExpiration: props.deadLetterOnExpiration ?? false,
      deadLetteringOnFilterEvaluationError: props.deadLetterOnFilterEvaluationError ?? true,
      requiresSession: props.sessions ?? false,
      forwardTo: props.forwardTo?.resource.name,
      forwardDeadLetteredMessagesTo: props.forwardDeadLetteredTo?.resource.name,
      autoDeleteOnIdle: props.autoDeleteOnIdle,
      batchedOperationsEnabled: props.batchedOperations ?? true,
      status: props.status ?? "Active",
    });
    protectFromDestroy(this.resource, props.preventDestroy ?? false);

    this.topic = topic;
    this.name = props.name;
    this.label = `${topic.label}/${props.name}`;
    this.resourceId = this.resource.id;

    if (rules.length > 0) {
      const replacement = rules.find((rule) => rule.name === DEFAULT_RULE_NAME) ?? {
        name: DEFAULT_RULE_NAME,
        sql: "1=0",
      };
      // Rewrites the `$Default` rule Azure created with the subscription. azurerm cannot: its rule
      // resource refuses to create a rule that already exists ("needs to be imported"), and an import
      // cannot target a subscription that does not exist yet. `azapi_update_resource` changes the
      // existing rule in place, and on destroy leaves it to go with the subscription.
      new AzapiUpdateResource<RuleBody>(this, "rule-default", {
        type: RULE_TYPE,
        name: DEFAULT_RULE_NAME,
        parentId: this.resourceId,
        body: { properties: ruleProperties(replacement) },
      });
    }
    for (const rule of rules.filter((r) => r.name !== DEFAULT_RULE_NAME)) {
      new ServicebusSubscriptionRule(this, `rule-${rule.name}`, {
        name: rule.name,
        subscriptionId: this.resourceId,
        filterType: "sql" in rule ? "SqlFilter" : "CorrelationFilter",
        sqlFilter: "sql" in rule ? rule.sql : undefined,
        correlationFilter: "correlation" in rule ? { ...rule.correlation } : undefined,
        action: rule.action,
      });
    }
  }

  /** Lets `grantee` receive from this subscription only (Azure Service Bus Data Receiver at the subscription). */
  grantReceive(grantee: Grantee): RoleAssignment {
    return grantRole(this, grantId("grant-receive", grantee), {
      scopeId: this.resourceId,
      scopeLabel: `${this.topic.namespace.name}/${this.topic.name}/${this.name}`,
      role: BuiltInRole.serviceBusDataReceiver,
      grantee,
    });
  }
}
