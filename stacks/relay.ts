import { HybridConnection, RelayNamespace, WcfRelay } from "../constructs/relay";
import type * as model from "../model/model";
import { privateEndpointOf } from "./private-endpoint-of";
import type { StackContext } from "./stack-context";

/**
 * Relay's part of the stack: namespaces with their network rules, diagnostics and private
 * endpoints, hybrid connections and WCF relays, and the Listener / Sender / Owner role
 * assignments on each connection. Local (SAS) authentication has no switch in Azure Relay, so the
 * model's `localAuth` has nothing to set here; no SAS rules are created.
 */
export function addRelay(ctx: StackContext): void {
  for (const namespace of ctx.model.relay) addNamespace(ctx, namespace);
}

function addNamespace(ctx: StackContext, namespace: model.RelayNamespace): void {
  const grantee = (principal: model.Principal) => ctx.ids.grantees.grantee(principal);
  const construct = new RelayNamespace(ctx.scope, ctx.ids.children.relay(namespace.name), {
    name: namespace.azureName,
    location: ctx.location,
    resourceGroupName: ctx.resourceGroupName,
    publicNetworkAccess: namespace.publicNetworkAccess,
    allowedIpRanges: namespace.allowedIpRanges,
    trustedServicesAllowed: namespace.trustedServicesAllowed,
    logAnalyticsWorkspaceId: namespace.diagnostics ? ctx.logAnalyticsWorkspaceId : undefined,
    privateEndpoint: privateEndpointOf(namespace),
    lock: namespace.lock,
    preventDestroy: namespace.preventDestroy,
    tags: namespace.tags,
  });
  ctx.entities.registerNamespace("relay", namespace.name, construct.id);
  for (const principal of namespace.senders) construct.grantSend(grantee(principal));
  for (const principal of namespace.receivers) construct.grantListen(grantee(principal));
  for (const principal of namespace.owners) construct.grantManage(grantee(principal));

  for (const connection of namespace.hybridConnections) {
    const hybrid = new HybridConnection(construct, `hybrid-connection-${connection.name}`, {
      namespace: construct,
      name: connection.name,
      requiresClientAuthorization: connection.requiresClientAuthorization,
      userMetadata: connection.userMetadata,
      preventDestroy: connection.preventDestroy,
    });
    for (const principal of connection.listeners) hybrid.grantListen(grantee(principal));
    for (const principal of connection.senders) hybrid.grantSend(grantee(principal));
    for (const principal of connection.owners) hybrid.grantManage(grantee(principal));
  }
  for (const relay of namespace.wcfRelays) {
    const wcf = new WcfRelay(construct, `wcf-relay-${relay.name}`, {
      namespace: construct,
      name: relay.name,
      relayType: relay.relayType,
      requiresClientAuthorization: relay.requiresClientAuthorization,
      requiresTransportSecurity: relay.requiresTransportSecurity,
      userMetadata: relay.userMetadata,
      preventDestroy: relay.preventDestroy,
    });
    for (const principal of relay.listeners) wcf.grantListen(grantee(principal));
    for (const principal of relay.senders) wcf.grantSend(grantee(principal));
  }
}
