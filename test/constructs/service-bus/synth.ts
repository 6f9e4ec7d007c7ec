import { Testing } from "cdktf";
import type { Construct } from "constructs";
import { ServiceBusNamespace, type ServiceBusNamespaceProps } from "../../../constructs/service-bus";

/** The synthesized Terraform JSON of whatever `build` adds to a fresh stack. */
export interface Synthesized {
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, Record<string, unknown>>;
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

export const namespaceProps: ServiceBusNamespaceProps = {
  name: "sbns-contoso-orders-test",
  label: "orders",
  resourceGroupName: "rg-test",
  location: "westeurope",
  sku: "Standard",
};

export function namespace(
  scope: Construct,
  overrides: Partial<ServiceBusNamespaceProps> = {},
): ServiceBusNamespace {
  return new ServiceBusNamespace(scope, "ns", { ...namespaceProps, ...overrides });
}

export const ordersApi = {
  name: "orders-api",
  principalId: "11111111-1111-1111-1111-111111111111",
  principalType: "ServicePrincipal",
} as const;
