import type { Construct } from "constructs";
import {
  ServiceBusQueue,
  ServiceBusSubscription,
  ServiceBusTopic,
  type ServiceBusSubscriptionProps,
} from "../../../constructs/service-bus";
import { namespace, onlyResource, ordersApi, resourcesOf, synth, validationErrors } from "./synth";

const SUBSCRIPTION = "azurerm_servicebus_subscription";
const RULE = "azurerm_servicebus_subscription_rule";
const DEFAULT_RULE = "azapi_resource_action";

type Json = ReturnType<typeof synth>;

/** The PUT that writes `$Default` as declared (sent on apply), and the one that puts Azure's back (on destroy). */
function defaultRulePuts(json: Json): {
  readonly apply: Record<string, unknown>;
  readonly reset: Record<string, unknown>;
} {
  const puts = resourcesOf(json, DEFAULT_RULE);
  const apply = puts.filter((put) => put.when === undefined);
  const reset = puts.filter((put) => put.when === "destroy");
  expect({ apply: apply.length, reset: reset.length, all: puts.length }).toEqual({
    apply: 1,
    reset: 1,
    all: 2,
  });
  return { apply: apply[0] as Record<string, unknown>, reset: reset[0] as Record<string, unknown> };
}

function build(overrides: Partial<ServiceBusSubscriptionProps> = {}) {
  return synth((s: Construct) => {
    const topic = new ServiceBusTopic(s, "t", { namespace: namespace(s), name: "order-events" });
    new ServiceBusSubscription(s, "sub", { topic, name: "billing", ...overrides });
  });
}

function subscriptionErrors(overrides: Partial<ServiceBusSubscriptionProps> = {}): string[] {
  return validationErrors((s: Construct) => {
    const topic = new ServiceBusTopic(s, "t", { namespace: namespace(s), name: "order-events" });
    new ServiceBusSubscription(s, "sub", { topic, name: "billing", ...overrides });
  });
}

const where = "Service Bus subscription orders/order-events/billing";

describe("ServiceBusSubscription", () => {
  it("defaults to 10 deliveries, a one-minute lock and dead-lettering on filter errors", () => {
    expect(onlyResource(build(), SUBSCRIPTION)).toMatchObject({
      name: "billing",
      max_delivery_count: 10,
      lock_duration: "PT1M",
      dead_lettering_on_filter_evaluation_error: true,
      dead_lettering_on_message_expiration: false,
      requires_session: false,
      batched_operations_enabled: true,
      status: "Active",
    });
  });

  it("passes every option through to the subscription", () => {
    const sub = onlyResource(
      build({
        maxDeliveryCount: 5,
        lockDuration: "PT30S",
        messageTtl: "P1D",
        deadLetterOnExpiration: true,
        deadLetterOnFilterEvaluationError: false,
        sessions: true,
        autoDeleteOnIdle: "PT1H",
        batchedOperations: false,
        status: "ReceiveDisabled",
      }),
      SUBSCRIPTION,
    );
    expect(sub).toMatchObject({
      max_delivery_count: 5,
      lock_duration: "PT30S",
      default_message_ttl: "P1D",
      dead_lettering_on_message_expiration: true,
      dead_lettering_on_filter_evaluation_error: false,
      requires_session: true,
      auto_delete_on_idle: "PT1H",
      batched_operations_enabled: false,
      status: "ReceiveDisabled",
    });
  });

  it("leaves Azure's catch-all $Default rule alone when no rule is declared", () => {
    const json = build();
    expect(resourcesOf(json, DEFAULT_RULE)).toHaveLength(0);
    expect(resourcesOf(json, RULE)).toHaveLength(0);
  });

  it("replaces the $Default rule in place with a declared SQL filter and its action", () => {
    const json = build({
      rules: [{ name: "$Default", sql: "region = 'EU' AND amount > 0", action: "SET checked = 1" }],
    });
    expect(defaultRulePuts(json).apply).toEqual({
      provider: "azapi",
      type: expect.stringMatching(/^Microsoft\.ServiceBus\/namespaces\/topics\/subscriptions\/rules@/),
      resource_id: expect.stringMatching(
        /^\$\{azurerm_servicebus_subscription\.[^.]+\.id\}\/rules\/\$Default$/,
      ),
      // A PUT replaces the whole rule; a merge kept Azure's 1=1 SQL filter beside a new one.
      method: "PUT",
      body: {
        properties: {
          filterType: "SqlFilter",
          sqlFilter: { sqlExpression: "region = 'EU' AND amount > 0" },
          action: { sqlExpression: "SET checked = 1" },
        },
      },
    });
    expect(resourcesOf(json, RULE)).toHaveLength(0);
  });

  it("puts Azure's own $Default (1=1) back when the declared rules leave the file", () => {
    const json = build({ rules: [{ name: "$Default", sql: "region = 'EU'" }] });
    const { apply, reset } = defaultRulePuts(json);
    // Removing the rules destroys both PUTs: only the destroy-time one sends anything, so the
    // subscription accepts every message again instead of keeping the last filter.
    expect(reset).toEqual({
      provider: "azapi",
      type: apply.type,
      resource_id: apply.resource_id,
      method: "PUT",
      when: "destroy",
      body: { properties: { filterType: "SqlFilter", sqlFilter: { sqlExpression: "1=1" } } },
    });
  });

  it("replaces the $Default rule with a correlation filter on every supported property", () => {
    const correlation = {
      label: "order.created",
      correlationId: "c",
      messageId: "m",
      to: "t",
      replyTo: "r",
      replyToSessionId: "rs",
      sessionId: "s",
      contentType: "application/json",
      properties: { region: "EU" },
    };
    const json = build({ rules: [{ name: "$Default", correlation }] });
    expect(defaultRulePuts(json).apply.body).toEqual({
      properties: { filterType: "CorrelationFilter", correlationFilter: correlation },
    });
  });

  it("makes $Default match nothing when only other rules are declared, so they alone select messages", () => {
    const json = build({
      rules: [{ name: "eu-orders", correlation: { label: "order.created", properties: { region: "EU" } } }],
    });
    expect(defaultRulePuts(json).apply.body).toEqual({
      properties: { filterType: "SqlFilter", sqlFilter: { sqlExpression: "1=0" } },
    });
    expect(onlyResource(json, RULE)).toMatchObject({
      name: "eu-orders",
      filter_type: "CorrelationFilter",
      correlation_filter: { label: "order.created", properties: { region: "EU" } },
    });
  });

  it("creates named SQL rules with their actions", () => {
    const json = build({ rules: [{ name: "big", sql: "amount > 1000", action: "SET big = TRUE" }] });
    expect(onlyResource(json, RULE)).toMatchObject({
      name: "big",
      filter_type: "SqlFilter",
      sql_filter: "amount > 1000",
      action: "SET big = TRUE",
    });
  });

  it.each([
    [
      [{ name: "a", sql: "x".repeat(1025) }],
      "rules/0/sql: a SQL filter must be 1 to 1024 characters, got 1025",
    ],
    [
      [{ name: "a", correlation: {} }],
      "rules/0/correlation: a correlation filter needs at least one property to match, got none",
    ],
    [[{ name: "a".repeat(51), sql: "1=1" }], "rules/0/name: a rule name has 1 to 50 characters, got 51"],
    [
      [
        { name: "a", sql: "1=1" },
        { name: "A", sql: "2=2" },
      ],
      'rules/1/name: duplicate rule name "A" in subscription "billing"',
    ],
  ])("refuses invalid rules %#", (rules, message) => {
    expect(subscriptionErrors({ rules })).toEqual([`${where}: ${message}`]);
  });

  it("makes a repeated rule once, so validation rather than a construct ID reports it", () => {
    const rules = [
      { name: "a", sql: "1=1" },
      { name: "a", sql: "2=2" },
    ];
    expect(resourcesOf(build({ rules }), RULE)).toHaveLength(1);
  });

  it("refuses a max delivery count below 1, as the queue does", () => {
    expect(subscriptionErrors({ maxDeliveryCount: 0 })).toEqual([
      `${where}: maxDeliveryCount: maxDeliveryCount must be a whole number of at least 1, got 0`,
    ]);
  });

  it("forwards to a queue of the same namespace by reference", () => {
    const json = synth((s) => {
      const ns = namespace(s);
      const topic = new ServiceBusTopic(s, "t", { namespace: ns, name: "order-events" });
      const audit = new ServiceBusQueue(s, "q", { namespace: ns, name: "audit" });
      new ServiceBusSubscription(s, "sub", {
        topic,
        name: "audit",
        forwardTo: audit,
        forwardDeadLetteredTo: audit,
      });
    });
    expect(onlyResource(json, SUBSCRIPTION)).toMatchObject({
      forward_to: expect.stringMatching(/^\$\{azurerm_servicebus_queue\.[^.]+\.name\}$/),
      forward_dead_lettered_messages_to: expect.stringMatching(
        /^\$\{azurerm_servicebus_queue\.[^.]+\.name\}$/,
      ),
    });
  });

  it("refuses forwardTo on a session-enabled subscription", () => {
    const errors = validationErrors((s) => {
      const ns = namespace(s);
      const topic = new ServiceBusTopic(s, "t", { namespace: ns, name: "order-events" });
      const audit = new ServiceBusQueue(s, "q", { namespace: ns, name: "audit" });
      new ServiceBusSubscription(s, "sub", { topic, name: "audit", sessions: true, forwardTo: audit });
    });
    expect(errors).toEqual([
      "Service Bus subscription orders/order-events/audit: forwardTo: forwardTo is not supported on a session-enabled entity (Azure auto-forwarding skips sessions); remove forwardTo or sessions",
    ]);
  });

  it("prevents destruction when asked", () => {
    expect(onlyResource(build({ preventDestroy: true }), SUBSCRIPTION).lifecycle).toEqual({
      prevent_destroy: true,
    });
  });

  it("grantReceive assigns Azure Service Bus Data Receiver at the subscription's own scope", () => {
    const json = synth((s) => {
      const topic = new ServiceBusTopic(s, "t", { namespace: namespace(s), name: "order-events" });
      new ServiceBusSubscription(s, "sub", { topic, name: "billing" }).grantReceive(ordersApi);
    });
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      role_definition_name: "Azure Service Bus Data Receiver",
      scope: expect.stringMatching(/^\$\{azurerm_servicebus_subscription\.[^.]+\.id\}$/),
    });
  });
});
