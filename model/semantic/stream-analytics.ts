import { eventHubsCapabilities } from "../../azure/event-hubs";
import { serviceBusTiers } from "../../azure/service-bus";
import { analyzeQuery } from "../../azure/stream-analytics-query";
import {
  consumerGroupUseProblems,
  iotHubInputProblems,
  outputKindOf,
  streamAnalyticsJobProblems,
  streamAnalyticsQueryProblems,
  streamAnalyticsReachProblems,
  type ReachedResource,
} from "../../azure/stream-analytics-rules";
import { defaultConsumerGroup } from "../../azure/event-hubs";
import { loadProfile } from "../profiles";
import { resourceRef, splitEntityRef } from "../resource-refs";
import type { NamespaceCommonSpec, StreamAnalyticsJobSpec } from "../spec";
import { streamAnalyticsQueryPointer } from "../stream-analytics-files";
import type { RuleId } from "../rule-ids";
import type { SemanticCheck, SemanticContext } from "./context";
import { indexDeclared, type DeclaredIndex } from "./declared-index";
import { checkEntityTarget } from "./references";

/*
 * Stream Analytics jobs: the rules of `azure/stream-analytics-rules.ts` on each job as the file
 * states it, with what they need from the rest of the file (the query's text, the hubs' consumer
 * groups, the effective network settings of every namespace a job reaches, the tier).
 */

/** The policy rule a waiver names to let a production job drop events it cannot write. */
export const outputErrorPolicyRule: RuleId = "SA-OUTPUT-ERROR-POLICY";

type Holder = NamespaceCommonSpec & { readonly sku?: string };

/** The effective network state of a namespace of the file, for the reach rule. */
function reached(
  ctx: SemanticContext,
  field: string,
  direction: "input" | "output",
  service: "eventHubs" | "serviceBus" | "iotHub",
  ns: Holder,
  offersTrustedServices: boolean,
  managedIdentity: boolean,
): ReachedResource {
  const defaults = loadProfile(ctx.spec.tier).namespace;
  return {
    field,
    direction,
    service,
    resource: resourceRef(service, ns.name),
    publicNetworkAccess: ns.publicNetworkAccess ?? defaults.publicNetworkAccess,
    allowedIpRanges: (ns.allowedIpRanges ?? []).length,
    trustedServicesAllowed: ns.trustedServicesAllowed ?? defaults.trustedServicesAllowed,
    trustedServicesOffered: offersTrustedServices,
    managedIdentity,
  };
}

function eventHubsNamespace(ctx: SemanticContext, ref: string) {
  const parts = splitEntityRef(ref);
  return parts && (ctx.spec.eventHubs ?? []).find((ns) => ns.name === parts.namespace);
}

function serviceBusNamespace(ctx: SemanticContext, ref: string) {
  const parts = splitEntityRef(ref);
  return parts && (ctx.spec.serviceBus ?? []).find((ns) => ns.name === parts.namespace);
}

/** What each input and output of `job` reaches, where the file declares it (references are checked apart). */
function reachedBy(ctx: SemanticContext, job: StreamAnalyticsJobSpec): ReachedResource[] {
  const list: ReachedResource[] = [];
  job.inputs.forEach((input, i) => {
    const ns = input.eventHub === undefined ? undefined : eventHubsNamespace(ctx, input.eventHub);
    if (!ns) return;
    const offered = eventHubsCapabilities(ns).trustedServices === true;
    list.push(reached(ctx, `inputs/${i}/eventHub`, "input", "eventHubs", ns, offered, true));
  });
  // Where the tier refuses IoT Hub inputs outright, their reach would only repeat the refusal.
  const iotHubInputsAllowed = !loadProfile(ctx.spec.tier).streamAnalytics.managedIdentityOnly;
  job.inputs.forEach((input, i) => {
    const hub = iotHubInputsAllowed && (ctx.spec.iotHub ?? []).find((h) => h.name === input.iotHub);
    // IoT Hub has no trusted-services exception for Stream Analytics, and its input no managed identity.
    if (hub) list.push(reached(ctx, `inputs/${i}/iotHub`, "input", "iotHub", hub, false, false));
  });
  job.outputs.forEach((output, i) => {
    const kind = outputKindOf(output);
    if (kind === "eventHub" && output.eventHub !== undefined) {
      const ns = eventHubsNamespace(ctx, output.eventHub);
      if (!ns) return;
      const offered = eventHubsCapabilities(ns).trustedServices === true;
      list.push(reached(ctx, `outputs/${i}/eventHub`, "output", "eventHubs", ns, offered, true));
    }
    const ref = kind === "serviceBusQueue" ? output.serviceBusQueue : output.serviceBusTopic;
    if ((kind === "serviceBusQueue" || kind === "serviceBusTopic") && ref !== undefined) {
      const ns = serviceBusNamespace(ctx, ref);
      if (!ns) return;
      const offered = serviceBusTiers[ns.sku].shared.trustedServices === true;
      list.push(reached(ctx, `outputs/${i}/${kind}`, "output", "serviceBus", ns, offered, true));
    }
  });
  return list;
}

function checkTargets(
  ctx: SemanticContext,
  index: DeclaredIndex,
  at: string,
  job: StreamAnalyticsJobSpec,
): void {
  job.inputs.forEach((input, i) => {
    if (input.eventHub !== undefined)
      checkEntityTarget(ctx, index, `${at}/inputs/${i}/eventHub`, "eventHub", input.eventHub);
    if (input.iotHub !== undefined && !index.iotHubs.has(input.iotHub)) {
      ctx.error(
        `${at}/inputs/${i}/iotHub`,
        `iotHub "${input.iotHub}" is not declared under iotHub; declared IoT hubs: ${[...index.iotHubs].join(", ") || "none"}`,
      );
    }
  });
  job.outputs.forEach((output, i) => {
    for (const kind of ["serviceBusQueue", "serviceBusTopic", "eventHub"] as const) {
      const text = output[kind];
      if (text !== undefined) checkEntityTarget(ctx, index, `${at}/outputs/${i}/${kind}`, kind, text);
    }
  });
}

interface Reader {
  readonly key: string;
  readonly label: string;
}

/** Every input's (hub, consumer group), by job and input, to find groups two inputs share. */
function readersOf(jobs: readonly StreamAnalyticsJobSpec[]): Reader[][] {
  return jobs.map((job) =>
    job.inputs.map((input) => ({
      key: `${input.eventHub !== undefined ? `eventHubs/${input.eventHub}` : `iotHub/${input.iotHub ?? ""}`}|${input.consumerGroup.toLowerCase()}`,
      label: `streamAnalytics/${job.name}/${input.alias}`,
    })),
  );
}

/** The readers of each (hub, consumer group), in file order: one pass, so the check stays linear. */
function readersByKey(all: readonly Reader[][]): Map<string, Reader[]> {
  const byKey = new Map<string, Reader[]>();
  for (const reader of all.flat()) {
    const list = byKey.get(reader.key);
    if (list) list.push(reader);
    else byKey.set(reader.key, [reader]);
  }
  return byKey;
}

function checkConsumerGroups(
  ctx: SemanticContext,
  index: DeclaredIndex,
  at: string,
  job: StreamAnalyticsJobSpec,
  all: readonly Reader[][],
  byKey: ReadonlyMap<string, readonly Reader[]>,
  jobIndex: number,
): void {
  job.inputs.forEach((input, i) => {
    const hub = input.eventHub ?? input.iotHub ?? "";
    const declared =
      input.eventHub !== undefined
        ? index.eventHubs.get(input.eventHub)
        : (ctx.spec.iotHub ?? []).find((h) => h.name === input.iotHub)?.consumerGroups;
    // An undeclared hub is the reference check's finding; the group can only be judged on a declared one.
    if (declared === undefined) return;
    const own = all[jobIndex]?.[i];
    const otherReaders = (own ? (byKey.get(own.key) ?? []) : []).filter((r) => r !== own).map((r) => r.label);
    const problems = consumerGroupUseProblems({
      consumerGroup: input.consumerGroup,
      hub: input.eventHub !== undefined ? `eventHubs/${hub}` : `iotHub/${hub}`,
      hubConsumerGroups: [defaultConsumerGroup, ...declared],
      otherReaders,
    });
    ctx.report(`${at}/inputs/${i}`, problems);
  });
}

function checkIotHubInputs(ctx: SemanticContext, at: string, job: StreamAnalyticsJobSpec): void {
  const profile = loadProfile(ctx.spec.tier);
  job.inputs.forEach((input, i) => {
    if (input.iotHub === undefined) return;
    const hub = (ctx.spec.iotHub ?? []).find((h) => h.name === input.iotHub);
    if (!hub) return;
    ctx.report(
      `${at}/inputs/${i}`,
      iotHubInputProblems({
        hub: resourceRef("iotHub", hub.name),
        managedIdentityOnly: profile.streamAnalytics.managedIdentityOnly,
        tier: ctx.spec.tier,
        hubLocalAuth: hub.localAuth ?? profile.namespace.localAuth,
        hubLocalAuthStated: hub.localAuth !== undefined,
      }),
    );
  });
}

function checkQuery(ctx: SemanticContext, at: string, index: number, job: StreamAnalyticsJobSpec): void {
  const file = ctx.files.texts.get(streamAnalyticsQueryPointer(index));
  // An unreadable query file is reported where it is read; there is nothing to compare.
  if (!file) return;
  ctx.report(at, streamAnalyticsQueryProblems(analyzeQuery(file.text), job, job.query));
}

/** Production keeps failed writes (`Stop`) unless the file waives the rule for this job. */
function checkOutputErrorPolicy(ctx: SemanticContext, at: string, job: StreamAnalyticsJobSpec): void {
  const profile = loadProfile(ctx.spec.tier).streamAnalytics;
  if (!profile.outputErrorPolicyRequired) return;
  if (job.outputErrorPolicy === undefined || job.outputErrorPolicy === profile.outputErrorPolicy) return;
  const resource = resourceRef("streamAnalytics", job.name);
  const waived = (ctx.spec.waivers ?? []).some(
    (w) => w.rule === outputErrorPolicyRule && w.resource === resource,
  );
  if (waived) return;
  ctx.error(
    `${at}/outputErrorPolicy`,
    `outputErrorPolicy: ${job.outputErrorPolicy} loses every event that cannot be written, which the ${ctx.spec.tier} tier does not allow (policy ${outputErrorPolicyRule}); remove the field to use ${profile.outputErrorPolicy}, or add a waiver { rule: ${outputErrorPolicyRule}, resource: ${resource}, reason, expires }`,
  );
}

/** Every rule of Stream Analytics on every job the file declares. */
export const checkStreamAnalytics: SemanticCheck = (ctx) => {
  const jobs = ctx.spec.streamAnalytics ?? [];
  if (jobs.length === 0) return;
  const index = indexDeclared(ctx.spec);
  const readers = readersOf(jobs);
  const byKey = readersByKey(readers);
  jobs.forEach((job, i) => {
    const at = `/streamAnalytics/${i}`;
    ctx.report(at, streamAnalyticsJobProblems(job));
    checkTargets(ctx, index, at, job);
    checkQuery(ctx, at, i, job);
    checkConsumerGroups(ctx, index, at, job, readers, byKey, i);
    checkIotHubInputs(ctx, at, job);
    ctx.report(at, streamAnalyticsReachProblems(reachedBy(ctx, job)));
    checkOutputErrorPolicy(ctx, at, job);
  });
};
