import type { AdvancedFilter } from "../../../constructs/event-grid/advanced-filter";
import {
  EventSubscription,
  type EventSubscriptionProps,
} from "../../../constructs/event-grid/event-subscription";
import { onlyResource, synth, topic } from "./synth";

const SUBSCRIPTION = "azurerm_eventgrid_event_subscription";

function subscription(
  overrides: Partial<Omit<EventSubscriptionProps, "source">> = {},
): Record<string, unknown> {
  const json = synth(
    (s) =>
      new EventSubscription(s, "sub", {
        name: "filtered",
        source: topic(s),
        destination: { kind: "webhook", url: "https://hooks.contoso.example/events" },
        ...overrides,
      }),
  );
  return onlyResource(json, SUBSCRIPTION);
}

function filtered(filter: AdvancedFilter): unknown {
  return subscription({ advancedFilters: [filter] }).advanced_filter;
}

const cases: readonly [AdvancedFilter, string, Record<string, unknown>][] = [
  [
    { key: "data.paid", operator: "BoolEquals", value: true },
    "bool_equals",
    { key: "data.paid", value: true },
  ],
  [{ key: "data.note", operator: "IsNotNull" }, "is_not_null", { key: "data.note" }],
  [{ key: "data.note", operator: "IsNullOrUndefined" }, "is_null_or_undefined", { key: "data.note" }],
  [
    { key: "data.amount", operator: "NumberGreaterThan", value: 0 },
    "number_greater_than",
    { key: "data.amount", value: 0 },
  ],
  [
    { key: "data.amount", operator: "NumberGreaterThanOrEquals", value: 1 },
    "number_greater_than_or_equals",
    { key: "data.amount", value: 1 },
  ],
  [
    { key: "data.amount", operator: "NumberLessThan", value: 100 },
    "number_less_than",
    { key: "data.amount", value: 100 },
  ],
  [
    { key: "data.amount", operator: "NumberLessThanOrEquals", value: 99 },
    "number_less_than_or_equals",
    { key: "data.amount", value: 99 },
  ],
  [
    { key: "data.priority", operator: "NumberIn", values: [1, 2] },
    "number_in",
    { key: "data.priority", values: [1, 2] },
  ],
  [
    { key: "data.priority", operator: "NumberNotIn", values: [3] },
    "number_not_in",
    { key: "data.priority", values: [3] },
  ],
  [
    {
      key: "data.amount",
      operator: "NumberInRange",
      ranges: [
        [0, 10],
        [20, 30],
      ],
    },
    "number_in_range",
    {
      key: "data.amount",
      values: [
        [0, 10],
        [20, 30],
      ],
    },
  ],
  [
    { key: "data.amount", operator: "NumberNotInRange", ranges: [[5, 6]] },
    "number_not_in_range",
    { key: "data.amount", values: [[5, 6]] },
  ],
  [
    { key: "subject", operator: "StringBeginsWith", values: ["/orders/"] },
    "string_begins_with",
    { key: "subject", values: ["/orders/"] },
  ],
  [
    { key: "subject", operator: "StringNotBeginsWith", values: ["/test/"] },
    "string_not_begins_with",
    { key: "subject", values: ["/test/"] },
  ],
  [
    { key: "subject", operator: "StringEndsWith", values: [".json"] },
    "string_ends_with",
    { key: "subject", values: [".json"] },
  ],
  [
    { key: "subject", operator: "StringNotEndsWith", values: [".tmp"] },
    "string_not_ends_with",
    { key: "subject", values: [".tmp"] },
  ],
  [
    { key: "data.region", operator: "StringContains", values: ["eu"] },
    "string_contains",
    { key: "data.region", values: ["eu"] },
  ],
  [
    { key: "data.region", operator: "StringNotContains", values: ["us"] },
    "string_not_contains",
    { key: "data.region", values: ["us"] },
  ],
  [
    { key: "data.region", operator: "StringIn", values: ["EU", "UK"] },
    "string_in",
    { key: "data.region", values: ["EU", "UK"] },
  ],
  [
    { key: "data.region", operator: "StringNotIn", values: ["US"] },
    "string_not_in",
    { key: "data.region", values: ["US"] },
  ],
];

describe("EventSubscription filters", () => {
  it.each(cases.map(([filter, block, entry]) => [filter.operator, block, filter, entry] as const))(
    "writes %s as its own azurerm %s block",
    (_operator, block, filter, entry) => {
      expect(filtered(filter)).toEqual({ [block]: [entry] });
    },
  );

  it("groups several filters of one operator into one block", () => {
    expect(
      subscription({
        advancedFilters: [
          { key: "data.amount", operator: "NumberGreaterThan", value: 0 },
          { key: "data.count", operator: "NumberGreaterThan", value: 2 },
        ],
      }).advanced_filter,
    ).toEqual({
      number_greater_than: [
        { key: "data.amount", value: 0 },
        { key: "data.count", value: 2 },
      ],
    });
  });

  it("filters on event types", () => {
    expect(subscription({ includedEventTypes: ["com.contoso.order.created"] })).toMatchObject({
      included_event_types: ["com.contoso.order.created"],
    });
  });

  it("filters on the subject's beginning and end, case-sensitively when asked", () => {
    expect(
      subscription({ subjectBeginsWith: "/orders/", subjectEndsWith: ".json", subjectCaseSensitive: true }),
    ).toMatchObject({
      subject_filter: { subject_begins_with: "/orders/", subject_ends_with: ".json", case_sensitive: true },
    });
  });

  it("evaluates advanced filters against arrays when asked", () => {
    expect(subscription({ advancedFilteringOnArrays: true })).toMatchObject({
      advanced_filtering_on_arrays_enabled: true,
    });
  });

  it("leaves filtering out entirely when none is given", () => {
    const plain = subscription();
    expect(plain).not.toHaveProperty("advanced_filter");
    expect(plain).not.toHaveProperty("subject_filter");
    expect(plain).not.toHaveProperty("included_event_types");
  });

  it("refuses more than 25 advanced filters", () => {
    const filters: AdvancedFilter[] = Array.from({ length: 26 }, (_, i) => ({
      key: `data.f${i}`,
      operator: "IsNotNull",
    }));
    expect(() => subscription({ advancedFilters: filters })).toThrow(
      "at most 25 filters per subscription, got 26",
    );
  });

  it("refuses more than 25 filter values across all filters", () => {
    const values = Array.from({ length: 13 }, (_, i) => `v${i}`);
    expect(() =>
      subscription({
        advancedFilters: [
          { key: "data.a", operator: "StringIn", values },
          { key: "data.b", operator: "StringIn", values },
        ],
      }),
    ).toThrow("at most 25 values across all filters, got 26");
  });

  it("refuses a range whose low end exceeds its high end", () => {
    expect(() => filtered({ key: "data.amount", operator: "NumberInRange", ranges: [[10, 1]] })).toThrow(
      "got [10, 1]",
    );
  });

  it("refuses string values longer than 512 characters", () => {
    expect(() =>
      filtered({ key: "data.text", operator: "StringContains", values: ["x".repeat(513)] }),
    ).toThrow("limited to 512 characters, got 513");
  });

  it("refuses a key with an empty path segment", () => {
    expect(() => filtered({ key: "data..amount", operator: "IsNotNull" })).toThrow('got "data..amount"');
  });
});
