import type { Construct } from "constructs";
import { ServicebusSubscription } from "@cdktf/provider-azurerm/lib/servicebus-subscription";
import { ServicebusSubscriptionRule } from "@cdktf/provider-azurerm/lib/servicebus-subscription-rule";
import { defaultSubscriptionRule, subscriptionRulesInAzure } from "../../azure/service-bus";
import {
  serviceBusSubscriptionProblems,
  type ServiceBusCorrelationInput,
  type ServiceBusRuleInput,
} from "../../azure/service-bus-entity-rules";
import { AzapiPut } from "../shared/azapi-resource-action";
import { Grantable, type GrantScope } from "../shared/grantable";
import type { Grantee } from "../shared/role-assignments";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { protectFromDestroy } from "../shared/stateful";
import { knownValues, validateWith } from "../shared/validation";
import { sameNamespaceProblems } from "./forwarding";
import { serviceBusGrantRoles } from "./namespace";
import type { ServiceBusForwardTarget } from "./queue";
import type { ServiceBusTopic } from "./topic";

/** Matches a message when every property given equals the message's. */
export type ServiceBusCorrelationFilter = ServiceBusCorrelationInput;

/** One filter rule: a SQL filter or a correlation filter, with an optional SQL action. */
export type ServiceBusSubscriptionRule = ServiceBusRuleInput;

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
  readonly messageTtl?: string;
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

/**
 * The complete ARM `properties` of a rule: `filterType` and exactly the one filter it names, plus
 * the action if any. Sent whole by a PUT, so nothing of the rule Azure held before survives.
 */
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

const isDefaultRule = (name: string): boolean =>
  name.toLowerCase() === defaultSubscriptionRule.name.toLowerCase();

/** The whole body of a subscription rule at RULE_TYPE. */
interface RuleBody extends Record<string, unknown> {
  readonly properties: Record<string, unknown>;
}

/** A topic subscription with its filter rules. */
export class ServiceBusSubscription extends Grantable<"receive"> {
  readonly resource: ServicebusSubscription;
  readonly topic: ServiceBusTopic;
  readonly name: string;
  /** `<namespace>/<topic>/<subscription>`. */
  readonly label: string;
  /**
   * `<topic>/subscriptions/<subscription>`: the entity path receivers address it by (Service Bus
   * REST reference, "Namespace and entity addresses").
   */
  readonly entityPath: string;
  /** ARM ID of the subscription. */
  readonly resourceId: string;
  // Data Owner has no scope narrower than the topic: a subscription grants receiving only.
  protected readonly grantRoles = { receive: serviceBusGrantRoles.receive };

  constructor(scope: Construct, id: string, props: ServiceBusSubscriptionProps) {
    super(scope, id);
    const topic = props.topic;
    const rules = props.rules ?? [];
    validateWith(this, `Service Bus subscription ${topic.label}/${props.name}`, () => [
      ...serviceBusSubscriptionProblems(
        { name: topic.namespace.label, sku: topic.namespace.sku },
        knownValues({
          ...props,
          forwardTo: props.forwardTo?.label,
          forwardDeadLetteredTo: props.forwardDeadLetteredTo?.label,
        }),
      ),
      ...sameNamespaceProblems(topic.namespace, props),
    ]);

    this.resource = new ServicebusSubscription(this, "subscription", {
      name: props.name,
      topicId: topic.resourceId,
      maxDeliveryCount: props.maxDeliveryCount ?? 10,
      lockDuration: props.lockDuration ?? "PT1M",
      defaultMessageTtl: props.messageTtl,
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
    this.entityPath = `${topic.name}/subscriptions/${props.name}`;
    this.resourceId = this.resource.id;

    // Rewrites the `$Default` rule Azure created with the subscription, once rules are declared.
    // azurerm cannot: its rule resource refuses to create a rule that already exists ("needs to be
    // imported"), and an import cannot target a subscription that does not exist yet.
    // azapi_update_resource merged its body into the rule Azure returns, so the old `sqlFilter`
    // (1=1) stayed beside a new `correlationFilter`. A PUT of the complete rule replaces it: Azure
    // then holds exactly the declared filter. A PUT has nothing to undo on destroy, so a second one,
    // run only when the rules leave the file (or the subscription goes), puts Azure's own `$Default`
    // (1=1) back: without it, the last declared filter would go on filtering after its removal.
    const inAzure = rules.length > 0 ? subscriptionRulesInAzure(rules) : [];
    const replacement = inAzure.find((rule) => isDefaultRule(rule.name));
    if (replacement) {
      const resourceId = `${this.resourceId}/rules/${defaultSubscriptionRule.name}`;
      new AzapiPut<RuleBody>(this, "rule-default", {
        type: RULE_TYPE,
        resourceId,
        body: { properties: ruleProperties(replacement) },
      });
      new AzapiPut<RuleBody>(this, "rule-default-reset", {
        type: RULE_TYPE,
        resourceId,
        body: { properties: ruleProperties(defaultSubscriptionRule) },
        when: "destroy",
      });
    }
    // A repeated name is a validation error; making it once keeps construct IDs unique until then.
    const made = new Set<string>([defaultSubscriptionRule.name.toLowerCase()]);
    for (const rule of rules) {
      if (made.has(rule.name.toLowerCase())) continue;
      made.add(rule.name.toLowerCase());
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
    return this.grant("receive", grantee);
  }

  /** Grants apply to this subscription only. */
  protected grantScope(): GrantScope {
    return {
      id: this.resourceId,
      label: `${this.topic.namespace.name}/${this.topic.name}/${this.name}`,
    };
  }
}
