/**
 * Azure Event Grid's facts about event subscriptions: delivery schemas, retry, batching, storage
 * queue delivery and advanced filters. Sources, cited with each fact:
 *
 * - [filtering] "Understand event filtering for Event Grid subscriptions": the operators and the
 *   values each takes, and ("Limitations") 25 advanced filters and 25 filter values across all
 *   filters of one subscription, 512 characters per string value;
 * - [schemas] "CloudEvents v1.0 schema with Azure Event Grid", input to output event schema table;
 * - [retry] "Event Grid message delivery and retry": 1 to 30 attempts and an event time-to-live of
 *   1 to 1,440 minutes, both defaulting to the maximum (azurerm `retry_policy`: IntBetween(1, 30),
 *   IntBetween(1, 1440));
 * - [batching] "Event Grid output batching": at most 5,000 events per batch and a preferred batch
 *   size of at most 1,024 kilobytes (azurerm `max_events_per_batch` IntBetween(1, 5000),
 *   `preferred_batch_size_in_kilobytes` IntBetween(1, 1024));
 * - [REST] StorageQueueEventSubscriptionDestinationProperties.queueMessageTimeToLiveInSeconds: "cannot
 *   be zero or negative with the exception of using -1 to indicate that the Time To Live of the
 *   message is Infinite".
 */
import type { InputSchema } from "./event-grid";
import { rangeProblems } from "./event-grid";
import { under, type Problem } from "./problem";

export type DeliverySchema = "CloudEventSchemaV1_0" | "EventGridSchema" | "CustomInputSchema";

/**
 * [schemas] The delivery schemas Azure accepts for each input schema: CloudEvents input is delivered
 * only as CloudEvents; Event Grid input as either standard schema; a custom input schema as itself
 * or either standard schema.
 */
export const deliverySchemasFor: Readonly<Record<InputSchema, readonly DeliverySchema[]>> = {
  CloudEventSchemaV1_0: ["CloudEventSchemaV1_0"],
  EventGridSchema: ["EventGridSchema", "CloudEventSchemaV1_0"],
  CustomEventSchema: ["CustomInputSchema", "EventGridSchema", "CloudEventSchemaV1_0"],
};

/** The schema a subscription delivers in when it names none: its source's input schema. */
export function defaultDeliverySchema(input: InputSchema): DeliverySchema {
  return input === "CustomEventSchema" ? "CustomInputSchema" : input;
}

/** [retry] Limits, which are also Azure's defaults. */
export const RetryLimits = { maxDeliveryAttempts: 30, maxEventTimeToLiveMinutes: 1440 } as const;

/** [batching] */
export const BatchLimits = { maxEventsPerBatch: 5000, maxPreferredBatchSizeKilobytes: 1024 } as const;

// ---------------------------------------------------------------- advanced filters

export type AdvancedFilterOperator =
  | "BoolEquals"
  | "IsNotNull"
  | "IsNullOrUndefined"
  | "NumberGreaterThan"
  | "NumberGreaterThanOrEquals"
  | "NumberLessThan"
  | "NumberLessThanOrEquals"
  | "NumberIn"
  | "NumberNotIn"
  | "NumberInRange"
  | "NumberNotInRange"
  | "StringBeginsWith"
  | "StringNotBeginsWith"
  | "StringEndsWith"
  | "StringNotEndsWith"
  | "StringContains"
  | "StringNotContains"
  | "StringIn"
  | "StringNotIn";

/** [filtering] "Limitations". */
export const AdvancedFilterLimits = {
  maxFilters: 25,
  maxValuesAcrossFilters: 25,
  maxStringValueLength: 512,
} as const;

/** What an operator compares with: nothing, one boolean or number, or a list. */
type FilterShape = "none" | "boolean" | "number" | "numbers" | "ranges" | "strings";

/** [filtering] The value each operator takes. */
const operatorShape: Readonly<Record<AdvancedFilterOperator, FilterShape>> = {
  BoolEquals: "boolean",
  IsNotNull: "none",
  IsNullOrUndefined: "none",
  NumberGreaterThan: "number",
  NumberGreaterThanOrEquals: "number",
  NumberLessThan: "number",
  NumberLessThanOrEquals: "number",
  NumberIn: "numbers",
  NumberNotIn: "numbers",
  NumberInRange: "ranges",
  NumberNotInRange: "ranges",
  StringBeginsWith: "strings",
  StringNotBeginsWith: "strings",
  StringEndsWith: "strings",
  StringNotEndsWith: "strings",
  StringContains: "strings",
  StringNotContains: "strings",
  StringIn: "strings",
  StringNotIn: "strings",
};

/** One advanced filter as the environment file writes it: `value` for one, `values` for a list. */
export interface AdvancedFilterInput {
  readonly key: string;
  readonly operator: AdvancedFilterOperator;
  readonly value?: string | number | boolean;
  readonly values?: readonly (string | number | readonly [number, number])[];
}

/** How many values a filter uses toward the per-subscription limit. */
export function filterValueCount(filter: AdvancedFilterInput): number {
  if (filter.values) return filter.values.length;
  return filter.value === undefined ? 0 : 1;
}

/** Every problem with a subscription's advanced filters; fields are relative to the list. */
export function advancedFilterProblems(filters: readonly AdvancedFilterInput[]): Problem[] {
  const problems: Problem[] = [];
  if (filters.length > AdvancedFilterLimits.maxFilters) {
    problems.push({
      field: "",
      message: `Azure allows at most ${AdvancedFilterLimits.maxFilters} advanced filters per subscription, got ${filters.length}`,
    });
  }
  const total = filters.reduce((sum, filter) => sum + filterValueCount(filter), 0);
  if (total > AdvancedFilterLimits.maxValuesAcrossFilters) {
    problems.push({
      field: "",
      message: `Azure allows at most ${AdvancedFilterLimits.maxValuesAcrossFilters} advanced-filter values per subscription (across all filters), got ${total}; split the subscription or use fewer values`,
    });
  }
  filters.forEach((filter, k) => problems.push(...under(String(k), filterProblems(filter))));
  return problems;
}

function filterProblems(filter: AdvancedFilterInput): Problem[] {
  const problems: Problem[] = [];
  if (filter.key.split(".").some((segment) => segment.trim() === "")) {
    problems.push({
      field: "key",
      message: `advanced filter key must be a field or dotted path such as data.amount, got "${filter.key}"`,
    });
  }
  const shape = operatorShape[filter.operator];
  const { value, values, operator: op } = filter;
  const list = (isItem: (item: unknown) => boolean): boolean =>
    value === undefined && values !== undefined && values.every(isItem);
  const wrong = (message: string): Problem[] => [...problems, { field: "", message }];
  switch (shape) {
    case "none":
      return value === undefined && values === undefined
        ? problems
        : wrong(`${op} takes no value; remove value/values`);
    case "boolean":
      return values === undefined && typeof value === "boolean"
        ? problems
        : wrong(`${op} takes one boolean value (value: true or false)`);
    case "number":
      return values === undefined && typeof value === "number"
        ? problems
        : wrong(`${op} takes one number (value: <number>)`);
    case "numbers":
      if (!list((v) => typeof v === "number"))
        return wrong(`${op} takes a list of numbers (values: [1, 2, ...])`);
      break;
    case "ranges":
      if (!list((v) => Array.isArray(v)))
        return wrong(`${op} takes a list of [low, high] ranges (values: [[0, 10], ...])`);
      (values ?? []).forEach((range, r) => {
        if (Array.isArray(range) && range[0] > range[1])
          problems.push({
            field: `values/${r}`,
            message: `range [${range[0]}, ${range[1]}] has its low end above its high end`,
          });
      });
      break;
    case "strings":
      if (!list((v) => typeof v === "string"))
        return wrong(`${op} takes a list of strings (values: ["a", ...])`);
      (values ?? []).forEach((v, r) => {
        if (typeof v === "string" && v.length > AdvancedFilterLimits.maxStringValueLength)
          problems.push({
            field: `values/${r}`,
            message: `advanced-filter strings are limited to ${AdvancedFilterLimits.maxStringValueLength} characters, got ${v.length}`,
          });
      });
      break;
  }
  if ((values ?? []).length === 0)
    problems.push({ field: "values", message: `${op} needs at least one value` });
  return problems;
}

// ---------------------------------------------------------------- destinations

/** A webhook's or an Azure Function's delivery settings; `url` for webhooks only. */
export interface PushDeliveryInput {
  readonly url?: string;
  readonly maxEventsPerBatch?: number;
  readonly preferredBatchSizeKilobytes?: number;
}

/** Webhooks take HTTPS only ("Receive events to an HTTP endpoint"); [batching] limits. */
export function pushDeliveryProblems(destination: PushDeliveryInput): Problem[] {
  const problems: Problem[] = [];
  if (destination.url !== undefined && !/^https:\/\/[^\s/]+/i.test(destination.url)) {
    problems.push({ field: "url", message: `webhook url must use https, got "${destination.url}"` });
  }
  problems.push(
    ...rangeProblems("maxEventsPerBatch", destination.maxEventsPerBatch, 1, BatchLimits.maxEventsPerBatch),
    ...rangeProblems(
      "preferredBatchSizeKilobytes",
      destination.preferredBatchSizeKilobytes,
      1,
      BatchLimits.maxPreferredBatchSizeKilobytes,
    ),
  );
  return problems;
}

/** [REST] A storage queue message lives a positive whole number of seconds, or -1 for ever. */
export function storageQueueDeliveryProblems(destination: {
  readonly messageTtlSeconds?: number;
}): Problem[] {
  const ttl = destination.messageTtlSeconds;
  if (ttl === undefined || ttl === -1 || (Number.isInteger(ttl) && ttl >= 1)) return [];
  return [
    {
      field: "messageTtlSeconds",
      message: `messageTtlSeconds must be a positive number of seconds or -1 (never expires), got ${ttl}`,
    },
  ];
}

/** A destination as the environment file writes it: one key per kind; entity references need no rule. */
export interface EventDestinationInput {
  readonly webhook?: PushDeliveryInput;
  readonly azureFunction?: PushDeliveryInput;
  readonly storageQueue?: { readonly messageTtlSeconds?: number };
}

export function eventDestinationProblems(destination: EventDestinationInput): Problem[] {
  return [
    ...(destination.webhook ? under("webhook", pushDeliveryProblems(destination.webhook)) : []),
    ...(destination.azureFunction
      ? under("azureFunction", pushDeliveryProblems(destination.azureFunction))
      : []),
    ...(destination.storageQueue
      ? under("storageQueue", storageQueueDeliveryProblems(destination.storageQueue))
      : []),
  ];
}

// ---------------------------------------------------------------- the subscription

/** The parts of a subscription the rules judge, as the environment file names them. */
export interface EventSubscriptionInput {
  readonly filter?: { readonly advanced?: readonly AdvancedFilterInput[] };
  readonly retry?: { readonly maxDeliveryAttempts?: number; readonly eventTimeToLiveMinutes?: number };
  readonly deliverySchema?: DeliverySchema;
  /** ISO-8601 date or date-time. */
  readonly expiresOn?: string;
}

/**
 * Every problem with a subscription of a source publishing `inputSchema`. `today`, when given,
 * refuses an expiry that has passed (Azure refuses an already expired subscription).
 */
export function eventSubscriptionProblems(
  subscription: EventSubscriptionInput,
  inputSchema: InputSchema,
  today?: Date,
): Problem[] {
  const { retry, deliverySchema, expiresOn } = subscription;
  const problems = [
    ...under("filter/advanced", advancedFilterProblems(subscription.filter?.advanced ?? [])),
    ...under(
      "retry",
      rangeProblems("maxDeliveryAttempts", retry?.maxDeliveryAttempts, 1, RetryLimits.maxDeliveryAttempts),
    ),
    ...under(
      "retry",
      rangeProblems(
        "eventTimeToLiveMinutes",
        retry?.eventTimeToLiveMinutes,
        1,
        RetryLimits.maxEventTimeToLiveMinutes,
      ),
    ),
  ];
  const allowed = deliverySchemasFor[inputSchema];
  if (deliverySchema !== undefined && !allowed.includes(deliverySchema)) {
    problems.push({
      field: "deliverySchema",
      message: `deliverySchema ${deliverySchema} cannot be delivered from input schema ${inputSchema}; use ${allowed.join(" or ")}`,
    });
  }
  if (expiresOn !== undefined) {
    const expires = Date.parse(expiresOn);
    if (Number.isNaN(expires)) {
      problems.push({
        field: "expiresOn",
        message: `expiresOn must be an ISO-8601 date or date-time, got "${expiresOn}"`,
      });
    } else if (today !== undefined && expires <= today.getTime()) {
      problems.push({
        field: "expiresOn",
        message: `expiresOn ${expiresOn} is not in the future (today is ${today.toISOString().slice(0, 10)}); Azure refuses an already expired subscription`,
      });
    }
  }
  return problems;
}
