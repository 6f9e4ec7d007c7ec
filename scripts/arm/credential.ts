/**
 * How the commands that talk to Azure (smoke, preflight) sign in and which subscription they use.
 * A credential is only created once the configuration has been checked, so a misconfigured run
 * asks nothing of the identity endpoints.
 */
import type { TokenCredential } from "@azure/core-auth";
import { AzureAuthorityHosts, DefaultAzureCredential } from "@azure/identity";
import type { CloudName } from "../smoke/clouds";

const authorityHosts: Readonly<Record<CloudName, string>> = {
  AzurePublicCloud: AzureAuthorityHosts.AzurePublicCloud,
  AzureChinaCloud: AzureAuthorityHosts.AzureChina,
  AzureUSGovernment: AzureAuthorityHosts.AzureGovernment,
};

/** DefaultAzureCredential (OIDC in CI, `az login` on a workstation), at the cloud's authority. */
export function defaultCredential(cloud: string | undefined): TokenCredential {
  const authorityHost = cloud && cloud in authorityHosts ? authorityHosts[cloud as CloudName] : undefined;
  return new DefaultAzureCredential(authorityHost ? { authorityHost } : {});
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The subscription to use (`--subscription`, else AZURE_SUBSCRIPTION_ID), or why there is none:
 * a message naming what to set.
 */
export function subscriptionFrom(
  given: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  purpose: string,
): { readonly id: string } | { readonly problem: string } {
  const id = given ?? env.AZURE_SUBSCRIPTION_ID;
  if (!id) {
    return {
      problem: `no subscription: set AZURE_SUBSCRIPTION_ID (or pass --subscription) to the subscription ${purpose}`,
    };
  }
  if (!guid.test(id)) return { problem: `the subscription ID must be a GUID, got "${id}"` };
  return { id };
}
