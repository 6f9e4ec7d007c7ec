import {
  BlobOutput,
  EntityOutput,
  EventHubInput,
  IotHubInput,
  StreamAnalyticsJob,
} from "../constructs/stream-analytics";
import type * as model from "../model/model";
import type { StackContext } from "./stack-context";

/** The Azure name of the namespace an entity reference points into. */
function namespaceAzureName(ctx: StackContext, kind: "serviceBus" | "eventHubs", namespace: string): string {
  const list = kind === "serviceBus" ? ctx.model.serviceBus : ctx.model.eventHubs;
  const found = list.find((ns) => ns.name === namespace);
  // References are checked before synthesis; reaching this is a bug, not bad input.
  if (!found) throw new Error(`internal: ${kind} namespace ${namespace} was referenced before it was built`);
  return found.azureName;
}

function addInput(ctx: StackContext, job: StreamAnalyticsJob, input: model.StreamAnalyticsInput): void {
  const id = `input-${input.alias}`;
  const { reads } = input;
  if (reads.kind === "iotHub") {
    new IotHubInput(job, id, {
      job,
      alias: input.alias,
      hub: ctx.entities.iotHub(reads.hub),
      consumerGroup: input.consumerGroup,
      serialization: input.serialization,
    });
    return;
  }
  new EventHubInput(job, id, {
    job,
    alias: input.alias,
    hub: ctx.entities.readable("eventHub", `${reads.namespace}/${reads.entity}`),
    namespaceName: namespaceAzureName(ctx, "eventHubs", reads.namespace),
    consumerGroup: input.consumerGroup,
    serialization: input.serialization,
  });
}

function addOutput(ctx: StackContext, job: StreamAnalyticsJob, output: model.StreamAnalyticsOutput): void {
  const id = `output-${output.alias}`;
  const { writes } = output;
  if (writes.kind === "blob") {
    new BlobOutput(job, id, {
      job,
      alias: output.alias,
      storageAccountId: writes.storageAccountId,
      container: writes.container,
      pathPattern: writes.pathPattern,
      serialization: output.serialization,
    });
    return;
  }
  new EntityOutput(job, id, {
    job,
    alias: output.alias,
    target: ctx.entities.target(writes.kind, `${writes.namespace}/${writes.entity}`),
    namespaceName: namespaceAzureName(
      ctx,
      writes.kind === "eventHub" ? "eventHubs" : "serviceBus",
      writes.namespace,
    ),
    serialization: output.serialization,
  });
}

/**
 * Stream Analytics' part of the stack: each job with its identity, diagnostics and lock, its
 * inputs and outputs (each authenticating with the job's identity, granted the narrowest role on
 * what it reads or writes) and the schedule that starts it. Runs after Service Bus, Event Hubs and
 * IoT Hub, whose hubs, queues and topics the jobs read and write.
 */
export function addStreamAnalytics(ctx: StackContext): void {
  for (const spec of ctx.model.streamAnalytics) {
    const job = new StreamAnalyticsJob(ctx.scope, ctx.ids.children.streamAnalytics(spec.name), {
      name: spec.azureName,
      label: spec.name,
      location: ctx.location,
      resourceGroupName: ctx.resourceGroupName,
      sku: spec.sku,
      streamingUnits: spec.streamingUnits,
      query: spec.query.text,
      queryFile: spec.query.file,
      compatibilityLevel: spec.compatibilityLevel,
      eventsOutOfOrderPolicy: spec.eventsOutOfOrderPolicy,
      eventsOutOfOrderMaxDelaySeconds: spec.eventsOutOfOrderMaxDelaySeconds,
      lateArrivalMaxDelaySeconds: spec.lateArrivalMaxDelaySeconds,
      outputErrorPolicy: spec.outputErrorPolicy,
      dataLocale: spec.dataLocale,
      logAnalyticsWorkspaceId: spec.diagnostics ? ctx.logAnalyticsWorkspaceId : undefined,
      lock: spec.lock,
      preventDestroy: spec.preventDestroy,
      tags: spec.tags,
    });
    // Monitoring gives every registered job its alerts (runtime, deserialization, watermark, SU %).
    ctx.entities.registerNamespace("streamAnalytics", spec.name, job.id);
    for (const input of spec.inputs) addInput(ctx, job, input);
    for (const output of spec.outputs) addOutput(ctx, job, output);
  }
}
