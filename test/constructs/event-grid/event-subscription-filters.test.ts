import type { AdvancedFilter } from "../../../constructs/event-grid/advanced-filter";
import {
  onlyResource,
  synth,
  validationErrors,
  webhookSubscription,
  type SubscriptionOverrides,
} from "./synth";

const SUBSCRIPTION = "azurerm_eventgrid_event_subscription";

function subscription(overrides: SubscriptionOverrides = {}): Record<string, unknown> {
  return onlyResource(
    synth((s) => webhookSubscription(s, "filtered", overrides)),
    SUBSCRIPTION,
  );
}

function filtered(filter: AdvancedFilter): unknown {
  return subscription({ filter: { advanced: [filter] } }).advanced_filter;
}

function errors(advanced: readonly AdvancedFilter[]): string[] {
  return validationErrors((s) => webhookSubscription(s, "filtered", { filter: { advanced } }));
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
      values: [
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
    { key: "data.amount", operator: "NumberNotInRange", values: [[5, 6]] },
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
        filter: {
          advanced: [
            { key: "data.amount", operator: "NumberGreaterThan", value: 0 },
            { key: "data.count", operator: "NumberGreaterThan", value: 2 },
          ],
        },
      }).advanced_filter,
    ).toEqual({
      number_greater_than: [
        { key: "data.amount", value: 0 },
        { key: "data.count", value: 2 },
      ],
    });
  });

  it("filters on event types", () => {
    expect(subscription({ filter: { includedEventTypes: ["com.contoso.order.created"] } })).toMatchObject({
      included_event_types: ["com.contoso.order.created"],
    });
  });

  it("filters on the subject's beginning and end, case-sensitively when asked", () => {
    expect(
      subscription({
        filter: { subjectBeginsWith: "/orders/", subjectEndsWith: ".json", caseSensitive: true },
      }),
    ).toMatchObject({
      subject_filter: { subject_begins_with: "/orders/", subject_ends_with: ".json", case_sensitive: true },
    });
  });

  it("evaluates advanced filters against arrays when asked", () => {
    expect(subscription({ filter: { advancedFilteringOnArrays: true } })).toMatchObject({
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
    expect(errors(filters)).toEqual([
      "Event subscription filtered: filter/advanced: Azure allows at most 25 advanced filters per subscription, got 26",
    ]);
  });

  it("refuses more than 25 filter values across all filters", () => {
    const values = Array.from({ length: 13 }, (_, i) => `v${i}`);
    expect(
      errors([
        { key: "data.a", operator: "StringIn", values },
        { key: "data.b", operator: "StringIn", values },
      ]),
    ).toEqual([
      "Event subscription filtered: filter/advanced: Azure allows at most 25 advanced-filter values per subscription (across all filters), got 26; split the subscription or use fewer values",
    ]);
  });

  it("refuses a range whose low end exceeds its high end", () => {
    expect(errors([{ key: "data.amount", operator: "NumberInRange", values: [[10, 1]] }])).toEqual([
      "Event subscription filtered: filter/advanced/0/values/0: range [10, 1] has its low end above its high end",
    ]);
  });

  it("refuses string values longer than 512 characters", () => {
    expect(errors([{ key: "data.text", operator: "StringContains", values: ["x".repeat(513)] }])).toEqual([
      "Event subscription filtered: filter/advanced/0/values/0: advanced-filter strings are limited to 512 characters, got 513",
    ]);
  });

  it("refuses a list operator without values", () => {
    expect(errors([{ key: "data.region", operator: "StringIn", values: [] }])).toEqual([
      "Event subscription filtered: filter/advanced/0/values: StringIn needs at least one value",
    ]);
  });

  it("refuses a key with an empty path segment", () => {
    expect(errors([{ key: "data..amount", operator: "IsNotNull" }])).toEqual([
      'Event subscription filtered: filter/advanced/0/key: advanced filter key must be a field or dotted path such as data.amount, got "data..amount"',
    ]);
  });
});
