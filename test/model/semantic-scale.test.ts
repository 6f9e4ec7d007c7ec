import { resolveEnvironment } from "../../model/resolve";
import { checkSemantics } from "../../model/semantic";
import { documentFromText, specOf, testToday } from "./helpers/document";

/** 10 namespaces × (250 queues + 50 topics × 4 subscriptions) plus 50 × 10 hubs: 5,500 entities. */
function largeEnvironment(): string {
  const lines = [
    "name: bench",
    "tier: development",
    "location: westeurope",
    "naming:",
    "  prefix: contoso",
    "principals:",
  ];
  for (let p = 0; p < 50; p++)
    lines.push(
      `  app-${p}: { objectId: 11111111-1111-1111-1111-${String(p).padStart(12, "0")}, type: ServicePrincipal }`,
    );
  lines.push("serviceBus:");
  for (let n = 0; n < 10; n++) {
    lines.push(`  - name: ns${n}`, "    sku: Standard", "    queues:");
    for (let q = 0; q < 250; q++) {
      const forward = q % 2 === 0 ? `, forwardTo: ns${n}/queue-${q + 1}` : "";
      lines.push(
        `      - { name: queue-${q}, senders: [app-${q % 50}], receivers: [app-${(q + 1) % 50}]${forward} }`,
      );
    }
    lines.push("    topics:");
    for (let t = 0; t < 50; t++) {
      lines.push(`      - name: topic-${t}`, "        subscriptions:");
      for (let s = 0; s < 4; s++)
        lines.push(`          - { name: sub-${s}, forwardTo: ns${n}/queue-${s}, receivers: [app-${s}] }`);
    }
  }
  lines.push("eventHubs:");
  for (let n = 0; n < 50; n++) {
    lines.push(`  - name: hubs${n}`, "    sku: Standard", "    hubs:");
    for (let h = 0; h < 10; h++) lines.push(`      - { name: hub-${h}, consumerGroups: [a, b] }`);
  }
  return `${lines.join("\n")}\n`;
}

// Its speed is a target of `npm run bench` (validate 5,000 entities in under a second), not of this test.
describe("validation at scale", () => {
  it("accepts and resolves 5,000 valid entities without a false error", () => {
    const doc = documentFromText(largeEnvironment());
    const spec = specOf(doc);
    const errors = checkSemantics(doc, spec, { today: testToday });
    const model = resolveEnvironment(doc, spec);
    expect(errors).toEqual([]);
    expect(model.serviceBus.flatMap((ns) => ns.queues)).toHaveLength(2500);
  });
});
