import { Testing } from "cdktf";
import type { Construct } from "constructs";
import {
  EventHub,
  EventHubsNamespace,
  type EventHubProps,
  type EventHubsNamespaceProps,
} from "../../../constructs/event-hubs";

/** The synthesized Terraform JSON of whatever `build` adds to a fresh stack. */
export interface Synthesized {
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
}

export function synth(build: (scope: Construct) => void): Synthesized {
  return JSON.parse(Testing.synthScope(build)) as Synthesized;
}

/** Every resource of `type`, in declaration order. */
export function resourcesOf(json: Synthesized, type: string): Record<string, unknown>[] {
  return Object.values(json.resource[type] ?? {});
}

/** The only resource of `type`; fails the test when there is not exactly one. */
export function onlyResource(json: Synthesized, type: string): Record<string, unknown> {
  const found = resourcesOf(json, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}

export const namespaceProps: EventHubsNamespaceProps = {
  name: "evhns-contoso-telemetry-test",
  logicalName: "telemetry",
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
