import { relayCapabilities, RELAY_SKU } from "../../azure/relay";
import type { HybridConnection, RelayNamespace, WcfRelay } from "../model";
import { azureNameOf } from "../resource-names";
import type { HybridConnectionSpec, RelayNamespaceSpec, WcfRelaySpec } from "../spec";
import type { ResolveContext } from "./context";

function hybridConnection(
  ctx: ResolveContext,
  ns: string,
  h: HybridConnectionSpec,
  pointer: string,
): HybridConnection {
  return {
    name: h.name,
    // Client authorization is on unless turned off (azurerm relay_hybrid_connection default true).
    requiresClientAuthorization: h.requiresClientAuthorization ?? true,
    userMetadata: h.userMetadata,
    listeners: ctx.principalList(h.listeners),
    senders: ctx.principalList(h.senders),
    owners: ctx.principalList(h.owners),
    source: ctx.source(pointer),
    preventDestroy: ctx.preventDestroy("relay", ns, h.name),
  };
}

function wcfRelay(ctx: ResolveContext, ns: string, w: WcfRelaySpec, pointer: string): WcfRelay {
  return {
    name: w.name,
    relayType: w.relayType,
    requiresClientAuthorization: w.requiresClientAuthorization ?? true,
    requiresTransportSecurity: w.requiresTransportSecurity ?? true,
    userMetadata: w.userMetadata,
    listeners: ctx.principalList(w.listeners),
    senders: ctx.principalList(w.senders),
    source: ctx.source(pointer),
    preventDestroy: ctx.preventDestroy("relay", ns, w.name),
  };
}

export function resolveRelayNamespace(
  ctx: ResolveContext,
  ns: RelayNamespaceSpec,
  index: number,
): RelayNamespace {
  const pointer = `/relay/${index}`;
  return {
    ...ctx.namespaceSettings(ns, pointer, {
      service: "relay",
      azureName: azureNameOf("relayNamespace", ctx.naming, ns),
      privateEndpointSupported: relayCapabilities.privateEndpoint === true,
      customerManagedKeySupported: relayCapabilities.customerManagedKey === true,
      dnsZone: "relay",
    }),
    sku: RELAY_SKU,
    hybridConnections: (ns.hybridConnections ?? []).map((h, j) =>
      hybridConnection(ctx, ns.name, h, `${pointer}/hybridConnections/${j}`),
    ),
    wcfRelays: (ns.wcfRelays ?? []).map((w, j) => wcfRelay(ctx, ns.name, w, `${pointer}/wcfRelays/${j}`)),
  };
}
