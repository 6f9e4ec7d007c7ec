import { relayNamespaceProblems } from "../../azure/relay";
import type { SemanticContext } from "./context";
import { allowedIpRangesNeedPublicAccess } from "./tier-requirements";

/**
 * Azure Relay's rules (`azure/relay.ts`) on every declared namespace: the shared options Relay has
 * no setting for, its quotas and its relays' settings. Names are checked with the other Azure names.
 */
export function checkRelays(ctx: SemanticContext): void {
  (ctx.spec.relay ?? []).forEach((namespace, index) => {
    const at = `/relay/${index}`;
    ctx.report(at, relayNamespaceProblems(namespace));
    // IP rules the file states against public access it leaves to the tier; where the file itself
    // closes the public endpoint, the rule above has said so.
    if (namespace.publicNetworkAccess === undefined)
      allowedIpRangesNeedPublicAccess(ctx, "relay", at, namespace);
  });
}
