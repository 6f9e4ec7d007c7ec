import {
  blobOutputDefaults,
  compatibilityLevels,
  eventsOutOfOrderPolicies,
  outputErrorPolicies,
} from "../../azure/stream-analytics";
import type {
  StreamAnalyticsInput,
  StreamAnalyticsJob,
  StreamAnalyticsOutput,
  StreamAnalyticsSink,
} from "../model";
import { azureNameOf } from "../resource-names";
import type { StreamAnalyticsInputSpec, StreamAnalyticsJobSpec, StreamAnalyticsOutputSpec } from "../spec";
import { streamAnalyticsQueryPointer } from "../stream-analytics-files";
import type { ResolveContext } from "./context";
import { entityTarget } from "./destinations";

/** A setting the profile holds as text, checked against the values the file could state. */
function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined)
    throw new Error(`internal: the tier profile's ${what} "${value}" is none of ${allowed.join(", ")}`);
  return found;
}

function input(ctx: ResolveContext, spec: StreamAnalyticsInputSpec, pointer: string): StreamAnalyticsInput {
  return {
    alias: spec.alias,
    reads:
      spec.eventHub !== undefined
        ? { ...entityTarget("eventHub", spec.eventHub), kind: "eventHub" }
        : { kind: "iotHub", hub: required(spec.iotHub, pointer) },
    consumerGroup: spec.consumerGroup,
    serialization: spec.serialization ?? "Json",
    source: ctx.source(pointer),
  };
}

function sink(spec: StreamAnalyticsOutputSpec, pointer: string): StreamAnalyticsSink {
  if (spec.serviceBusQueue !== undefined) return entityTarget("serviceBusQueue", spec.serviceBusQueue);
  if (spec.serviceBusTopic !== undefined) return entityTarget("serviceBusTopic", spec.serviceBusTopic);
  if (spec.eventHub !== undefined) return entityTarget("eventHub", spec.eventHub);
  const blob = required(spec.blob, pointer);
  return {
    kind: "blob",
    storageAccountId: blob.storageAccountId,
    container: blob.container,
    pathPattern: blob.pathPattern ?? blobOutputDefaults.pathPattern,
  };
}

function output(
  ctx: ResolveContext,
  spec: StreamAnalyticsOutputSpec,
  pointer: string,
): StreamAnalyticsOutput {
  return {
    alias: spec.alias,
    writes: sink(spec, pointer),
    serialization: spec.serialization ?? "Json",
    source: ctx.source(pointer),
  };
}

function required<T>(value: T | undefined, pointer: string): T {
  // The schema requires exactly one target; reaching this is a bug.
  if (value === undefined) throw new Error(`internal: ${pointer} survived validation without a target`);
  return value;
}

/** A job with the tier profile's defaults and its query's text, as read when the file was loaded. */
export function resolveStreamAnalyticsJob(
  ctx: ResolveContext,
  job: StreamAnalyticsJobSpec,
  index: number,
): StreamAnalyticsJob {
  const pointer = `/streamAnalytics/${index}`;
  const d = ctx.profile.streamAnalytics;
  const defaults = ctx.profile.namespace;
  const query = ctx.files.texts.get(streamAnalyticsQueryPointer(index));
  if (!query) throw new Error(`internal: the query of ${pointer} was not read before resolution`);
  return {
    name: job.name,
    azureName: azureNameOf("streamAnalyticsJob", ctx.naming, job),
    source: ctx.source(pointer),
    sku: job.sku,
    streamingUnits: job.streamingUnits,
    compatibilityLevel:
      job.compatibilityLevel ?? oneOf(d.compatibilityLevel, compatibilityLevels, "compatibilityLevel"),
    eventsOutOfOrderPolicy:
      job.eventsOutOfOrderPolicy ??
      oneOf(d.eventsOutOfOrderPolicy, eventsOutOfOrderPolicies, "eventsOutOfOrderPolicy"),
    eventsOutOfOrderMaxDelaySeconds: job.eventsOutOfOrderMaxDelaySeconds ?? d.eventsOutOfOrderMaxDelaySeconds,
    lateArrivalMaxDelaySeconds: job.lateArrivalMaxDelaySeconds ?? d.lateArrivalMaxDelaySeconds,
    outputErrorPolicy:
      job.outputErrorPolicy ?? oneOf(d.outputErrorPolicy, outputErrorPolicies, "outputErrorPolicy"),
    dataLocale: job.dataLocale ?? d.dataLocale,
    query: { file: query.path, text: query.text },
    inputs: job.inputs.map((spec, i) => input(ctx, spec, `${pointer}/inputs/${i}`)),
    outputs: job.outputs.map((spec, i) => output(ctx, spec, `${pointer}/outputs/${i}`)),
    ...(job.throughput && { throughput: job.throughput }),
    diagnostics: job.diagnostics ?? defaults.diagnostics,
    lock: job.lock ?? defaults.lock,
    preventDestroy: ctx.preventDestroy("streamAnalytics", job.name),
    tags: ctx.tags(job.tags),
  };
}
