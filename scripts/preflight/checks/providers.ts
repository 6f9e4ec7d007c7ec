import type { CheckFamily } from "../context";
import { fail, pass } from "../findings";

/**
 * The resource providers the stack's resources belong to are registered: the provider block
 * registers none (`resource_provider_registrations = "none"`), so an unregistered one fails the
 * apply with Azure's "MissingSubscriptionRegistration".
 */
export const resourceProviders: CheckFamily = {
  what: "resource providers",
  run: async (ctx, guard) => {
    const namespaces = ctx.requirements.resourceProviders;
    if (namespaces.length === 0) return [];
    const check = `resource providers registered in subscription ${ctx.subscriptionId}: ${namespaces.join(", ")}`;
    return [
      await guard(check, async () => {
        const states = await Promise.all(
          namespaces.map(async (namespace) => {
            const provider = await ctx.clients.resources.providers.get(namespace);
            return { namespace, state: provider.registrationState ?? "NotRegistered" };
          }),
        );
        const missing = states.filter((s) => s.state !== "Registered");
        if (missing.length === 0) return pass(check);
        return fail(
          check,
          `not registered: ${missing.map((m) => `${m.namespace} (${m.state})`).join(", ")}`,
          `npm run bootstrap -- --env ${ctx.model.name} (registers them), or with an identity that may: ${missing
            .map((m) => `az provider register --namespace ${m.namespace}`)
            .join(" && ")}`,
        );
      }),
    ];
  },
};
