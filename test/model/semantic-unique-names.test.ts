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
