import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { Diagnostic } from "../../model/diagnostics";
import { SemanticContext } from "../../model/semantic/context";
import { checkEventGrid } from "../../model/semantic/event-grid";
import type {
  AdvancedFilterSpec,
  EnvironmentSpec,
  EventGridSpec,
  EventSubscriptionSpec,
  MqttSpec,
  SiteSpec,
} from "../../model/spec";
import { documentFromText } from "./helpers/document";

const today = new Date(Date.UTC(2026, 10, 23));

function checkText(text: string): Diagnostic[] {
  const doc = documentFromText(text, "env.yaml");
  const ctx = new SemanticContext(doc, doc.data as EnvironmentSpec, today);
  checkEventGrid(ctx);
  return [...ctx.diagnostics];
}

function problems(eventGrid: EventGridSpec, extra: { sites?: SiteSpec[] } = {}): Diagnostic[] {
  return checkText(
    stringify({
      name: "test",
      tier: "development",
      location: "westeurope",
      naming: { prefix: "contoso" },
      eventGrid,
      ...extra,
    }),
  );
}

const toWebhook = { webhook: { url: "https://hooks.contoso.example/events" } };

function subscriptionProblems(
  subscription: Partial<EventSubscriptionSpec>,
  inputSchema?: "EventGridSchema" | "CustomEventSchema",
): Diagnostic[] {
  return problems({
    topics: [
      {
        name: "orders",
        inputSchema,
        subscriptions: [{ name: "sub", destination: toWebhook, ...subscription }],
      },
    ],
  });
}

function filterProblems(advanced: AdvancedFilterSpec[]): Diagnostic[] {
  return subscriptionProblems({ filter: { advanced } });
}

function brokerProblems(mqtt: MqttSpec): Diagnostic[] {
  return problems({ namespaces: [{ name: "plant", mqtt }] });
}

function only(list: Diagnostic[]): { path: string; message: string } {
  expect(list.map((d) => d.message)).toHaveLength(1);
  return { path: list[0].path, message: list[0].message };
}

describe("Event Grid semantic checks", () => {
  it.each(["dev.yaml", "prod.yaml"])("accept the shared example %s", (file) => {
    expect(
      checkText(readFileSync(join(__dirname, "..", "fixtures", "shared-examples", file), "utf8")),
    ).toEqual([]);
  });

  describe("advanced filters", () => {
    it("refuse more than 25 filters in one subscription", () => {
      const filters = Array.from({ length: 26 }, (_, i): AdvancedFilterSpec => ({
        key: `data.f${i}`,
        operator: "IsNotNull",
      }));
      expect(only(filterProblems(filters))).toEqual({
        path: "eventGrid.topics[0].subscriptions[0].filter.advanced",
        message: "Azure allows at most 25 advanced filters per subscription, got 26",
      });
    });

    it("refuse more than 25 values across the filters of one subscription", () => {
      const values = Array.from({ length: 13 }, (_, i) => `v${i}`);
      const found = only(
        filterProblems([
          { key: "data.a", operator: "StringIn", values },
          { key: "data.b", operator: "StringNotIn", values },
        ]),
      );
      expect(found.message).toContain(
        "at most 25 advanced-filter values per subscription (across all filters), got 26",
      );
    });

    it("accept exactly 25 values", () => {
      const values = Array.from({ length: 25 }, (_, i) => i);
      expect(filterProblems([{ key: "data.n", operator: "NumberIn", values }])).toEqual([]);
    });

    it.each<[string, AdvancedFilterSpec, string]>([
      [
        "BoolEquals given a string",
        { key: "data.paid", operator: "BoolEquals", value: "yes" },
        "BoolEquals takes one boolean value",
      ],
      [
        "IsNotNull given a value",
        { key: "data.note", operator: "IsNotNull", value: "x" },
        "IsNotNull takes no value",
      ],
      [
        "NumberGreaterThan given a list",
        { key: "data.n", operator: "NumberGreaterThan", values: [1] },
        "NumberGreaterThan takes one number",
      ],
      [
        "NumberIn given strings",
        { key: "data.n", operator: "NumberIn", values: ["high"] },
        "NumberIn takes a list of numbers",
      ],
      [
        "NumberInRange given plain numbers",
        { key: "data.n", operator: "NumberInRange", values: [1, 2] },
        "NumberInRange takes a list of [low, high] ranges",
      ],
      [
        "StringContains given one value",
        { key: "data.s", operator: "StringContains", value: "eu" },
        "StringContains takes a list of strings",
      ],
    ])("refuse %s", (_case, filter, message) => {
      expect(only(filterProblems([filter]))).toEqual({
        path: "eventGrid.topics[0].subscriptions[0].filter.advanced[0]",
        message: expect.stringContaining(message),
      });
    });

    it("refuse a range whose low end is above its high end", () => {
      expect(
        only(
          filterProblems([
            {
              key: "data.n",
              operator: "NumberNotInRange",
              values: [
                [0, 1],
                [9, 2],
              ],
            },
          ]),
        ),
      ).toEqual({
        path: "eventGrid.topics[0].subscriptions[0].filter.advanced[0].values[1]",
        message: "range [9, 2] has its low end above its high end",
      });
    });

    it("refuse string values longer than 512 characters", () => {
      expect(
        only(filterProblems([{ key: "data.s", operator: "StringIn", values: ["x".repeat(513)] }])).message,
      ).toBe("advanced-filter strings are limited to 512 characters, got 513");
    });

    it("refuse a key with an empty segment", () => {
      expect(only(filterProblems([{ key: "data.", operator: "IsNotNull" }])).path).toBe(
        "eventGrid.topics[0].subscriptions[0].filter.advanced[0].key",
      );
    });
  });

  describe("settings Event Grid has no counterpart for", () => {
    it("refuse a customer-managed key on a topic", () => {
      expect(only(problems({ topics: [{ name: "orders", customerManagedKey: true }] }))).toEqual({
        path: "eventGrid.topics[0].customerManagedKey",
        message:
          "a customer-managed key needs a service that offers one, and Event Grid encrypts with Microsoft-managed keys only (remove customerManagedKey); this Event Grid topic has none",
      });
    });

    it("refuse customerManagedKey: false on a topic, which states what Event Grid always does", () => {
      expect(only(problems({ topics: [{ name: "orders", customerManagedKey: false }] }))).toEqual({
        path: "eventGrid.topics[0].customerManagedKey",
        message:
          "customerManagedKey: false states what every Event Grid topic does (Event Grid encrypts with Microsoft-managed keys only); remove it",
      });
    });

    it("refuse trusted services on a namespace, whatever the value", () => {
      expect(
        only(problems({ namespaces: [{ name: "plant", trustedServicesAllowed: false }] })).message,
      ).toContain("IP rules with a trusted-services exception, which Event Grid does not have");
    });

    it("report a setting that does not apply at its key, where a list starts on the next line", () => {
      const found = checkText(
        [
          "name: test",
          "tier: development",
          "location: westeurope",
          "naming: { prefix: contoso }",
          "eventGrid:",
          "  topics:",
          "    - name: orders",
          "      receivers:",
          "        - app",
        ].join("\n"),
      );
      expect(found.map((d) => [d.path, d.line, d.column])).toEqual([["eventGrid.topics[0].receivers", 8, 7]]);
    });

    it("refuse receivers on a topic", () => {
      expect(only(problems({ topics: [{ name: "orders", receivers: ["orders-api"] }] })).path).toBe(
        "eventGrid.topics[0].receivers",
      );
    });

    it("refuse a local-auth setting on a namespace", () => {
      expect(only(problems({ namespaces: [{ name: "plant", localAuth: false }] })).message).toContain(
        "namespaces have no local-auth switch (remove localAuth)",
      );
    });

    it("refuse senders on a namespace, whose MQTT clients get access through permission bindings", () => {
      expect(only(problems({ namespaces: [{ name: "plant", senders: ["orders-api"] }] })).message).toContain(
        "mqtt.permissions",
      );
    });
  });

  describe("schemas and expiry", () => {
    it("refuse Event Grid schema delivery from a CloudEvents topic", () => {
      expect(only(subscriptionProblems({ deliverySchema: "EventGridSchema" }))).toEqual({
        path: "eventGrid.topics[0].subscriptions[0].deliverySchema",
        message:
          "deliverySchema EventGridSchema cannot be delivered from input schema CloudEventSchemaV1_0; use CloudEventSchemaV1_0",
      });
    });

    it("accept CloudEvents delivery from an Event Grid schema topic", () => {
      expect(subscriptionProblems({ deliverySchema: "CloudEventSchemaV1_0" }, "EventGridSchema")).toEqual([]);
    });

    it("refuse custom-schema delivery from a system topic", () => {
      const found = problems({
        systemTopics: [
          {
            name: "storage",
            source: {
              resourceId: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st",
            },
            topicType: "Microsoft.Storage.StorageAccounts",
            subscriptions: [{ name: "sub", destination: toWebhook, deliverySchema: "CustomInputSchema" }],
          },
        ],
      });
      expect(only(found).path).toBe("eventGrid.systemTopics[0].subscriptions[0].deliverySchema");
    });

    it("refuse an input mapping on a topic without the custom input schema", () => {
      expect(
        only(
          problems({
            topics: [{ name: "orders", inputSchema: "EventGridSchema", inputMapping: { subject: "path" } }],
          }),
        ),
      ).toEqual({
        path: "eventGrid.topics[0].inputMapping",
        message: expect.stringContaining("inputMapping applies only to inputSchema: CustomEventSchema"),
      });
    });

    it("accept an input mapping with the custom input schema", () => {
      expect(
        problems({
          topics: [{ name: "orders", inputSchema: "CustomEventSchema", inputMapping: { subject: "path" } }],
        }),
      ).toEqual([]);
    });

    it("refuse a subscription that has already expired", () => {
      expect(only(subscriptionProblems({ expiresOn: "2026-11-01" }))).toEqual({
        path: "eventGrid.topics[0].subscriptions[0].expiresOn",
        message:
          "expiresOn 2026-11-01 is not in the future (today is 2026-11-23); Azure refuses an already expired subscription",
      });
    });

    it("accept a subscription that expires in the future", () => {
      expect(subscriptionProblems({ expiresOn: "2027-01-31T12:00:00Z" })).toEqual([]);
    });
  });

  describe("MQTT broker", () => {
    const space = (templates: string[]): MqttSpec => ({ topicSpaces: [{ name: "telemetry", templates }] });

    it.each([
      ["plants/#/telemetry", "the # wildcard must be the whole last level"],
      ["plants/line#", "the # wildcard must be the whole last level"],
      ["plants/+line/telemetry", "the + wildcard must be a whole level"],
      ["devices/${device.id}", "unknown variable ${device.id}"],
      ["devices/${client.authenticationName", "unterminated variable"],
      ["$SYS/brokers", "must not start with $"],
      ["a/b/c/d/e/f/g/h/i", "has 9 levels; Azure allows at most 8"],
    ])("refuse the topic template %s", (template, message) => {
      expect(only(brokerProblems(space([template])))).toEqual({
        path: "eventGrid.namespaces[0].mqtt.topicSpaces[0].templates[0]",
        message: expect.stringContaining(message),
      });
    });

    it.each([
      "plants/+/telemetry/#",
      "devices/${client.authenticationName}/#",
      "sites/${client.attributes.site}/+",
      "#",
    ])("accept the topic template %s", (template) => {
      expect(brokerProblems(space([template]))).toEqual([]);
    });

    it("refuse more than 10 templates in a topic space", () => {
      expect(only(brokerProblems(space(Array.from({ length: 11 }, (_, i) => `t/${i}`)))).message).toBe(
        "a topic space holds at most 10 topic templates, got 11",
      );
    });

    it("refuse more than 10 topic spaces in a namespace", () => {
      const topicSpaces = Array.from({ length: 11 }, (_, i) => ({
        name: `space-${i}`,
        templates: [`t/${i}`],
      }));
      expect(only(brokerProblems({ topicSpaces })).path).toBe("eventGrid.namespaces[0].mqtt.topicSpaces");
    });

    it("refuse more than 10 client groups in a namespace", () => {
      const clientGroups = Array.from({ length: 11 }, (_, i) => ({
        name: `group-${i}`,
        query: `attributes.n = ${i}`,
      }));
      expect(only(brokerProblems({ clientGroups })).message).toBe(
        "a namespace holds at most 10 client groups, got 11",
      );
    });

    it("refuse more than 100 permission bindings in a namespace", () => {
      const permissions = Array.from({ length: 101 }, (_, i) => ({
        clientGroup: "g",
        topicSpace: `s${i}`,
        role: "publisher" as const,
      }));
      expect(only(brokerProblems({ permissions })).message).toBe(
        "a namespace holds at most 100 permission bindings, got 101",
      );
    });

    it.each([
      ["role = 'gateway'", "must test client attributes"],
      ["attributes.role = 'gateway", "unterminated string"],
      ["(attributes.role = 'gateway'", "unbalanced parentheses"],
    ])("refuse the client group query %s", (query, message) => {
      expect(only(brokerProblems({ clientGroups: [{ name: "gateways", query }] }))).toEqual({
        path: "eventGrid.namespaces[0].mqtt.clientGroups[0].query",
        message: expect.stringContaining(message),
      });
    });

    it("accept a query with IN and parentheses", () => {
      expect(
        brokerProblems({
          clientGroups: [
            { name: "gateways", query: "(attributes.role IN ['gateway', 'edge']) AND attributes.floor > 2" },
          ],
        }),
      ).toEqual([]);
    });

    it("refuse a client with neither a thumbprint nor a subject", () => {
      expect(only(brokerProblems({ clients: [{ name: "press-07" }] }))).toEqual({
        path: "eventGrid.namespaces[0].mqtt.clients[0]",
        message:
          "an MQTT client authenticates with a certificate: give certificateThumbprint or certificateSubject",
      });
    });

    it("refuse a client with both a thumbprint and a subject", () => {
      const client = {
        name: "press-07",
        certificateThumbprint: "a".repeat(40),
        certificateSubject: "CN=press-07",
      };
      expect(only(brokerProblems({ clients: [client] })).message).toContain("not both");
    });

    it("refuse a site gateway without a certificate", () => {
      const sites: SiteSpec[] = [{ name: "plant-munich", mqttClient: { namespace: "plant" } }];
      expect(only(problems({ namespaces: [{ name: "plant", mqtt: {} }] }, { sites })).path).toBe(
        "sites[0].mqttClient",
      );
    });
  });
});
