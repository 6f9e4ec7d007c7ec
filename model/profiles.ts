/**
 * The tier profiles (`model/profiles/<tier>.json`): the defaults an environment file may leave
 * out and the requirements it may not override. Each profile is read and checked against
 * {@link profileShape} once per process; a malformed profile is a bug in this repository, so it
 * throws with the offending path instead of producing a half-defaulted model.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ResourceService } from "./resource-refs";
import type { Tier } from "./spec";

type Leaf = "boolean" | "number" | "string";
type Shape = Leaf | readonly [Shape] | { readonly [key: string]: Shape } | { readonly record: Leaf };

type FromShape<S> = S extends "boolean"
  ? boolean
  : S extends "number"
    ? number
    : S extends "string"
      ? string
      : S extends readonly [infer E]
        ? readonly FromShape<E>[]
        : S extends { readonly record: infer L }
          ? Readonly<Record<string, FromShape<L>>>
          : { readonly [K in keyof S]: FromShape<S[K]> };

const alertKeys = [
  "serviceBusDeadLetteredMessages",
  "serviceBusActiveMessages",
  "serviceBusThrottledRequests",
  "serviceBusServerErrors",
  "serviceBusCpuPercent",
  "serviceBusMemoryPercent",
  "eventHubsThrottledRequests",
  "eventHubsServerErrors",
  "eventHubsCaptureBacklog",
  "eventHubsIncomingOutgoingGap",
  "eventGridDroppedEvents",
  "eventGridDeadLetteredEvents",
  "eventGridDeliveryFailures",
  "iotHubDroppedTelemetry",
  "iotHubOrphanedTelemetry",
  "iotHubThrottlingErrors",
  "relayListenerErrors",
  "authorizationFailures",
  "streamAnalyticsRuntimeErrors",
  "streamAnalyticsDeserializationErrors",
  "streamAnalyticsWatermarkDelaySeconds",
  "streamAnalyticsUtilizationPercent",
  "logicAppFailedRuns",
] as const;

const profileShape = {
  tier: "string",
  description: "string",
  namespace: {
    localAuth: "boolean",
    publicNetworkAccess: "boolean",
    trustedServicesAllowed: "boolean",
    privateEndpoint: "boolean",
    diagnostics: "boolean",
    lock: "boolean",
    preventDestroy: "boolean",
    customerManagedKey: "boolean",
    infrastructureEncryption: "boolean",
    geoDisasterRecovery: "boolean",
    minimumTlsVersion: "string",
  },
  /** Fields a file may not set to anything but `value`, unless it waives the rule named per service. */
  requirements: [{ field: "string", value: "boolean", rules: { record: "string" } }],
  monitoring: {
    retentionDays: "number",
    minimumRetentionDays: "number",
    alertsEnabled: "boolean",
    alerts: Object.fromEntries(alertKeys.map((key) => [key, "number"])) as {
      readonly [K in (typeof alertKeys)[number]]: "number";
    },
  },
  queue: {
    sessions: "boolean",
    maxDeliveryCount: "number",
    lockDuration: "string",
    messageTtl: "string",
    deadLetterOnExpiration: "boolean",
    maxSizeMegabytes: "number",
    partitioned: "boolean",
    batchedOperations: "boolean",
  },
  topic: {
    messageTtl: "string",
    maxSizeMegabytes: "number",
    partitioned: "boolean",
    batchedOperations: "boolean",
    supportOrdering: "boolean",
  },
  subscription: {
    maxDeliveryCount: "number",
    lockDuration: "string",
    messageTtl: "string",
    deadLetterOnExpiration: "boolean",
    deadLetterOnFilterEvaluationError: "boolean",
    sessions: "boolean",
    batchedOperations: "boolean",
  },
  autoscale: { scaleOutCpuPercent: "number", scaleInCpuPercent: "number" },
  eventHub: { partitions: "number", retentionDays: "number" },
  capture: {
    intervalSeconds: "number",
    sizeLimitBytes: "number",
    archiveNameFormat: "string",
    skipEmptyArchives: "boolean",
    retentionDays: "number",
  },
  eventSubscription: { maxDeliveryAttempts: "number", eventTimeToLiveMinutes: "number" },
  mqtt: { maxSessionExpiryHours: "number", maxClientSessionsPerAuthenticationName: "number" },
  site: { qos: "number" },
  iotHub: {
    capacity: "number",
    partitions: "number",
    retentionDays: "number",
    fallbackRoute: "boolean",
    cloudToDevice: {
      maxDeliveryCount: "number",
      defaultTtl: "string",
      feedback: { timeToLive: "string", maxDeliveryCount: "number", lockDuration: "string" },
    },
    fileUpload: {
      sasTtl: "string",
      notifications: "boolean",
      lockDuration: "string",
      defaultTtl: "string",
      maxDeliveryCount: "number",
    },
  },
  deviceProvisioning: { allocationPolicy: "string", capacity: "number", dataResidency: "boolean" },
  /**
   * Stream Analytics jobs: their settings' defaults; whether `outputErrorPolicy` must stay the
   * default (unless SA-OUTPUT-ERROR-POLICY is waived); whether every input and output must
   * authenticate with the job's managed identity (which refuses IoT Hub inputs).
   */
  streamAnalytics: {
    compatibilityLevel: "string",
    outputErrorPolicy: "string",
    outputErrorPolicyRequired: "boolean",
    eventsOutOfOrderPolicy: "string",
    eventsOutOfOrderMaxDelaySeconds: "number",
    lateArrivalMaxDelaySeconds: "number",
    dataLocale: "string",
    managedIdentityOnly: "boolean",
  },
} as const;

export type Profile = FromShape<typeof profileShape>;
export type ProfileRequirement = Profile["requirements"][number];
export type NamespaceDefaults = Profile["namespace"];

/** Checks `value` against `shape`, collecting every mismatch with its path. */
function shapeProblems(value: unknown, shape: Shape, path: string, problems: string[]): void {
  if (typeof shape === "string") {
    if (typeof value !== shape) problems.push(`${path} must be a ${shape}, got ${JSON.stringify(value)}`);
    return;
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) {
      problems.push(`${path} must be a list`);
      return;
    }
    value.forEach((item, i) =>
      shapeProblems(item, (shape as readonly [Shape])[0], `${path}[${i}]`, problems),
    );
    return;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push(`${path} must be an object`);
    return;
  }
  const entries = value as Record<string, unknown>;
  if ("record" in shape && typeof shape.record === "string") {
    for (const [key, item] of Object.entries(entries))
      shapeProblems(item, shape.record, `${path}.${key}`, problems);
    return;
  }
  const fields = shape as { readonly [key: string]: Shape };
  for (const key of Object.keys(fields)) {
    if (!(key in entries)) problems.push(`${path}.${key} is missing`);
    else shapeProblems(entries[key], fields[key], `${path}.${key}`, problems);
  }
  for (const key of Object.keys(entries)) {
    if (!(key in fields)) problems.push(`${path}.${key} is not a profile field`);
  }
}

/** Validates a profile document; throws listing every problem. Exported for the profile tests. */
export function parseProfile(value: unknown, tier: Tier, file: string): Profile {
  const problems: string[] = [];
  shapeProblems(value, profileShape, "profile", problems);
  if (problems.length === 0 && (value as Profile).tier !== tier)
    problems.push(`profile.tier must be "${tier}"`);
  if (problems.length > 0) throw new Error(`invalid tier profile ${file}:\n  ${problems.join("\n  ")}`);
  return value as Profile;
}

export const profilesDirectory = join(__dirname, "profiles");

const loaded = new Map<Tier, Profile>();

/** The tier's profile, read and validated on first use and kept for the life of the process. */
export function loadProfile(tier: Tier): Profile {
  const cached = loaded.get(tier);
  if (cached) return cached;
  const file = join(profilesDirectory, `${tier}.json`);
  const profile = parseProfile(JSON.parse(readFileSync(file, "utf8")) as unknown, tier, file);
  loaded.set(tier, profile);
  return profile;
}

/** The policy rule a requirement maps to for `service`; undefined when it does not apply there. */
export function requirementRule(
  requirement: ProfileRequirement,
  service: ResourceService,
): string | undefined {
  return requirement.rules[service];
}
