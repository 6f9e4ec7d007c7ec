import fc from "fast-check";
import {
  entityName,
  few,
  grantFields,
  maybe,
  namespaceCommon,
  namespaceName,
  usually,
  type Json,
  type Tier,
} from "./common";

/*
 * Azure Relay namespaces with hybrid connections and WCF relays; listeners, senders and owners
 * often name the same principal. Options Relay has no switch for are drawn rarely.
 */

const userMetadata = maybe(usually(fc.constantFrom("team=ops", "<b>"), [" ", "x".repeat(1025)]), 1, 4);

const hybridConnection = fc.record({
  name: entityName,
  requiresClientAuthorization: maybe(fc.boolean(), 1, 3),
  userMetadata,
  ...grantFields(["listeners", "senders", "owners"]),
});

const wcfRelay = fc.record({
  name: entityName,
  relayType: fc.constantFrom("NetTcp", "Http"),
  requiresClientAuthorization: maybe(fc.boolean(), 1, 3),
  requiresTransportSecurity: maybe(fc.boolean(), 1, 3),
  userMetadata,
  ...grantFields(["listeners", "senders"]),
});

/** One Relay namespace. */
export function relayNamespace(tier: Tier): fc.Arbitrary<Json> {
  return fc
    .tuple(
      // Relay keeps SAS keys, has no customer-managed keys and takes no identities.
      namespaceCommon({ tier, lacks: ["localAuth", "customerManagedKey", "userAssignedIdentityIds"] }),
      fc.record({
        name: namespaceName,
        sku: maybe(fc.constant("Standard")),
        hybridConnections: maybe(few(hybridConnection, 3), 3, 1),
        wcfRelays: maybe(few(wcfRelay, 2), 1, 2),
      }),
    )
    .map(([common, own]) => ({ ...common, ...own }));
}
