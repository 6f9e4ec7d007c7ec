import { checkForwarding } from "../../model/semantic/forwarding";
import { devHeader, diagnosticsOf, messagesOf } from "./helpers/semantic";

const namespace = (entities: string): string => `${devHeader}serviceBus:
  - name: orders
    sku: Standard
${entities}`;

describe("auto-forwarding", () => {
  it("calls a queue forwarding to itself a cycle", () => {
    const text = namespace("    queues:\n      - { name: loop, forwardTo: orders/loop }\n");
    expect(messagesOf(checkForwarding, text)).toEqual([
      expect.stringContaining("forwarding cycle orders/loop → orders/loop"),
    ]);
  });

  it("follows a cycle through a topic's subscription", () => {
    const text = namespace(`    queues:
      - { name: inbound, forwardTo: orders/events }
    topics:
      - name: events
        subscriptions: [{ name: back, forwardTo: orders/inbound }]
`);
    expect(messagesOf(checkForwarding, text)[0]).toContain("orders/inbound → orders/events → orders/inbound");
  });

  it("accepts two paths that meet without looping", () => {
    const text = namespace(`    queues:
      - { name: a, forwardTo: orders/c }
      - { name: b, forwardTo: orders/c }
      - { name: c }
`);
    expect(messagesOf(checkForwarding, text)).toEqual([]);
  });

  it("refuses forwarding of dead-lettered messages to another namespace", () => {
    const text = `${namespace("    queues:\n      - { name: a, forwardDeadLetteredTo: billing/poison }\n")}  - name: billing
    sku: Standard
    queues: [{ name: poison }]
`;
    expect(messagesOf(checkForwarding, text)[0]).toContain(
      'is in Service Bus namespace "billing", but Azure auto-forwarding only works within one namespace ("orders")',
    );
  });

  it("names a namespace the file does not declare as undeclared, not as a forward across namespaces", () => {
    const text = namespace(
      "    queues:\n      - { name: a, forwardTo: Orders/poison }\n      - { name: poison }\n",
    );
    expect(messagesOf(checkForwarding, text)).toEqual([
      expect.stringContaining(
        'forwardTo "Orders/poison": Service Bus namespace "Orders" is not declared; did you mean "orders"?',
      ),
    ]);
  });

  it("shows the expected form of a reference without a namespace", () => {
    const text = namespace("    queues:\n      - { name: a, forwardTo: poison }\n      - { name: poison }\n");
    expect(messagesOf(checkForwarding, text)[0]).toContain(
      'forwardTo must be "<namespace>/<queue or topic>", e.g. "orders/a", got "poison"',
    );
  });

  it("resolves a reference that differs from the declared name only in case, as Azure does", () => {
    const text = namespace(
      "    queues:\n      - { name: a, forwardTo: orders/Audit-Log }\n      - { name: audit-log }\n",
    );
    expect(messagesOf(checkForwarding, text)).toEqual([]);
  });

  it("calls a queue forwarding to itself in another letter case a cycle", () => {
    const text = namespace("    queues:\n      - { name: loop, forwardTo: orders/LOOP }\n");
    expect(messagesOf(checkForwarding, text)).toEqual([
      expect.stringContaining("forwarding cycle orders/loop → orders/loop: messages would circle"),
    ]);
  });

  it("refuses a queue forwarding its dead letters to itself through a reference in another case", () => {
    const text = `${devHeader}serviceBus:
  - name: ops
    sku: Standard
    queues:
      - { name: Orders, forwardDeadLetteredTo: ops/orders }
`;
    expect(diagnosticsOf(checkForwarding, text)).toEqual([
      expect.objectContaining({
        path: "serviceBus[0].queues[0].forwardDeadLetteredTo",
        line: 13,
        message:
          "forwarding cycle ops/Orders → ops/Orders (dead letters included): Azure forwards only to an entity that already exists, so a queue cannot forward to itself; forward its dead letters to another queue or topic",
      }),
    ]);
  });

  it("refuses queues that forward to each other through dead letters", () => {
    const text = namespace(`    queues:
      - { name: a, forwardTo: orders/b }
      - { name: b, forwardDeadLetteredTo: orders/a }
`);
    expect(messagesOf(checkForwarding, text)).toEqual([
      expect.stringContaining(
        "forwarding cycle orders/a → orders/b → orders/a (dead letters included): Azure forwards only to an entity that already exists, so none of these queues could be created first",
      ),
    ]);
  });

  it("accepts a subscription whose dead letters return to its own topic", () => {
    const text = namespace(`    topics:
      - name: events
        subscriptions: [{ name: retry, forwardDeadLetteredTo: orders/events }]
`);
    expect(messagesOf(checkForwarding, text)).toEqual([]);
  });

  it("accepts dead letters that reach a topic whose subscription forwards back", () => {
    const text = namespace(`    queues:
      - { name: work, forwardDeadLetteredTo: orders/retries }
    topics:
      - name: retries
        subscriptions: [{ name: again, forwardTo: orders/work }]
`);
    expect(messagesOf(checkForwarding, text)).toEqual([]);
  });

  it("refuses a forwarding chain of more than four hops", () => {
    const queues = ["a", "b", "c", "d", "e"]
      .map((q, i, all) => `      - { name: ${q}, forwardTo: orders/${all[i + 1] ?? "f"} }`)
      .join("\n");
    expect(messagesOf(checkForwarding, namespace(`    queues:\n${queues}\n      - { name: f }\n`))).toEqual([
      "forwarding chain a → b → c → d → e → f has 5 hops; Azure dead-letters messages after 4: forward straight to a later entity",
    ]);
  });

  it("counts a hop through a topic's subscription and accepts four hops", () => {
    const text = namespace(`    queues:
      - { name: a, forwardTo: orders/t }
      - { name: b, forwardTo: orders/c }
      - { name: c, forwardTo: orders/d }
      - { name: d }
    topics:
      - name: t
        subscriptions:
          - { name: s, forwardTo: orders/b }
`);
    expect(messagesOf(checkForwarding, text)).toEqual([]);
  });

  it("counts hops through references in another letter case", () => {
    const queues = ["a", "b", "c", "d", "e"]
      .map((q, i, all) => `      - { name: ${q}, forwardTo: orders/${(all[i + 1] ?? "f").toUpperCase()} }`)
      .join("\n");
    expect(messagesOf(checkForwarding, namespace(`    queues:\n${queues}\n      - { name: f }\n`))).toEqual([
      "forwarding chain a → b → c → d → e → f has 5 hops; Azure dead-letters messages after 4: forward straight to a later entity",
    ]);
  });
});
