/**
 * Every globally unique name the stack claims is still free, or already belongs to this
 * environment (a namespace the first deploy created, or one imported into its resource group).
 * Each service answers through its CheckNameAvailability operation (REST API specifications:
 * Microsoft.ServiceBus, Microsoft.EventHub, Microsoft.Relay and Microsoft.Devices `checkNameAvailability`,
 * Microsoft.Devices `checkProvisioningServiceNameAvailability` at 2022-02-05, Microsoft.Storage
 * `checkNameAvailability` at 2023-05-01).
 */
import { globalNames, type GlobalNameKind } from "../../../azure/global-names";
import type { EnvironmentModel, SourceLocation } from "../../../model/model";
import type { GlobalName } from "../../../stacks/stack-requirements";
import type { CheckFamily, PreflightContext } from "../context";
import { fail, pass } from "../findings";

interface Availability {
  readonly available: boolean;
  /** Azure's reason: the name is taken, or not a valid name at all. */
  readonly reason?: string;
  readonly message?: string;
}

async function availability(
  ctx: PreflightContext,
  kind: GlobalNameKind,
  name: string,
): Promise<Availability> {
  const { clients, arm, subscriptionId } = ctx;
  const answer = async (
    result: Promise<{ nameAvailable?: boolean; reason?: string; message?: string }>,
  ): Promise<Availability> => {
    const r = await result;
    return { available: r.nameAvailable === true, reason: r.reason, message: r.message };
  };
  const post = (path: string, apiVersion: string, body: Record<string, string>) =>
    answer(
      arm.post(`/subscriptions/${subscriptionId}/providers/${path}`, apiVersion, body) as Promise<{
        nameAvailable?: boolean;
        reason?: string;
        message?: string;
      }>,
    );
  switch (kind) {
    case "serviceBusNamespace":
      return answer(clients.serviceBus.namespaces.checkNameAvailability({ name }));
    case "eventHubsNamespace":
      return answer(clients.eventHubs.namespaces.checkNameAvailability({ name }));
    case "relayNamespace":
      return answer(clients.relay.namespaces.checkNameAvailability({ name }));
    case "iotHub":
      return answer(clients.iotHub.iotHubResource.checkNameAvailability({ name }));
    case "deviceProvisioningService":
      return post("Microsoft.Devices/checkProvisioningServiceNameAvailability", "2022-02-05", { name });
    case "storageAccount":
      return post("Microsoft.Storage/checkNameAvailability", "2023-05-01", {
        name,
        type: "Microsoft.Storage/storageAccounts",
      });
  }
}

/** Where the file gives or derives the name, so the fix can point at a line. */
function sourcesOf(model: EnvironmentModel): Map<string, SourceLocation> {
  const sources = new Map<string, SourceLocation>();
  const add = (name: string | undefined, source: SourceLocation) => {
    if (name) sources.set(name.toLowerCase(), source);
  };
  for (const ns of [...model.serviceBus, ...model.eventHubs]) {
    add(ns.azureName, ns.source);
    add(ns.geoDisasterRecovery?.secondaryAzureName, ns.source);
  }
  for (const ns of model.relay) add(ns.azureName, ns.source);
  for (const hub of model.iotHub) {
    add(hub.azureName, hub.source);
    add(hub.deviceProvisioning?.azureName, hub.source);
  }
  return sources;
}

function fixFor(model: EnvironmentModel, source: SourceLocation | undefined): string {
  if (!source) {
    return `the name is built from naming.prefix and naming.workload in ${model.file}: change one of them`;
  }
  return `set resourceName at ${source.file}:${source.line} (the resource declared there) to a name nobody holds`;
}

export const names: CheckFamily = {
  what: "globally unique names",
  run: async (ctx, guard) => {
    const sources = sourcesOf(ctx.model);
    const rg = `/subscriptions/${ctx.subscriptionId}/resourceGroups/${ctx.model.resourceGroupName}`;
    const one = ({ kind, name }: GlobalName) => {
      const facts = globalNames[kind];
      const check = `${facts.what} name ${name} is free or already this environment's`;
      return guard(check, async () => {
        const result = await availability(ctx, kind, name);
        if (result.available) return pass(check, "free");
        const taken = /inuse|alreadyexists/i.test(result.reason ?? "");
        if (taken && (await ctx.arm.get(`${rg}/providers/${facts.armType}/${name}`))) {
          return pass(check, `already in resource group ${ctx.model.resourceGroupName}`);
        }
        return fail(
          check,
          taken
            ? `${name}.${facts.dnsSuffix} belongs to someone else${result.message ? ` (${result.message})` : ""}`
            : `Azure refuses the name: ${result.message ?? result.reason ?? "invalid"}`,
          fixFor(ctx.model, sources.get(name.toLowerCase())),
        );
      });
    };
    const findings = [];
    for (const name of ctx.requirements.globalNames) findings.push(await one(name));
    return findings;
  },
};
