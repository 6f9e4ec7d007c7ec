/**
 * Other resources the file names by ARM ID that the stack uses but does not create: identities
 * assigned to namespaces, storage accounts that receive captures, dead letters, route output or
 * uploads, dedicated Event Hubs clusters and Azure Functions that receive events.
 */
import type { EnvironmentModel, EventDestination, SourceLocation } from "../../../model/model";
import type { CheckFamily } from "../context";
import { fail, nameOf, pass } from "../findings";

interface Reference {
  readonly id: string;
  /** What the file uses it for, e.g. "capture storage of eventHubs/telemetry/device-telemetry". */
  readonly use: string;
  readonly source: SourceLocation;
}

function destinationIds(destination: EventDestination | undefined): string[] {
  if (!destination) return [];
  if (destination.kind === "storageQueue") return [destination.storageAccountId];
  if (destination.kind === "azureFunction") return [destination.functionId];
  return [];
}

function referencesOf(model: EnvironmentModel): Reference[] {
  const refs: Reference[] = [];
  const namespaces = [
    ...model.serviceBus.map((ns) => ({ ns, ref: `serviceBus/${ns.name}` })),
    ...model.eventHubs.map((ns) => ({ ns, ref: `eventHubs/${ns.name}` })),
    ...model.eventGrid.topics.map((ns) => ({ ns, ref: `eventGrid/topics/${ns.name}` })),
    ...model.eventGrid.namespaces.map((ns) => ({ ns, ref: `eventGrid/namespaces/${ns.name}` })),
    ...model.relay.map((ns) => ({ ns, ref: `relay/${ns.name}` })),
    ...model.iotHub.map((ns) => ({ ns, ref: `iotHub/${ns.name}` })),
  ];
  for (const { ns, ref } of namespaces) {
    for (const id of ns.userAssignedIdentityIds)
      refs.push({ id, use: `identity of ${ref}`, source: ns.source });
  }
  for (const ns of model.eventHubs) {
    if (ns.dedicatedClusterId) {
      refs.push({ id: ns.dedicatedClusterId, use: `cluster of eventHubs/${ns.name}`, source: ns.source });
    }
    for (const hub of ns.hubs) {
      if (hub.capture?.storageAccountId) {
        refs.push({
          id: hub.capture.storageAccountId,
          use: `capture storage of eventHubs/${ns.name}/${hub.name}`,
          source: hub.source,
        });
      }
    }
  }
  const subscriptions = [
    ...model.eventGrid.topics.flatMap((t) =>
      t.subscriptions.map((s) => ({ s, ref: `eventGrid/topics/${t.name}/${s.name}` })),
    ),
    ...model.eventGrid.systemTopics.flatMap((t) =>
      t.subscriptions.map((s) => ({ s, ref: `eventGrid/systemTopics/${t.name}/${s.name}` })),
    ),
  ];
  for (const { s, ref } of subscriptions) {
    for (const id of destinationIds(s.destination))
      refs.push({ id, use: `destination of ${ref}`, source: s.source });
    if (s.deadLetter?.storageAccountId) {
      refs.push({
        id: s.deadLetter.storageAccountId,
        use: `dead-letter storage of ${ref}`,
        source: s.source,
      });
    }
  }
  for (const ns of model.eventGrid.namespaces) {
    for (const id of destinationIds(ns.mqtt?.routeTo))
      refs.push({ id, use: `MQTT route of eventGrid/namespaces/${ns.name}`, source: ns.source });
  }
  for (const hub of model.iotHub) {
    for (const route of hub.routes) {
      if (route.target.kind === "storageContainer") {
        refs.push({
          id: route.target.storageAccountId,
          use: `route ${route.name} of iotHub/${hub.name}`,
          source: route.source,
        });
      }
    }
    if (hub.fileUpload)
      refs.push({
        id: hub.fileUpload.storageAccountId,
        use: `file upload of iotHub/${hub.name}`,
        source: hub.source,
      });
  }
  return refs;
}

export const references: CheckFamily = {
  what: "referenced resources",
  run: async (ctx, guard) => {
    const byId = new Map<string, Reference[]>();
    for (const ref of referencesOf(ctx.model))
      byId.set(ref.id.toLowerCase(), [...(byId.get(ref.id.toLowerCase()) ?? []), ref]);
    const findings = [];
    for (const refs of byId.values()) {
      const [first] = refs;
      const check = `${nameOf(first.id)} (${refs.map((r) => r.use).join("; ")}) exists`;
      findings.push(
        await guard(check, async () =>
          (await ctx.arm.get(first.id))
            ? pass(check)
            : fail(
                check,
                `no resource ${first.id}`,
                `create it, or correct the ID at ${first.source.file}:${first.source.line}`,
              ),
        ),
      );
    }
    return findings;
  },
};
