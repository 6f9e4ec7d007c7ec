import type {
  EnvironmentModel,
  HybridConnection,
  RelayNamespace,
  SourceLocation,
  WcfRelay,
} from "../../../stacks/environment/model";
import { analytics, environmentWith, ordersApi } from "./service-bus-model";

/** Hand-built Relay models for stack tests, shaped like the resolver's output for prod.yaml's `plant-bridge`. */

const source = (pointer: string): SourceLocation => ({
  file: "environments/test.yaml",
  line: 1,
  column: 1,
  pointer,
});

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
    localAuth: false,
    publicNetworkAccess: false,
    allowedIpRanges: [],
    trustedServicesAllowed: true,
    minimumTlsVersion: "1.2",
    diagnostics: true,
    lock: false,
    preventDestroy: false,
    userAssignedIdentityIds: [],
    tags: { environment: "test" },
    senders: [],
    receivers: [],
    owners: [],
    sku: "Standard",
    hybridConnections: [hybridConnectionModel({ name: "historian" })],
    wcfRelays: [],
    ...overrides,
  };
}

export function environmentWithRelay(relay: readonly RelayNamespace[]): EnvironmentModel {
  return { ...environmentWith([]), relay };
}
