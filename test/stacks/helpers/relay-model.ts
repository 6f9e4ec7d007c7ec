import type { EnvironmentModel, HybridConnection, RelayNamespace, WcfRelay } from "../../../model/model";
import { namespaceDefaults, source } from "./model-defaults";
import { analytics, environmentWith, ordersApi } from "./service-bus-model";

/** Hand-built Relay models for stack tests, shaped like the resolver's output for prod.yaml's `plant-bridge`. */

export function hybridConnectionModel(
  overrides: Partial<HybridConnection> & { name: string },
): HybridConnection {
  return {
    requiresClientAuthorization: true,
    listeners: [ordersApi],
    senders: [analytics],
    owners: [],
    preventDestroy: false,
    source: source(`/relay/0/hybridConnections/${overrides.name}`),
    ...overrides,
  };
}

export function wcfRelayModel(overrides: Partial<WcfRelay> & { name: string }): WcfRelay {
  return {
    relayType: "NetTcp",
    requiresClientAuthorization: true,
    requiresTransportSecurity: true,
    listeners: [ordersApi],
    senders: [],
    preventDestroy: false,
    source: source(`/relay/0/wcfRelays/${overrides.name}`),
    ...overrides,
  };
}

export function relayModel(overrides: Partial<RelayNamespace> = {}): RelayNamespace {
  return {
    name: "plant-bridge",
    azureName: "relay-contoso-plant-bridge-test",
    source: source("/relay/0"),
    ...namespaceDefaults(),
    publicNetworkAccess: false,
    sku: "Standard",
    hybridConnections: [hybridConnectionModel({ name: "historian" })],
    wcfRelays: [],
    ...overrides,
  };
}

export function environmentWithRelay(relay: readonly RelayNamespace[]): EnvironmentModel {
  return { ...environmentWith([]), relay };
}
