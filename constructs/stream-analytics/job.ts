import { Construct } from "constructs";
import type { ITerraformDependable } from "cdktf";
import { StreamAnalyticsJob as JobResource } from "@cdktf/provider-azurerm/lib/stream-analytics-job";
import { StreamAnalyticsJobSchedule } from "@cdktf/provider-azurerm/lib/stream-analytics-job-schedule";
import { azureNameProblems } from "../../azure/name-rule";
import {
  apiStreamingUnits,
  latestCompatibilityLevel,
  jobStartMode,
  streamAnalyticsNameRules,
  type CompatibilityLevel,
  type EventsOutOfOrderPolicy,
  type OutputErrorPolicy,
  type StreamAnalyticsSku,
  type StreamingUnits,
} from "../../azure/stream-analytics";
import { analyzeQuery } from "../../azure/stream-analytics-query";
import {
  streamAnalyticsJobProblems,
  streamAnalyticsQueryProblems,
  type StreamAnalyticsInputOf,
  type StreamAnalyticsOutputOf,
} from "../../azure/stream-analytics-rules";
import { diagnosticSettingsFor } from "../shared/diagnostic-settings";
import { deleteLockFor } from "../shared/lock";
import type { Grantee } from "../shared/role-assignments";
import { protectFromDestroy } from "../shared/stateful";
import { known, knownValues, validateWith } from "../shared/validation";

export interface StreamAnalyticsJobProps {
  /** Azure name: 3-63 letters, numbers, hyphens and underscores. */
  readonly name: string;
  /** The job's name in the environment file (`overheat-detection`), for messages and grants. */
  readonly label: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly sku: StreamAnalyticsSku;
  /** In the SKU's own unit: SU V1 on Standard, SU V2 (`"1/3"`, `"2/3"`, 1, 2, ...) on StandardV2. */
  readonly streamingUnits: StreamingUnits;
  /** The query text (Stream Analytics Query Language). */
  readonly query: string;
  /** Where the query came from, for messages (`queries/overheat-detection.asaql`). @default - `query` */
  readonly queryFile?: string;
  /** @default - 1.2, the latest level (Azure's own default is 1.0) */
  readonly compatibilityLevel?: CompatibilityLevel;
  /** @default - Adjust: late events get a later time stamp rather than being dropped */
  readonly eventsOutOfOrderPolicy?: EventsOutOfOrderPolicy;
  /** @default - 0: events are not reordered */
  readonly eventsOutOfOrderMaxDelaySeconds?: number;
  /** @default - 5 seconds */
  readonly lateArrivalMaxDelaySeconds?: number;
  /** @default - Stop: an event that cannot be written is retried, never lost (Azure's default drops it) */
  readonly outputErrorPolicy?: OutputErrorPolicy;
  /** @default - en-US */
  readonly dataLocale?: string;
  /** @default - no diagnostic settings */
  readonly logAnalyticsWorkspaceId?: string;
  /** @default - no lock */
  readonly lock?: boolean;
  /** @default - Terraform may destroy the job */
  readonly preventDestroy?: boolean;
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A Stream Analytics job in the cloud with its system-assigned identity, which every input and
 * output authenticates with, and a schedule that starts it once its inputs, outputs and grants
 * exist. Inputs and outputs are added with `constructs/stream-analytics/inputs.ts` and
 * `outputs.ts`; the job's rules (SKU and units, settings, aliases, and the query against what it
 * reads and writes) are checked at synthesis, on everything added by then.
 */
export class StreamAnalyticsJob extends Construct {
  readonly resource: JobResource;
  readonly schedule: StreamAnalyticsJobSchedule;
  readonly label: string;
  /** The Azure name as the file gives it (not a token): what names the job's own IoT Hub policy. */
  readonly azureName: string;
  readonly resourceGroupName: string;
  private readonly inputs: StreamAnalyticsInputOf[] = [];
  private readonly outputs: StreamAnalyticsOutputOf[] = [];
  private readonly startsAfter: ITerraformDependable[] = [];
  private cachedGrantee?: Grantee;

  constructor(scope: Construct, id: string, props: StreamAnalyticsJobProps) {
    super(scope, id);
    this.label = props.label;
    this.azureName = props.name;
    this.resourceGroupName = props.resourceGroupName;
    validateWith(this, `Stream Analytics job ${props.label}`, () => [
      ...azureNameProblems(streamAnalyticsNameRules.job, known(props.name)),
      ...streamAnalyticsJobProblems(
        knownValues({
          sku: props.sku,
          streamingUnits: props.streamingUnits,
          compatibilityLevel: props.compatibilityLevel,
          eventsOutOfOrderMaxDelaySeconds: props.eventsOutOfOrderMaxDelaySeconds,
          lateArrivalMaxDelaySeconds: props.lateArrivalMaxDelaySeconds,
          inputs: this.inputs,
          outputs: this.outputs,
        }),
      ),
      ...streamAnalyticsQueryProblems(
        analyzeQuery(props.query),
        { inputs: this.inputs, outputs: this.outputs },
        props.queryFile ?? "the query",
      ),
    ]);

    this.resource = new JobResource(this, "job", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      type: "Cloud",
      skuName: props.sku,
      streamingUnits: apiStreamingUnits(props.sku, props.streamingUnits),
      compatibilityLevel: props.compatibilityLevel ?? latestCompatibilityLevel,
      eventsOutOfOrderPolicy: props.eventsOutOfOrderPolicy ?? "Adjust",
      eventsOutOfOrderMaxDelayInSeconds: props.eventsOutOfOrderMaxDelaySeconds ?? 0,
      eventsLateArrivalMaxDelayInSeconds: props.lateArrivalMaxDelaySeconds ?? 5,
      outputErrorPolicy: props.outputErrorPolicy ?? "Stop",
      dataLocale: props.dataLocale ?? "en-US",
      transformationQuery: props.query,
      identity: { type: "SystemAssigned" },
      tags: props.tags ? { ...props.tags } : undefined,
    });
    protectFromDestroy(this.resource, props.preventDestroy ?? false);
    if (props.logAnalyticsWorkspaceId !== undefined) {
      diagnosticSettingsFor(this, "diagnostics", {
        targetResourceId: this.resource.id,
        logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      });
    }
    if (props.lock) deleteLockFor(this, "lock", this.resource.id, `Stream Analytics job ${props.label}`);

    // A job started before its inputs, outputs and their role assignments exist fails to start.
    this.schedule = new StreamAnalyticsJobSchedule(this, "schedule", {
      streamAnalyticsJobId: this.resource.id,
      startMode: jobStartMode,
    });
  }

  /** ARM ID of the job. */
  get id(): string {
    return this.resource.id;
  }

  /** The job's Azure name, as a reference: inputs and outputs are created after the job. */
  get jobName(): string {
    return this.resource.name;
  }

  /** The job's system-assigned identity, which every input and output authenticates with. */
  get grantee(): Grantee {
    return (this.cachedGrantee ??= {
      name: `stream-analytics-${this.label}`,
      principalId: this.resource.identity.principalId,
      principalType: "ServicePrincipal",
    });
  }

  /** Records an input for the rules and holds the start until it (and its grants) exist. */
  registerInput(input: StreamAnalyticsInputOf, ...dependencies: ITerraformDependable[]): void {
    this.inputs.push(input);
    this.startAfter(dependencies);
  }

  /** Records an output for the rules and holds the start until it (and its grants) exist. */
  registerOutput(output: StreamAnalyticsOutputOf, ...dependencies: ITerraformDependable[]): void {
    this.outputs.push(output);
    this.startAfter(dependencies);
  }

  private startAfter(dependencies: readonly ITerraformDependable[]): void {
    this.startsAfter.push(...dependencies);
    this.schedule.dependsOn = this.startsAfter.map((dependency) => dependency.fqn);
  }
}
