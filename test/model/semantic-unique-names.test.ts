import { checkUniqueNames } from "../../model/semantic/unique-names";
import { devHeader, diagnosticsOf, messagesOf } from "./helpers/semantic";

const serviceBus = (entities: string): string => `${devHeader}serviceBus:
  - name: orders
    sku: Standard
${entities}`;

describe("unique names", () => {
  it("reports a repeated queue at the repeat, naming the line of the first", () => {
    const [error] = diagnosticsOf(
      checkUniqueNames,
      serviceBus("    queues:\n      - name: payments\n      - name: payments\n"),
    );
    expect(error.path).toBe("serviceBus[0].queues[1].name");
    expect(error.line).toBe(14);
    expect(error.message).toContain("is already declared at line 13");
  });

  it("compares names without regard to case, as Azure does", () => {
    expect(
      messagesOf(
        checkUniqueNames,
        serviceBus("    queues:\n      - name: Payments\n      - name: payments\n"),
      ),
    ).toHaveLength(1);
  });

  it("allows the same subscription name under two topics", () => {
    const text = serviceBus(`    topics:
      - name: a
        subscriptions: [{ name: audit }]
      - name: b
        subscriptions: [{ name: audit }]
`);
    expect(messagesOf(checkUniqueNames, text)).toEqual([]);
  });

  it("reports two namespaces with one logical name once", () => {
    const text = `${devHeader}serviceBus:\n  - { name: orders, sku: Standard }\n  - { name: orders, sku: Standard }\n`;
    expect(messagesOf(checkUniqueNames, text)).toHaveLength(1);
  });
});

describe("unique names of the action group's receivers", () => {
  it("reports two webhooks whose names differ only in case, as Azure compares receiver names", () => {
    const text = `${devHeader}monitoring:
  webhooks:
    - { name: pager, url: "https://hooks.contoso.example/a" }
    - { name: Pager, url: "https://hooks.contoso.example/b" }
`;
    const [error, ...rest] = diagnosticsOf(checkUniqueNames, text);
    expect(rest).toEqual([]);
    expect(error.path).toBe("monitoring.webhooks[1].name");
    expect(error.message).toContain("webhook receiver");
  });

  it("accepts webhooks with names of their own", () => {
    const text = `${devHeader}monitoring:
  webhooks:
    - { name: pager, url: "https://hooks.contoso.example/a" }
    - { name: chat, url: "https://hooks.contoso.example/b" }
`;
    expect(messagesOf(checkUniqueNames, text)).toEqual([]);
  });
});
