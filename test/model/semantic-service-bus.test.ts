import { readFileSync } from "node:fs";
import { SemanticContext } from "../../model/semantic/context";
import { checkServiceBus } from "../../model/semantic/service-bus";
import { documentFromText, sharedExample, specOf, testToday } from "./helpers/document";

/** Runs only the Service Bus rules over an environment whose `serviceBus:` section is `section`. */
function check(
  section: string,
  header = "",
  tier = "development",
): { path: string; line: number; message: string }[] {
  const text = `name: test\ntier: ${tier}\nlocation: westeurope\n${header}naming:\n  prefix: contoso\nserviceBus:\n${section}`;
  const doc = documentFromText(text);
  const ctx = new SemanticContext(doc, specOf(doc), testToday);
  checkServiceBus(ctx);
  return ctx.diagnostics.map(({ path, line, message }) => ({ path, line, message }));
}

const messages = (section: string, header = "", tier = "development"): string[] =>
  check(section, header, tier).map((d) => `${d.path} :: ${d.message}`);

describe("Service Bus semantic checks", () => {
  it.each(["dev", "prod"] as const)("accept the shared %s example", (name) => {
    const doc = documentFromText(readFileSync(sharedExample(name), "utf8"));
    const ctx = new SemanticContext(doc, specOf(doc), testToday);
    checkServiceBus(ctx);
    expect(ctx.diagnostics).toEqual([]);
  });

  it("refuses every Premium-only namespace option on Standard, naming the SKU", () => {
    const found = messages(
      [
        "  - name: orders",
        "    sku: Standard",
        "    capacity: 2",
        "    partitions: 2",
        "    customerManagedKey: true",
        "    privateEndpoint: true",
        "    geoDisasterRecovery: true",
        "    autoscale: { minCapacity: 1, maxCapacity: 2 }",
        "",
      ].join("\n"),
    );
    expect(found).toEqual([
      'serviceBus[0].capacity :: capacity (messaging units, got 2) needs the Premium SKU; namespace "orders" is Standard',
      'serviceBus[0].partitions :: partitions (got 2) needs the Premium SKU; namespace "orders" is Standard',
      "serviceBus[0].privateEndpoint :: a private endpoint needs the Premium SKU; this Service Bus namespace (Standard) has none",
      "serviceBus[0].customerManagedKey :: a customer-managed key needs the Premium SKU; this Service Bus namespace (Standard) has none",
      'serviceBus[0].geoDisasterRecovery :: geo-disaster recovery needs the Premium SKU; namespace "orders" is Standard',
      'serviceBus[0].autoscale :: autoscale of messaging units needs the Premium SKU; namespace "orders" is Standard',
    ]);
  });

  it("reports the error on the line of the offending field", () => {
    const [first] = check("  - name: orders\n    sku: Basic\n    capacity: 1\n");
    expect(first).toMatchObject({ path: "serviceBus[0].capacity", line: 9 });
  });

  it("refuses topics on Basic", () => {
    expect(messages("  - name: orders\n    sku: Basic\n    topics:\n      - name: events\n")).toEqual([
      'serviceBus[0].topics :: topics need the Standard or Premium SKU; namespace "orders" is Basic',
    ]);
  });

  it("refuses sessions, duplicate detection and forwarding on a Basic queue", () => {
    const found = messages(
      [
        "  - name: orders",
        "    sku: Basic",
        "    queues:",
        "      - { name: a, sessions: true, duplicateDetection: PT10M, forwardTo: orders/b, forwardDeadLetteredTo: orders/b }",
        "      - { name: b }",
        "",
      ].join("\n"),
    );
    expect(found).toEqual([
      'serviceBus[0].queues[0].sessions :: sessions need the Standard or Premium SKU; namespace "orders" is Basic',
      'serviceBus[0].queues[0].duplicateDetection :: duplicate detection needs the Standard or Premium SKU; namespace "orders" is Basic',
      'serviceBus[0].queues[0].forwardTo :: auto-forwarding (forwardTo) needs the Standard or Premium SKU; namespace "orders" is Basic',
      'serviceBus[0].queues[0].forwardDeadLetteredTo :: auto-forwarding (forwardDeadLetteredTo) needs the Standard or Premium SKU; namespace "orders" is Basic',
    ]);
  });

  it.each([
    [
      "capacity: 3",
      "serviceBus[0].capacity :: capacity must be one of 1, 2, 4, 8, 16 messaging units on Premium, got 3",
    ],
    ["partitions: 3", "serviceBus[0].partitions :: partitions must be one of 1, 2, 4, got 3"],
    [
      "capacity: 2\n    partitions: 4",
      "serviceBus[0].capacity :: capacity must be a multiple of partitions (4) on Premium, got 2",
    ],
  ])("checks Premium sizing: %s", (lines, expected) => {
    expect(messages(`  - name: orders\n    sku: Premium\n    ${lines}\n`)).toEqual([expected]);
  });

  it("refuses an entity-level partitioning choice on Premium", () => {
    expect(
      messages("  - name: orders\n    sku: Premium\n    queues:\n      - { name: a, partitioned: true }\n"),
    ).toEqual([
      'serviceBus[0].queues[0].partitioned :: partitioned is not an entity option on Premium: a Premium namespace partitions all its entities; set partitions on namespace "orders"',
    ]);
  });

  it("accepts partitioning on a Standard queue", () => {
    expect(
      messages("  - name: orders\n    sku: Standard\n    queues:\n      - { name: a, partitioned: true }\n"),
    ).toEqual([]);
  });

  it("checks max sizes per SKU", () => {
    expect(
      messages(
        "  - name: orders\n    sku: Standard\n    queues:\n      - { name: a, maxSizeMegabytes: 10240 }\n",
      ),
    ).toEqual([
      "serviceBus[0].queues[0].maxSizeMegabytes :: maxSizeMegabytes on Standard must be one of 1024, 2048, 3072, 4096, 5120 (a partitioned entity holds 16 times this), got 10240",
    ]);
    expect(
      messages(
        "  - name: orders\n    sku: Premium\n    queues:\n      - { name: a, maxSizeMegabytes: 81920 }\n",
      ),
    ).toEqual([]);
  });

  it("allows a max message size only on Premium, within 1024–102400 KB", () => {
    expect(
      messages(
        "  - name: orders\n    sku: Standard\n    queues:\n      - { name: a, maxMessageSizeKilobytes: 2048 }\n",
      ),
    ).toEqual([
      'serviceBus[0].queues[0].maxMessageSizeKilobytes :: maxMessageSizeKilobytes needs the Premium SKU (the limit is 256 KB elsewhere); namespace "orders" is Standard',
    ]);
    expect(
      messages(
        "  - name: orders\n    sku: Premium\n    topics:\n      - { name: t, maxMessageSizeKilobytes: 204800 }\n",
      ),
    ).toEqual([
      "serviceBus[0].topics[0].maxMessageSizeKilobytes :: maxMessageSizeKilobytes must be between 1024 and 102400, got 204800",
    ]);
  });

  it.each([
    ["lockDuration: PT6M", "lockDuration must be between 5 seconds and 5 minutes, got PT6M (6 minutes)"],
    [
      "duplicateDetection: PT10S",
      "duplicateDetection must be between 20 seconds and 7 days, got PT10S (10 seconds)",
    ],
    ["duplicateDetection: P8D", "duplicateDetection must be between 20 seconds and 7 days, got P8D (8 days)"],
    [
      "autoDeleteOnIdle: PT4M",
      "autoDeleteOnIdle must be at least 5 minutes, or P10675199DT2H48M5.4775807S (TimeSpan.MaxValue) for no limit, got PT4M (4 minutes)",
    ],
    ["lockDuration: P1M", "lockDuration must be an ISO-8601 duration"],
    ["maxDeliveryCount: 0", "maxDeliveryCount must be a whole number of at least 1, got 0"],
  ])("checks queue option %s", (option, expected) => {
    const [only] = check(
      `  - name: orders\n    sku: Standard\n    queues:\n      - { name: a, ${option} }\n`,
    );
    expect(only.message).toContain(expected);
  });

  it("limits message TTL to 14 days on Basic only", () => {
    expect(
      messages("  - name: orders\n    sku: Basic\n    queues:\n      - { name: a, messageTtl: P15D }\n"),
    ).toEqual([
      "serviceBus[0].queues[0].messageTtl :: messageTtl must be between 1 second and 14 days, got P15D (15 days)",
    ]);
    expect(
      messages("  - name: orders\n    sku: Standard\n    queues:\n      - { name: a, messageTtl: P365D }\n"),
    ).toEqual([]);
  });

  it("refuses forwardTo on a session-enabled queue or subscription", () => {
    const found = messages(
      [
        "  - name: orders",
        "    sku: Standard",
        "    queues:",
        "      - { name: a, sessions: true, forwardTo: orders/b }",
        "      - { name: b }",
        "    topics:",
        "      - name: t",
        "        subscriptions:",
        "          - { name: s, sessions: true, forwardTo: orders/b }",
        "",
      ].join("\n"),
    );
    expect(found).toEqual([
      "serviceBus[0].queues[0].forwardTo :: forwardTo is not supported on a session-enabled entity (Azure auto-forwarding skips sessions); remove forwardTo or sessions",
      "serviceBus[0].topics[0].subscriptions[0].forwardTo :: forwardTo is not supported on a session-enabled entity (Azure auto-forwarding skips sessions); remove forwardTo or sessions",
    ]);
  });

  it("accepts forwarding dead letters from a session-enabled queue", () => {
    expect(
      messages(
        "  - name: orders\n    sku: Standard\n    queues:\n      - { name: a, sessions: true, forwardDeadLetteredTo: orders/b }\n      - { name: b }\n",
      ),
    ).toEqual([]);
  });

  it("leaves forwarding loops and chains to the forwarding check", () => {
    expect(
      messages(
        "  - name: orders\n    sku: Standard\n    queues:\n      - { name: a, forwardTo: orders/b }\n      - { name: b, forwardTo: orders/a }\n",
      ),
    ).toEqual([]);
  });

  it("limits SQL filters and actions to 1,024 characters", () => {
    const long = "a".repeat(1025);
    const found = messages(
      `  - name: orders\n    sku: Standard\n    topics:\n      - name: t\n        subscriptions:\n          - name: s\n            filter: { sql: "${long}", action: "${long}" }\n`,
    );
    expect(found).toEqual([
      "serviceBus[0].topics[0].subscriptions[0].filter.sql :: a SQL filter must be 1 to 1024 characters, got 1025",
      "serviceBus[0].topics[0].subscriptions[0].filter.action :: a rule action must be at most 1024 characters, got 1025",
    ]);
  });

  it("refuses a filter together with rules, and duplicate rule names", () => {
    const found = messages(
      [
        "  - name: orders",
        "    sku: Standard",
        "    topics:",
        "      - name: t",
        "        subscriptions:",
        "          - name: s",
        '            filter: { sql: "a = 1" }',
        "            rules:",
        '              - { name: x, sql: "b = 1" }',
        '              - { name: x, sql: "c = 1" }',
        "",
      ].join("\n"),
    );
    expect(found).toEqual([
      'serviceBus[0].topics[0].subscriptions[0].filter :: declare either filter (which becomes the $Default rule) or rules, not both; move the filter into rules as a rule named "$Default"',
      'serviceBus[0].topics[0].subscriptions[0].rules[1].name :: duplicate rule name "x" in subscription "s"',
    ]);
  });

  it("limits a topic to 2,000 subscriptions", () => {
    const subs = Array.from({ length: 2001 }, (_, i) => `          - { name: s${i} }`).join("\n");
    expect(
      messages(
        `  - name: orders\n    sku: Standard\n    topics:\n      - name: t\n        subscriptions:\n${subs}\n`,
      ),
    ).toEqual([
      "serviceBus[0].topics[0].subscriptions :: a topic holds at most 2000 subscriptions, got 2001; chain a second-level topic with forwardTo",
    ]);
  });

  it("checks autoscale steps, bounds and thresholds on Premium", () => {
    const found = messages(
      "  - name: orders\n    sku: Premium\n    capacity: 16\n    autoscale: { minCapacity: 8, maxCapacity: 6, scaleOutCpuPercent: 40, scaleInCpuPercent: 50 }\n",
    );
    expect(found).toEqual([
      "serviceBus[0].autoscale.maxCapacity :: maxCapacity must be one of 1, 2, 4, 8, 16 messaging units (steps Premium allows with 1 partition(s)), got 6",
      "serviceBus[0].autoscale.minCapacity :: minCapacity must not exceed maxCapacity (6), got 8",
      "serviceBus[0].capacity :: capacity must lie between autoscale minCapacity 8 and maxCapacity 6, got 16",
      "serviceBus[0].autoscale.scaleInCpuPercent :: scaleInCpuPercent must be below scaleOutCpuPercent (40) and both within 0–100, got 50",
    ]);
  });

  it("needs a secondaryLocation other than location for geo-disaster recovery", () => {
    expect(
      messages(
        "  - name: orders\n    sku: Premium\n    geoDisasterRecovery: true\n",
        "secondaryLocation: northeurope\n",
      ),
    ).toEqual([]);
    expect(
      messages(
        "  - name: orders\n    sku: Premium\n    geoDisasterRecovery: true\n",
        "secondaryLocation: westeurope\n",
      ),
    ).toEqual([
      "serviceBus[0].geoDisasterRecovery :: geoDisasterRecovery pairs with another region, but secondaryLocation is the same as location (westeurope)",
    ]);
  });

  it("refuses geo-disaster recovery the production tier turns on, at the namespace, when secondaryLocation is location", () => {
    expect(
      check("  - name: orders\n    sku: Premium\n", "secondaryLocation: westeurope\n", "production"),
    ).toEqual([
      {
        path: "serviceBus[0]",
        line: 8,
        message:
          "geo-disaster recovery (the production tier's default for a Premium namespace when secondaryLocation is given) pairs with another region, but secondaryLocation is the same as location (westeurope): set secondaryLocation to another region, or geoDisasterRecovery: false",
      },
    ]);
  });

  it("accepts a production Premium namespace that opts out of geo-disaster recovery, or pairs with another region", () => {
    const namespace = "  - name: orders\n    sku: Premium\n";
    expect(
      messages(
        `${namespace}    geoDisasterRecovery: false\n`,
        "secondaryLocation: westeurope\n",
        "production",
      ),
    ).toEqual([]);
    expect(messages(namespace, "secondaryLocation: northeurope\n", "production")).toEqual([]);
  });

  it("leaves a Standard namespace in production without geo-disaster recovery, whatever the regions", () => {
    expect(
      messages("  - name: orders\n    sku: Standard\n", "secondaryLocation: westeurope\n", "production"),
    ).toEqual([]);
  });

  it("refuses zoneRedundant: false, which Azure cannot honour", () => {
    expect(messages("  - name: orders\n    sku: Premium\n    zoneRedundant: false\n")).toEqual([
      expect.stringContaining("serviceBus[0].zoneRedundant :: zoneRedundant cannot be false"),
    ]);
  });

  it("refuses IP ranges while public access is off", () => {
    expect(
      messages(
        "  - name: orders\n    sku: Premium\n    publicNetworkAccess: false\n    allowedIpRanges: [203.0.113.0/24]\n",
      ),
    ).toEqual([
      "serviceBus[0].allowedIpRanges :: allowedIpRanges admit nothing while publicNetworkAccess is false; remove them or allow public access",
    ]);
  });
});
