import type { CatalogEntry } from "../../model/connection-catalog";
import { renderCatalogMarkdown } from "../../policies/catalog/render-catalog";

const consumptionApp = (name: string, receives: string[], sends: string[]): CatalogEntry => ({
  name,
  kind: "logicApp",
  azureName: `logic-${name}`,
  endpoints: [],
  access: [],
  receives,
  sends,
});

describe("the connection catalog's Markdown", () => {
  // Two apps without endpoints shared the empty endpoint list, so the second read "as relay-a".
  it("gives each logic app without endpoints its own flows, never another's name", () => {
    const markdown = renderCatalogMarkdown({
      environment: "dev",
      entries: [
        consumptionApp("relay-a", ["orders/inbound"], ["orders/events"]),
        consumptionApp("relay-b", ["orders/payments"], []),
      ],
    });
    expect(markdown).toContain(
      "| relay-a | logic-relay-a | receives orders/inbound<br>sends orders/events |",
    );
    expect(markdown).toContain("| relay-b | logic-relay-b | receives orders/payments |");
    expect(markdown).not.toContain("as relay-a");
  });
});
