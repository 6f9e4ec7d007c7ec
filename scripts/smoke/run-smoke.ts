import type { TokenCredential } from "@azure/core-auth";
import type { EnvironmentModel } from "../../model/model";
import type { ArmClients } from "./arm-clients";
import { adviceFor, armFailureOf, credentialAdvice, isCredentialError } from "./arm-errors";
import { reconcileChildren } from "./compare";
import { eventHubChannel, probeHub, probeQueue, serviceBusQueueChannel } from "./data-plane";
import { summarize, type CheckResult, type SmokeSummary } from "./results";
import { getOrMissing, listAll, type VerifyContext } from "./verify-context";
import { verifyServiceBusNamespace } from "./verify/service-bus";
import { verifyEventHubsNamespace } from "./verify/event-hubs";
import {
  verifyEventGridNamespace,
  verifyEventGridSystemTopic,
  verifyEventGridTopic,
} from "./verify/event-grid";
import { verifyRelayNamespace } from "./verify/relay";
import { verifyLogicApp } from "./verify/logic-apps";
import { verifyIotHub } from "./verify/iot-hub";
import { verifyStreamAnalyticsJob } from "./verify/stream-analytics";

export interface SmokeRunOptions {
  readonly model: EnvironmentModel;
  readonly clients: ArmClients;
  readonly subscriptionId: string;
  readonly timeoutMs: number;
  readonly progress?: (message: string) => void;
  /** Needed for the data-plane probes only. */
  readonly credential?: TokenCredential;
  /** Unique per run; tags the probe message and event. */
  readonly runId?: string;
  readonly concurrency?: number;
}

/** No usable credential: nothing can be checked, exit 2. */
export class SmokeCredentialError extends Error {
  constructor(detail: string) {
    super(`${credentialAdvice} (${detail})`);
    this.name = "SmokeCredentialError";
  }
}

interface Task {
  readonly resource: string;
  run(): Promise<CheckResult[]>;
}

/** Checks every declared resource against Azure, a few at a time, and summarizes. */
export async function runSmoke(options: SmokeRunOptions): Promise<SmokeSummary> {
  const { model } = options;
  const ctx: VerifyContext = {
    clients: options.clients,
    subscriptionId: options.subscriptionId,
    resourceGroup: model.resourceGroupName,
    timeoutMs: options.timeoutMs,
    progress: options.progress ?? (() => undefined),
  };
  const tasks: Task[] = [
    ...model.serviceBus.map((ns) => ({
      resource: `serviceBus/${ns.name}`,
      run: () => verifyServiceBusNamespace(ns, ctx),
    })),
    ...model.eventHubs.map((ns) => ({
      resource: `eventHubs/${ns.name}`,
      run: () => verifyEventHubsNamespace(ns, ctx),
    })),
    ...model.eventGrid.topics.map((t) => ({
      resource: `eventGrid/topics/${t.name}`,
      run: () => verifyEventGridTopic(t, ctx),
    })),
    ...model.eventGrid.systemTopics.map((t) => ({
      resource: `eventGrid/systemTopics/${t.name}`,
      run: () => verifyEventGridSystemTopic(t, ctx),
    })),
    ...model.eventGrid.namespaces.map((ns) => ({
      resource: `eventGrid/namespaces/${ns.name}`,
      run: () => verifyEventGridNamespace(ns, ctx),
    })),
    ...model.relay.map((ns) => ({ resource: `relay/${ns.name}`, run: () => verifyRelayNamespace(ns, ctx) })),
    ...model.iotHub.map((hub) => ({ resource: `iotHub/${hub.name}`, run: () => verifyIotHub(hub, ctx) })),
    ...model.streamAnalytics.map((job) => ({
      resource: `streamAnalytics/${job.name}`,
      run: () => verifyStreamAnalyticsJob(job, ctx),
    })),
    ...model.logicApps.map((app) => ({
      resource: `logicApps/${app.name}`,
      run: () => verifyLogicApp(app, ctx),
    })),
    { resource: "resource group", run: () => unmanagedNamespaces(model, ctx) },
    ...dataPlaneTasks(options, ctx),
  ];
  const results = await runLimited(tasks, options.concurrency ?? 4, (task) => guarded(task, ctx));
  return summarize(model.name, results.flat());
}

/** Namespaces in the environment's resource group that the file does not declare. */
async function unmanagedNamespaces(model: EnvironmentModel, ctx: VerifyContext): Promise<CheckResult[]> {
  ctx.progress(`listing namespaces in ${ctx.resourceGroup}`);
  const declaredSb = model.serviceBus.flatMap((ns) => [
    ns.azureName,
    ...(ns.geoDisasterRecovery ? [ns.geoDisasterRecovery.secondaryAzureName] : []),
  ]);
  const declaredEh = model.eventHubs.flatMap((ns) => [
    ns.azureName,
    ...(ns.geoDisasterRecovery ? [ns.geoDisasterRecovery.secondaryAzureName] : []),
  ]);
  const [sb, eh] = await Promise.all([
    listAll(ctx, (o) => ctx.clients.serviceBus.namespaces.listByResourceGroup(ctx.resourceGroup, o)),
    listAll(ctx, (o) => ctx.clients.eventHubs.namespaces.listByResourceGroup(ctx.resourceGroup, o)),
  ]);
  const onlyUnmanaged = (results: readonly CheckResult[]) => results.filter((r) => r.status === "unmanaged");
  return [
    ...onlyUnmanaged(
      reconcileChildren(
        "serviceBus",
        "namespaces",
        declaredSb,
        sb.map((n) => n.name ?? ""),
      ).results,
    ),
    ...onlyUnmanaged(
      reconcileChildren(
        "eventHubs",
        "namespaces",
        declaredEh,
        eh.map((n) => n.name ?? ""),
      ).results,
    ),
  ];
}

function dataPlaneTasks(options: SmokeRunOptions, ctx: VerifyContext): Task[] {
  const { model, credential } = options;
  const smoke = model.smoke;
  if (!smoke || !credential) return [];
  const runId = options.runId ?? `smoke-${Date.now().toString(36)}`;
  const tasks: Task[] = [];
  if (smoke.serviceBusQueue) {
    const [nsName, queueName] = smoke.serviceBusQueue.split("/");
    const ns = model.serviceBus.find((n) => n.name === nsName);
    const queue = ns?.queues.find((q) => q.name === queueName);
    if (ns && queue) {
      tasks.push({
        resource: `serviceBus/${ns.name}/queues/${queue.name}`,
        run: async () => {
          const actual = await getOrMissing(ctx, (o) =>
            ctx.clients.serviceBus.namespaces.get(ctx.resourceGroup, ns.azureName, o),
          );
          const host = hostOf(actual?.serviceBusEndpoint);
          if (!host) return [{ status: "missing", resource: `serviceBus/${ns.name}` }];
          const channel = serviceBusQueueChannel(host, queue.name, credential, queue.sessions, runId);
          return [
            await probeQueue(`serviceBus/${ns.name}/queues/${queue.name}`, channel, runId, ctx.timeoutMs),
          ];
        },
      });
    }
  }
  if (smoke.eventHub) {
    const [nsName, hubName] = smoke.eventHub.split("/");
    const ns = model.eventHubs.find((n) => n.name === nsName);
    if (ns) {
      tasks.push({
        resource: `eventHubs/${ns.name}/hubs/${hubName}`,
        run: async () => {
          const actual = await getOrMissing(ctx, (o) =>
            ctx.clients.eventHubs.namespaces.get(ctx.resourceGroup, ns.azureName, o),
          );
          const host = hostOf(actual?.serviceBusEndpoint);
          if (!host) return [{ status: "missing", resource: `eventHubs/${ns.name}` }];
          const channel = eventHubChannel(host, hubName, smoke.consumerGroup ?? "$Default", credential);
          return [await probeHub(`eventHubs/${ns.name}/hubs/${hubName}`, channel, runId, ctx.timeoutMs)];
        },
      });
    }
  }
  return tasks;
}

/** `https://x.servicebus.windows.net:443/` → `x.servicebus.windows.net` (whatever the cloud's suffix). */
function hostOf(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined;
  try {
    return new URL(endpoint).hostname;
  } catch {
    return undefined;
  }
}

async function guarded(task: Task, ctx: VerifyContext): Promise<CheckResult[]> {
  try {
    return await task.run();
  } catch (error) {
    if (isCredentialError(error))
      throw new SmokeCredentialError(error instanceof Error ? error.message : String(error));
    return [{ status: "error", resource: task.resource, detail: adviceFor(armFailureOf(error), ctx) }];
  }
}

async function runLimited<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await run(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
