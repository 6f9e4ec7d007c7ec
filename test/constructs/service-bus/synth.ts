import type { Construct } from "constructs";
import { ServiceBusNamespace, type ServiceBusNamespaceProps } from "../../../constructs/service-bus";

export { synth, resourcesOf, onlyResource, validationErrors, type Synthesized } from "../synthesized";

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
