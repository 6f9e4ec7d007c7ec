import type { Construct } from "constructs";
import {
  EventHub,
  EventHubsNamespace,
  type EventHubProps,
  type EventHubsNamespaceProps,
} from "../../../constructs/event-hubs";

export { synth, resourcesOf, onlyResource, validationErrors, type Synthesized } from "../synthesized";

export const namespaceProps: EventHubsNamespaceProps = {
  name: "evhns-contoso-telemetry-test",
  label: "telemetry",
  location: "westeurope",
  resourceGroupName: "rg-test",
  sku: "Standard",
};

export function namespace(
  scope: Construct,
  overrides: Partial<EventHubsNamespaceProps> = {},
): EventHubsNamespace {
  return new EventHubsNamespace(scope, "ns", { ...namespaceProps, ...overrides });
}

export function hub(
  scope: Construct,
  overrides: Partial<EventHubProps> = {},
  namespaceOverrides: Partial<EventHubsNamespaceProps> = {},
): EventHub {
  const ns = overrides.namespace ?? namespace(scope, namespaceOverrides);
  return new EventHub(scope, "hub", { name: "device-telemetry", ...overrides, namespace: ns });
}

export const plantGateway = {
  name: "plant-gateway",
  principalId: "44444444-4444-4444-4444-444444444444",
  principalType: "ServicePrincipal",
} as const;

export const analytics = {
  name: "analytics",
  principalId: "33333333-3333-3333-3333-333333333333",
  principalType: "Group",
} as const;
