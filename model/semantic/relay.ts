import type { RelayNamespaceSpec } from "../spec";
import type { SemanticContext } from "./context";
import { allowedIpRangesNeedPublicAccess } from "./tier-requirements";

/** "Relay endpoints per service namespace" (Azure Relay FAQ, Quotas): hybrid connections and WCF relays together. */
const MAX_RELAY_ENDPOINTS = 10000;

/** Options Azure Relay has no switch for, and the relay limits from its documented quotas. */
export function checkRelays(ctx: SemanticContext): void {
  (ctx.spec.relay ?? []).forEach((namespace, index) => checkNamespace(ctx, namespace, `/relay/${index}`));
}

function checkNamespace(ctx: SemanticContext, namespace: RelayNamespaceSpec, at: string): void {
  // Microsoft.Relay/namespaces has no disableLocalAuth property (API 2024-01-01), so shared access
  // keys cannot be refused; saying otherwise would be a setting that silently does nothing.
  if (namespace.localAuth === false) {
    ctx.error(
      `${at}/localAuth`,
      `Azure Relay cannot disable local (SAS) authentication: remove localAuth. Access is granted with Entra ID roles (listeners, senders) and the project creates no SAS rules`,
    );
  }
  if (namespace.customerManagedKey === true) {
    ctx.error(
      `${at}/customerManagedKey`,
      `Azure Relay namespaces do not support customer-managed keys: remove customerManagedKey`,
    );
  }
  if ((namespace.userAssignedIdentityIds ?? []).length > 0) {
    ctx.error(
      `${at}/userAssignedIdentityIds`,
      `Azure Relay namespaces take no managed identities (they call no other service): remove userAssignedIdentityIds`,
    );
  }

  // The namespace's networkRuleSets apply IP rules to the public endpoint only ("Configure IP
  // firewall for an Azure Relay namespace").
  allowedIpRangesNeedPublicAccess(ctx, "relay", at, namespace);

  const hybrid = namespace.hybridConnections ?? [];
  const wcf = namespace.wcfRelays ?? [];
  if (hybrid.length + wcf.length > MAX_RELAY_ENDPOINTS) {
    ctx.error(
      at,
      `a Relay namespace holds at most ${MAX_RELAY_ENDPOINTS} relay endpoints (hybrid connections and WCF relays together), got ${hybrid.length + wcf.length}`,
    );
  }
  [
    ...hybrid.map((entity, index) => ({ entity, pointer: `${at}/hybridConnections/${index}` })),
    ...wcf.map((entity, index) => ({ entity, pointer: `${at}/wcfRelays/${index}` })),
  ].forEach(({ entity, pointer }) => {
    if (entity.userMetadata !== undefined && entity.userMetadata.trim() === "") {
      ctx.error(`${pointer}/userMetadata`, `userMetadata must be omitted or non-empty, got ""`);
    }
  });
}
