import { azureNameProblems } from "./name-rule";
import type { Problem } from "./problem";
import {
  allowsStreamingUnits,
  compatibilityLevels,
  parquetOutputs,
  streamAnalyticsDelayLimits,
  streamAnalyticsNameRules,
  streamingUnitName,
  streamingUnitSteps,
  trustedServiceAccess,
  type StreamAnalyticsOutputKind,
  type StreamAnalyticsReachedService,
  type StreamAnalyticsSku,
  type StreamingUnits,
} from "./stream-analytics";
import { defaultOutputName, type QueryAnalysis, type QueryName } from "./stream-analytics-query";

/*
 * Every Stream Analytics rule, once: a job's SKU, units, settings and aliases; what its query reads
 * and writes against what it declares; whether it can reach what it reads and writes; IoT Hub
 * inputs; consumer groups. Each takes a plain object whose field names are the environment file's
 * (the construct's props use the same names) and returns every problem, with the field relative to
 * the job. The semantic check reports them at the file's line, the construct at synthesis. Facts
 * and their sources are in `stream-analytics.ts`.
 */

/** An input as the rules see it: its alias and what it reads. */
export interface StreamAnalyticsInputOf {
  readonly alias: string;
  readonly eventHub?: unknown;
  readonly iotHub?: unknown;
  readonly serialization?: string;
}

/** An output as the rules see it: its alias and where it writes. */
export interface StreamAnalyticsOutputOf {
  readonly alias: string;
  readonly serviceBusQueue?: unknown;
  readonly serviceBusTopic?: unknown;
  readonly eventHub?: unknown;
  readonly blob?: unknown;
  readonly serialization?: string;
}

/** A job, with the file's field names. */
export interface StreamAnalyticsJobOf {
  readonly sku: StreamAnalyticsSku;
  readonly streamingUnits?: StreamingUnits;
  readonly compatibilityLevel?: string;
  readonly eventsOutOfOrderMaxDelaySeconds?: number;
  readonly lateArrivalMaxDelaySeconds?: number;
  readonly inputs?: readonly StreamAnalyticsInputOf[];
  readonly outputs?: readonly StreamAnalyticsOutputOf[];
}

/** Which kind of output the entry declares (the first of its target fields that is set). */
export function outputKindOf(output: StreamAnalyticsOutputOf): StreamAnalyticsOutputKind | undefined {
  const kinds: readonly StreamAnalyticsOutputKind[] = [
    "serviceBusQueue",
    "serviceBusTopic",
    "eventHub",
    "blob",
  ];
  return kinds.find((kind) => output[kind] !== undefined);
}

function rangeProblems(job: StreamAnalyticsJobOf): Problem[] {
  const problems: Problem[] = [];
  for (const field of ["eventsOutOfOrderMaxDelaySeconds", "lateArrivalMaxDelaySeconds"] as const) {
    const value = job[field];
    const { min, max } = streamAnalyticsDelayLimits[field];
    if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
      problems.push({
        field,
        message: `${field} must be a whole number of seconds from ${min} to ${max}, got ${value}`,
      });
    }
  }
  return problems;
}

function aliasProblems(job: StreamAnalyticsJobOf): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const entries = [
    ...(job.inputs ?? []).map((input, i) => ({ alias: input.alias, field: `inputs/${i}`, what: "input" })),
    ...(job.outputs ?? []).map((output, i) => ({
      alias: output.alias,
      field: `outputs/${i}`,
      what: "output",
    })),
  ];
  for (const { alias, field, what } of entries) {
    if (alias === undefined) continue;
    problems.push(...azureNameProblems(streamAnalyticsNameRules.alias, alias, `${field}/alias`));
    // The query names inputs, outputs and steps alike, without regard to case.
    const key = alias.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        field: `${field}/alias`,
        message: `${what} alias "${alias}" is already the alias of ${earlier}: the query could not tell them apart; give each its own alias`,
      });
    } else seen.set(key, `${what} ${field.split("/")[1]}`);
  }
  return problems;
}

function serializationProblems(job: StreamAnalyticsJobOf): Problem[] {
  return (job.outputs ?? []).flatMap((output, i) => {
    const kind = outputKindOf(output);
    if (output.serialization !== "Parquet" || kind === undefined || parquetOutputs.includes(kind)) return [];
    return [
      {
        field: `outputs/${i}/serialization`,
        message: `Parquet is written only to blob outputs; this ${kind} output takes Json, Csv or Avro`,
      },
    ];
  });
}

/** A job's SKU, streaming units, settings, aliases and serializations. */
export function streamAnalyticsJobProblems(job: StreamAnalyticsJobOf): Problem[] {
  const problems: Problem[] = [];
  if (job.streamingUnits !== undefined && !allowsStreamingUnits(job.sku, job.streamingUnits)) {
    const steps = streamingUnitSteps[job.sku].join(", ");
    problems.push({
      field: "streamingUnits",
      message: `streamingUnits must be one of ${steps} (${streamingUnitName[job.sku]}s, the ${job.sku} SKU's unit), got ${JSON.stringify(job.streamingUnits)}`,
    });
  }
  const level = job.compatibilityLevel;
  if (level !== undefined && !(compatibilityLevels as readonly string[]).includes(level)) {
    problems.push({
      field: "compatibilityLevel",
      message: `compatibilityLevel must be one of ${compatibilityLevels.join(", ")}, got ${JSON.stringify(level)}`,
    });
  }
  return [...problems, ...rangeProblems(job), ...aliasProblems(job), ...serializationProblems(job)];
}

function listed(names: readonly string[]): string {
  return names.length === 0 ? "none" : names.join(", ");
}

function where(file: string, use: QueryName): string {
  return `${file} line ${use.line}, column ${use.column}`;
}

/**
 * What the query reads and writes against what the job declares: every name in `FROM` or `JOIN`
 * that is not a step is a declared input, every `INTO` target a declared output, and every
 * declared input and output is used. Names compare without regard to case, as the query language
 * does. Problems with the query text are the `query` field's, each naming its line in `queryFile`.
 */
export function streamAnalyticsQueryProblems(
  analysis: QueryAnalysis,
  job: Pick<StreamAnalyticsJobOf, "inputs" | "outputs">,
  queryFile: string,
): Problem[] {
  const inputs = (job.inputs ?? []).map((input) => input.alias);
  const outputs = (job.outputs ?? []).map((output) => output.alias);
  const has = (names: readonly string[], name: string): boolean =>
    names.some((candidate) => candidate.toLowerCase() === name.toLowerCase());
  const problems: Problem[] = analysis.problems.map((p) => ({
    field: "query",
    message: `${queryFile} line ${p.line}, column ${p.column}: ${p.message}`,
  }));
  for (const use of analysis.inputs) {
    if (has(inputs, use.name)) continue;
    problems.push({
      field: "query",
      message: `${where(queryFile, use)}: FROM or JOIN reads "${use.name}", which is neither an input of the job nor a WITH step; declared inputs: ${listed(inputs)}`,
    });
  }
  for (const use of analysis.outputs) {
    if (has(outputs, use.name)) continue;
    problems.push({
      field: "query",
      message: use.implicit
        ? `${where(queryFile, use)}: this SELECT has no INTO, so it writes to an output named "${defaultOutputName}", which the job does not declare; add INTO [<alias>] with one of: ${listed(outputs)}`
        : `${where(queryFile, use)}: INTO writes to "${use.name}", which is not an output of the job; declared outputs: ${listed(outputs)}`,
    });
  }
  const read = analysis.inputs.map((use) => use.name);
  const written = analysis.outputs.map((use) => use.name);
  (job.inputs ?? []).forEach((input, i) => {
    if (has(read, input.alias)) return;
    problems.push({
      field: `inputs/${i}/alias`,
      message: `input "${input.alias}" is never read by the query (${queryFile}): read it in FROM or JOIN, or remove the input`,
    });
  });
  (job.outputs ?? []).forEach((output, i) => {
    if (has(written, output.alias)) return;
    problems.push({
      field: `outputs/${i}/alias`,
      message: `output "${output.alias}" is never written by the query (${queryFile}): write it with INTO [${output.alias}], or remove the output`,
    });
  });
  return problems;
}

/** The network state of what an input or output reaches, as its settings resolve. */
export interface ReachedResource {
  /** The field of the job that names it (`inputs/0/eventHub`). */
  readonly field: string;
  readonly direction: "input" | "output";
  readonly service: StreamAnalyticsReachedService;
  /** How messages name the namespace or account (`eventHubs/telemetry`). */
  readonly resource: string;
  readonly publicNetworkAccess: boolean;
  readonly allowedIpRanges: number;
  /** Whether the resource lets trusted Microsoft services through (its effective setting). */
  readonly trustedServicesAllowed: boolean;
  /** Whether its SKU has the trusted-services exception at all. */
  readonly trustedServicesOffered: boolean;
  /** Whether the input or output authenticates with the job's managed identity. */
  readonly managedIdentity: boolean;
}

/**
 * Whether the job can reach what it reads and writes. A public endpoint with no IP rules admits
 * it; behind IP rules or a closed endpoint only the trusted-services exception does, where the
 * service grants it to Stream Analytics for that direction, with the managed identity. Anything
 * else would need a Stream Analytics cluster with managed private endpoints, which an environment
 * file does not declare, so it is refused with what to change.
 */
export function streamAnalyticsReachProblems(reached: readonly ReachedResource[]): Problem[] {
  const problems: Problem[] = [];
  for (const r of reached) {
    if (r.publicNetworkAccess && r.allowedIpRanges === 0) continue;
    const access = trustedServiceAccess[r.service];
    const closed = r.publicNetworkAccess
      ? `its firewall admits only ${r.allowedIpRanges} IP range(s), and Stream Analytics runs from addresses no IP rule can name`
      : "its public endpoint is closed";
    if (!access[r.direction]) {
      problems.push({
        field: r.field,
        message: `the job cannot reach ${r.resource}: ${closed}, and ${r.service === "iotHub" ? "IoT Hub" : r.service} does not let Stream Analytics through as a trusted service for an ${r.direction} (${access.source}); open its public endpoint without IP rules, or read it through an event hub`,
      });
      continue;
    }
    if (!r.managedIdentity) {
      problems.push({
        field: r.field,
        message: `the job cannot reach ${r.resource}: ${closed}, and only an ${r.direction} that authenticates with the job's managed identity gets through as a trusted service (${access.source})`,
      });
      continue;
    }
    if (!r.trustedServicesOffered) {
      problems.push({
        field: r.field,
        message: `the job cannot reach ${r.resource}: ${closed}, and its SKU has no trusted-services exception; choose a SKU that has one, or open its public endpoint without IP rules`,
      });
      continue;
    }
    if (!r.trustedServicesAllowed) {
      problems.push({
        field: r.field,
        message: `the job cannot reach ${r.resource}: ${closed} and it does not let trusted Microsoft services through; set trustedServicesAllowed: true on ${r.resource} (${access.source})`,
      });
    }
  }
  return problems;
}

/** An IoT Hub input, with what decides whether the job may use it. */
export interface IotHubInputOf {
  /** The hub's reference, for messages (`iotHub/plants`). */
  readonly hub: string;
  /** Whether the tier requires every input and output to authenticate with the managed identity. */
  readonly managedIdentityOnly: boolean;
  readonly tier: string;
  /** The hub's effective `localAuth`: shared access policies work only with it on. */
  readonly hubLocalAuth: boolean;
  readonly hubLocalAuthStated: boolean;
}

/**
 * azurerm's IoT Hub input takes a shared access policy key and no managed identity ([azurerm]),
 * so where the tier allows only managed identities it is refused, with the way that needs none:
 * route the hub's messages to an event hub and read that. Elsewhere the hub must accept shared
 * access policies.
 */
export function iotHubInputProblems(input: IotHubInputOf): Problem[] {
  if (input.managedIdentityOnly) {
    return [
      {
        field: "iotHub",
        message: `an IoT Hub input cannot authenticate with the job's managed identity (azurerm's input takes only a shared access key), and the ${input.tier} tier allows none: route ${input.hub}'s messages to an event hub (iotHub routes: to: { eventHub: <namespace>/<hub> }) and read that event hub instead`,
      },
    ];
  }
  if (input.hubLocalAuth) return [];
  const why = input.hubLocalAuthStated
    ? "localAuth: false"
    : `localAuth off (the ${input.tier} tier's default)`;
  return [
    {
      field: "iotHub",
      message: `an IoT Hub input authenticates with a shared access policy, but ${input.hub} has ${why}: set localAuth: true on the hub, or route its messages to an event hub and read that instead`,
    },
  ];
}

/** An Event Hubs input's consumer group, with what the hub declares and who else reads it. */
export interface ConsumerGroupUseOf {
  readonly consumerGroup: string;
  /** The hub's reference, for messages (`telemetry/device-telemetry`). */
  readonly hub: string;
  /** The consumer groups the hub declares (`$Default` always exists). */
  readonly hubConsumerGroups: readonly string[];
  /** The other inputs that read the same group: `<job>/<alias>`. */
  readonly otherReaders: readonly string[];
}

/**
 * The group must exist on the hub, and each input reads one of its own: "You should configure each
 * Stream Analytics event hub input to have its own consumer group ... to avoid exceeding the Event
 * Hubs limit of five readers per consumer group per partition" ("Stream data as input into Stream
 * Analytics", Event Hubs consumer groups). `$Default` always exists.
 */
export function consumerGroupUseProblems(use: ConsumerGroupUseOf): Problem[] {
  const problems: Problem[] = [];
  const declared = use.hubConsumerGroups.some(
    (group) => group.toLowerCase() === use.consumerGroup.toLowerCase(),
  );
  if (!declared) {
    problems.push({
      field: "consumerGroup",
      message: `consumer group "${use.consumerGroup}" is not declared on ${use.hub}; its consumer groups: ${listed(use.hubConsumerGroups)} (add it to the hub's consumerGroups)`,
    });
  }
  if (use.otherReaders.length > 0) {
    problems.push({
      field: "consumerGroup",
      message: `consumer group "${use.consumerGroup}" of ${use.hub} is already read by ${use.otherReaders.join(", ")}: each Stream Analytics input needs a consumer group of its own; declare another one on the hub`,
    });
  }
  return problems;
}
