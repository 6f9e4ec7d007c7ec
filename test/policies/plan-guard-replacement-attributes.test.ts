import type { JsonObject, ResourceChange } from "../../policies/plan-guard/plan-format";
import { formatPath, forcingAttributes } from "../../policies/plan-guard/replacement-attributes";

function replaced(
  type: string,
  before: JsonObject,
  after: JsonObject,
  afterUnknown: JsonObject = {},
): ResourceChange {
  return {
    address: `${type}.example`,
    mode: "managed",
    type,
    name: "example",
    change: { actions: ["delete", "create"], before, after, afterUnknown, replacePaths: [] },
  };
}

describe("forcingAttributes", () => {
  it("blames a parent ID that becomes known only after apply, as when the namespace is replaced too", () => {
    const queue = replaced(
      "azurerm_servicebus_queue",
      {
        name: "orders",
        namespace_id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/a",
      },
      { name: "orders" },
      { namespace_id: true },
    );
    expect(forcingAttributes(queue)).toEqual({
      source: "force-new-attributes",
      attributes: ["namespace_id"],
    });
  });

  it("lists the changed attributes when none is known to force a replacement", () => {
    const rule = replaced(
      "azurerm_servicebus_subscription_rule",
      { name: "r", sql_filter: "a = 1" },
      { name: "r", sql_filter: "a = 2" },
    );
    expect(forcingAttributes(rule)).toEqual({ source: "changed-attributes", attributes: ["sql_filter"] });
  });

  it("leaves out computed attributes that every replacement makes unknown", () => {
    const rule = replaced(
      "azurerm_servicebus_subscription_rule",
      { id: "x", name: "r" },
      { name: "r" },
      { id: true },
    );
    expect(forcingAttributes(rule)).toEqual({ source: "none", attributes: [] });
  });
});

describe("formatPath", () => {
  it("writes list indexes in brackets and keys with dots", () => {
    expect(formatPath(["capture_description", 0, "destination", 0, "name"])).toBe(
      "capture_description[0].destination[0].name",
    );
  });
});
