import { rulesPage, type AzureNameRule } from "./name-rule";
import { BuiltInRole, type BuiltInRoleName } from "./roles";

/*
 * Azure Stream Analytics as Azure defines it: SKUs and the streaming units each allows, job
 * settings and their limits, names, the data-plane role each input and output needs, which
 * services let a job through their firewall, metrics and ARM types. Validation, constructs,
 * policies, alerts and smoke tests read these; the rules that judge a job against them are in
 * `stream-analytics-rules.ts`, the query reader in `stream-analytics-query.ts`.
 * Sources, cited as [key] below:
 * [units]    "Understand and adjust Stream Analytics streaming units" (learn.microsoft.com
 *            stream-analytics-streaming-unit-consumption): SU V1 jobs run with 1, 3 or 6 SUs and
 *            scale in steps of 6; SU V2 jobs with 1/3, 2/3, 1, 2, 3, ... SU V2s; the REST API
 *            writes SU V2 values as 3, 7, 10, 20, 30, ... (ten per SU V2; 1/3 is 3, 2/3 is 7).
 * [azurerm]  hashicorp/terraform-provider-azurerm v4.55.0 internal/services/streamanalytics:
 *            stream_analytics_job_resource.go (`sku_name` Standard or StandardV2, `streaming_units`
 *            IntBetween(1, 120), `compatibility_level` 1.0/1.1/1.2, `events_out_of_order_policy`
 *            Adjust/Drop, `events_out_of_order_max_delay_in_seconds` IntBetween(0, 599),
 *            `events_late_arrival_max_delay_in_seconds` IntBetween(-1, 1814399),
 *            `output_error_policy` Drop/Stop); helpers_input.go and helpers_output.go (serialization
 *            `type` Avro/Csv/Json, outputs also Parquet; `encoding` UTF8; Csv needs a
 *            `field_delimiter`, Json output a `format`); stream_analytics_stream_input_iothub
 *            _resource.go (`shared_access_policy_key` Required: no managed identity).
 * [compat]   "Compatibility level for Azure Stream Analytics jobs": 1.2 is the latest level.
 * [errors]   "Output Error Policy" (learn.microsoft.com stream-analytics output-error-policy):
 *            Retry (ARM `Stop`) keeps retrying an event that cannot be written; Drop drops it
 *            and "the dropped events cannot be recovered".
 * [identity] "Use managed identities to access Event Hubs from an Azure Stream Analytics job",
 *            "... Service Bus ...", "... Blob storage ...": inputs and outputs authenticate with the
 *            job's managed identity holding a data role on the resource ("give the least needed
 *            access"); "Stream data as input into Stream Analytics", IoT Hub: a shared access policy.
 * [vnet]     "Connect Stream Analytics jobs to resources in an Azure Virtual Network" (learn.microsoft
 *            .com stream-analytics connect-job-to-vnet): jobs run in networks "that can't be directly
 *            included in your network rules"; a resource behind a firewall is reached by "Managed
 *            Identity authentication mode coupled with 'Allow trusted services'" or by managed private
 *            endpoints of a Stream Analytics cluster. Which services admit a job as trusted:
 *            Event Hubs "Trusted Microsoft services" (Stream Analytics reads and writes event hubs with
 *            a managed identity), Service Bus "Trusted Microsoft services" (Stream Analytics writes to
 *            queues and topics with a managed identity), Blob storage ([vnet]: "can be your job's
 *            storage account, streaming input or output"). IoT Hub lists no such exception.
 * [metrics]  "Supported metrics for Microsoft.StreamAnalytics/streamingjobs" (Azure Monitor).
 * [rules]    learn.microsoft.com resource-name-rules, Microsoft.StreamAnalytics/streamingjobs.
 */

export type StreamAnalyticsSku = "Standard" | "StandardV2";

export const streamAnalyticsSkus: readonly StreamAnalyticsSku[] = ["Standard", "StandardV2"];

/**
 * Streaming units as the environment file states them: in the SKU's own unit, as the portal and the
 * price list show it (SU V1 on Standard, SU V2 on StandardV2), with the two fractional SU V2 sizes
 * written as text ([units]).
 */
export type StreamingUnits = number | "1/3" | "2/3";

/** The largest value azurerm accepts for `streaming_units` ([azurerm]): the REST API's unit. */
const azurermMaxApiUnits = 120;

const standardV1Units: readonly number[] = [
  1,
  3,
  ...Array.from({ length: 20 }, (_, i) => 6 * (i + 1)),
].filter((units) => units <= azurermMaxApiUnits);

/** SU V2 counts whose REST value (ten per SU V2) azurerm accepts. */
const standardV2WholeUnits: readonly number[] = Array.from(
  { length: azurermMaxApiUnits / 10 },
  (_, i) => i + 1,
);

/** What each SKU allows, in the file's unit ([units] ∩ [azurerm] `streaming_units` ≤ 120). */
export const streamingUnitSteps: Readonly<Record<StreamAnalyticsSku, readonly StreamingUnits[]>> = {
  Standard: standardV1Units,
  StandardV2: ["1/3", "2/3", ...standardV2WholeUnits],
};

/** The unit the file's `streamingUnits` counts in, for messages. */
export const streamingUnitName: Readonly<Record<StreamAnalyticsSku, string>> = {
  Standard: "SU V1",
  StandardV2: "SU V2",
};

/** The value the REST API and azurerm's `streaming_units` take for `units` on `sku` ([units]). */
export function apiStreamingUnits(sku: StreamAnalyticsSku, units: StreamingUnits): number {
  if (sku === "Standard") return typeof units === "number" ? units : Number.NaN;
  if (units === "1/3") return 3;
  if (units === "2/3") return 7;
  return units * 10;
}

/**
 * `units` as a number in the SKU's own unit, as the portal shows it ("1/3" is a third of an SU V2):
 * what capacity sizing (`capacity-stream-analytics.ts`) computes with. Not the REST value, where
 * 2/3 is 7.
 */
export function streamingUnitsCount(units: StreamingUnits): number {
  if (units === "1/3") return 1 / 3;
  if (units === "2/3") return 2 / 3;
  return units;
}

/** Whether `sku` allows `units` streaming units. */
export function allowsStreamingUnits(sku: StreamAnalyticsSku, units: StreamingUnits): boolean {
  return streamingUnitSteps[sku].includes(units);
}

export const compatibilityLevels = ["1.0", "1.1", "1.2"] as const;
export type CompatibilityLevel = (typeof compatibilityLevels)[number];

/** The newest level ([compat]); Azure gives a job 1.0 when none is set. */
export const latestCompatibilityLevel: CompatibilityLevel = "1.2";

export const eventsOutOfOrderPolicies = ["Adjust", "Drop"] as const;
export type EventsOutOfOrderPolicy = (typeof eventsOutOfOrderPolicies)[number];

/** `Stop` retries an event that cannot be written until it can; `Drop` loses it ([errors]). */
export const outputErrorPolicies = ["Stop", "Drop"] as const;
export type OutputErrorPolicy = (typeof outputErrorPolicies)[number];

/** Seconds, as azurerm validates them ([azurerm]); -1 late-arrival tolerance waits indefinitely. */
export const streamAnalyticsDelayLimits = {
  eventsOutOfOrderMaxDelaySeconds: { min: 0, max: 599 },
  lateArrivalMaxDelaySeconds: { min: -1, max: 1814399 },
} as const;

/** How input events are read and output events written ([azurerm] serialization `type`). */
export const inputSerializations = ["Json", "Csv", "Avro"] as const;
export type InputSerialization = (typeof inputSerializations)[number];
export const outputSerializations = ["Json", "Csv", "Avro", "Parquet"] as const;
export type OutputSerialization = (typeof outputSerializations)[number];

/**
 * The serialization details azurerm needs besides the type ([azurerm]): UTF-8 text (the one encoding
 * it accepts), comma-separated CSV, and JSON written one event per line.
 */
export const serializationDetails = {
  encoding: "UTF8",
  fieldDelimiter: ",",
  jsonFormat: "LineSeparated",
} as const;

/**
 * Parquet is a columnar file format: only the Blob storage and Data Lake outputs write it ("Blob
 * storage and Azure Data Lake Gen2 output from Azure Stream Analytics", serialization formats; Event
 * Hubs and Service Bus outputs list JSON, CSV and Avro).
 */
export const parquetOutputs: readonly StreamAnalyticsOutputKind[] = ["blob"];

export type StreamAnalyticsInputKind = "eventHub" | "iotHub";
export type StreamAnalyticsOutputKind = "serviceBusQueue" | "serviceBusTopic" | "eventHub" | "blob";

/**
 * The narrowest built-in role the job's managed identity needs on what it reads or writes
 * ([identity]): receiving from a hub, sending to a queue, topic or hub, writing blobs. An IoT Hub
 * input takes none: it authenticates with a shared access policy.
 */
export const streamAnalyticsInputRoles: Readonly<
  Record<StreamAnalyticsInputKind, BuiltInRoleName | undefined>
> = {
  eventHub: BuiltInRole.eventHubsDataReceiver,
  iotHub: undefined,
};

export const streamAnalyticsOutputRoles: Readonly<Record<StreamAnalyticsOutputKind, BuiltInRoleName>> = {
  serviceBusQueue: BuiltInRole.serviceBusDataSender,
  serviceBusTopic: BuiltInRole.serviceBusDataSender,
  eventHub: BuiltInRole.eventHubsDataSender,
  blob: BuiltInRole.storageBlobDataContributor,
};

/** Whether an input of this kind can authenticate with the job's managed identity ([identity], [azurerm]). */
export const inputTakesManagedIdentity: Readonly<Record<StreamAnalyticsInputKind, boolean>> = {
  eventHub: true,
  iotHub: false,
};

/** The services an input or output reaches, as the trusted-services rule names them. */
export type StreamAnalyticsReachedService = "eventHubs" | "serviceBus" | "iotHub" | "storage";

/**
 * Whether a service lets a job with a managed identity through its firewall as a trusted Microsoft
 * service, for reading (`input`) and writing (`output`) ([vnet]). Where it does not, the only way
 * through is a Stream Analytics cluster with a managed private endpoint to the resource.
 */
export const trustedServiceAccess: Readonly<
  Record<
    StreamAnalyticsReachedService,
    { readonly input: boolean; readonly output: boolean; readonly source: string }
  >
> = {
  eventHubs: {
    input: true,
    output: true,
    source: 'Event Hubs "Trusted Microsoft services": Azure Stream Analytics, with a managed identity',
  },
  serviceBus: {
    input: false,
    output: true,
    source:
      'Service Bus "Trusted Microsoft services": Azure Stream Analytics writes to queues and topics with a managed identity',
  },
  storage: {
    input: true,
    output: true,
    source: '"Connect Stream Analytics jobs to resources in an Azure Virtual Network": Blob storage',
  },
  iotHub: {
    input: false,
    output: false,
    source:
      '"Connect Stream Analytics jobs to resources in an Azure Virtual Network" lists no IoT Hub exception',
  },
};

/**
 * The IoT Hub endpoint a job reads device-to-cloud messages from, and the shared-access permission
 * that reads it ("Control access to IoT Hub": `ServiceConnect` grants the service-facing endpoints,
 * receiving device-to-cloud messages among them; azurerm's input takes `endpoint` `messages/events`).
 */
export const iotHubInputEndpoint = "messages/events";

/** Where the Blob output writes when the file gives no pattern: one folder per day and hour. */
export const blobOutputDefaults = {
  pathPattern: "{date}/{time}",
  dateFormat: "yyyy/MM/dd",
  timeFormat: "HH",
} as const;

/**
 * Names ([rules]): a job is 3-63 letters, numbers, hyphens and underscores, unique in its resource
 * group. Inputs and outputs are the job's children: the portal gives their aliases the job's rule,
 * and the query names them (in brackets when they hold a hyphen).
 */
export const streamAnalyticsNameRules = {
  job: {
    what: "Stream Analytics job",
    minLength: 3,
    maxLength: 63,
    allowed: /[A-Za-z0-9_-]/,
    allowedText: "letters, numbers, hyphens and underscores",
    source: `${rulesPage}, Microsoft.StreamAnalytics/streamingjobs: 3-63, alphanumerics, hyphens and underscores`,
  },
  alias: {
    what: "Stream Analytics input or output alias",
    minLength: 3,
    maxLength: 63,
    allowed: /[A-Za-z0-9_-]/,
    allowedText: "letters, numbers, hyphens and underscores",
    source:
      "Azure portal, Stream Analytics input and output alias: 3-63 letters, numbers, hyphens and underscores",
  },
} as const satisfies Record<string, AzureNameRule>;

/** ARM types of a job and its children. */
export const streamAnalyticsArmTypes = {
  job: "Microsoft.StreamAnalytics/streamingjobs",
  input: "Microsoft.StreamAnalytics/streamingjobs/inputs",
  output: "Microsoft.StreamAnalytics/streamingjobs/outputs",
} as const;

/** The state a started job reports (Streaming Jobs - Get, `jobState`). */
export const runningJobState = "Running";

/** Azure Monitor metrics of a job that its alerts watch ([metrics]: name in the REST API, aggregation). */
export const streamAnalyticsMetrics = {
  namespace: streamAnalyticsArmTypes.job,
  runtimeErrors: { name: "Errors", aggregation: "Total" },
  deserializationErrors: { name: "DeserializationError", aggregation: "Total" },
  watermarkDelaySeconds: { name: "OutputWatermarkDelaySeconds", aggregation: "Maximum" },
  memoryUtilizationPercent: { name: "ResourceUtilization", aggregation: "Maximum" },
} as const;

/**
 * Memory use above which a job needs more streaming units: "It's best to keep the SU % utilization
 * metric below 80%" and "consider setting an alert of 80%" ([units]).
 */
export const streamingUnitUtilizationAlertPercent = 80;

/**
 * How the job schedule starts a job: `JobStartTime` starts reading at the moment it starts
 * (azurerm v4.55.0 stream_analytics_job_schedule_resource.go `start_mode`: `CustomTime`,
 * `JobStartTime` or `LastOutputEventTime`, the last only for a job that ran before).
 */
export const jobStartMode = "JobStartTime";

/** How every input and output authenticates: with the job's managed identity (azurerm `authentication_mode`). */
export const managedIdentityAuthentication = "Msi";
