import { synthesizedStack } from "./helpers/synthesized";

const file = "test/fixtures/valid/service-bus-references-in-another-case.yaml";

/** The queue of that name, and the address of the topic a reference in its body points at. */
function queueNamed(name: string): Record<string, unknown> {
  const queues = Object.values(synthesizedStack(file).resource.azurerm_servicebus_queue ?? {});
  const queue = queues.find((q) => q.name === name);
  if (!queue) throw new Error(`no queue ${name}`);
  return queue;
}

function topicAddress(name: string): string {
  const topics = Object.entries(synthesizedStack(file).resource.azurerm_servicebus_topic ?? {});
  const found = topics.find(([, t]) => t.name === name);
  if (!found) throw new Error(`no topic ${name}`);
  return `azurerm_servicebus_topic.${found[0]}`;
}

describe("forwarding to a Service Bus topic whose name has capitals", () => {
  // Topics were keyed by their declared name and references by the case-folded one, so a file
  // that validated crashed synthesis ("forwarding target ops/Audit ... was not built").
  it("reaches the topic, as written and in another letter case", () => {
    expect(queueNamed("audit-in")).toMatchObject({
      forward_to: `\${${topicAddress("Audit")}.name}`,
      forward_dead_lettered_messages_to: `\${${topicAddress("Audit")}.name}`,
    });
  });
});
